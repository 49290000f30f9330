import { ConfigError, loadEnv, PlatformEnv, ServiceEnv, settingNames } from './env';

const VALID = { DATABASE_URL: 'postgres://samen_identity@127.0.0.1:5432/samen' };

function problemsOf(source: Record<string, unknown>): string[] {
  try {
    loadEnv(ServiceEnv, source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnv', () => {
  it('fills defaults and converts numbers', () => {
    const env = loadEnv(ServiceEnv, { ...VALID, HEALTH_PORT: '8081' });
    expect(env).toBeInstanceOf(ServiceEnv);
    expect(env.DATABASE_URL).toBe(VALID.DATABASE_URL);
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(env.NODE_ENV).toBe('development');
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.HEALTH_PORT).toBe(8081);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.NATS_REQUEST_TIMEOUT_MS).toBe(5000);
    expect(env.SHUTDOWN_GRACE_MS).toBe(1000);
  });

  it('treats an empty value as not set, so the default applies', () => {
    const env = loadEnv(ServiceEnv, { ...VALID, LOG_LEVEL: '', NATS_URL: '' });
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('accepts several NATS servers, comma-separated', () => {
    expect(loadEnv(PlatformEnv, { NATS_URL: 'nats://a:4222,nats://b:4222' }).NATS_URL).toBe('nats://a:4222,nats://b:4222');
  });

  it('ignores variables it does not declare', () => {
    const env = loadEnv(ServiceEnv, { ...VALID, PATH: '/usr/bin', SOMETHING_ELSE: 'x' });
    expect(Object.keys(env)).not.toContain('PATH');
    expect(Object.keys(env)).not.toContain('SOMETHING_ELSE');
  });

  it('names a missing required setting', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL = niet gezet \/ not set/);
  });

  it('names every bad value at once, not just the first', () => {
    const problems = problemsOf({
      DATABASE_URL: 'nonsense',
      NATS_URL: 'http://broker:4222',
      LOG_LEVEL: 'loud',
      HEALTH_PORT: 'abc',
      DATABASE_POOL_MAX: '0',
      NODE_ENV: 'staging',
    });
    const named = problems.map((p) => p.split(' ')[0]).sort();
    expect(named).toEqual(['DATABASE_POOL_MAX', 'DATABASE_URL', 'HEALTH_PORT', 'LOG_LEVEL', 'NATS_URL', 'NODE_ENV']);
    const error = new ConfigError(problems);
    for (const name of named) expect(error.message).toContain(name);
  });

  it('rejects numbers out of range and fractions', () => {
    expect(problemsOf({ ...VALID, HEALTH_PORT: '65536' })[0]).toMatch(/^HEALTH_PORT = '65536'/);
    expect(problemsOf({ ...VALID, SHUTDOWN_GRACE_MS: '1.5' })[0]).toMatch(/^SHUTDOWN_GRACE_MS/);
  });

  // A bad URL may still hold a password; a config error goes to logs and terminals.
  it('does not echo URLs or secrets in the error', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://samen:geheim@db/samen', NATS_URL: 'http://user:pw@broker', LOG_LEVEL: 'loud' });
    const text = new ConfigError(problems).message;
    expect(text).not.toContain('geheim');
    expect(text).not.toContain('user:pw');
    expect(text).toContain("DATABASE_URL = '***'");
    expect(text).toContain("NATS_URL = '***'");
    // Harmless values stay visible, so the operator sees what was wrong.
    expect(text).toContain("LOG_LEVEL = 'loud'");
  });

  it('lists the setting names a class declares, including inherited ones', () => {
    const names = settingNames(ServiceEnv);
    expect(names).toEqual(expect.arrayContaining(['NATS_URL', 'LOG_LEVEL', 'DATABASE_URL', 'HEALTH_PORT', 'OUTBOX_POLL_MS']));
    expect(settingNames(PlatformEnv)).not.toContain('DATABASE_URL');
  });
});
