import { Injectable } from '@nestjs/common';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError,
  type CallToolRequest, type CallToolResult, type ClientCapabilities, type Implementation, type JSONRPCRequest, type Progress, type RequestId,
  type ServerCapabilities, type ServerNotification, type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../auth/principal.js';
import { ConnectionPool, type CallOptions, type UpstreamTarget } from '../connections/index.js';
import { ToolCallService } from '../tools/tool-call.service.js';
import { AggregateCatalogService } from './aggregate-catalog.service.js';
import { AuthorizationElicitor, authorizationUrlOf } from './authorization-elicitation.js';
import { GatewayMetrics } from './gateway-metrics.js';
import type { GatewayScope } from './gateway-scope.service.js';
import { toMcpError, toolFailure } from './mcp-errors.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export const GATEWAY_INFO: Implementation = { name: 'patchbay', version: '0.1.0' };

/** Where a pass-through sends what the downstream client asked: the shared pool, or a session's own connection. */
export interface UpstreamChannel {
  request(request: { method: string; params?: Record<string, unknown> }, opts: CallOptions): Promise<Record<string, unknown>>;
}

export interface UpstreamInfo {
  capabilities: ServerCapabilities;
  serverInfo?: Implementation;
  instructions?: string;
}

/** Session bookkeeping the pass-through server reports to (which downstream requests are in flight). */
export interface InflightTracker {
  inflight: RequestId[];
}

/**
 * Builds the low-level SDK `Server` that answers one request (stateless) or one session. Aggregation: tools/list
 * from the stored catalogue, tools/call through ToolCallService. Pass-through: tools/call through ToolCallService
 * too (the same checks and record, sent on the session's channel, the result returned unchanged); every other
 * request but initialize/ping forwarded as is (fallback handler), results returned unparsed.
 */
@Injectable()
export class GatewayServers {
  constructor(
    private readonly pool: ConnectionPool,
    private readonly calls: ToolCallService,
    private readonly catalogue: AggregateCatalogService,
    private readonly metrics: GatewayMetrics,
    private readonly elicitor: AuthorizationElicitor,
  ) {}

  aggregate(principal: Principal, scope: GatewayScope): Server {
    const server = new Server(GATEWAY_INFO, {
      capabilities: { tools: { listChanged: true } },
      instructions: `Tools of every enabled MCP server in ${scope.kind} ${scope.id}, named <server>__<tool>.`,
    });
    server.setRequestHandler(ListToolsRequestSchema, () =>
      this.metrics.measure(scope.kind, 'tools/list', async () => ({ tools: (await this.catalogue.get(scope)).tools })),
    );
    server.setRequestHandler(CallToolRequestSchema, (req, extra) =>
      this.metrics.measure(scope.kind, 'tools/call', () => this.callAggregated(principal, scope, req.params, extra, server.getClientCapabilities())),
    );
    return server;
  }

  /**
   * A tools/call answered without building an SDK Server (GatewayHttp's stateless fast path): the same handlers
   * the SDK servers below run for it, aggregate or pass-through over the shared pool.
   */
  toolCall(principal: Principal, scope: GatewayScope, params: CallToolRequest['params'], signal: AbortSignal): Promise<CallToolResult> {
    const extra = { signal } as Extra;
    return this.metrics.measure(scope.kind, 'tools/call', async () => {
      if (scope.kind !== 'server') return this.callAggregated(principal, scope, params, extra);
      try {
        const channel = this.sharedChannel(scope.usable!.target);
        // a stateless client declared nothing: a per_user server's missing credential is a tool error carrying the URL
        return (await this.elicitor.call(scope.id, principal.id, undefined, extra, () => this.checkedCall(principal, scope, channel, params, extra))) as CallToolResult;
      } catch (e) {
        return toolFailure(e);
      }
    });
  }

  private async callAggregated(principal: Principal, scope: GatewayScope, params: CallToolRequest['params'], extra: Extra, caps?: ClientCapabilities): Promise<CallToolResult> {
    const hit = (await this.catalogue.get(scope)).byName.get(params.name);
    if (!hit) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
    try {
      const progress = progressRelay(params._meta?.progressToken, extra);
      const { result } = await this.elicitor.call(hit.server.id, principal.id, caps, extra, () => this.calls.call(principal, hit.server.id, hit.tool.name, params.arguments ?? {}, {
        surface: 'aggregate',
        signal: extra.signal,
        onProgress: progress.onProgress,
      }));
      await progress.settled();
      return result;
    } catch (e) {
      return toolFailure(e);
    }
  }

