import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ROLLEN, SEGMENTEN, type Principal, type Rol, type Segment } from '@samen/contracts';

@ApiSchema({ name: 'Mij', description: 'Wie u bent volgens uw toegangstoken.' })
export class MijDto {
  @ApiProperty({ description: 'Id van uw account.', format: 'uuid' })
  accountId: string;

  @ApiPropertyOptional({ description: 'CBS-code van de gemeente waarin u handelt (ontbreekt alleen bij platformbeheer).', pattern: '^GM\\d{4}$', example: 'GM0637' })
  gemeente?: string;

  @ApiProperty({ description: 'Uw rollen in die gemeente.', enum: ROLLEN, isArray: true, example: ['inwoner'] })
  rollen: Rol[];

  @ApiProperty({ description: 'Namens wie u nu handelt: uzelf (`inwoner`) of het segment van een organisatie.', enum: SEGMENTEN, example: 'inwoner' })
  segment: Segment;

  @ApiPropertyOptional({ description: 'Id van de organisatie namens wie u handelt.', format: 'uuid' })
  organisatie?: string;

  @ApiPropertyOptional({ description: 'Wijk- of buurtcode waarvan u geverifieerd inwoner bent.', example: 'WK063701' })
  geverifieerdGebied?: string;

  @ApiProperty({ description: 'Of u met een tweede factor bent ingelogd.' })
  tweedeFactor: boolean;
}

/** Copies only the contract's fields. */
export function toMijDto(principal: Principal): MijDto {
  return {
    accountId: principal.accountId,
    rollen: [...principal.rollen],
    segment: principal.segment,
    tweedeFactor: principal.tweedeFactor,
    ...(principal.gemeente ? { gemeente: principal.gemeente } : {}),
    ...(principal.organisatie ? { organisatie: principal.organisatie } : {}),
    ...(principal.geverifieerdGebied ? { geverifieerdGebied: principal.geverifieerdGebied } : {}),
  };
}
