import { Logger } from '@nestjs/common';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { TooManyRequestsError } from '../common/errors/domain-error.js';
import type { AdapterHooks, ConnectionPool, McpClientAdapter, UpstreamTarget } from '../connections/index.js';

export interface LinkLimits {
  /** Upstream connections of their own that pass-through sessions may hold per MCP server (GATEWAY_SESSION_CONNECTIONS_PER_SERVER). */
  perServer: number;
  /** A connection nobody uses is closed after this long (GATEWAY_SESSION_CONNECTION_IDLE_MS). */
  idleMs: number;
  /** How long a request waits for a busy server's connection to come free before it is refused (GATEWAY_SESSION_CONNECTION_WAIT_MS). */
  waitMs: number;
}

/** A pass-through session as the links see it: who answers the upstream's requests while it holds a link. */
export interface LinkHolder {
  readonly id: string;
  readonly relay: AdapterHooks;
  link?: SessionLink;
}

/** One upstream connection of its own (declaring sampling and elicitation), lent to one session at a time. */
export class SessionLink {
  adapter?: McpClientAdapter;
  owner?: LinkHolder;
  /** Requests in flight on it. Only a link with none is ever taken from its holder. */
  busy = 0;
  /** A log level or subscription was set through it: that state is its holder's, so it is never lent to another. */
  stateful = false;
  lastUsed = Date.now();

  constructor(readonly target: UpstreamTarget) {}

  get open(): boolean {
    return this.adapter?.isOpen === true;
  }

  fits(target: UpstreamTarget): boolean {
    return this.open && this.target.fingerprint === target.fingerprint;
  }
}

/**
 * The upstream connections pass-through sessions need of their own, kept few. A session holds one only while it
 * needs it: during a request that may make the upstream ask the client something (sampling, elicitation), or from
 * the moment it sets a log level or subscribes until it is deleted or idles. A link nobody holds is parked and lent
 * to the next session that needs one (no new process per session); parked links close after `idleMs`.
 * At `perServer` links for a server, the least recently used idle link is taken over (or, if it carries another
 * session's state, closed and reopened); only when every link is busy does a request wait, and after `waitMs` it is
 * refused with the limit's name.
 */
