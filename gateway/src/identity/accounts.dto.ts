import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  Aanmelding,
  Afmelding,
  HerstelAanvraag,
  Registratie,
  TokenInvoer,
  TotpActivatie,
  TweedeFactorVerzoek,
  Vernieuwing,
  WachtwoordHerstel,
  WACHTWOORD_MAX,
  WACHTWOORD_MIN,
  type Aanmeldresultaat,
  type TweedeFactorInschrijving,
} from '@samen/contracts';

const EMAIL = { description: 'E-mailadres (hoofdletters maken niet uit).', format: 'email', maxLength: 254, example: 'anna@example.org' } as const;
const WACHTWOORD = {
  description: `Wachtwoord van ${WACHTWOORD_MIN} tot ${WACHTWOORD_MAX} tekens; elke tekens mogen, een zin is prima. Veelgebruikte wachtwoorden worden geweigerd.`,
  minLength: WACHTWOORD_MIN,
  maxLength: WACHTWOORD_MAX,
  format: 'password',
  example: 'een lange zin als wachtwoord',
} as const;

@ApiSchema({ name: 'Registratie', description: 'Een nieuw account in de gemeente van Samen-Gemeente.' })
export class RegistratieDto extends Registratie {
  @ApiProperty(EMAIL)
  override email: string;

  @ApiProperty(WACHTWOORD)
  override wachtwoord: string;

  @ApiProperty({ description: 'Naam die anderen zien.', minLength: 1, maxLength: 80, example: 'Anna' })
  override weergavenaam: string;
}

@ApiSchema({ name: 'EmailBevestiging', description: 'De code uit de bevestigingsmail.' })
export class EmailBevestigingDto extends TokenInvoer {
  @ApiProperty({ description: 'De code uit de mail; werkt één keer en 24 uur lang.', minLength: 16, maxLength: 200 })
  override token: string;
}

@ApiSchema({ name: 'Aanmelding', description: 'Inloggen met e-mailadres en wachtwoord, en voor medewerkers de code uit de authenticator-app.' })
export class AanmeldingDto extends Aanmelding {
  @ApiProperty(EMAIL)
  override email: string;

  @ApiProperty({ description: 'Het wachtwoord.', minLength: 1, maxLength: WACHTWOORD_MAX, format: 'password' })
  override wachtwoord: string;

  @ApiPropertyOptional({ description: 'Zes cijfers uit de authenticator-app; nodig zodra de tweede factor actief is.', pattern: '^\\d{6}$', example: '123456' })
  override totpCode?: string;
  @ApiPropertyOptional({ description: 'Handel namens deze organisatie (id), waarvan u vertegenwoordiger of beheerder bent; zonder: als uzelf.', format: 'uuid' })
  override namens?: string;
}

@ApiSchema({ name: 'Vernieuwing', description: 'Een refresh token, om een nieuw toegangstoken te krijgen.' })
export class VernieuwingDto extends Vernieuwing {
  @ApiProperty({ description: 'Het laatst ontvangen refresh token; het werkt één keer.', minLength: 16, maxLength: 200 })
  override refreshToken: string;
  @ApiPropertyOptional({
    description: "Wissel namens wie de sessie handelt: `zelf`, of het id van een organisatie waarvoor u een mandaat heeft. Zonder: zoals het was.",
    example: 'zelf',
  })
  override namens?: string;
}

@ApiSchema({ name: 'Afmelding', description: 'Uitloggen: het refresh token van deze sessie, of niets (dan met het toegangstoken: alle sessies).' })
export class AfmeldingDto extends Afmelding {
  @ApiPropertyOptional({ description: 'Het refresh token van de sessie die eindigt.', minLength: 16, maxLength: 200 })
  override refreshToken?: string;
}

@ApiSchema({ name: 'HerstelAanvraag', description: 'Een nieuw wachtwoord aanvragen.' })
export class HerstelAanvraagDto extends HerstelAanvraag {
  @ApiProperty(EMAIL)
  override email: string;
}

