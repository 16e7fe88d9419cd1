import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { UpstreamError } from '../common/errors/domain-error.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { CONNECTIONS_OPTIONS, resolveConnectionsOptions, type ConnectionsOptions } from './connections.options.js';
import {
  McpClientAdapter, type AdapterHooks, type CallOptions, type CallToolResult, type GetPromptResult, type Prompt,
  type ReadResourceResult, type Resource, type Tool,
} from './mcp-client.adapter.js';
import { assertUrlAllowed, type HostResolver } from './ssrf.js';
import { assertStdioAllowed } from './stdio-policy.js';
import { ProcessLimiter } from './stdio-process.js';
import { classifyFailure, type FailureKind } from './upstream-errors.js';
import { targetSecrets, type UpstreamTarget } from './upstream-target.js';

export interface PoolCallOptions extends CallOptions {
  /** Re-establish a broken connection once and retry (default true). Set false for at-most-once semantics. */
  retryOnBroken?: boolean;
}

export type ToolsChangedListener = (event: { serverId: string; workspaceId: string }) => void;

/**
 * `lost`: a live connection closed unexpectedly (stdio child exited, stream failed) or a call found the upstream
 * unreachable; `restored`: the first successful connect or call after a loss. Each is emitted once per transition.
 */
export interface ConnectionEvent {
  serverId: string;
  workspaceId: string;
  kind: 'lost' | 'restored';
  reason?: Error;
}
export type ConnectionEventListener = (event: ConnectionEvent) => void;

export interface PoolStats {
  clients: number;
  connecting: number;
  inFlight: number;
  handshakes: number;
  reconnects: number;
  processes: { total: number; perWorkspace: Record<string, number> };
  circuits: Record<string, CircuitState>;
}

interface Entry {
  target: UpstreamTarget;
  adapter?: McpClientAdapter;
  connecting?: Promise<McpClientAdapter>;
  active: number;
  retired: boolean;
  releaseProcess?: () => void;
}

/** The caller's target decides the deadlines, even when the live client was opened with an older copy of it. */
function deadlines(target: UpstreamTarget, opts: CallOptions = {}): CallOptions {
  return { timeoutMs: target.requestTimeoutMs, maxTotalTimeoutMs: target.maxTotalTimeoutMs, ...opts };
}

const BREAKER_COUNTS: ReadonlySet<FailureKind> = new Set(['broken', 'timeout', 'protocol']);

/**
 * The pool key: the server, and for a `per_user` server the credential's owner, so a connection carrying one person's
 * upstream token is never lent to another.
 */
function entryKey(target: Pick<UpstreamTarget, 'serverId' | 'credentialOwner'>): string {
  return target.credentialOwner ? `${target.serverId}/${target.credentialOwner}` : target.serverId;
}

/**
 * One live MCP client per (server, credential, fingerprint), shared by every call and request for that server (a server belongs
 * to one workspace, so clients are never shared across tenants). Connects are single-flighted, calls multiplexed,
 * broken connections re-established once, failing servers short-circuited.
 */
@Injectable()
export class ConnectionPool implements OnApplicationShutdown {
  private readonly logger = new Logger(ConnectionPool.name);
  private readonly options: ConnectionsOptions;
  private readonly entries = new Map<string, Entry>();
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly listeners = new Set<ToolsChangedListener>();
  private readonly connectionListeners = new Set<ConnectionEventListener>();
  /** Servers whose connection this process saw lost and not yet restored. */
  private readonly lost = new Set<string>();
  private readonly limiter: ProcessLimiter;
  private readonly reaper: NodeJS.Timeout;
  private handshakes = 0;
  private reconnects = 0;
  /** Test hook: DNS answers for the SSRF checks. */
  resolver?: HostResolver;

  constructor(@Optional() @Inject(CONNECTIONS_OPTIONS) options?: Partial<ConnectionsOptions>) {
    this.options = resolveConnectionsOptions(options);
    this.limiter = new ProcessLimiter(this.options.maxProcessesPerWorkspace, this.options.maxProcessesTotal);
    this.reaper = setInterval(() => this.reapIdle(), Math.max(1000, Math.floor(this.options.idleTimeoutMs / 4)));
    this.reaper.unref();
  }

