import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { McpServerService, type UsableServer } from '../../mcp-servers/mcp-server.service.js';
import { ConnectionCheckService } from '../../monitor/connection-check.service.js';
import { OAuthConnectService } from '../../oauth/oauth-connect.service.js';
import { ToolCatalogService } from '../../tools/tool-catalog.service.js';
import { toLettaTool } from './letta.mapper.js';

export type ConnectEvent = { event: 'connection_attempt' | 'oauth_required' | 'authorization_url' | 'waiting_for_auth' | 'success' | 'error' } & Record<string, unknown>;

export interface ConnectOptions {
  signal: AbortSignal;
  /** How long to wait for the user to finish the OAuth flow (default 5 minutes). */
  authWaitMs?: number;
  pollMs?: number;
}

/**
 * The connection attempt behind Letta's `GET /v1/mcp-servers/connect/{id}`: check the server
 * (recorded like any connection check), list its tools on success; an OAuth server without a
 * token gets an authorization URL and the stream waits (polling the stored credential) until the
 * user has approved, then connects again.
 */
@Injectable()
export class LettaConnectService {
  private readonly logger = new Logger('LettaConnect');

  constructor(
    private readonly servers: McpServerService,
    private readonly checks: ConnectionCheckService,
    private readonly catalog: ToolCatalogService,
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly oauth?: OAuthConnectService,
  ) {}

  /** Access is checked here (before the stream opens), so a foreign id is an ordinary 404. */
  open(p: Principal, id: string): Promise<UsableServer> {
    return this.servers.usable(p, id, 'write');
  }

  async *attempt(p: Principal, usable: UsableServer, opts: ConnectOptions): AsyncGenerator<ConnectEvent> {
    const { server } = usable;
    yield { event: 'connection_attempt', server_name: server.name };
    let offer: { authorizationUrl: string } | null = null;
    if (this.oauth && server.authType === 'oauth') {
      try {
        offer = await this.oauth.authorizationNeeded(p, usable);
      } catch (e) {
        yield { event: 'error', message: `could not start OAuth: ${(e as Error).message}` };
        return;
      }
    }
    if (!offer) {
      const result = await this.tryConnect(usable);
      yield result.ok ? { event: 'success', tools: result.tools } : { event: 'error', message: result.message };
      return;
    }
    const started = new Date(Date.now() - 1000);
    yield { event: 'oauth_required', message: 'OAuth authorization required' };
    yield { event: 'authorization_url', url: offer.authorizationUrl };
    yield { event: 'waiting_for_auth', message: 'waiting for the user to authorize' };
    if (!(await this.waitForTokens(server.id, started, opts))) {
      yield { event: 'error', message: opts.signal.aborted ? 'client went away' : 'timed out waiting for authorization' };
      return;
    }
    await this.servers.changed(server.id);
    const second = await this.tryConnect(await this.servers.usable(p, server.id, 'write'));
    yield second.ok ? { event: 'success', tools: second.tools } : { event: 'error', message: second.message };
  }

  private async tryConnect(usable: UsableServer): Promise<{ ok: true; tools: unknown[] } | { ok: false; code: string; message: string }> {
    const outcome = await this.checks.check(usable);
    if (!outcome.ok) {
      const [code, ...rest] = outcome.error.split(': ');
      return { ok: false, code, message: rest.join(': ') || outcome.error };
    }
    try {
      const refreshed = await this.catalog.refreshUsable(usable);
      return { ok: true, tools: refreshed.data.map((t) => toLettaTool(t, usable.server.name)) };
    } catch (e) {
      return { ok: false, code: e instanceof DomainError ? e.code : 'internal_error', message: (e as Error).message };
    }
  }

  /** Polls the stored credential (written by the OAuth callback, on whichever replica it lands). */
  private async waitForTokens(serverId: string, since: Date, opts: ConnectOptions): Promise<boolean> {
    const deadline = Date.now() + (opts.authWaitMs ?? 5 * 60_000);
    while (!opts.signal.aborted && Date.now() < deadline) {
      try {
        const rows: unknown[] = await this.db.query('SELECT 1 FROM oauth_tokens WHERE server_id = $1 AND updated_at >= $2', [serverId, since]);
        if (rows.length) return true;
      } catch (e) {
        this.logger.warn(`polling OAuth tokens of ${serverId}: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 1000));
    }
    return false;
  }
}