@ApiSchema({ name: 'WachtwoordHerstel', description: 'Een nieuw wachtwoord instellen met de code uit de herstelmail.' })
export class WachtwoordHerstelDto extends WachtwoordHerstel {
  @ApiProperty({ description: 'De code uit de herstelmail; werkt één keer en 1 uur lang.', minLength: 16, maxLength: 200 })
  override token: string;

  @ApiProperty(WACHTWOORD)
  override wachtwoord: string;
}

@ApiSchema({ name: 'TotpActivatie', description: 'De eerste code uit de authenticator-app.' })
export class TotpActivatieDto extends TotpActivatie {
  @ApiProperty({ description: 'Zes cijfers die de app nu toont.', pattern: '^\\d{6}$', example: '123456' })
  override code: string;
  @ApiPropertyOptional({ description: 'Het inschrijfToken uit het antwoord op POST /sessies (zonder toegangstoken).', minLength: 16, maxLength: 200 })
  override inschrijfToken?: string;
}

@ApiSchema({ name: 'Sessie', description: 'Een sessie: een kort geldig toegangstoken en een refresh token; of, voor een medewerker zonder tweede factor, alleen een inschrijftoken.' })
export class SessieDto {
  @ApiPropertyOptional({ description: 'Toegangstoken (JWT); stuur het mee als Authorization: Bearer <token>. Ontbreekt als tweedeFactorInstellen.' })
  accessToken?: string;

  @ApiPropertyOptional({ description: 'Wanneer het toegangstoken verloopt (UTC).', format: 'date-time' })
  verlooptTijdstip?: string;

  @ApiPropertyOptional({ description: 'Refresh token: werkt één keer; elk gebruik geeft een nieuw.' })
  refreshToken?: string;

  @ApiPropertyOptional({ description: 'Wanneer het refresh token verloopt (UTC).', format: 'date-time' })
  refreshVerlooptTijdstip?: string;

  @ApiProperty({
    description:
      'true: een medewerker zonder actieve tweede factor krijgt geen sessie, alleen een inschrijfToken (10 minuten) ' +
      'om de tweede factor in te stellen: POST /mij/tweede-factor en POST /mij/tweede-factor/_activeren met inschrijfToken, dan opnieuw inloggen met totpCode.',
  })
  tweedeFactorInstellen: boolean;

  @ApiPropertyOptional({ description: 'Alleen als tweedeFactorInstellen: goed voor niets anders dan de tweede factor instellen.' })
  inschrijfToken?: string;

  @ApiPropertyOptional({ description: 'Wanneer het inschrijftoken verloopt (UTC).', format: 'date-time' })
  inschrijfVerlooptTijdstip?: string;
}

@ApiSchema({ name: 'TweedeFactorVerzoek', description: 'Wie de tweede factor instelt: met een toegangstoken niets meesturen; na een inlog zonder tweede factor het inschrijfToken.' })
export class TweedeFactorVerzoekDto extends TweedeFactorVerzoek {
  @ApiPropertyOptional({ description: 'Het inschrijfToken uit het antwoord op POST /sessies.', minLength: 16, maxLength: 200 })
  override inschrijfToken?: string;
}

@ApiSchema({ name: 'TweedeFactorInschrijving', description: 'Het geheim voor de authenticator-app.' })
export class TweedeFactorInschrijvingDto implements TweedeFactorInschrijving {
  @ApiProperty({ description: 'Geheim (base32) om met de hand in te voeren.', example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
  geheim: string;

  @ApiProperty({ description: 'otpauth://-adres, om als QR-code te tonen.', example: 'otpauth://totp/Samen:anna%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Samen' })
  otpauthUri: string;
}

/** Copies only the contract's fields. */
export function toSessieDto(view: Aanmeldresultaat): SessieDto {
  if (view.tweedeFactorInstellen) {
    return { tweedeFactorInstellen: true, inschrijfToken: view.inschrijfToken, inschrijfVerlooptTijdstip: view.inschrijfVerlooptTijdstip };
  }
  return {
    accessToken: view.accessToken,
    verlooptTijdstip: view.verlooptTijdstip,
    refreshToken: view.refreshToken,
    refreshVerlooptTijdstip: view.refreshVerlooptTijdstip,
    tweedeFactorInstellen: false,
  };
}
