import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { httpCorrelationId } from '@samen/platform';
import { trustProxyOption, type GatewayEnv } from './config/gateway-env';
import { GatewayModule } from './gateway.module';
import { API_PREFIX, PROBE_PATHS } from './http/api-version';
import { corsOptions } from './http/cors';
import { installResponseHeaders, setResponseHeaders } from './http/response-headers';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { PublishedOpenApi } from './openapi/published-openapi';
import { sendProblem } from './problems/problem.filter';

/**
 * Builds the gateway for the given settings, initialised but not listening: main.ts listens on
 * PORT and HOST, tests and scripts/lint-openapi.js on port 0. Needs no running NATS.
 */
export async function createGateway(env: GatewayEnv): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // The rate limiter keys on request.ip, which is the proxy's address unless it is trusted.
    trustProxy: trustProxyOption(env.TRUST_PROXY),
    // ADR /core/no-trailing-slash: /bouwstenen/ is a 404, not the same resource.
    routerOptions: { ignoreTrailingSlash: false },
    // The request id is the correlation id: the same one in logs, problems and NATS headers.
    genReqId: (req: IncomingMessage) => httpCorrelationId(req),
    // The router rejects an undecodable URL outside every hook and error handler.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      setResponseHeaders(request, reply);
      sendProblem(error, request, reply);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(env), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Nest would add a form parser; the API takes JSON only, anything else is a 415.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX, { exclude: [...PROBE_PATHS] });
  app.enableCors(corsOptions(env.CORS_ORIGINS));

  const fastify = app.getHttpAdapter().getInstance();
  // Fastify parses text/plain by default; a body that is not JSON is refused with 415.
  fastify.removeContentTypeParser('text/plain');
  installResponseHeaders(fastify);

  app.get(PublishedOpenApi).publish(buildOpenApiDocument(app, { publicUrl: env.PUBLIC_URL }));
  await app.init();
  return app;
}