  /** The shared pool as a pass-through channel (stateless requests, any replica). */
  sharedChannel(target: UpstreamTarget): UpstreamChannel {
    return {
      request: async (request, opts) => {
        if (request.method === 'logging/setLevel') return {}; // a level on a shared connection would be every caller's
        if (request.method === 'resources/subscribe' || request.method === 'resources/unsubscribe') {
          throw new McpError(ErrorCode.InvalidRequest, `${request.method} needs a session: send initialize to this endpoint first`);
        }
        return this.pool.withClient(target, (c) => c.request(request, opts), { signal: opts.signal });
      },
    };
  }

  /** What the upstream declared at its handshake, from the pooled connection. */
  sharedInfo(target: UpstreamTarget): Promise<UpstreamInfo> {
    return this.pool.withClient(target, async (c) => ({
      capabilities: c.serverCapabilities ?? {},
      serverInfo: c.serverInfo,
      instructions: c.instructions,
    })).catch((e: unknown) => {
      // per_user server, caller not connected yet: a session anyway, whose first tool call asks them to connect
      if (!target.credentialOwner || !authorizationUrlOf(e)) throw e;
      return { capabilities: { tools: {} }, instructions: 'This server acts as your own account, not connected yet: a tool call asks you to connect it.' };
    });
  }

  /** `caller`: who is asking now (a session's caller is re-authenticated on every request). */
  passthrough(caller: () => Principal, scope: GatewayScope, channel: UpstreamChannel, info: UpstreamInfo, tracker?: InflightTracker): Server {
    const { tasks: _tasks, ...capabilities } = info.capabilities as ServerCapabilities & { tasks?: unknown };
    const server = new Server(info.serverInfo ?? GATEWAY_INFO, { capabilities, instructions: info.instructions });
    server.removeRequestHandler('logging/setLevel');
    server.fallbackRequestHandler = (request, extra) =>
      this.metrics.measure(scope.kind, request.method, () => this.forward(caller(), scope, channel, request, extra as Extra, tracker, server.getClientCapabilities()));
    return server;
  }

  private async forward(principal: Principal, scope: GatewayScope, channel: UpstreamChannel, request: JSONRPCRequest, extra: Extra, tracker?: InflightTracker, caps?: ClientCapabilities) {
    const params = request.params ? { ...request.params } : undefined;
    const meta = params?._meta as Record<string, unknown> | undefined;
    const token = meta?.progressToken as string | number | undefined;
    if (params && meta && 'progressToken' in meta) {
      const { progressToken: _own, ...rest } = meta;
      if (Object.keys(rest).length) params._meta = rest;
      else delete params._meta;
    }
    tracker?.inflight.push(extra.requestId);
    const progress = progressRelay(token, extra);
    try {
      const result = request.method === 'tools/call'
        ? await this.elicitor.call(scope.id, principal.id, caps, extra, () => this.checkedCall(principal, scope, channel, params ?? {}, extra, progress.onProgress))
        : await channel.request({ method: request.method, params }, { signal: extra.signal, onProgress: progress.onProgress });
      await progress.settled();
      return result;
    } catch (e) {
      if (request.method === 'tools/call') return toolFailure(e);
      throw toMcpError(e);
    } finally {
      if (tracker) tracker.inflight.splice(tracker.inflight.indexOf(extra.requestId), 1);
    }
  }

  /** A pass-through tools/call: the one tool-call path's checks and record, sent on the session's channel. */
  private async checkedCall(
    principal: Principal, scope: GatewayScope, channel: UpstreamChannel, params: Record<string, unknown>, extra: Extra,
    onProgress?: (p: Progress) => void,
  ): Promise<Record<string, unknown>> {
    if (typeof params.name !== 'string') throw new McpError(ErrorCode.InvalidParams, 'tools/call needs params.name');
    const args = (params.arguments ?? {}) as Record<string, unknown>;
    const { result } = await this.calls.call(principal, scope.id, params.name, args, {
      surface: 'passthrough',
      unlisted: 'forward',
      signal: extra.signal,
      onProgress,
      invoke: async (_name, _args, opts) => (await channel.request({ method: 'tools/call', params }, opts)) as CallToolResult,
    });
    return result as Record<string, unknown>;
  }
}

/**
 * Re-emits upstream progress to the downstream client under the token it chose. `settled()` is
 * awaited before the result goes back: on a stateless request the response closes the stream,
 * so a notification still being written would be lost (seen: the last of three, now and then).
 */
function progressRelay(token: string | number | undefined, extra: Extra): { onProgress?: (p: Progress) => void; settled(): Promise<void> } {
  if (token === undefined) return { settled: async () => undefined };
  let chain: Promise<unknown> = Promise.resolve();
  return {
    onProgress: (p) => {
      chain = chain.then(() => extra.sendNotification({ method: 'notifications/progress', params: { ...p, progressToken: token } })).catch(() => undefined);
    },
    settled: async () => {
      await chain;
    },
  };
}
