import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem, type Problem } from '../common/http/problem.filter.js';

/**
 * Renders errors in a compatible surface's own shape, with the same status and headers the global
 * problem filter would use (except where the surface's status differs, e.g. Letta's 422).
 */
abstract class CompatErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('CompatErrors');

  protected abstract render(problem: Problem): { status: number; body: unknown };

  /** Extra headers a surface adds to an error answer. */
  protected headers(_problem: Problem): Record<string, string> {
    return {};
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const { problem, headers } = toProblem(exception);
    problem.requestId = String(req.id);
    if (problem.status >= 500 && problem.code === 'internal_error') {
      this.logger.error(`unexpected error on ${req.method} ${req.url.split('?')[0]}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (reply.sent || reply.raw.headersSent) return;
    const { status, body } = this.render(problem);
    for (const [k, v] of Object.entries({ ...headers, ...this.headers(problem) })) void reply.header(k, v);
    if (status === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(status).type('application/json').send(body);
  }
}

/** Path parameters of the Letta routes, as the field names our pipes report them. */
const LETTA_PATH_PARAMS = new Set(['mcp_server_id', 'toolId', 'tool_id', 'id']);

/** FastAPI's `loc`: where the bad value was (path, header, query or body), then its name. */
export function lettaLoc(field: string): string[] {
  if (LETTA_PATH_PARAMS.has(field)) return ['path', field === 'toolId' ? 'tool_id' : field];
  if (/^x-[a-z0-9-]+$/i.test(field)) return ['header', field.toLowerCase()];
  return ['body', ...field.split('.').filter(Boolean)];
}

/** Letta (FastAPI) errors: `{ detail: "..." }`, validation as 422 `{ detail: [{ loc, msg, type }] }`. */
@Catch()
export class LettaErrorFilter extends CompatErrorFilter {
  protected render(p: Problem): { status: number; body: unknown } {
    if (p.code === 'validation_failed' || p.status === 422) {
      const detail = (p.errors?.length ? p.errors : [{ field: '', message: p.detail }]).map((e) => ({
        loc: lettaLoc(e.field),
        msg: e.message,
        type: 'value_error',
      }));
      return { status: 422, body: { detail, code: p.code, request_id: p.requestId } };
    }
    // an unknown route (Nest's "Cannot GET /v1/..."): FastAPI's own words
    const detail = p.status === 404 && /^Cannot [A-Z]+ \//.test(p.detail) ? 'Not Found' : p.detail;
    return { status: p.status, body: { detail, code: p.code, request_id: p.requestId } };
  }

  /** Letta's server marks conflicts (and other client errors) not to be retried; its client obeys `x-should-retry`. */
  protected override headers(p: Problem): Record<string, string> {
    return p.status === 409 ? { 'x-should-retry': 'false' } : {};
  }
}

/** The project-style surface: `{ success: false, message, code, errors? }` with the HTTP status. */
@Catch()
export class ProjectStyleErrorFilter extends CompatErrorFilter {
  protected render(p: Problem): { status: number; body: unknown } {
    return {
      status: p.status,
      body: { success: false, message: p.detail, code: p.code, requestId: p.requestId, ...(p.errors?.length ? { errors: p.errors } : {}) },
    };
  }
}
