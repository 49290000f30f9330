import { Transform, Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MinLength, Min } from 'class-validator';
import { PlatformEnv } from '@samen/platform';

const MIB = 1024 * 1024;

/** Settings of the HTTP gateway. Names and meaning: docs/operations.md. */
export class GatewayEnv extends PlatformEnv {
  /** 0 picks a free port (tests). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  /** The address clients use (in front of any proxy); the OpenAPI `servers` URL is built from it. */
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value))
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'PUBLIC_URL moet een http(s)-adres zijn, bijv. https://samen.gemeente.nl' })
  PUBLIC_URL = 'http://localhost:3000';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * MIB)
  BODY_LIMIT_BYTES = MIB;

  /** Per client IP and gateway instance (the counters live in memory). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Browser origins allowed to call the API, comma-separated; empty = none (openapi.json is always open). */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @Matches(/^https?:\/\/[^\s/?#,]+$/, { each: true, message: 'CORS_ORIGINS moet een kommalijst van origins zijn, bijv. https://app.gemeente.nl' })
  CORS_ORIGINS: string[] = [];

  /**
   * Which proxies in front of the gateway to believe about the client's address (Fastify
   * `trustProxy`): `true`, a hop count, or a comma list of addresses/CIDRs. Unset = none, and then
   * behind a proxy every client shares one rate-limit budget.
   */
  @IsOptional()
  @Matches(/^(true|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY moet true, een aantal hops of een kommalijst van adressen/CIDR zijn',
  })
  TRUST_PROXY?: string;

  /** How long GET /bouwstenen waits for a bouwsteen's health answer before calling it absent. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(30_000)
  DISCOVERY_TIMEOUT_MS = 1000;

  /**
   * Bootstrap credential for platform administration (PUT /gemeenten) until accounts and JWTs
   * arrive (issue 3). Unset = administration over HTTP is switched off.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SAMEN_ADMIN_TOKEN moet minstens 32 tekens lang zijn' })
  SAMEN_ADMIN_TOKEN?: string;
}

/** TRUST_PROXY in the form Fastify takes it. */
export function trustProxyOption(setting: string | undefined): boolean | number | string[] {
  if (!setting) return false;
  if (setting === 'true') return true;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',');
}
