import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMailTransport, MemoryMailTransport } from './mail-transport';
import { mailKeuze, loadMailEnv } from './mail-env';
import { MailTeksten } from './mail-teksten';

describe('mail transports', () => {
  it('file: one JSON file per message, in sending order', async () => {
    const map = mkdtempSync(join(tmpdir(), 'samen-mail-test-'));
    try {
      const transport = new FileMailTransport(map, 'Samen <noreply@example.org>');
      await transport.verstuur({ aan: 'a@example.org', onderwerp: 'een', tekst: 'x' });
      await transport.verstuur({ aan: 'b@example.org', onderwerp: 'twee', tekst: 'y' });
      const bestanden = readdirSync(map).sort();
      expect(bestanden).toHaveLength(2);
      const berichten = bestanden.map((f) => JSON.parse(readFileSync(join(map, f), 'utf8')) as Record<string, unknown>);
      expect(berichten.map((b) => b.onderwerp)).toEqual(['een', 'twee']);
      expect(berichten[0]).toMatchObject({ aan: 'a@example.org', van: 'Samen <noreply@example.org>', id: expect.any(String) });
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  it('memory: keeps messages per address', async () => {
    const transport = new MemoryMailTransport('noreply@example.org');
    await transport.verstuur({ aan: 'a@example.org', onderwerp: 'een', tekst: 'x' });
    expect(transport.aan('A@example.org')).toHaveLength(1);
    expect(transport.aan('b@example.org')).toHaveLength(0);
  });

  it('chooses smtp in production, memory in tests, files in development, or what MAIL_TRANSPORT says', () => {
    expect(mailKeuze(loadMailEnv({ NODE_ENV: 'production', MAIL_SMTP_URL: 'smtp://mail:25' }))).toEqual({ soort: 'smtp', url: 'smtp://mail:25' });
    expect(mailKeuze(loadMailEnv({ NODE_ENV: 'test' }))).toEqual({ soort: 'memory' });
    expect(mailKeuze(loadMailEnv({ NODE_ENV: 'development' }))).toMatchObject({ soort: 'file' });
    expect(mailKeuze(loadMailEnv({ NODE_ENV: 'test', MAIL_TRANSPORT: 'file:/tmp/x' }))).toEqual({ soort: 'file', map: '/tmp/x' });
  });

  it('refuses production without an SMTP server, unless another transport is chosen', () => {
    expect(() => loadMailEnv({ NODE_ENV: 'production' })).toThrow(/MAIL_SMTP_URL/);
    expect(() => loadMailEnv({ NODE_ENV: 'test', MAIL_TRANSPORT: 'smtp' })).toThrow(/MAIL_SMTP_URL/);
    expect(mailKeuze(loadMailEnv({ NODE_ENV: 'production', MAIL_TRANSPORT: 'file:/tmp/x' }))).toEqual({ soort: 'file', map: '/tmp/x' });
    expect(() => loadMailEnv({ NODE_ENV: 'test', MAIL_SMTP_URL: 'http://geen-smtp' })).toThrow(/MAIL_SMTP_URL/);
  });

  it('mails are Dutch first with English below, and carry the token, never a password', () => {
    const mail = new MailTeksten('https://samen.example.org/').bevestiging('a@example.org', 'tok_en-123');
    expect(mail.tekst.indexOf('Bevestig')).toBeLessThan(mail.tekst.indexOf('Hello'));
    expect(mail.tekst).toContain('https://samen.example.org/e-mailbevestiging?token=tok_en-123');
  });
});
