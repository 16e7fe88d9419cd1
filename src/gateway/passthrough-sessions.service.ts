import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CreateMessageResultSchema, ElicitResultSchema, type ClientCapabilities, type RequestId, type ServerNotification,
} from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../auth/principal.js';
import { ConnectionPool, McpClientAdapter, classifyFailure } from '../connections/index.js';
import { endsScope, LifecycleEvents } from '../database/lifecycle-events.js';
import type { AdapterHooks } from '../connections/index.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { GatewayNotifier } from './gateway-notifier.service.js';
import type { GatewayScope } from './gateway-scope.service.js';
import { GatewayServers, type UpstreamChannel } from './gateway-servers.js';

/** Methods whose effect lives in the upstream connection: they get the session its own connection. */
const STATEFUL = new Set(['logging/setLevel', 'resources/subscribe', 'resources/unsubscribe']);
const IDLE_MS = 10 * 60_000;
const MAX_IDLE_MS = 60 * 60_000;
const MAX_PER_CALLER = 32;

export class PassthroughSession {
  readonly id = randomUUID();
  server!: Server;
  transport!: StreamableHTTPServerTransport;
  own?: McpClientAdapter;
  opening?: Promise<McpClientAdapter>;
  inflight: RequestId[] = [];
  lastSeen = Date.now();
  streams = 0;
  closed = false;
  unlisten?: () => void;

  constructor(
    /** The caller as of its latest request (re-authenticated each time). */
    public principal: Principal,
    readonly callerId: string,
    readonly scope: GatewayScope,
    /** The client can answer sampling/elicitation: the upstream must see a client that can, i.e. our own connection. */
    readonly wantsRelays: boolean,
  ) {}

  belongsTo(principal: Principal, scopeId: string): boolean {
    return this.callerId === principal.id && this.scope.id === scopeId;
  }
}

/**
 * Pass-through sessions: one per initialize on this replica, keyed by caller and server and never shared. A session
 * uses the shared pool until it needs an upstream connection of its own (the client takes sampling/elicitation, sets
 * a log level, subscribes to a resource); that connection relays the upstream's requests and notifications to this
 * client only. A request whose session lives on another replica is answered statelessly there.
 */
