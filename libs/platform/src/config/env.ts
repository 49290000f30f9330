import { plainToInstance, Type } from 'class-transformer';
import { getMetadataStorage, IsIn, IsInt, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';

const NATS_SERVERS = /^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;

/** Settings every process of the suite reads. Names and meaning: docs/operations.md. */
export class PlatformEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** One or more NATS servers, comma-separated. */
  @Matches(NATS_SERVERS, { message: 'NATS_URL moet nats://host:poort zijn (meerdere met komma\'s)' })
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Upper bound for one NATS request; a hung responder is cut off after this (504). */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  NATS_REQUEST_TIMEOUT_MS = 5000;

  /** The semantic version the process reports; defaults to the version in package.json. */
  @IsOptional()
  @Matches(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
  SAMEN_VERSION?: string;
}

/** Settings of a bouwsteen service. */
export class ServiceEnv extends PlatformEnv {
  /** The service's own connection: its own role, which owns only its own schema. */
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL moet een postgres://-adres zijn' })
  DATABASE_URL: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_MAX = 10;

  /** Port of the internal HTTP server for /health/live and /health/ready; 0 picks a free one. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HEALTH_PORT = 0;

  /** How long a stopping instance keeps answering requests already in flight. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_GRACE_MS = 1000;

  /** How often the outbox relay looks for unpublished events when it was not woken up. */
  @Type(() => Number)
  @IsInt()
  @Min(20)
  @Max(60_000)
  OUTBOX_POLL_MS = 500;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks the settings of `cls` from `source`. Unknown variables are ignored; a bad or
 * missing one throws a {@link ConfigError} that names every problem at once.
 */
export function loadEnv<T extends object>(cls: new () => T, source: Record<string, unknown> = process.env): T {
  const picked: Record<string, unknown> = {};
  for (const key of settingNames(cls)) {
    // Empty strings count as "not set", so `FOO= npm run up` falls back to the default.
    if (source[key] !== '' && source[key] !== undefined) picked[key] = source[key];
  }
  const instance = plainToInstance(cls, picked, { enableImplicitConversion: false });
  const errors = validateSync(instance, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const value = e.value === undefined ? 'niet gezet / not set' : `'${redact(e.property, e.value)}'`;
        return `${e.property} = ${value}: ${Object.values(e.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return instance;
}

/** The names of the settings a class declares: every property with a validation rule. */
export function settingNames(cls: new () => object): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return [...new Set(rules.map((rule) => rule.propertyName))];
}

function redact(property: string, value: unknown): string {
  return /URL|PASSWORD|SECRET|KEY|TOKEN|SLEUTEL/.test(property) ? '***' : String(value);
}

/** For a process's entry point: load the settings or say clearly what is wrong and stop. */
export function loadEnvOrExit<T extends object>(cls: new () => T, processName: string): T {
  try {
    return loadEnv(cls);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`samen ${processName}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
