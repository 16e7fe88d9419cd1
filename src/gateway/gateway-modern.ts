import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  Server as ModernServer, createMcpHandler, isLegacyRequest,
  type AuthInfo, type CallToolResult, type JSONRPCRequest, type McpHttpHandler, type McpRequestContext, type Result, type ServerContext,
  type ServerEvent, type ServerEventBus,
} from '@modelcontextprotocol/server';
import { ErrorCode, McpError, type Progress, type ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { ToolCallService } from '../tools/tool-call.service.js';
import { AggregateCatalogService } from './aggregate-catalog.service.js';
import { GatewayMetrics } from './gateway-metrics.js';
import type { GatewayScope } from './gateway-scope.service.js';
import { GatewayNotifier } from './gateway-notifier.service.js';
import { GATEWAY_INFO, GatewayServers, type UpstreamChannel } from './gateway-servers.js';
import { toMcpError, toolFailure } from './mcp-errors.js';

/** The `_meta` keys of the 2026-07-28 envelope: ours to read, never an upstream's business. */
const ENVELOPE_PREFIX = 'io.modelcontextprotocol/';

/** Who asks and for which scope: handed from the authenticated HTTP request to the per-request server factory. */
interface Caller {
  principal: Principal;
  scope: GatewayScope;
}

/**
 * MCP 2026-07-28 on `/mcp/{scopeId}`, next to the 2025 path in GatewayHttp and chosen per request: a POST carrying
 * the per-request `_meta` envelope (or a modern MCP-Protocol-Version header) is answered here, statelessly, by a
 * v2-SDK `Server` built for that request; everything else stays on the 2025 path unchanged. The v2 SDK
 * (`createMcpHandler`, `legacy: 'reject'`) owns the wire: classification, envelope validation, `server/discover`,
 * the error ladder (HTTP status + JSON-RPC code), header checks and the cache fields. We supply the handlers, which
 * are adapters only: tools/list from the stored catalogue (aggregate), every tools/call through ToolCallService,
 * anything else passed through to the upstream over the shared pool.
 */
@Injectable()
export class GatewayModern implements OnModuleDestroy {
  private readonly logger = new Logger('GatewayModern');
  private readonly handler: McpHttpHandler;
  /** The scope of the request being served, for the listen streams it opens (see ScopedEventBus). */
  private readonly current = new AsyncLocalStorage<GatewayScope>();

  constructor(
    private readonly builder: GatewayServers,
    private readonly calls: ToolCallService,
    private readonly catalogue: AggregateCatalogService,
    private readonly metrics: GatewayMetrics,
    notifier: GatewayNotifier,
  ) {
    this.handler = createMcpHandler((ctx) => this.serverFor(ctx), {
      legacy: 'reject',
      bus: new ScopedEventBus(this.current, notifier),
      onerror: (e) => this.logger.debug(`2026-07-28 request: ${e.message}`),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handler.close();
  }

  /** Does this POST belong to the 2026-07-28 path? (The SDK's own routing decision, from the parsed body.) */
  async claims(req: FastifyRequest): Promise<boolean> {
    if (req.method !== 'POST') return false;
    // With the parsed body given, the predicate reads no body: the headers-only Request spares a re-serialisation.
    return !(await isLegacyRequest(toWebRequest(req, undefined, false), req.body));
  }

  async serve(req: FastifyRequest, reply: FastifyReply, principal: Principal, scope: GatewayScope): Promise<void> {
    const aborted = new AbortController();
    reply.raw.once('close', () => aborted.abort());
    const authInfo: AuthInfo = { token: '', clientId: principal.kind, scopes: [], extra: { caller: { principal, scope } satisfies Caller } };
    const response = await this.current.run(scope, () => this.handler.fetch(toWebRequest(req, aborted.signal), { authInfo, parsedBody: req.body }));
    reply.hijack();
    const res = reply.raw;
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k] = v));
    res.writeHead(response.status, headers);
    if (response.body) {
      try {
        for await (const chunk of response.body) res.write(chunk);
      } catch {
        // The client went away mid-stream; nothing left to answer.
      }
    }
    res.end();
  }

  private async serverFor(ctx: McpRequestContext): Promise<ModernServer> {
    const caller = ctx.authInfo?.extra?.caller as Caller | undefined;
    if (!caller) throw new Error('2026-07-28 request without an authenticated caller');
    return caller.scope.kind === 'server' ? this.passthrough(caller) : this.aggregate(caller);
  }

  private aggregate({ principal, scope }: Caller): ModernServer {
    const server = new ModernServer(GATEWAY_INFO, {
      capabilities: { tools: { listChanged: true } },
      instructions: `Tools of every enabled MCP server in ${scope.kind} ${scope.id}, named <server>__<tool>.`,
    });
    // Deterministic order (the catalogue is sorted by public name); private (it is this caller's scope) and fresh
    // for as long as the catalogue entry it came from (dropped on every replica when a server or its tools change).
    server.setRequestHandler('tools/list', () =>
      this.metrics.measure(scope.kind, 'tools/list', async () => {
        const { tools } = await this.catalogue.get(scope);
        return { tools, ttlMs: this.catalogue.remainingTtlMs(scope), cacheScope: 'private' as const } as never;
      }),
    );
    server.setRequestHandler('tools/call', (request, ctx) =>
      this.metrics.measure(scope.kind, 'tools/call', async () => {
        const params = request.params;
        const hit = (await this.catalogue.get(scope)).byName.get(params.name);
        if (!hit) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
        const progress = progressRelay(params._meta?.progressToken, ctx);
        try {
          const { result } = await this.calls.call(principal, hit.server.id, hit.tool.name, params.arguments ?? {}, {
            surface: 'aggregate', signal: ctx.mcpReq.signal, onProgress: progress.onProgress,
          });
          await progress.settled();
          return result as CallToolResult;
        } catch (e) {
          return toolFailure(e) as CallToolResult;
        }
      }),
    );
    return server;
  }

  private async passthrough({ principal, scope }: Caller): Promise<ModernServer> {
    const target = scope.usable!.target;
    const channel = this.builder.sharedChannel(target);
    const info = await this.builder.sharedInfo(target);
    // Tasks (an extension in 2026-07-28) and logging/setLevel (removed) are not offered on this path yet.
    const { tasks: _tasks, logging: _logging, ...capabilities } = info.capabilities as ServerCapabilities & { tasks?: unknown };
    const server = new ModernServer(info.serverInfo ?? GATEWAY_INFO, { capabilities: capabilities as never, instructions: info.instructions });
    // One handler per method the upstream's capabilities cover: anything else gets the SDK's own "method not
    // found" (HTTP 404, -32601), which a catch-all forwarder could only answer with HTTP 200.
    for (const [capability, methods] of FORWARDED) {
      if (!(capability in capabilities)) continue;
      for (const method of methods) {
        server.setRequestHandler(method, (request: unknown, ctx: ServerContext) =>
          this.metrics.measure(scope.kind, method, () => this.forward(principal, scope, channel, request as JSONRPCRequest, ctx)) as never,
        );
      }
    }
    return server;
  }

  private async forward(principal: Principal, scope: GatewayScope, channel: UpstreamChannel, request: JSONRPCRequest, ctx: ServerContext): Promise<Result> {
    const { params, progressToken } = forUpstream(request.params);
    const progress = progressRelay(progressToken, ctx);
    const opts = { signal: ctx.mcpReq.signal, onProgress: progress.onProgress };
    try {
      let result: Record<string, unknown>;
      if (request.method === 'tools/call') {
        if (typeof params.name !== 'string') throw new McpError(ErrorCode.InvalidParams, 'tools/call needs params.name');
        ({ result } = (await this.calls.call(principal, scope.id, params.name, (params.arguments ?? {}) as Record<string, unknown>, {
          surface: 'passthrough', unlisted: 'forward', signal: opts.signal, onProgress: opts.onProgress,
          invoke: async (_name, _args, o) => (await channel.request({ method: 'tools/call', params }, o)) as never,
        })) as { result: Record<string, unknown> });
      } else {
        result = await channel.request({ method: request.method, params }, opts);
      }
      await progress.settled();
      return result as Result;
    } catch (e) {
      if (request.method === 'tools/call') return toolFailure(e) as Result;
      throw toMcpError(e);
    }
  }
}

