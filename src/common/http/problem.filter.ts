import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldError, UpstreamError } from '../errors/domain-error.js';
import { redact } from '../redact.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  authorizationUrl?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Fastify's own errors (body parsing, size) carry these codes; Nest passes them on as `cause`. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', detail: 'Request body is larger than 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', detail: 'Send application/json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'Body is empty but content-type is JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'Body is not valid JSON' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_request', detail: 'The request path is not a valid URL' },
};

/**
 * PostgreSQL errors that only a client's input can cause, mapped once here (the DTOs and rules should catch them
 * first; this keeps a missed case a 4xx, never a 500): unique-key and foreign-key races are a 409, the rest a 400.
 */
function databaseProblem(exception: unknown): Problem | null {
  const driver = (exception as { driverError?: { code?: unknown; column?: unknown } } | null)?.driverError;
  const code = typeof driver?.code === 'string' ? driver.code : '';
  const column = typeof driver?.column === 'string' ? driver.column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) : undefined;
  const field = (message: string) => (column ? [{ field: column, message }] : undefined);
  switch (code) {
    case '23505': return base(409, 'conflict', 'A resource with these unique values already exists (or is being created concurrently)');
    // A row this request writes refers to one deleted meanwhile (e.g. a refresh racing the server's deletion).
    case '23503': return base(409, 'conflict', 'A resource this request refers to was deleted or changed concurrently; retry');
    case '23502': return base(400, 'validation_failed', 'A required value is missing', field('must not be null'));
    case '22001': return base(400, 'validation_failed', 'A value is too long', field('is too long'));
    case '22021': case '22P05': case '22P02': case '22003': case '22007': case '22008':
      return base(400, 'validation_failed', 'A value is not valid for its field', field('is not valid'));
    default: return null;
  }
}

export function toProblem(exception: unknown): { problem: Problem; headers?: Record<string, string> } {
  if (exception instanceof DomainError) {
    // Upstream failures may carry an excerpt of the upstream's words: redacted once more on the way out.
    const detail = exception instanceof UpstreamError ? redact(exception.message) : exception.message;
    const problem: Problem = { ...base(exception.status, exception.code, detail, exception.errors), ...exception.extensions };
    return { problem, headers: exception.headers };
  }
  if (exception instanceof HttpException) {
    // Fastify's own errors (body parsing, size) arrive mapped by Nest, the original as `cause`.
    const fastify = FASTIFY_CODES[(exception.cause as { code?: string } | undefined)?.code ?? ''];
    if (fastify) return { problem: base(fastify.status, fastify.code, fastify.detail) };
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message =
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : exception.message;
    return { problem: base(status, codeFor(status), message) };
  }
  const db = databaseProblem(exception);
  if (db) return { problem: db };
  const err = exception as { statusCode?: number; message?: string } | undefined;
  if (err?.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { problem: base(err.statusCode, codeFor(err.statusCode), err.message ?? TITLES[err.statusCode]) };
  }
  return { problem: base(500, 'internal_error', 'An unexpected error occurred') };
}

function base(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  const p: Problem = {
    type: `https://patchbay.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    detail,
    code,
  };
  if (errors?.length) p.errors = errors;
  return p;
}

function codeFor(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 405: return 'method_not_allowed';
    case 409: return 'conflict';
    case 413: return 'body_too_large';
    case 429: return 'rate_limited';
    default: return status >= 500 ? 'internal_error' : 'error';
  }
}

/** One filter for everything: problem+json, the request id, never a stack or internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /**
   * @param surfaces errors under these path prefixes that reach this global filter (an unknown route: no
   *   controller's own filter ran) are rendered by that surface's filter, e.g. Letta's `{ detail }` under `/v1/`.
   */
  constructor(private readonly surfaces: ReadonlyArray<{ prefix: string; filter: ExceptionFilter }> = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const surface = this.surfaces.find((s) => req.url === s.prefix.slice(0, -1) || req.url.startsWith(s.prefix));
    if (surface) return surface.filter.catch(exception, host) as void;
    const { problem, headers } = toProblem(exception);
    problem.instance = req.url.split('?')[0];
    problem.requestId = String(req.id);
    if (problem.status >= 500 && !(exception instanceof DomainError)) {
      const e = exception as Error;
      this.logger.error({ reqId: req.id, err: { name: e?.name, message: e?.message, stack: e?.stack } }, 'unhandled error');
    }
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer realm="patchbay"');
    for (const [k, v] of Object.entries(headers ?? {})) reply.header(k, v);
    if (reply.sent) return;
    void reply.status(problem.status).type('application/problem+json').send(problem);
  }
}
