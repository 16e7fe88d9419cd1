import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { isInitializeRequest, SUPPORTED_PROTOCOL_VERSIONS, type CallToolRequest } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthGuard, UnauthorizedError } from '../auth/auth.guard.js';
import { GatewayTokens } from '../authorization/gateway-tokens.js';
import { grants, type Principal } from '../auth/principal.js';
import { RateLimitService } from '../auth/rate-limit.service.js';
import { ForbiddenError } from '../common/errors/domain-error.js';
import { toProblem } from '../common/http/problem.filter.js';
import { AppConfig } from '../config/app-config.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { GatewayModern } from './gateway-modern.js';
import { GatewayNotifier } from './gateway-notifier.service.js';
import { GatewayScopeService, type GatewayScope } from './gateway-scope.service.js';
import { GatewayServers } from './gateway-servers.js';
import { toMcpError } from './mcp-errors.js';
import { originAllowed } from './origin.js';
import { PassthroughSessions } from './passthrough-sessions.service.js';

type Req = FastifyRequest<{ Params: { scopeId: string } }>;

export const GATEWAY_PATH = '/mcp/:scopeId';

/**
 * `/mcp/{scopeId}`: the streamable-HTTP MCP endpoint. Registered straight on Fastify (the body is already parsed;
 * the SDK transport gets the raw request and response after `reply.hijack()`), with the bearer resolved by the
 * same logic as the global guard. Every POST without a session this replica knows is answered statelessly by a
 * `Server` built for that request, so any replica answers; pass-through `initialize` opens a session here for what
 * needs one (server->client requests, subscriptions, logs); a GET opens a notification stream on any replica.
 */
@Injectable()
export class GatewayHttp implements OnModuleInit {
  private readonly logger = new Logger('Gateway');

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly auth: AuthGuard,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
    private readonly scopes: GatewayScopeService,
    private readonly builder: GatewayServers,
    private readonly sessions: PassthroughSessions,
    private readonly notifier: GatewayNotifier,
    private readonly metrics: GatewayMetrics,
    private readonly tokens: GatewayTokens,
    private readonly modern: GatewayModern,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    fastify.route({ method: ['GET', 'POST', 'DELETE'], url: GATEWAY_PATH, handler: (req, reply) => this.handle(req as Req, reply) });
  }

  resourceMetadataUrl(scopeId: string): string {
    return `${this.config.publicUrl}/.well-known/oauth-protected-resource/mcp/${encodeURIComponent(scopeId)}`;
  }

  private async handle(req: Req, reply: FastifyReply): Promise<void> {
    const { scopeId } = req.params;
    try {
      if (!originAllowed(req.headers.origin, this.config.publicUrl)) throw new ForbiddenError('Origin not allowed');
      const principal = await this.authenticate(req, reply, scopeId);
      const scope = await this.scopes.resolve(principal, scopeId);
      if (req.method === 'POST') await this.post(req, reply, principal, scope);
      else if (req.method === 'GET') await this.get(req, reply, principal, scope);
      else await this.delete(req, reply, principal, scope);
    } catch (e) {
      if (reply.sent || reply.raw.headersSent) {
        this.logger.warn(`gateway request on ${scopeId} failed after responding: ${(e as Error).message}`);
        return;
      }
      const { problem, headers } = toProblem(e);
      problem.instance = req.url.split('?')[0];
      problem.requestId = String(req.id);
      for (const [k, v] of Object.entries(headers ?? {})) void reply.header(k, v);
      await reply.status(problem.status).type('application/problem+json').send(problem);
    }
  }

  private async authenticate(req: Req, reply: FastifyReply, scopeId: string): Promise<Principal> {
    const challenge = `Bearer resource_metadata="${this.resourceMetadataUrl(scopeId)}"`;
    let principal: Principal;
    try {
      // An access token Patchbay's authorization server issued for this resource, else the usual bearers.
      principal = (await this.tokens.resolve(req.headers.authorization, scopeId)) ?? (await this.auth.resolve(req.headers.authorization));
    } catch (e) {
      if (e instanceof UnauthorizedError) {
        void reply.header('www-authenticate', req.headers.authorization ? `${challenge}, error="invalid_token"` : challenge);
      }
      throw e;
    }
    if (principal.kind === 'api_key' && !grants(principal.scopes, 'execute')) {
      void reply.header('www-authenticate', `${challenge}, error="insufficient_scope", scope="execute"`);
      throw new ForbiddenError('This API key lacks the "execute" scope');
    }
    await this.rateLimits.consume(principal);
    return principal;
  }

  private async post(req: Req, reply: FastifyReply, principal: Principal, scope: GatewayScope): Promise<void> {
    // MCP 2026-07-28 (the per-request `_meta` envelope, no initialize): its own stateless path; 2025 traffic below.
    if (await this.modern.claims(req)) return this.modern.serve(req, reply, principal, scope);
    const body = req.body;
    const sessionId = header(req, 'mcp-session-id');
    const session = this.sessions.get(sessionId);
    if (session) {
      if (!session.belongsTo(principal, scope.id)) return this.sessionNotFound(reply);
      session.lastSeen = Date.now();
      session.principal = principal;
      reply.hijack();
      return session.transport.handleRequest(req.raw, reply.raw, body);
    }
    if (scope.kind === 'server' && !sessionId && isInitializeRequest(body)) {
      const opened = await this.sessions.open(principal, scope, body.params.capabilities);
      reply.hijack();
      return opened.transport.handleRequest(req.raw, reply.raw, body);
    }
    // The hot path, a plain tools/call: answered by the same handler without building a Server and transport.
    const call = plainToolCall(req);
    if (call) return this.answerToolCall(reply, principal, scope, call);
    // Stateless: a Server and transport for this request only. JSON answers unless the client asked for progress.
    const server = await this.serverFor(principal, scope);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !wantsStream(body) });
    await server.connect(transport);
    reply.hijack();
    reply.raw.once('close', () => void server.close().catch(() => undefined));
    await transport.handleRequest(req.raw, reply.raw, body);
  }

  /** The JSON answer the SDK's stateless transport would give (same body, same errors), without its machinery. */
  private async answerToolCall(reply: FastifyReply, principal: Principal, scope: GatewayScope, call: PlainToolCall): Promise<void> {
    const aborted = new AbortController();
    reply.raw.once('close', () => reply.raw.writableFinished || aborted.abort());
    let payload: Record<string, unknown>;
    try {
      payload = { result: await this.builder.toolCall(principal, scope, call.params, aborted.signal), jsonrpc: '2.0', id: call.id };
    } catch (e) {
      const err = toMcpError(e);
      payload = { jsonrpc: '2.0', id: call.id, error: { code: err.code, message: err.message, ...(err.data === undefined ? {} : { data: err.data }) } };
    }
    await reply.status(200).type('application/json').send(payload);
  }

  /** A notification stream: the session's, or a stateless one delivering list_changed for the scope. */
  private async get(req: Req, reply: FastifyReply, principal: Principal, scope: GatewayScope): Promise<void> {
    const session = this.sessions.get(header(req, 'mcp-session-id'));
    if (session) {
      if (!session.belongsTo(principal, scope.id)) return this.sessionNotFound(reply);
      session.lastSeen = Date.now();
      this.sessions.trackStream(session, reply.raw);
      reply.hijack();
      return session.transport.handleRequest(req.raw, reply.raw);
    }
    const server = await this.serverFor(principal, scope);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    const unlisten = this.notifier.listen(scope, () => void server.sendToolListChanged().catch(() => undefined));
    this.metrics.sessions.inc({ kind: scope.kind });
    reply.hijack();
    reply.raw.once('close', () => {
      unlisten();
      this.metrics.sessions.dec({ kind: scope.kind });
      void server.close().catch(() => undefined);
    });
    await transport.handleRequest(req.raw, reply.raw);
  }

  private async delete(req: Req, reply: FastifyReply, principal: Principal, scope: GatewayScope): Promise<void> {
    const session = this.sessions.get(header(req, 'mcp-session-id'));
    if (session) {
      if (!session.belongsTo(principal, scope.id)) return this.sessionNotFound(reply);
      await this.sessions.close(session.id);
    }
    await reply.status(200).send();
  }

  private async serverFor(principal: Principal, scope: GatewayScope): Promise<Server> {
    if (scope.kind !== 'server') return this.builder.aggregate(principal, scope);
    const target = scope.usable!.target;
    return this.builder.passthrough(() => principal, scope, this.builder.sharedChannel(target), await this.builder.sharedInfo(target));
  }

  private async sessionNotFound(reply: FastifyReply): Promise<void> {
    await reply.status(404).type('application/json').send({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null });
  }
}

