import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolResultSchema, CreateMessageRequestSchema, ElicitRequestSchema, ErrorCode, LoggingMessageNotificationSchema, McpError,
  ResultSchema, ToolListChangedNotificationSchema,
  type CallToolResult, type CompleteRequestParams, type CompleteResult, type CreateMessageRequestParams, type CreateMessageResult,
  type ElicitRequestParams, type ElicitResult, type GetPromptResult, type Implementation, type LoggingLevel,
  type LoggingMessageNotificationParams, type Progress, type Prompt, type ReadResourceResult, type Resource, type ResourceTemplate,
  type ServerCapabilities, type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { UpstreamError } from '../common/errors/domain-error.js';
import { createSafeFetch, type SafeFetch } from './safe-fetch.js';
import { parseHttpUrl, type HostResolver } from './ssrf.js';
import { StdioProcessTransport } from './stdio-process.js';
import { classifyFailure, isFatalTransportError } from './upstream-errors.js';
import { targetSecrets, type UpstreamTarget } from './upstream-target.js';

export type {
  CallToolResult, CompleteRequestParams, CompleteResult, CreateMessageRequestParams, CreateMessageResult, ElicitRequestParams,
  ElicitResult, GetPromptResult, LoggingLevel, LoggingMessageNotificationParams, Progress, Prompt, ReadResourceResult, Resource,
  ResourceTemplate, ServerCapabilities, Tool,
};

export interface AdapterOptions {
  connectTimeoutMs: number;
  /** Deadline for a stdio server's start + handshake, when longer than connectTimeoutMs. */
  stdioStartTimeoutMs?: number;
  maxMessageBytes: number;
  streamIdleTimeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Declare sampling/elicitation capabilities and relay those server->client requests to the hooks. */
  relayServerRequests?: boolean;
  resolver?: HostResolver;
  clientInfo?: Implementation;
}

/** Callbacks for what the upstream sends on its own. Mutable: a gateway may attach relays while it uses the client. */
export interface AdapterHooks {
  onToolsChanged?: () => void;
  onLog?: (params: LoggingMessageNotificationParams) => void;
  /** The connection ended (upstream gone, stream broken, or close()). */
  onClose?: (reason?: Error) => void;
  onSamplingRequest?: (params: CreateMessageRequestParams, signal: AbortSignal) => Promise<CreateMessageResult>;
  onElicitationRequest?: (params: ElicitRequestParams, signal: AbortSignal) => Promise<ElicitResult>;
  /** Any other upstream notification (resources/updated, prompts and resources list_changed...), as received. */
  onNotification?: (notification: { method: string; params?: Record<string, unknown> }) => void;
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Overrides target.requestTimeoutMs / maxTotalTimeoutMs for this call. */
  timeoutMs?: number;
  maxTotalTimeoutMs?: number;
}

const MAX_PAGES = 100;

function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(UpstreamError.timeout(message));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The only place that touches the SDK Client and transports. One instance = one live upstream connection,
 * safe for concurrent requests (JSON-RPC ids multiplex them). Spec revisions without `initialize`/sessions
 * only change this file.
 */
export class McpClientAdapter {
  private closed = false;
  private closeRequested = false;
  private closing?: Promise<void>;
  private closeReason?: Error;
  private pending = 0;
  private lastInboundAt = Date.now();
  private probe?: Promise<void>;
  private readonly idleTimer: NodeJS.Timeout;
  lastUsedAt = Date.now();

  private constructor(
    readonly target: UpstreamTarget,
    private readonly client: Client,
    private readonly transport: Transport,
    private readonly safeFetch: SafeFetch | undefined,
    private readonly opts: AdapterOptions,
    public hooks: AdapterHooks,
  ) {
    const every = Math.max(50, Math.floor(opts.streamIdleTimeoutMs / 2));
    this.idleTimer = setInterval(() => this.checkStalled(), every);
    this.idleTimer.unref();
  }

  /** Starts the transport and runs the handshake within `connectTimeoutMs`. Errors are raw; the pool classifies them. */
  static async connect(target: UpstreamTarget, opts: AdapterOptions, hooks: AdapterHooks = {}): Promise<McpClientAdapter> {
    const safeFetch = target.transport === 'stdio' ? undefined : createSafeFetch({
      allowPrivateNetworks: opts.allowPrivateNetworks, connectTimeoutMs: opts.connectTimeoutMs,
      maxMessageBytes: opts.maxMessageBytes, proxy: target.proxy, resolver: opts.resolver,
    });
    const transport = McpClientAdapter.createTransport(target, opts, safeFetch);
    const capabilities = opts.relayServerRequests ? { sampling: {}, elicitation: {} } : {};
    const client = new Client(opts.clientInfo ?? { name: 'patchbay', version: '0.1.0' }, { capabilities });
    const adapter = new McpClientAdapter(target, client, transport, safeFetch, opts, hooks);
    adapter.registerHandlers();
    const deadline = target.transport === 'stdio' ? Math.max(opts.connectTimeoutMs, opts.stdioStartTimeoutMs ?? 0) : opts.connectTimeoutMs;
    try {
      await withDeadline(
        client.connect(transport, { timeout: deadline }),
        deadline,
        () => void transport.close().catch(() => undefined),
        `connecting to ${target.serverId} took longer than ${deadline} ms`,
      );
    } catch (err) {
      await adapter.close();
      throw err;
    }
    adapter.watchInbound();
    return adapter;
  }