/**
 * `subscriptions/listen` streams, bound to the scope they were opened on: the SDK's listen router subscribes while
 * serving the listen request (inside `current.run(scope)`), and the stream gets `tools/list_changed` whenever the
 * GatewayNotifier says that scope's tool list may have changed (catalogue changes reach every replica). There is
 * no global publish: one handler serves every tenant, and an event for one scope must not reach another's streams.
 */
class ScopedEventBus implements ServerEventBus {
  constructor(
    private readonly current: AsyncLocalStorage<GatewayScope>,
    private readonly notifier: GatewayNotifier,
  ) {}

  publish(_event: ServerEvent): void {
    // Events come from the notifier, per scope; see subscribe.
  }

  subscribe(listener: (event: ServerEvent) => void): () => void {
    const scope = this.current.getStore();
    if (!scope) return () => undefined;
    return this.notifier.listen(scope, () => listener({ kind: 'tools_list_changed' }));
  }
}

/** What a 2026-07-28 client may ask an upstream, by the capability the upstream declared. */
const FORWARDED = [
  ['tools', ['tools/list', 'tools/call']],
  ['resources', ['resources/list', 'resources/read', 'resources/templates/list']],
  ['prompts', ['prompts/list', 'prompts/get']],
  ['completions', ['completion/complete']],
] as const;

/** The params a 2025 upstream gets: the envelope keys and our client's progress token taken out of `_meta`. */
function forUpstream(raw: JSONRPCRequest['params']): { params: Record<string, unknown>; progressToken?: string | number } {
  const params: Record<string, unknown> = { ...(raw ?? {}) };
  const meta = params._meta as Record<string, unknown> | undefined;
  if (!meta) return { params };
  const kept = Object.fromEntries(Object.entries(meta).filter(([k]) => !k.startsWith(ENVELOPE_PREFIX) && k !== 'progressToken'));
  if (Object.keys(kept).length) params._meta = kept;
  else delete params._meta;
  return { params, progressToken: meta.progressToken as string | number | undefined };
}

/** Upstream progress re-emitted under the token the downstream client chose (awaited before the result goes back). */
function progressRelay(token: unknown, ctx: ServerContext): { onProgress?: (p: Progress) => void; settled(): Promise<void> } {
  if (typeof token !== 'string' && typeof token !== 'number') return { settled: async () => undefined };
  let chain: Promise<unknown> = Promise.resolve();
  return {
    onProgress: (p) => {
      chain = chain.then(() => ctx.mcpReq.notify({ method: 'notifications/progress', params: { ...p, progressToken: token } })).catch(() => undefined);
    },
    settled: async () => {
      await chain;
    },
  };
}

/** The Fastify request as a web `Request` (body re-serialised from the parsed JSON; the SDK reads `parsedBody`). */
function toWebRequest(req: FastifyRequest, signal?: AbortSignal, withBody = true): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'content-length' || k === 'transfer-encoding' || k === 'connection') continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const url = `http://${req.headers.host ?? 'localhost'}${req.url}`;
  const body = withBody && req.method === 'POST' && req.body !== undefined ? JSON.stringify(req.body) : undefined;
  return new Request(url, { method: req.method, headers, body, signal });
}
