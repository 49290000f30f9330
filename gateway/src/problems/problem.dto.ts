import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode, type InvalidParam } from '@samen/contracts';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem';

@ApiSchema({ name: 'InvalidParam', description: 'Eén ongeldig veld, parameter of header.' })
export class InvalidParamDto implements InvalidParam {
  @ApiProperty({ description: 'Naam van het veld (met punten voor geneste velden), de parameter of de header.', example: 'naam' })
  name: string;

  @ApiProperty({ description: 'Welke regel werd overtreden, machineleesbaar.', example: 'isLength' })
  code: string;

  @ApiProperty({ description: 'Uitleg voor mensen.', example: 'naam valt buiten de toegestane grenzen.' })
  reason: string;
}

/** The schema of every 4xx and 5xx response (RFC 9457); the runtime shape is {@link Problem}. */
@ApiSchema({ name: 'Problem', description: 'Foutmelding volgens RFC 9457 (application/problem+json).' })
export class ProblemDto implements Omit<Problem, 'invalid-params'> {
  @ApiProperty({ description: 'URI die het soort probleem aanduidt.', example: 'urn:samen:probleem:validation-failed' })
  type: string;

  @ApiProperty({ description: 'Korte titel van het soort probleem.', example: 'Ongeldige invoer' })
  title: string;

  @ApiProperty({ description: 'De HTTP-statuscode.', type: 'integer', example: 400 })
  status: number;

  @ApiProperty({ description: 'Uitleg van dit geval.', example: 'De invoer klopt niet; zie de lijst met ongeldige invoer.' })
  detail: string;

  @ApiProperty({ description: 'Het pad van het verzoek waarbij het probleem optrad.', example: '/api/v1/gemeenten/GM0637' })
  instance: string;

  @ApiProperty({ description: 'Stabiele foutcode van de suite.', enum: Object.keys(ERROR_CODES), example: 'VALIDATION_FAILED' })
  code: ErrorCode;

  @ApiProperty({ description: 'Volgt het verzoek door alle bouwstenen en logregels; vermeld het bij een melding.' })
  correlationId: string;

  @ApiPropertyOptional({ name: 'invalid-params', description: 'Alle ongeldige invoer tegelijk.', type: [InvalidParamDto] })
  invalidParams?: InvalidParamDto[];

  @ApiPropertyOptional({
    description: 'Bij een conflict met de toestand (409): wat nu wel kan, bijvoorbeeld de fase-overgangen die nu zijn toegestaan.',
    type: [String],
    example: ['besluitvorming'],
  })
  toegestaan?: string[];
}

/** Documents a problem+json response of an operation (the common ones are added centrally). */
export function ApiProblem(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
}
