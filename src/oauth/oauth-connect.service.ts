import { Inject, Injectable, Logger } from '@nestjs/common';
import { actorId, type Principal } from '../auth/principal.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ServerHealth } from '../mcp-servers/server-health.service.js';
import { ServerRepository } from '../mcp-servers/server.repository.js';
import { outcomeOf } from '../mcp-servers/server-status.js';
import { isAuthorizationRequired } from './oauth.errors.js';
import { isPerUser, oauthConfigOf, usesOAuth } from './oauth-server-config.js';
import { OAUTH_STORE, type OAuthStore } from './oauth.types.js';
import { FlowStarterCheck } from './flow-starter.check.js';
import { UpstreamOAuthService } from './upstream-oauth.service.js';

export interface AuthorizationOffer {
  authorizationUrl: string;
}

/** The OAuth side of connecting a server: offering a browser flow, finishing it, forgetting the tokens. */
@Injectable()
export class OAuthConnectService {
  private readonly logger = new Logger('OAuth');

  constructor(
    private readonly servers: McpServerService,
    private readonly rows: ServerRepository,
    private readonly oauth: UpstreamOAuthService,
    private readonly health: ServerHealth,
    private readonly box: SecretBox,
    private readonly starters: FlowStarterCheck,
    @Inject(OAUTH_STORE) private readonly store: OAuthStore,
  ) {}

  /**
   * Null when the server can be checked as is (not OAuth, a usable token, or a client_credentials server,
   * whose token the check itself fetches); otherwise a fresh authorization URL whose state records the
   * calling principal.
   */
  async authorizationNeeded(principal: Principal, usable: UsableServer): Promise<AuthorizationOffer | null> {
    const { server } = usable;
    if (!usesOAuth(server)) return null;
    // per_user: the caller's own credential (the one the usable target carries)
    const owner = isPerUser(server) ? actorId(principal) : undefined;
    const config = oauthConfigOf(this.box, server, owner);
    if (config.grant === 'client_credentials') return null;
    try {
      await this.oauth.getAccessToken(config);
      if (!(await this.oauth.stepUpPending(config.serverId, owner))) return null; // conformance: a 403 insufficient_scope asked for more scope
    } catch (err) {
      if (!isAuthorizationRequired(err)) return null; // the check meets the same failure and records it
      if (err.reauthorization && !owner) await this.health.record(usable, outcomeOf(err));
    }
    try {
      const { authorizationUrl } = await this.oauth.startAuthorization(config, actorId(principal));
      return { authorizationUrl };
    } catch (err) {
      await this.health.record(usable, outcomeOf(err));
      throw err;
    }
  }

  /**
   * The callback's half: the state (single use, 10 minutes, bound to server and principal) names the server;
   * the code is exchanged and the tokens saved. Checking the connection is ConnectService's.
   */
  async complete(query: Record<string, string | string[] | undefined>): Promise<{ serverId: string; owner?: string }> {
    let owner: string | undefined;
    const done = await this.oauth.completeAuthorization(query, async (id, principalId) => {
      const row = await this.rows.system.load(id);
      if (!row || !usesOAuth(row.server)) return null;
      const perUser = isPerUser(row.server);
      // The flow may have been started minutes ago: the key revoked or the member removed since
      // must not finish it (checked before the code is exchanged). A per_user flow connects the
      // starter's own account: running tools (execute) is what it needs, not write.
      if (!(await this.starters.mayStillWrite(principalId, row.server.workspaceId, perUser ? 'execute' : 'write'))) return null;
      // per_user: the token is the flow starter's own (the state is bound to them)
      owner = perUser ? principalId : undefined;
      return oauthConfigOf(this.box, row.server, owner);
    });
    this.logger.log(`server ${done.serverId} authorized over OAuth (flow started by ${done.principalId}${owner ? ', own credential' : ''})`);
    return { serverId: done.serverId, owner };
  }

  /** Whether tokens were saved for the credential since `since` (by the callback, on whichever replica it landed). */
  async authorizedSince(serverId: string, since: Date, owner?: string): Promise<boolean> {
    const tokens = await this.store.getTokens(serverId, owner);
    return !!tokens?.issuedAt && tokens.issuedAt >= since;
  }

  /** `DELETE .../oauth`: the tokens go (the registered client stays; per_user: the caller's own); the next use asks to connect. */
  async forget(principal: Principal, id: string): Promise<void> {
    const { server, tenant } = await this.servers.load(principal, id, 'write');
    // per_user: the caller's own credential (others disconnect theirs, or an admin, at .../credentials)
    const owner = isPerUser(server) ? actorId(principal) : undefined;
    await this.oauth.forget({ serverId: server.id, url: server.url ?? '', principalId: owner });
    await this.servers.changed(tenant, server.id); // every replica drops its live connection
    this.logger.log(`server ${server.id}: OAuth tokens forgotten by ${actorId(principal)}`);
  }
}