export class SessionLinks {
  private readonly logger = new Logger('GatewaySessionLinks');
  private readonly byServer = new Map<string, Set<SessionLink>>();
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly pool: ConnectionPool,
    readonly limits: LinkLimits,
  ) {}

  /** Runs `fn` on a link lent to `holder`; `stateful` pins the link to the holder until release(). */
  async use<T>(holder: LinkHolder, target: UpstreamTarget, stateful: boolean, fn: (adapter: McpClientAdapter) => Promise<T>): Promise<T> {
    const link = await this.acquire(holder, target);
    if (stateful) link.stateful = true;
    try {
      return await fn(link.adapter!);
    } finally {
      link.busy--;
      link.lastUsed = Date.now();
      if (link.busy === 0 && !link.stateful) this.detach(link);
      this.wake(target.serverId);
    }
  }

  /** The session is gone or idle: its link goes back (parked), or is closed if it carries the session's state. */
  release(holder: LinkHolder): void {
    const link = holder.link;
    if (!link) return;
    if (link.stateful) void this.close(link);
    else this.detach(link);
  }

  /** Closes parked links idle for `idleMs`. */
  reap(now = Date.now()): void {
    for (const links of this.byServer.values()) {
      for (const l of links) if (!l.owner && l.busy === 0 && now - l.lastUsed > this.limits.idleMs) void this.close(l);
    }
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.byServer.values()].flatMap((s) => [...s]).map((l) => this.close(l)));
  }

  stats(): { links: number; held: number; parked: number } {
    const all = [...this.byServer.values()].flatMap((s) => [...s]);
    const held = all.filter((l) => l.owner).length;
    return { links: all.length, held, parked: all.length - held };
  }

  /** Returns a link owned by `holder` with its busy count already raised (so nothing can take it meanwhile). */
  private async acquire(holder: LinkHolder, target: UpstreamTarget): Promise<SessionLink> {
    const deadline = Date.now() + this.limits.waitMs;
    for (;;) {
      const mine = holder.link;
      if (mine?.fits(target)) return this.lend(mine, holder);
      if (mine) this.release(holder);
      const links = this.linksOf(target.serverId);
      const parked = this.lru([...links].filter((l) => !l.owner && !l.stateful && l.fits(target)));
      if (parked) return this.lend(parked, holder);
      if (links.size < this.limits.perServer) return this.openFor(holder, target);
      const idle = [...links].filter((l) => l.busy === 0);
      const victim = this.lru(idle.filter((l) => !l.stateful && l.fits(target))) ?? this.lru(idle);
      if (victim) {
        if (!victim.stateful && victim.fits(target)) {
          this.detach(victim);
          return this.lend(victim, holder);
        }
        this.logger.log(`closing the least recently used session connection to ${target.serverId} for another session`);
        await this.close(victim);
        continue;
      }
      if (!(await this.waitForIdle(target.serverId, deadline))) {
        const n = this.limits.perServer;
        throw new TooManyRequestsError(
          `all ${n} pass-through session connections to MCP server ${target.serverId} are busy (limit ${n}, set by GATEWAY_SESSION_CONNECTIONS_PER_SERVER)`,
          5,
        );
      }
    }
  }

  private lend(link: SessionLink, holder: LinkHolder): SessionLink {
    link.owner = holder;
    holder.link = link;
    link.busy++;
    link.lastUsed = Date.now();
    return link;
  }

  private detach(link: SessionLink): void {
    if (link.owner?.link === link) link.owner.link = undefined;
    link.owner = undefined;
    link.lastUsed = Date.now();
    this.wake(link.target.serverId);
  }

  private async openFor(holder: LinkHolder, target: UpstreamTarget): Promise<SessionLink> {
    const link = new SessionLink(target);
    this.linksOf(target.serverId).add(link);
    this.lend(link, holder);
    try {
      link.adapter = await this.connect(link).catch(async (err: unknown) => {
        // The workspace's process cap: give back the least recently used idle link of this workspace, then retry once.
        if (!(err instanceof TooManyRequestsError) || !(await this.reclaimInWorkspace(target.workspaceId, link))) throw err;
        return this.connect(link);
      });
      if (link.owner !== holder || !this.linksOf(target.serverId).has(link)) {
        throw new McpError(ErrorCode.ConnectionClosed, 'the session closed while its upstream connection was opening');
      }
      return link;
    } catch (err) {
      link.busy--;
      await this.close(link);
      throw err;
    }
  }

  private connect(link: SessionLink): Promise<McpClientAdapter> {
    const owner = (): AdapterHooks => link.owner?.relay ?? {};
    const nobody = () => new McpError(ErrorCode.InvalidRequest, 'no client session is attached to this connection');
    const hooks: AdapterHooks = {
      onSamplingRequest: (params, signal) => owner().onSamplingRequest?.(params, signal) ?? Promise.reject(nobody()),
      onElicitationRequest: (params, signal) => owner().onElicitationRequest?.(params, signal) ?? Promise.reject(nobody()),
      onLog: (params) => owner().onLog?.(params),
      onToolsChanged: () => owner().onToolsChanged?.(),
      onNotification: (n) => owner().onNotification?.(n),
      onClose: () => {
        this.linksOf(link.target.serverId).delete(link);
        this.detach(link);
      },
    };
    return this.pool.openDedicated(link.target, hooks);
  }

  private async reclaimInWorkspace(workspaceId: string, except: SessionLink): Promise<boolean> {
    const idle = [...this.byServer.values()]
      .flatMap((s) => [...s])
      .filter((l) => l !== except && l.busy === 0 && l.adapter && l.target.workspaceId === workspaceId && l.target.transport === 'stdio');
    const victim = this.lru(idle.filter((l) => !l.stateful)) ?? this.lru(idle);
    if (!victim) return false;
    this.logger.log(`closing the least recently used session connection to ${victim.target.serverId}: workspace at its stdio limit`);
    await this.close(victim);
    return true;
  }

  private async close(link: SessionLink): Promise<void> {
    const links = this.linksOf(link.target.serverId);
    links.delete(link);
    if (!links.size) this.byServer.delete(link.target.serverId);
    this.detach(link);
    await link.adapter?.close().catch(() => undefined);
  }

  private lru(links: SessionLink[]): SessionLink | undefined {
    return links.sort((a, b) => a.lastUsed - b.lastUsed)[0];
  }

  private linksOf(serverId: string): Set<SessionLink> {
    let s = this.byServer.get(serverId);
    if (!s) this.byServer.set(serverId, (s = new Set()));
    return s;
  }

  /** Resolves true when a link of the server may have come free, false at the deadline. */
  private waitForIdle(serverId: string, deadline: number): Promise<boolean> {
    const ms = deadline - Date.now();
    if (ms <= 0) return Promise.resolve(false);
    let set = this.waiters.get(serverId);
    if (!set) this.waiters.set(serverId, (set = new Set()));
    const waiters = set;
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        resolve(false);
      }, ms);
      waiters.add(wake);
    });
  }

  private wake(serverId: string): void {
    const set = this.waiters.get(serverId);
    if (!set) return;
    for (const w of [...set]) w();
  }
}
