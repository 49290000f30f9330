import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { CONTEXT_HEADERS, type MessageContext } from '@samen/contracts';
import { MESSAGE_CONTEXT } from '../context/message-context';

export interface LoggingOptions {
  /** `gateway` or the bouwsteen's name; on every line. */
  service: string;
  level: string;
  /** Log each HTTP request (gateway yes, a service's health port no). */
  httpRequests: boolean;
}

/** Paths never written to a log: tokens, cookies and anything that may hold personal data. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.wachtwoord',
  '*.email',
  '*.accessToken',
  '*.refreshToken',
];

export const CORRELATION_HEADER = CONTEXT_HEADERS.correlationId.toLowerCase();

/** Reads or assigns the correlation id of an HTTP request (idempotent, so log and CLS agree). */
export function httpCorrelationId(req: IncomingMessage): string {
  const existing = req.headers[CORRELATION_HEADER];
  if (typeof existing === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(existing)) return existing;
  const id = randomUUID();
  req.headers[CORRELATION_HEADER] = id;
  return id;
}

/**
 * Structured JSON logs (pino): every line carries the service and, inside a request or message,
 * its correlation id and gemeente. Personal data stays out (AVG): bodies are never logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ClsService],
          useFactory: (cls: ClsService) => ({
            // Named wildcard: nestjs-pino's default '*' warns as a legacy route under a global prefix.
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: options.level,
              base: { service: options.service },
              redact: { paths: REDACT, censor: '[verborgen]' },
              autoLogging: options.httpRequests,
              genReqId: (req: IncomingMessage) => httpCorrelationId(req),
              customAttributeKeys: { reqId: 'correlationId' },
              quietReqLogger: true,
              serializers: {
                req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              mixin: () => {
                if (!cls.isActive()) return {};
                const context = cls.get<MessageContext | undefined>(MESSAGE_CONTEXT);
                return { correlationId: cls.getId(), ...(context?.gemeente ? { gemeente: context.gemeente } : {}) };
              },
            },
          }),
        }),
      ],
    };
  }
}

/** The current correlation id, if a request or message is being handled. */
export function currentCorrelationId(): string | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.getId() : undefined;
}
