import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { actorId, type Principal } from '../auth/principal.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ConnectionCheckService } from '../monitor/connection-check.service.js';
import { outcomeOf, ServerStatusService, type CheckOutcome } from '../monitor/server-status.service.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';
import { isAuthorizationRequired } from './oauth.errors.js';
import { oauthConfigOf, usesOAuth } from './oauth-server-config.js';
import { FlowStarterCheck } from './flow-starter.check.js';
import { UpstreamOAuthService } from './upstream-oauth.service.js';

export interface AuthorizationOffer {
  authorizationUrl: string;
}

export interface CallbackResult {
  serverId: string;
  serverName: string;
  outcome: CheckOutcome | null;
}

/** The OAuth side of connecting a server: offering a browser flow, finishing it, forgetting the tokens. */
@Injectable()
export class OAuthConnectService {
  private readonly logger = new Logger('OAuth');

  constructor(
    @InjectRepository(McpServerEntity) private readonly rows: Repository<McpServerEntity>,
    private readonly servers: McpServerService,
    private readonly oauth: UpstreamOAuthService,
    private readonly checks: ConnectionCheckService,
    private readonly status: ServerStatusService,
    private readonly catalog: ToolCatalogService,
    private readonly box: SecretBox,
    private readonly starters: FlowStarterCheck,
  ) {}

  /**
   * For `/connect`: null when the server can be checked as is (not OAuth, a usable token, or a
   * client_credentials server, whose token the check itself fetches); otherwise a fresh
   * authorization URL whose state records the calling principal.
   */
  async authorizationNeeded(principal: Principal, { server }: UsableServer): Promise<AuthorizationOffer | null> {
    if (!usesOAuth(server)) return null;
    const config = oauthConfigOf(this.box, server);
    if (config.grant === 'client_credentials') return null;
    try {
      await this.oauth.getAccessToken(config);
      if (!(await this.oauth.stepUpPending(config.serverId))) return null; // conformance: a 403 insufficient_scope asked for more scope
    } catch (err) {
      if (!isAuthorizationRequired(err)) return null; // the check meets the same failure and records it
      if (err.reauthorization) await this.status.record(server, outcomeOf(err));
    }
    try {
      const { authorizationUrl } = await this.oauth.startAuthorization(config, actorId(principal));
      return { authorizationUrl };
    } catch (err) {
      await this.status.record(server, outcomeOf(err));
      throw err;
    }
  }

  /**
   * The public callback: the state (single use, 10 minutes, bound to server and principal) names
   * the server; tokens are exchanged and saved, then the connection is checked and, the first
   * time, the tools are listed.
   */
  async complete(query: Record<string, string | string[] | undefined>): Promise<CallbackResult> {
    const done = await this.oauth.completeAuthorization(query, async (id, principalId) => {
      const row = await this.rows.findOne({ where: { id } });
      if (!row || !usesOAuth(row)) return null;
      // The flow may have been started minutes ago: the key revoked or the member removed since
      // must not finish it (checked before the code is exchanged).
      if (!(await this.starters.mayStillWrite(principalId, row.workspaceId))) return null;
      return oauthConfigOf(this.box, row);
    });
    this.logger.log(`server ${done.serverId} authorized over OAuth (flow started by ${done.principalId})`);
    const usable = await this.servers.usableById(done.serverId);
    if (!usable) return { serverId: done.serverId, serverName: done.serverId, outcome: null };
    const outcome = await this.checks.check(usable);
    if (outcome.ok && !usable.server.toolsRefreshedAt) {
      await this.catalog.refreshUsable(usable).catch((e: Error) => this.logger.warn(`tools of ${done.serverId} not listed: ${e.message}`));
    }
    return { serverId: done.serverId, serverName: usable.server.name, outcome };
  }

  /** `DELETE .../oauth`: the tokens go (the registered client stays); the next use asks to connect. */
  async forget(principal: Principal, id: string): Promise<void> {
    const { server } = await this.servers.load(principal, id, 'write');
    await this.oauth.forget({ serverId: server.id, url: server.url ?? '' });
    await this.servers.changed(server.id); // every replica drops its live connection
    this.logger.log(`server ${server.id}: OAuth tokens forgotten by ${actorId(principal)}`);
  }
}