  get config(): Readonly<ConnectionsOptions> {
    return this.options;
  }

  /** Save-time checks of a server's outbound config (URL/proxy SSRF rules, stdio policy). Throws ValidationError. */
  async assertTargetAllowed(target: Pick<UpstreamTarget, 'transport' | 'url' | 'command' | 'args' | 'env' | 'proxy'>): Promise<void> {
    const policy = { allowPrivateNetworks: this.options.allowPrivateNetworks, resolver: this.resolver };
    if (target.transport === 'stdio') return assertStdioAllowed(target, this.options);
    await assertUrlAllowed(target.url ?? '', 'url', policy);
    if (target.proxy) await assertUrlAllowed(target.proxy.url, 'proxyUrl', policy);
  }

  /** Runs `fn` with the server's live client; typed errors only (UpstreamError, ValidationError, TooManyRequestsError). */
  async withClient<T>(target: UpstreamTarget, fn: (client: McpClientAdapter) => Promise<T>, opts: PoolCallOptions = {}): Promise<T> {
    const label = `MCP server ${target.serverId}`;
    const breaker = this.breakerFor(target.serverId);
    breaker.admit(label);
    for (let attempt = 0; ; attempt++) {
      let adapter: McpClientAdapter | undefined;
      try {
        adapter = await this.acquire(target);
        const entry = this.entries.get(entryKey(target));
        const tracked = entry?.adapter === adapter ? entry : undefined;
        if (tracked) tracked.active++;
        try {
          const result = await fn(adapter);
          breaker.success();
          this.markRestored(target);
          return result;
        } finally {
          if (tracked) this.done(tracked);
        }
      } catch (err) {
        const failure = classifyFailure(err, label, targetSecrets(target));
        // Only a connection we used is dropped; a failed connect already removed its own entry.
        if (failure.kind === 'broken' && adapter) await this.invalidate(entryKey(target), adapter);
        if (failure.kind === 'broken' || failure.kind === 'timeout') this.markLost(target, failure.error);
        if (failure.kind === 'broken' && attempt === 0 && opts.retryOnBroken !== false && !opts.signal?.aborted) {
          this.reconnects++;
          continue;
        }
        if (BREAKER_COUNTS.has(failure.kind)) breaker.failure();
        else if (failure.kind === 'rpc' || failure.kind === 'auth') breaker.success();
        else breaker.release();
        throw failure.error;
      }
    }
  }

  listTools(target: UpstreamTarget, opts?: PoolCallOptions): Promise<Tool[]> {
    return this.withClient(target, (c) => c.listTools(deadlines(target, opts)), opts);
  }

  callTool(target: UpstreamTarget, name: string, args: Record<string, unknown> = {}, opts?: PoolCallOptions): Promise<CallToolResult> {
    return this.withClient(target, (c) => c.callTool(name, args, deadlines(target, opts)), opts);
  }

  ping(target: UpstreamTarget, opts?: PoolCallOptions): Promise<void> {
    return this.withClient(target, (c) => c.ping(deadlines(target, opts)), opts);
  }

  listResources(target: UpstreamTarget, opts?: PoolCallOptions): Promise<Resource[]> {
    return this.withClient(target, (c) => c.listResources(deadlines(target, opts)), opts);
  }

  readResource(target: UpstreamTarget, uri: string, opts?: PoolCallOptions): Promise<ReadResourceResult> {
    return this.withClient(target, (c) => c.readResource(uri, deadlines(target, opts)), opts);
  }

  listPrompts(target: UpstreamTarget, opts?: PoolCallOptions): Promise<Prompt[]> {
    return this.withClient(target, (c) => c.listPrompts(deadlines(target, opts)), opts);
  }

  getPrompt(target: UpstreamTarget, name: string, args?: Record<string, string>, opts?: PoolCallOptions): Promise<GetPromptResult> {
    return this.withClient(target, (c) => c.getPrompt(name, args, deadlines(target, opts)), opts);
  }

