import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CreateMessageResultSchema, ElicitResultSchema, type ClientCapabilities, type RequestId, type ServerNotification,
} from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import { ConnectionPool, classifyFailure } from '../connections/index.js';
import { endsScope, LifecycleEvents } from '../database/lifecycle-events.js';
import type { AdapterHooks } from '../connections/index.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { GatewayNotifier } from './gateway-notifier.service.js';
import type { GatewayScope } from './gateway-scope.service.js';
import { GatewayServers, type UpstreamChannel } from './gateway-servers.js';
import { SessionLinks, type LinkHolder, type SessionLink } from './session-links.js';

/** Methods whose effect lives in the upstream connection: the session keeps a connection of its own from then on. */
const STATEFUL = new Set(['logging/setLevel', 'resources/subscribe', 'resources/unsubscribe']);
const IDLE_MS = 10 * 60_000;
const MAX_IDLE_MS = 60 * 60_000;
const MAX_PER_CALLER = 32;

export class PassthroughSession implements LinkHolder {
  readonly id = randomUUID();
  server!: Server;
  transport!: StreamableHTTPServerTransport;
  relay!: AdapterHooks;
  /** The upstream connection lent to this session right now, if it needs one (see SessionLinks). */
  link?: SessionLink;
  inflight: RequestId[] = [];
  /** Last request (or stream opened): what "least recently used" means when a caller has too many sessions. */
  lastSeen = Date.now();
  /** When its last notification stream closed: idleness counts from the later of the two. */
  streamClosedAt = 0;
  streams = 0;
  closed = false;
  unlisten?: () => void;

  constructor(
    /** The caller as of its latest request (re-authenticated each time). */
    public principal: Principal,
    readonly callerId: string,
    readonly scope: GatewayScope,
    /** The client can answer sampling/elicitation: the upstream must see a client that can, i.e. a connection of our own. */
    readonly wantsRelays: boolean,
  ) {}

  belongsTo(principal: Principal, scopeId: string): boolean {
    return this.callerId === principal.id && this.scope.id === scopeId;
  }
}

/**
 * Pass-through sessions: one per initialize on this replica, keyed by caller and server and never shared. A session
 * uses the shared pool, and borrows an upstream connection of its own (SessionLinks) only while it needs one: for each
 * request of a client that declared sampling or elicitation (the upstream may ask it something), or from the moment it
 * sets a log level or subscribes until it is deleted or idles. That connection relays the upstream's requests and
 * notifications to this client only. A request whose session lives on another replica is answered statelessly there.
 */
@Injectable()
export class PassthroughSessions implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('GatewaySessions');
  private readonly sessions = new Map<string, PassthroughSession>();
  private readonly links: SessionLinks;
  private readonly reaper: NodeJS.Timeout;

  constructor(
    pool: ConnectionPool,
    private readonly builder: GatewayServers,
    private readonly notifier: GatewayNotifier,
    private readonly metrics: GatewayMetrics,
    private readonly lifecycle: LifecycleEvents,
    config: AppConfig,
  ) {
    const { connectionsPerServer, connectionIdleMs, connectionWaitMs } = config.gatewaySessions;
    this.links = new SessionLinks(pool, { perServer: connectionsPerServer, idleMs: connectionIdleMs, waitMs: connectionWaitMs });
    this.reaper = setInterval(() => this.reap(), Math.min(30_000, Math.max(250, Math.floor(connectionIdleMs / 2))));
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

  /** Upstream connections lent to sessions now (held) or parked for the next one. */
  linkStats(): { links: number; held: number; parked: number } {
    return this.links.stats();
  }

  async open(principal: Principal, scope: GatewayScope, capabilities: ClientCapabilities | undefined): Promise<PassthroughSession> {
    const target = scope.usable!.target;
    const s = new PassthroughSession(principal, principal.id, scope, !!(capabilities?.sampling || capabilities?.elicitation));
    s.relay = this.relay(s);
    s.server = this.builder.passthrough(() => s.principal, scope, this.channel(s), await this.builder.sharedInfo(target), s);
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
    this.links.release(s);
    await Promise.allSettled([s.transport.close(), s.server.close()]);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reaper);
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
    await this.links.closeAll();
  }

  private channel(s: PassthroughSession): UpstreamChannel {
    const target = s.scope.usable!.target;
    const shared = this.builder.sharedChannel(target);
    return {
      request: async (request, opts) => {
        s.lastSeen = Date.now();
        const stateful = STATEFUL.has(request.method);
        // A sampling/elicitation client's requests all go through a lent connection that declares both: the upstream
        // may ask during any request, and may show such a client more (server-everything lists its sampling tools).
        const own = stateful || !!s.link?.stateful || s.wantsRelays;
        if (!own) return shared.request(request, opts);
        try {
          return await this.links.use(s, target, stateful, (a) => a.request(request, opts));
        } catch (e) {
          throw classifyFailure(e, `MCP server ${s.scope.id}`).error;
        }
      },
    };
  }

  /** What a connection lent to this session sends on its own, relayed to this session's client only. */
  private relay(s: PassthroughSession): AdapterHooks {
    const timeout = s.scope.usable!.target.maxTotalTimeoutMs;
    // A server->client message goes out on the stream of the client's request that caused it, when there is one.
    const related = () => (s.inflight.length ? { relatedRequestId: s.inflight[s.inflight.length - 1] } : {});
    const notify = (n: ServerNotification) => void s.server?.notification(n, related()).catch(() => undefined);
    return {
      onSamplingRequest: (params, signal) =>
        s.server.request({ method: 'sampling/createMessage', params }, CreateMessageResultSchema, { signal, timeout, ...related() }),
      onElicitationRequest: (params, signal) =>
        s.server.request({ method: 'elicitation/create', params }, ElicitResultSchema, { signal, timeout, ...related() }),
      onLog: (params) => notify({ method: 'notifications/message', params }),
      onToolsChanged: () => notify({ method: 'notifications/tools/list_changed' }),
      onNotification: (n) => notify(n as ServerNotification),
    };
  }

  /** Counts a notification stream opened on a session (kept alive while it is open). */
  trackStream(s: PassthroughSession, raw: { once(event: 'close', fn: () => void): unknown }): void {
    s.streams++;
    raw.once('close', () => {
      s.streams--;
      s.streamClosedAt = Date.now();
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
    const linkIdle = this.links.limits.idleMs;
    for (const s of this.sessions.values()) {
      const idle = now - Math.max(s.lastSeen, s.streamClosedAt);
      if ((s.streams === 0 && idle > IDLE_MS) || idle > MAX_IDLE_MS) {
        this.logger.log(`closing idle gateway session for ${s.scope.id}`);
        void this.close(s.id);
      } else if (s.link && s.link.busy === 0 && s.streams === 0 && idle > linkIdle) {
        this.links.release(s); // its log level / subscriptions end with the connection
      }
    }
    this.links.reap(now);
  }
}
