import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import { ConnectionPool } from '../connections/index.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ServerHealth } from '../mcp-servers/server-health.service.js';
import { outcomeOf, type CheckOutcome } from '../mcp-servers/server-status.js';
import { OAuthConnectService } from '../oauth/oauth-connect.service.js';
import { serverOfFailedFlow } from '../oauth/oauth.errors.js';
import type { ToolView } from '../tools/tool.dto.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';

/** What a connect found: the server needs a person's approval first, or how the test went. */
export type ConnectResult =
  | { kind: 'authorization'; authorizationUrl: string; owner?: string }
  | { kind: 'checked'; server: UsableServer['server']; outcome: CheckOutcome; toolCount: number; tools?: ToolView[] };

export interface ConnectOptions {
  /** `always`: list the tools whatever the catalogue holds (Letta's connect answers with them). */
  refresh?: 'when_stale' | 'always';
}

/**
 * The one "connect" for every surface (`POST .../connect`, project-style connect, Letta's connect stream, the OAuth
 * callback): an OAuth server without a usable token gets an authorization URL; otherwise the server is tested now,
 * its tools are listed when the catalogue is empty or stale, and the outcome is recorded as its status.
 */
@Injectable()
export class ConnectService {
  private readonly logger = new Logger('Connect');

  constructor(
    private readonly servers: McpServerService,
    private readonly pool: ConnectionPool,
    private readonly catalog: ToolCatalogService,
    private readonly health: ServerHealth,
    private readonly oauth: OAuthConnectService,
    private readonly config: AppConfig,
  ) {}

  async connect(principal: Principal, serverId: string, opts: ConnectOptions = {}): Promise<ConnectResult> {
    const usable = await this.servers.usable(principal, serverId, 'write');
    const offer = await this.oauth.authorizationNeeded(principal, usable);
    // per_user: the URL connects the caller's own account (usable.target.credentialOwner)
    if (offer) return { kind: 'authorization', authorizationUrl: offer.authorizationUrl, owner: usable.target.credentialOwner };
    return this.test(usable, opts);
  }

  /**
   * The OAuth callback: finish the flow, then connect as the server's own (no caller is signed in there). A
   * denial or failure at the authorization server is recorded on the server (`error` with the reason) and rethrown
   * for the page to show.
   */
  async completeAuthorization(query: Record<string, string | string[] | undefined>): Promise<{ serverName: string; outcome: CheckOutcome | null }> {
    let serverId: string;
    let owner: string | undefined;
    try {
      ({ serverId, owner } = await this.oauth.complete(query));
    } catch (e) {
      const failed = serverOfFailedFlow(e);
      if (failed) await this.health.recordForServer(failed, outcomeOf(e));
      throw e;
    }
    // per_user: checked with the new credential's owner (their own token), never anyone else's
    const usable = await this.servers.usableBySystem(serverId, owner);
    if (!usable) return { serverName: serverId, outcome: null };
    const result = await this.test(usable, {});
    return { serverName: usable.server.name, outcome: result.kind === 'checked' ? result.outcome : null };
  }

  /**
   * Waits (polling the stored credential) until the server's authorization flow has finished, or gives up. `owner`:
   * a per_user server's credential to wait for (the `owner` of the authorization result).
   */
  async waitForAuthorization(serverId: string, since: Date, signal: AbortSignal, waitMs: number, pollMs = 1000, owner?: string): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    while (!signal.aborted && Date.now() < deadline) {
      try {
        if (await this.oauth.authorizedSince(serverId, since, owner)) return true;
      } catch (e) {
        this.logger.warn(`polling the OAuth credential of ${serverId}: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
    return false;
  }

  private async test(usable: UsableServer, opts: ConnectOptions): Promise<ConnectResult> {
    const { server, target } = usable;
    const t0 = performance.now();
    let outcome: CheckOutcome;
    try {
      await this.pool.ping(target);
      outcome = { ok: true, latencyMs: Math.round(performance.now() - t0) };
    } catch (e) {
      outcome = outcomeOf(e, Math.round(performance.now() - t0));
    }
    if (!outcome.ok) {
      await this.health.record(usable, outcome);
      return { kind: 'checked', server, outcome, toolCount: server.toolCount };
    }
    if (opts.refresh === 'always' || this.isStale(server)) {
      try {
        const refreshed = await this.catalog.refreshUsable(usable); // records `connected` itself
        return { kind: 'checked', server, outcome, toolCount: refreshed.data.length, tools: refreshed.data };
      } catch (e) {
        const failed = outcomeOf(e);
        await this.health.record(usable, failed);
        return { kind: 'checked', server, outcome: failed, toolCount: server.toolCount };
      }
    }
    await this.health.record(usable, outcome);
    return { kind: 'checked', server, outcome, toolCount: server.toolCount };
  }

  /** Never listed, listed empty, or listed longer ago than TOOLS_STALE_MS. */
  private isStale(server: UsableServer['server']): boolean {
    const at = server.toolsRefreshedAt?.getTime();
    return at === undefined || server.toolCount === 0 || Date.now() - at > this.config.toolsStaleMs;
  }
}