  /**
   * A connection of its own, outside the shared pool, for one caller's gateway session: it declares sampling and
   * elicitation and relays those requests to `hooks`. Same stdio policy, process caps and SSRF checks; the caller
   * closes it (adapter.close()).
   */
  async openDedicated(target: UpstreamTarget, hooks: AdapterHooks): Promise<McpClientAdapter> {
    let release: (() => void) | undefined;
    try {
      if (target.transport === 'stdio') {
        assertStdioAllowed(target, this.options);
        release = this.limiter.acquire(target.workspaceId);
      }
      const onClose = hooks.onClose;
      const own: AdapterHooks = { ...hooks, onClose: (reason) => (release?.(), (release = undefined), onClose?.(reason)) };
      this.handshakes++;
      return await McpClientAdapter.connect(target, { ...this.adapterOptions(), relayServerRequests: true }, own);
    } catch (err) {
      release?.();
      throw classifyFailure(err, `MCP server ${target.serverId}`, targetSecrets(target)).error;
    }
  }

  /** Subscribe to upstream `notifications/tools/list_changed`; returns the unsubscribe function. */
  onToolsChanged(listener: ToolsChangedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribe to connection losses and restorations (the monitor records them as status events). */
  onConnectionEvent(listener: ConnectionEventListener): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Closes the server's clients (every credential's) and child process (on update/delete) and forgets its breaker state. */
  async closeServer(serverId: string): Promise<void> {
    const gone = [...this.entries].filter(([, e]) => e.target.serverId === serverId);
    for (const [key] of gone) this.entries.delete(key);
    this.breakers.delete(serverId);
    this.lost.delete(serverId);
    await Promise.all(gone.map(([, e]) => this.closeEntry(e)));
  }

