import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BOUWSTENEN, type GemeenteView } from '@samen/contracts';
import { ADMIN_URL, NATS_URL, freePort, pollUntil, statuses } from './support/suite';

/**
 * The README's start command itself, as a newcomer runs it, with only two bouwstenen chosen:
 * those two run, the other three are shown absent, the demo gemeente exists, and Ctrl-C stops
 * everything it started. It uses its own database, the test NATS and free ports, so it can run
 * beside a developer's own `npm run up`.
 */
describe('npm run up with SAMEN_BOUWSTENEN=identity,samenspreker', () => {
  const adminUrl = ADMIN_URL.replace(/\/[^/]*$/, '/samen_up_test');
  let up: ChildProcess;
  let output = '';
  let base: string;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    up = spawn(process.execPath, [join(__dirname, '..', 'scripts', 'up.js')], {
      cwd: join(__dirname, '..'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        SAMEN_BOUWSTENEN: 'identity,samenspreker',
        DATABASE_ADMIN_URL: adminUrl,
        NATS_URL,
        PORT: String(port),
        SAMEN_HEALTH_PORT_BASE: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    up.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    up.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => up.once('exit', (code) => resolve(code)));
  });

  afterAll(async () => {
    if (up.exitCode === null && up.signalCode === null) {
      up.kill('SIGKILL');
      await exited;
    }
  });

  it('runs the chosen two, shows the other three absent, and creates the demo gemeente', async () => {
    const seen = await pollUntil(async () => {
      const all = await statuses(base);
      return all.identity === 'up' && all.samenspreker === 'up' ? all : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-3000)}`);
    });
    for (const b of BOUWSTENEN) expect([b, seen[b]]).toEqual([b, b === 'identity' || b === 'samenspreker' ? 'up' : 'absent']);

    const gemeente = await pollUntil(async () => {
      const response = await fetch(`${base}/api/v1/gemeenten/GM0637`);
      return response.ok ? ((await response.json()) as GemeenteView) : undefined;
    }, { timeoutMs: 10_000, intervalMs: 200 });
    expect(gemeente).toMatchObject({ code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity', 'samenspreker'] });

    // The demo accounts: printed (staff with their TOTP secret), and the resident logs in at once.
    await pollUntil(async () => (output.includes('inwoner@zoetermeer.demo') ? true : undefined), { timeoutMs: 10_000, intervalMs: 200 });
    expect(output).toMatch(/ambtenaar@zoetermeer\.demo\s+ambtenaar\s+TOTP [A-Z2-7]{32}/);
    const login = await fetch(`${base}/api/v1/sessies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'samen-gemeente': 'GM0637' },
      body: JSON.stringify({ email: 'inwoner@zoetermeer.demo', wachtwoord: 'samen-demo-wachtwoord' }),
    });
    expect(login.status).toBe(201);

    // Every segment has a demo organisation, managed by a demo account that can act for it.
    expect(output).toMatch(/bedrijfsleven@zoetermeer\.demo\s+inwoner\s+beheert \/ manages Ondernemersvereniging Zoetermeer \(bedrijfsleven\)/);
    const organisaties = await fetch(`${base}/api/v1/organisaties`, { headers: { 'samen-gemeente': 'GM0637' } });
    expect(organisaties.status).toBe(200);
    const { organisaties: lijst } = (await organisaties.json()) as { organisaties: Array<{ segment: string }> };
    expect(lijst.map((o) => o.segment).sort()).toEqual(['bedrijfsleven', 'burgers', 'gemeente', 'maatschappelijk']);
  }, 90_000);

  it('stops everything it started on Ctrl-C and exits 0', async () => {
    up.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/v1/bouwstenen`)).rejects.toThrow();
  }, 30_000);
});
