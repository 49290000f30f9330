import { ConfigError, loadEnv } from '@samen/platform';
import { GatewayEnv, trustProxyOption } from './gateway-env';

describe('GatewayEnv', () => {
  it('has working defaults, with administration switched off', () => {
    const env = loadEnv(GatewayEnv, {});
    expect(env.SAMEN_ADMIN_TOKEN).toBeUndefined();
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      PUBLIC_URL: 'http://localhost:3000',
      BODY_LIMIT_BYTES: 1024 * 1024,
      RATE_LIMIT_PER_MINUTE: 600,
      CORS_ORIGINS: [],
      DISCOVERY_TIMEOUT_MS: 1000,
    });
  });

  it('reads numbers, a comma list of origins and strips a trailing slash from PUBLIC_URL', () => {
    const env = loadEnv(GatewayEnv, {
      PORT: '0',
      PUBLIC_URL: 'https://samen.zoetermeer.nl/',
      CORS_ORIGINS: ' https://app.zoetermeer.nl, http://localhost:5173 ,',
      RATE_LIMIT_PER_MINUTE: '5',
    });
    expect(env).toMatchObject({
      PORT: 0,
      PUBLIC_URL: 'https://samen.zoetermeer.nl',
      CORS_ORIGINS: ['https://app.zoetermeer.nl', 'http://localhost:5173'],
      RATE_LIMIT_PER_MINUTE: 5,
    });
  });

  it('names every bad setting at once and never prints the admin token', () => {
    let thrown: unknown;
    try {
      loadEnv(GatewayEnv, { PORT: '70000', PUBLIC_URL: 'samen.nl', CORS_ORIGINS: 'https://a.nl/pad', SAMEN_ADMIN_TOKEN: 'kort-geheim' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'PUBLIC_URL', 'CORS_ORIGINS', 'SAMEN_ADMIN_TOKEN']) expect(problems).toContain(name);
    expect(problems).not.toContain('kort-geheim');
  });

  it('reads TRUST_PROXY as Fastify takes it, and refuses anything else', () => {
    expect(trustProxyOption(undefined)).toBe(false);
    expect(trustProxyOption('true')).toBe(true);
    expect(trustProxyOption('2')).toBe(2);
    expect(trustProxyOption('10.0.0.0/8,127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadEnv(GatewayEnv, { TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.0/8');
    expect(() => loadEnv(GatewayEnv, { TRUST_PROXY: 'iedereen' })).toThrow(ConfigError);
  });
});
