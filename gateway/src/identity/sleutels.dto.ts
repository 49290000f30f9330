import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Sleutel', description: 'Een publieke sleutel van identity als JSON Web Key (RFC 8037: Ed25519).' })
export class SleutelDto {
  @ApiProperty({ description: 'Sleutel-id; staat als `kid` in de kop van elk token dat ermee is ondertekend.', example: 'Xs3HkP0pQ2…' })
  kid: string;

  @ApiProperty({ description: 'Sleuteltype.', enum: ['OKP'], example: 'OKP' })
  kty: string;

  @ApiProperty({ description: 'Curve.', enum: ['Ed25519'], example: 'Ed25519' })
  crv: string;

  @ApiProperty({ description: 'De publieke sleutel (base64url).', example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
  x: string;

  @ApiProperty({ description: 'Algoritme.', enum: ['EdDSA'], example: 'EdDSA' })
  alg: string;

  @ApiProperty({ description: 'Gebruik: ondertekenen.', enum: ['sig'], example: 'sig' })
  use: string;
}

@ApiSchema({ name: 'Sleutelset', description: 'De publieke sleutels waarmee toegangstokens te controleren zijn (JWKS, RFC 7517).' })
export class SleutelsetDto {
  @ApiProperty({ type: [SleutelDto] })
  keys: SleutelDto[];
}