@Injectable()
export class PassthroughSessions implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('GatewaySessions');
  private readonly sessions = new Map<string, PassthroughSession>();
  private readonly reaper: NodeJS.Timeout;

  constructor(
    private readonly pool: ConnectionPool,
    private readonly builder: GatewayServers,
    private readonly notifier: GatewayNotifier,
    private readonly metrics: GatewayMetrics,
    private readonly lifecycle: LifecycleEvents,
  ) {
    this.reaper = setInterval(() => this.reap(), 30_000);
    this.reaper.unref();
  }

  /** A server changed or deleted (or its project or workspace): its sessions and their own connections end. */
  onModuleInit(): void {
    this.lifecycle.on(async (e) => {
      const ends = (s: PassthroughSession) => {
        const server = s.scope.usable!.server;
        if (e.kind === 'server.deleted') return server.id === e.serverId;
        if (e.kind === 'server.changed') return e.reconnect && server.id === e.serverId;
        return endsScope(e, server.workspaceId, server.projectId);
      };
      await Promise.all([...this.sessions.values()].filter(ends).map((s) => this.close(s.id)));
    });
  }

  get(id: string | undefined): PassthroughSession | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  async open(principal: Principal, scope: GatewayScope, capabilities: ClientCapabilities | undefined): Promise<PassthroughSession> {
    const target = scope.usable!.target;
    const s = new PassthroughSession(principal, principal.id, scope, !!(capabilities?.sampling || capabilities?.elicitation));
    const own = s.wantsRelays ? await this.ensureOwn(s) : undefined;
    const info = own
      ? { capabilities: own.serverCapabilities ?? {}, serverInfo: own.serverInfo, instructions: own.instructions }
      : await this.builder.sharedInfo(target);
    s.server = this.builder.passthrough(() => s.principal, scope, this.channel(s), info, s);
    s.transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => s.id, onsessionclosed: () => void this.close(s.id) });
    await s.server.connect(s.transport);
    s.unlisten = this.notifier.listen(scope, () => void s.server.sendToolListChanged().catch(() => undefined));
    this.sessions.set(s.id, s);
    this.metrics.sessions.inc({ kind: scope.kind });
    this.capCaller(principal.id);
    return s;
  }

  async close(id: string): Promise<void> {
    const s = this.sessions.get(id);
    if (!s || s.closed) return;
    s.closed = true;
    this.sessions.delete(id);
    this.metrics.sessions.dec({ kind: s.scope.kind });
    s.unlisten?.();
    await Promise.allSettled([s.transport.close(), s.server.close(), s.own?.close(), s.opening?.then((a) => a.close())]);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reaper);
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  private channel(s: PassthroughSession): UpstreamChannel {
    const shared = this.builder.sharedChannel(s.scope.usable!.target);
    return {
      request: async (request, opts) => {
        s.lastSeen = Date.now();
        const needsOwn = s.wantsRelays || STATEFUL.has(request.method);
        const own = s.own?.isOpen ? s.own : needsOwn ? await this.ensureOwn(s) : undefined;
        if (!own) return shared.request(request, opts);
        try {
          return await own.request(request, opts);
        } catch (e) {
          throw classifyFailure(e, `MCP server ${s.scope.id}`).error;
        }
      },
    };
  }

  private ensureOwn(s: PassthroughSession): Promise<McpClientAdapter> {
    if (s.own?.isOpen) return Promise.resolve(s.own);
    s.opening ??= this.pool
      .openDedicated(s.scope.usable!.target, this.hooks(s))
      .then(async (a) => {
        if (s.closed) await a.close();
        return (s.own = a);
      })
      .finally(() => (s.opening = undefined));
    return s.opening;
  }

  /** What the session's own upstream connection sends on its own, relayed to this session's client only. */
  private hooks(s: PassthroughSession): AdapterHooks {
    const notify = (n: ServerNotification) => void s.server?.notification(n).catch(() => undefined);
    const timeout = s.scope.usable!.target.maxTotalTimeoutMs;
    // A server->client request goes out on the stream of the client's request that caused it, when there is one.
    const related = () => (s.inflight.length ? { relatedRequestId: s.inflight[s.inflight.length - 1] } : {});
    return {
      onSamplingRequest: (params, signal) =>
        s.server.request({ method: 'sampling/createMessage', params }, CreateMessageResultSchema, { signal, timeout, ...related() }),
      onElicitationRequest: (params, signal) =>
        s.server.request({ method: 'elicitation/create', params }, ElicitResultSchema, { signal, timeout, ...related() }),
      onLog: (params) => notify({ method: 'notifications/message', params }),
      onToolsChanged: () => notify({ method: 'notifications/tools/list_changed' }),
      onNotification: (n) => notify(n as ServerNotification),
      onClose: () => {
        if (s.own && !s.own.isOpen) s.own = undefined;
      },
    };
  }

  /** Counts a notification stream opened on a session (kept alive while it is open). */
  trackStream(s: PassthroughSession, raw: { once(event: 'close', fn: () => void): unknown }): void {
    s.streams++;
    raw.once('close', () => {
      s.streams--;
      s.lastSeen = Date.now();
    });
  }

  private capCaller(callerId: string): void {
    const mine = [...this.sessions.values()].filter((x) => x.callerId === callerId);
    for (const old of mine.sort((a, b) => a.lastSeen - b.lastSeen).slice(0, Math.max(0, mine.length - MAX_PER_CALLER))) {
      void this.close(old.id);
    }
  }

  private reap(): void {
    const now = Date.now();
    for (const s of this.sessions.values()) {
      const idle = now - s.lastSeen;
      if ((s.streams === 0 && idle > IDLE_MS) || idle > MAX_IDLE_MS) {
        this.logger.log(`closing idle gateway session for ${s.scope.id}`);
        void this.close(s.id);
      }
    }
  }
}
