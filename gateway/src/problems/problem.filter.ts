import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapException } from './exception-mapper';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

const logger = new Logger('ProblemFilter');

/**
 * Every error of the gateway leaves as RFC 9457 problem+json (DESIGN rule 6): domain errors from
 * the bouwstenen and the validation pipe, Nest's router and guards, and Fastify's own errors,
 * which Nest routes here through its error handler.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendProblem(exception, host.switchToHttp().getRequest<FastifyRequest>(), host.switchToHttp().getResponse<FastifyReply>());
  }
}

/**
 * Maps, logs and answers one error. Also called directly for the errors Fastify's router raises
 * before any handler exists (a URL that cannot be decoded; see frameworkErrors in create-gateway).
 */
export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { error, headers, unexpected } = mapException(exception, request);
  const correlationId = request.id;
  if (unexpected) {
    logger.error({ err: exception, correlationId }, 'unexpected error while handling a request');
  } else if (error.status >= 500) {
    logger.warn({ code: error.code }, error.message);
  }
  if (reply.sent) return;
  const instance = request.url.split('?', 1)[0];
  reply
    .status(error.status)
    .headers(headers)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(toProblem(error, instance, correlationId));
}