  private static createTransport(target: UpstreamTarget, opts: AdapterOptions, safeFetch?: SafeFetch): Transport {
    if (target.transport === 'stdio') {
      return new StdioProcessTransport({
        serverId: target.serverId, workspaceId: target.workspaceId, command: target.command ?? '',
        args: target.args ?? [], env: target.env ?? {}, maxMessageBytes: opts.maxMessageBytes,
      });
    }
    const url = parseHttpUrl(target.url ?? '', 'url');
    // Redirects are followed (and re-checked) by our fetch, so the SDK hands them over untouched.
    const common = { requestInit: { headers: target.headers ?? {} }, fetch: safeFetch && target.wrapFetch ? target.wrapFetch(safeFetch.fetch) : safeFetch?.fetch, redirectPolicy: 'follow' as const, authProvider: target.authProvider };
    // Two reconnections: a server may close a POST stream mid-request after a priming event (SEP-1699) and expects us
    // back with Last-Event-ID (after its `retry`); none would turn that into a broken connection.
    return target.transport === 'sse'
      ? new SSEClientTransport(url, common)
      : new StreamableHTTPClientTransport(url, { ...common, reconnectionOptions: { maxRetries: 2, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 } });
  }

  private registerHandlers(): void {
    this.client.onclose = () => {
      this.closed = true;
      clearInterval(this.idleTimer);
      void this.safeFetch?.close().catch(() => undefined);
      this.hooks.onClose?.(this.closeReason);
    };
    this.client.onerror = (err) => {
      if (!this.closed && !this.closeRequested && isFatalTransportError(err)) this.fail(err);
    };
    this.client.setNotificationHandler(ToolListChangedNotificationSchema, () => this.hooks.onToolsChanged?.());
    this.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => this.hooks.onLog?.(n.params));
    this.client.fallbackNotificationHandler = async (n) => this.hooks.onNotification?.(n as { method: string; params?: Record<string, unknown> });
    if (this.opts.relayServerRequests) {
      this.client.setRequestHandler(CreateMessageRequestSchema, (req, extra) => {
        if (!this.hooks.onSamplingRequest) throw new McpError(ErrorCode.MethodNotFound, 'sampling is not available');
        return this.hooks.onSamplingRequest(req.params, extra.signal);
      });
      this.client.setRequestHandler(ElicitRequestSchema, (req, extra) => {
        if (!this.hooks.onElicitationRequest) throw new McpError(ErrorCode.MethodNotFound, 'elicitation is not available');
        return this.hooks.onElicitationRequest(req.params, extra.signal);
      });
    }
  }

  private watchInbound(): void {
    const inner = this.transport.onmessage;
    this.transport.onmessage = (message, extra) => {
      this.lastInboundAt = Date.now();
      // The SDK runs notification handlers in a microtask but settles responses at once (dropping
      // the request's progress handler): a progress notification read in the same chunk as its
      // response was lost. Responses wait one microtask, behind the notifications before them.
      if ('id' in message && ('result' in message || 'error' in message)) queueMicrotask(() => inner?.(message, extra));
      else inner?.(message, extra);
    };
  }

  /** Requests pending and nothing heard for streamIdleTimeoutMs: ping; no answer means the stream stalled. */
  private checkStalled(): void {
    if (this.closed || this.pending === 0 || this.probe) return;
    if (Date.now() - this.lastInboundAt < this.opts.streamIdleTimeoutMs) return;
    this.probe = this.client
      .ping({ timeout: this.opts.connectTimeoutMs })
      .then(
        () => undefined,
        () => this.fail(new Error(`upstream stream stalled: no data for ${this.opts.streamIdleTimeoutMs} ms and no answer to ping`)),
      )
      .finally(() => (this.probe = undefined));
  }

  /** Marks the connection broken and closes it; pending requests fail with this reason. */
  private fail(reason: Error): void {
    this.closeReason ??= reason;
    void this.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get inFlight(): number {
    return this.pending;
  }

  get pid(): number | undefined {
    return this.transport instanceof StdioProcessTransport ? this.transport.pid : undefined;
  }

  get serverCapabilities(): ServerCapabilities | undefined {
    return this.client.getServerCapabilities();
  }

  get serverInfo(): Implementation | undefined {
    return this.client.getServerVersion();
  }

  get instructions(): string | undefined {
    return this.client.getInstructions();
  }

  private async run<T>(fn: (o: RequestOptions) => Promise<T>, opts: CallOptions = {}, resetOnProgress = false): Promise<T> {
    if (this.closed) throw this.closeReason ?? UpstreamError.unreachable(`connection to ${this.target.serverId} is closed`);
    this.pending++;
    this.lastUsedAt = Date.now();
    try {
      return await fn({
        timeout: opts.timeoutMs ?? this.target.requestTimeoutMs,
        maxTotalTimeout: opts.maxTotalTimeoutMs ?? this.target.maxTotalTimeoutMs,
        resetTimeoutOnProgress: resetOnProgress,
        onprogress: resetOnProgress || opts.onProgress ? (p) => opts.onProgress?.(p) : undefined,
        signal: opts.signal,
      });
    } catch (err) {
      // The SDK reports every request cut short by a closed transport as ConnectionClosed; give the real reason.
      if (this.closeReason && err instanceof McpError && err.code === ErrorCode.ConnectionClosed) throw this.closeReason;
      throw err;
    } finally {
      this.pending--;
      this.lastUsedAt = Date.now();
    }
  }

  private async allPages<T>(fetchPage: (cursor: string | undefined, o: RequestOptions) => Promise<{ items: T[]; nextCursor?: string }>, opts?: CallOptions): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.run((o) => fetchPage(cursor, o), opts);
      items.push(...res.items);
      if (!res.nextCursor || seen.has(res.nextCursor)) return items;
      seen.add(res.nextCursor);
      cursor = res.nextCursor;
    }
    throw UpstreamError.protocol(`${this.target.serverId} paginates beyond ${MAX_PAGES} pages`);
  }

  listTools(opts?: CallOptions): Promise<Tool[]> {
    return this.allPages(async (cursor, o) => {
      const r = await this.client.listTools(cursor ? { cursor } : undefined, o);
      return { items: r.tools, nextCursor: r.nextCursor };
    }, opts);
  }

  callTool(name: string, args: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<CallToolResult> {
    return this.run((o) => this.client.callTool({ name, arguments: args }, CallToolResultSchema, o) as Promise<CallToolResult>, opts, true);
  }

  /** Any request sent as is, its result returned unparsed beyond JSON-RPC (the gateway's pass-through). */
  request(request: { method: string; params?: Record<string, unknown> }, opts: CallOptions = {}): Promise<Record<string, unknown>> {
    const isCall = request.method === 'tools/call';
    return this.run((o) => this.client.request(request as never, ResultSchema, o) as Promise<Record<string, unknown>>, opts, isCall);
  }

  async ping(opts?: CallOptions): Promise<void> {
    await this.run((o) => this.client.ping(o), opts);
  }

  listResources(opts?: CallOptions): Promise<Resource[]> {
    return this.allPages(async (cursor, o) => {
      const r = await this.client.listResources(cursor ? { cursor } : undefined, o);
      return { items: r.resources, nextCursor: r.nextCursor };
    }, opts);
  }

  listResourceTemplates(opts?: CallOptions): Promise<ResourceTemplate[]> {
    return this.allPages(async (cursor, o) => {
      const r = await this.client.listResourceTemplates(cursor ? { cursor } : undefined, o);
      return { items: r.resourceTemplates, nextCursor: r.nextCursor };
    }, opts);
  }

  readResource(uri: string, opts?: CallOptions): Promise<ReadResourceResult> {
    return this.run((o) => this.client.readResource({ uri }, o), opts);
  }

  listPrompts(opts?: CallOptions): Promise<Prompt[]> {
    return this.allPages(async (cursor, o) => {
      const r = await this.client.listPrompts(cursor ? { cursor } : undefined, o);
      return { items: r.prompts, nextCursor: r.nextCursor };
    }, opts);
  }

  getPrompt(name: string, args?: Record<string, string>, opts?: CallOptions): Promise<GetPromptResult> {
    return this.run((o) => this.client.getPrompt({ name, arguments: args }, o), opts);
  }

  complete(params: CompleteRequestParams, opts?: CallOptions): Promise<CompleteResult> {
    return this.run((o) => this.client.complete(params, o), opts);
  }

  async setLoggingLevel(level: LoggingLevel, opts?: CallOptions): Promise<void> {
    await this.run((o) => this.client.setLoggingLevel(level, o), opts);
  }

  /** Closes the connection (and kills a stdio process tree). Idempotent; never throws. */
  close(): Promise<void> {
    this.closeRequested = true;
    this.closing ??= (async () => {
      clearInterval(this.idleTimer);
      if (this.transport instanceof StreamableHTTPClientTransport && !this.closeReason && this.transport.sessionId) {
        const t = this.transport;
        await Promise.race([t.terminateSession().catch(() => undefined), new Promise((r) => setTimeout(r, 500).unref())]);
      }
      await this.client.close().catch(() => undefined);
      // A transport that never connected does not call onclose.
      if (!this.closed) {
        this.closed = true;
        await this.transport.close().catch(() => undefined);
        await this.safeFetch?.close().catch(() => undefined);
      }
    })();
    return this.closing;
  }

  /** Classifies an error thrown by this adapter (convenience for callers outside the pool). */
  classify(err: unknown) {
    return classifyFailure(err, `MCP server ${this.target.serverId}`, targetSecrets(this.target));
  }
}