function header(req: Req, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

interface PlainToolCall {
  id: string | number;
  params: CallToolRequest['params'];
}

/**
 * The request, if it is one well-formed tools/call that wants no stream (no progress token, no task) and that the
 * SDK transport would accept as is (Accept, Content-Type, protocol version); anything else takes the SDK path.
 */
function plainToolCall(req: Req): PlainToolCall | null {
  const accept = req.headers.accept ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) return null;
  if (!(req.headers['content-type'] ?? '').includes('application/json')) return null;
  const version = req.headers['mcp-protocol-version'];
  if (version !== undefined && (typeof version !== 'string' || !SUPPORTED_PROTOCOL_VERSIONS.includes(version))) return null;
  const m = req.body as { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: Record<string, unknown> } | null;
  if (!m || typeof m !== 'object' || Array.isArray(m) || m.jsonrpc !== '2.0' || m.method !== 'tools/call') return null;
  if ((typeof m.id !== 'string' && typeof m.id !== 'number') || !m.params || typeof m.params !== 'object') return null;
  const { name, arguments: args, _meta: meta } = m.params;
  if (typeof name !== 'string' || Object.keys(m.params).some((k) => k !== 'name' && k !== 'arguments' && k !== '_meta')) return null;
  if (args !== undefined && (!args || typeof args !== 'object' || Array.isArray(args))) return null;
  if (meta !== undefined && (!meta || typeof meta !== 'object' || Array.isArray(meta) || 'progressToken' in meta)) return null;
  return { id: m.id, params: m.params as CallToolRequest['params'] };
}

/** Does any request in the body ask for progress (which needs an SSE response)? */
function wantsStream(body: unknown): boolean {
  const msgs = Array.isArray(body) ? body : [body];
  return msgs.some((m) => (m as { params?: { _meta?: { progressToken?: unknown } } } | null)?.params?._meta?.progressToken !== undefined);
}
