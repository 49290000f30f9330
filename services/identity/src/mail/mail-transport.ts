import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailBericht {
  aan: string;
  onderwerp: string;
  tekst: string;
}

/** A sent message as a test (or a developer) reads it back. */
export interface VerzondenMail extends MailBericht {
  id: string;
  van: string;
  verzondenTijdstip: string;
}

/** Where mail goes: SMTP in production, a folder or memory locally and in tests. */
export abstract class MailTransport {
  abstract verstuur(bericht: MailBericht): Promise<void>;
}

export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly van: string,
  ) {
    super();
    this.transporter = createTransport(smtpUrl);
  }

  async verstuur(bericht: MailBericht): Promise<void> {
    await this.transporter.sendMail({ from: this.van, to: bericht.aan, subject: bericht.onderwerp, text: bericht.tekst });
  }
}

/** One JSON file per message, named so that a directory listing is in sending order. */
export class FileMailTransport extends MailTransport {
  /** Two mails in one millisecond still sort in sending order. */
  private volgnummer = 0;

  constructor(
    readonly map: string,
    private readonly van: string,
  ) {
    super();
    mkdirSync(map, { recursive: true });
  }

  async verstuur(bericht: MailBericht): Promise<void> {
    const mail: VerzondenMail = { id: randomUUID(), van: this.van, verzondenTijdstip: new Date().toISOString(), ...bericht };
    this.volgnummer += 1;
    const naam = `${mail.verzondenTijdstip.replace(/[:.]/g, '-')}-${String(this.volgnummer).padStart(6, '0')}-${mail.id}.json`;
    writeFileSync(join(this.map, naam), JSON.stringify(mail, null, 2), { mode: 0o600 });
  }
}

/** Keeps the messages in this process, for in-process tests: `app.get(MailTransport)`. */
export class MemoryMailTransport extends MailTransport {
  readonly berichten: VerzondenMail[] = [];

  constructor(private readonly van: string) {
    super();
  }

  async verstuur(bericht: MailBericht): Promise<void> {
    this.berichten.push({ id: randomUUID(), van: this.van, verzondenTijdstip: new Date().toISOString(), ...bericht });
  }

  /** The messages to one address, oldest first. */
  aan(adres: string): VerzondenMail[] {
    return this.berichten.filter((m) => m.aan === adres.toLowerCase());
  }
}
