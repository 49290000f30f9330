import type { MailBericht } from './mail-transport';

/**
 * The mails of identity: Dutch first, in plain language (B1), English below. They carry the
 * token for the API and a link for the web pages; never a password.
 */
export class MailTeksten {
  constructor(private readonly linkUrl: string) {}

  private link(pad: string, token: string): string {
    return `${this.linkUrl.replace(/\/+$/, '')}${pad}?token=${encodeURIComponent(token)}`;
  }

  bevestiging(aan: string, token: string): MailBericht {
    return {
      aan,
      onderwerp: 'Bevestig je e-mailadres voor Samen / Confirm your e-mail address',
      tekst: [
        'Hallo,',
        '',
        'Je hebt een account gemaakt bij Samen. Bevestig je e-mailadres met deze link:',
        this.link('/e-mailbevestiging', token),
        '',
        'De link werkt 24 uur en maar één keer. Heb jij geen account gemaakt? Dan hoef je niets te doen.',
        `Code voor de API (POST /api/v1/e-mailbevestigingen): ${token}`,
        '',
        '---',
        'Hello,',
        '',
        'You created an account with Samen. Please confirm your e-mail address with the link above.',
        'The link works for 24 hours and only once. If you did not create an account, you need not do anything.',
      ].join('\n'),
    };
  }

  alGeregistreerd(aan: string): MailBericht {
    return {
      aan,
      onderwerp: 'Je hebt al een account bij Samen / You already have an account',
      tekst: [
        'Hallo,',
        '',
        'Iemand probeerde een account te maken met dit e-mailadres, maar je hebt al een account.',
        'Was jij dat? Log dan in. Weet je je wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan.',
        'Was jij het niet? Dan hoef je niets te doen: je account blijft zoals het is.',
        '',
        '---',
        'Hello,',
        '',
        'Someone tried to create an account with this e-mail address, but you already have one.',
        'If it was you, log in, or ask for a new password if you forgot it. If not, you need not do anything.',
      ].join('\n'),
    };
  }

  herstel(aan: string, token: string): MailBericht {
    return {
      aan,
      onderwerp: 'Nieuw wachtwoord voor Samen / Reset your password',
      tekst: [
        'Hallo,',
        '',
        'Je vroeg om een nieuw wachtwoord. Kies een nieuw wachtwoord met deze link:',
        this.link('/wachtwoordherstel', token),
        '',
        'De link werkt 1 uur en maar één keer. Daarna ben je overal uitgelogd.',
        'Heb jij dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.',
        `Code voor de API (POST /api/v1/wachtwoordherstel/_voltooien): ${token}`,
        '',
        '---',
        'Hello,',
        '',
        'You asked for a new password. Choose one with the link above; it works for 1 hour and only once,',
        'and afterwards you are logged out everywhere. If you did not ask for this, you need not do anything.',
      ].join('\n'),
    };
  }

  /** ASVS 5.0 V6.3.7: the owner hears of every change to how they log in, and can react if it was not them. */
  inlogGewijzigd(aan: string, wat: 'wachtwoord' | 'tweede-factor'): MailBericht {
    const nl = wat === 'wachtwoord' ? 'Het wachtwoord van je account is gewijzigd' : 'Je account heeft nu een tweede factor (authenticator-app)';
    const en = wat === 'wachtwoord' ? 'The password of your account was changed' : 'Your account now has a second factor (authenticator app)';
    return {
      aan,
      onderwerp: wat === 'wachtwoord' ? 'Je wachtwoord is gewijzigd / Your password was changed' : 'Tweede factor ingesteld / Second factor set up',
      tekst: [
        'Hallo,',
        '',
        `${nl}. Was jij dat? Dan hoef je niets te doen.`,
        'Was jij het niet? Vraag dan meteen een nieuw wachtwoord aan en neem contact op met je gemeente.',
        '',
        '---',
        'Hello,',
        '',
        `${en}. If that was you, you need not do anything. If not, ask for a new password at once and contact your municipality.`,
      ].join('\n'),
    };
  }
}
