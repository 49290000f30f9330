import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import {
  CodeInwisselen,
  GEBIED_CODE_PATTERN,
  MAX_CODES_PER_BATCH,
  NieuweCodes,
  TOEKENBARE_ROLLEN,
  VERIFICATIE_METHODEN,
  type AccountRollenView,
  type Rol,
  ROLLEN,
  type ToekenbareRol,
  type VerificatieMethode,
  type VerificatieView,
} from '@samen/contracts';
import { IsIn } from 'class-validator';

const ACCOUNT_ID_EXAMPLE = '5f0c2a8e-3b1d-4e6f-8a9b-1c2d3e4f5a6b';

@ApiSchema({ name: 'VerificatiecodesAanmaken', description: 'Een reeks verificatiecodes voor één wijk of buurt.' })
export class VerificatiecodesAanmakenDto extends NieuweCodes {
  @ApiProperty({ description: 'CBS-wijkcode (WK + zes cijfers) of buurtcode (BU + acht cijfers) in deze gemeente.', pattern: GEBIED_CODE_PATTERN.source, example: 'WK063701' })
  override gebied: string;

  @ApiProperty({ description: 'Aantal codes.', type: 'integer', minimum: 1, maximum: MAX_CODES_PER_BATCH, example: 250 })
  override aantal: number;

  @ApiProperty({ description: 'Laatste dag (Nederlandse tijd) waarop de codes werken; vandaag tot over een jaar.', format: 'date', example: '2027-01-31' })
  override verlooptDatum: string;
}

@ApiSchema({ name: 'VerificatiecodeInwisselen', description: 'De code uit de brief van de gemeente.' })
export class VerificatiecodeInwisselenDto extends CodeInwisselen {
  @ApiProperty({ description: 'De code, zoals op de brief (hoofdletters, spaties en streepjes maken niet uit).', minLength: 1, maxLength: 40, example: 'ABCD-EFGH-JKMN' })
  override code: string;
}

@ApiSchema({ name: 'PersoonlijkeVerificatie', description: 'De wijk of buurt waarvan de ambtenaar de inwoner heeft vastgesteld.' })
export class PersoonlijkeVerificatieDto {
  @ApiProperty({ description: 'CBS-wijkcode of -buurtcode in deze gemeente.', pattern: GEBIED_CODE_PATTERN.source, example: 'BU06370101' })
  @Matches(GEBIED_CODE_PATTERN, { message: 'gebied moet een CBS-wijkcode (WK + zes cijfers) of buurtcode (BU + acht cijfers) zijn' })
  gebied: string;
}

@ApiSchema({ name: 'Verificatie', description: 'Dat een account geverifieerd inwoner is van een wijk of buurt.' })
export class VerificatieDto implements VerificatieView {
  @ApiProperty({ description: 'Id van het account.', format: 'uuid', example: ACCOUNT_ID_EXAMPLE })
  accountId: string;

  @ApiProperty({ description: 'CBS-wijkcode of -buurtcode.', pattern: GEBIED_CODE_PATTERN.source, example: 'WK063701' })
  gebied: string;

  @ApiProperty({ description: 'Hoe: met een code per brief, of persoonlijk aan de balie.', enum: VERIFICATIE_METHODEN, example: 'code' })
  methode: VerificatieMethode;

  @ApiProperty({ description: 'Wanneer (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  geverifieerdTijdstip: string;
}

export class AccountIdParams {
  @ApiProperty({ description: 'Id van het account.', format: 'uuid', example: ACCOUNT_ID_EXAMPLE })
  @IsUUID('4')
  id: string;
}

export class AccountRolParams extends AccountIdParams {
  @ApiProperty({ description: 'De rol; platformbeheerder en inwoner worden niet via de API toegekend.', enum: TOEKENBARE_ROLLEN, example: 'moderator' })
  @IsIn(TOEKENBARE_ROLLEN, { message: `rol moet een van ${TOEKENBARE_ROLLEN.join(', ')} zijn` })
  rol: ToekenbareRol;
}

@ApiSchema({ name: 'AccountRollen', description: 'De rollen van een account in zijn gemeente.' })
export class AccountRollenDto implements AccountRollenView {
  @ApiProperty({ description: 'Id van het account.', format: 'uuid', example: ACCOUNT_ID_EXAMPLE })
  accountId: string;

  @ApiProperty({ description: 'CBS-code van de gemeente.', pattern: '^GM\\d{4}$', example: 'GM0637' })
  gemeente: string;

  @ApiProperty({ description: 'Alle rollen van het account nu.', enum: ROLLEN, isArray: true, example: ['moderator', 'inwoner'] })
  rollen: Rol[];
}

export function toVerificatieDto(view: VerificatieView): VerificatieDto {
  return { accountId: view.accountId, gebied: view.gebied, methode: view.methode, geverifieerdTijdstip: view.geverifieerdTijdstip };
}

export function toAccountRollenDto(view: AccountRollenView): AccountRollenDto {
  return { accountId: view.accountId, gemeente: view.gemeente, rollen: [...view.rollen] };
}
