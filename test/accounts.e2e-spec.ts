import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GEMEENTE_SUBJECTS } from '@samen/contracts';
import { connect } from 'nats';
import { NATS_URL, freePort, pollUntil, startBouwsteen, startGateway, statuses, type SuiteProcess } from './support/suite';

/**
 * Accounts across real processes: identity writes its mail as files (MAIL_TRANSPORT=file:<dir>),
 * and the test reads the confirmation code from there, as a developer would from .samen/mail.
 */
describe('accounts with the built processes and the file mail transport', () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'samen-suite-mail-'));
  let identity: SuiteProcess;
  let gateway: SuiteProcess;
  let base: string;

  const post = (path: string, body: unknown) =>
    fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'samen-gemeente': 'GM0637' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    identity = startBouwsteen('identity', { MAIL_TRANSPORT: `file:${mailDir}` });
    gateway = startGateway(port);
    await pollUntil(async () => ((await statuses(base)).identity === 'up' ? true : undefined), { timeoutMs: 30_000, intervalMs: 200 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${[gateway, identity].map((p) => `--- ${p.name}\n${p.log.slice(-2000)}`).join('\n')}`);
    });
    const nc = await connect({ servers: NATS_URL });
    try {
      await nc.request(GEMEENTE_SUBJECTS.upsert, JSON.stringify({ code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'] }), { timeout: 5000 });
    } finally {
      await nc.close();
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([identity, gateway].filter(Boolean).map((p) => p.stop()));
    rmSync(mailDir, { recursive: true, force: true });
  }, 30_000);

  it('registers, finds the code in the mail file, confirms and logs in', async () => {
    const email = `suite-${Date.now()}@example.org`;
    expect((await post('/accounts', { email, wachtwoord: 'een lange zin als wachtwoord', weergavenaam: 'Suite' })).status).toBe(202);

    const mail = await pollUntil(async () => {
      for (const file of readdirSync(mailDir)) {
        const message = JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as { aan: string; tekst: string };
        if (message.aan === email) return message;
      }
      return undefined;
    }, { timeoutMs: 5000, intervalMs: 100 });
    const token = /\(POST \/api\/v1\/e-mailbevestigingen\): (\S+)/.exec(mail.tekst)?.[1];
    expect(token).toEqual(expect.any(String));

    expect((await post('/e-mailbevestigingen', { token })).status).toBe(204);
    const login = await post('/sessies', { email, wachtwoord: 'een lange zin als wachtwoord' });
    expect(login.status).toBe(201);
    // Nothing personal in identity's log lines.
    expect(identity.log).not.toContain(email);
  });
});