  /** Closes the client of one per-user credential of a server (the credential was revoked). */
  async closeCredential(serverId: string, owner: string): Promise<void> {
    const key = entryKey({ serverId, credentialOwner: owner });
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry) await this.closeEntry(entry);
  }

  /** Closes every pooled client whose target matches (the servers of a deleted project or workspace). */
  async closeWhere(match: (target: UpstreamTarget) => boolean): Promise<void> {
    const ids = new Set([...this.entries.values()].filter((e) => match(e.target)).map((e) => e.target.serverId));
    await Promise.all([...ids].map((id) => this.closeServer(id)));
  }

  async closeAll(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => this.closeEntry(e)));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reaper);
    await this.closeAll();
  }

  circuitState(serverId: string): CircuitState {
    return this.breakers.get(serverId)?.state ?? 'closed';
  }

  /** Whether an open client for exactly this target (same fingerprint) is in the pool right now (the monitor pings it). */
  hasLiveClient(target: Pick<UpstreamTarget, 'serverId' | 'fingerprint' | 'credentialOwner'>): boolean {
    const entry = this.entries.get(entryKey(target));
    return !!entry && !entry.retired && entry.target.fingerprint === target.fingerprint && entry.adapter?.isOpen === true;
  }

  stats(): PoolStats {
    let clients = 0;
    let connecting = 0;
    let inFlight = 0;
    for (const e of this.entries.values()) {
      if (e.adapter?.isOpen) clients++;
      else if (e.connecting) connecting++;
      inFlight += e.adapter?.inFlight ?? 0;
    }
    const circuits: Record<string, CircuitState> = {};
    for (const [id, b] of this.breakers) if (b.state !== 'closed') circuits[id] = b.state;
    return { clients, connecting, inFlight, handshakes: this.handshakes, reconnects: this.reconnects, processes: this.limiter.stats(), circuits };
  }

  private breakerFor(serverId: string): CircuitBreaker {
    let b = this.breakers.get(serverId);
    if (!b) this.breakers.set(serverId, (b = new CircuitBreaker(this.options.circuit)));
    return b;
  }

  private async acquire(target: UpstreamTarget): Promise<McpClientAdapter> {
    const key = entryKey(target);
    let entry = this.entries.get(key);
    if (entry && entry.target.fingerprint !== target.fingerprint) {
      this.entries.delete(key);
      this.retire(entry);
      entry = undefined;
    }
    if (entry?.adapter?.isOpen) return entry.adapter;
    if (entry?.connecting) return entry.connecting;
    const fresh: Entry = { target, active: 0, retired: false };
    fresh.connecting = this.connect(fresh).finally(() => (fresh.connecting = undefined));
    this.entries.set(key, fresh);
    return fresh.connecting;
  }

  private async connect(entry: Entry): Promise<McpClientAdapter> {
    const { target } = entry;
    try {
      if (target.transport === 'stdio') {
        assertStdioAllowed(target, this.options);
        entry.releaseProcess = this.limiter.acquire(target.workspaceId);
      }
      const hooks: AdapterHooks = {
        onToolsChanged: () => this.emitToolsChanged(target),
        onClose: (reason) => this.onClosed(entry, reason),
      };
      this.handshakes++;
      const adapter = await McpClientAdapter.connect(target, this.adapterOptions(), hooks);
      entry.adapter = adapter;
      if (adapter.isOpen) this.markRestored(target);
      if (!adapter.isOpen || this.entries.get(entryKey(target)) !== entry) {
        await this.closeEntry(entry); // closed (closeServer) or dropped while connecting
      }
      return adapter;
    } catch (err) {
      entry.releaseProcess?.();
      if (this.entries.get(entryKey(target)) === entry) this.entries.delete(entryKey(target));
      throw err;
    }
  }

  private adapterOptions() {
    const o = this.options;
    return {
      connectTimeoutMs: o.connectTimeoutMs, stdioStartTimeoutMs: o.stdioStartTimeoutMs, maxMessageBytes: o.maxMessageBytes, streamIdleTimeoutMs: o.streamIdleTimeoutMs,
      allowPrivateNetworks: o.allowPrivateNetworks, resolver: this.resolver,
    };
  }

  private emitToolsChanged(target: UpstreamTarget): void {
    for (const l of this.listeners) {
      try {
        l({ serverId: target.serverId, workspaceId: target.workspaceId });
      } catch (err) {
        this.logger.warn(`tools-changed listener failed: ${(err as Error).message}`);
      }
    }
  }

  private onClosed(entry: Entry, reason?: Error): void {
    entry.releaseProcess?.();
    if (this.entries.get(entryKey(entry.target)) === entry) this.entries.delete(entryKey(entry.target));
    if (reason) {
      this.logger.warn(`connection to ${entry.target.serverId} lost: ${reason.message.slice(0, 200)}`);
      if (!entry.retired) {
        // recorded as the status reason: a typed "unreachable", never the transport's raw words as an internal error
        const failure = classifyFailure(reason, `MCP server ${entry.target.serverId}`);
        this.markLost(entry.target, failure.kind === 'broken' ? failure.error : UpstreamError.unreachable(`MCP server ${entry.target.serverId} closed the connection`));
      }
    }
  }

  private markLost(target: UpstreamTarget, reason: Error): void {
    if (this.lost.has(target.serverId)) return;
    this.lost.add(target.serverId);
    this.emitConnection({ serverId: target.serverId, workspaceId: target.workspaceId, kind: 'lost', reason });
  }

  private markRestored(target: UpstreamTarget): void {
    if (!this.lost.delete(target.serverId)) return;
    this.emitConnection({ serverId: target.serverId, workspaceId: target.workspaceId, kind: 'restored' });
  }

  private emitConnection(event: ConnectionEvent): void {
    for (const l of this.connectionListeners) {
      try {
        l(event);
      } catch (err) {
        this.logger.warn(`connection listener failed: ${(err as Error).message}`);
      }
    }
  }

  private async invalidate(key: string, adapter: McpClientAdapter): Promise<void> {
    const current = this.entries.get(key);
    if (current?.adapter === adapter) this.entries.delete(key);
    await adapter.close(); // onClose releases the process slot
  }

  /** A stale fingerprint's client: closed now if idle, else as soon as its last call returns. */
  private retire(entry: Entry): void {
    entry.retired = true;
    if (entry.active === 0) void this.closeEntry(entry);
  }

  private done(entry: Entry): void {
    entry.active--;
    if (entry.retired && entry.active === 0) void this.closeEntry(entry);
  }

  private async closeEntry(entry: Entry): Promise<void> {
    const adapter = entry.adapter ?? (await entry.connecting?.catch(() => undefined));
    await adapter?.close();
    entry.releaseProcess?.();
  }

  private reapIdle(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) {
      if (e.adapter && e.active === 0 && e.adapter.inFlight === 0 && now - e.adapter.lastUsedAt > this.options.idleTimeoutMs) {
        this.entries.delete(id);
        this.logger.log(`closing idle connection to ${id}`);
        void this.closeEntry(e);
      }
    }
  }
}
