import { HttpStatus, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SecretBox } from '../common/crypto/secret-box.js';
import type { UpstreamTarget } from '../connections/index.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { McpServerService } from '../mcp-servers/mcp-server.service.js';
import { ServerHealth } from '../mcp-servers/server-health.service.js';
import { outcomeOf } from '../mcp-servers/server-status.js';
import { createAuthorizedFetch } from './authorized-fetch.js';
import { UpstreamError, type DomainError } from '../common/errors/domain-error.js';
import { isAuthorizationRequired, OAuthAuthorizationRequiredError } from './oauth.errors.js';
import { isPerUser, oauthConfigOf, usesOAuth } from './oauth-server-config.js';
import type { FetchLike, OAuthServerConfig } from './oauth.types.js';
import { UpstreamOAuthService } from './upstream-oauth.service.js';

/**
 * Gives every OAuth server's pool target a fetch that carries the server's current upstream token
 * (refreshed ahead of expiry or on a 401, serialised per credential). The token never enters the
 * target's headers or fingerprint, so a refresh does not reopen the connection. A credential found
 * dead turns the server's status to `error` with a reason asking for re-authorisation.
 */
@Injectable()
export class OAuthTargetDecorator implements OnModuleInit {
  private readonly logger = new Logger('OAuth');

  constructor(
    private readonly servers: McpServerService,
    private readonly oauth: UpstreamOAuthService,
    private readonly health: ServerHealth,
    private readonly box: SecretBox,
  ) {}

  onModuleInit(): void {
    this.servers.addTargetDecorator((server, target) => this.decorate(server, target));
  }

  decorate(server: McpServerEntity, target: UpstreamTarget): void {
    if (!usesOAuth(server)) return;
    if (isPerUser(server)) return this.decoratePerUser(server, target);
    const config = oauthConfigOf(this.box, server);
    const ref = { id: server.id, workspaceId: server.workspaceId };
    target.wrapFetch = (base: FetchLike): FetchLike => {
      const authorized = createAuthorizedFetch(this.oauth, config, base);
      return async (input, init) => {
        try {
          return await authorized(input, init);
        } catch (err) {
          if (isAuthorizationRequired(err) && err.reauthorization) await this.credentialLost(ref, err);
          throw err;
        }
      };
    };
  }

  /**
   * `per_user`: the target carries its owner's own token. Without an owner (the monitor) no token is sent at all: the
   * server is checked for reachability and its OAuth challenge only. An owner without a usable credential gets an
   * authorization URL bound to them (the error's `authorizationUrl`); the server's status is not theirs to change.
   */
  private decoratePerUser(server: McpServerEntity, target: UpstreamTarget): void {
    const owner = target.credentialOwner;
    if (!owner) {
      target.wrapFetch = (base: FetchLike): FetchLike => challengeOnly(server.id, base);
      return;
    }
    const config = oauthConfigOf(this.box, server, owner);
    target.wrapFetch = (base: FetchLike): FetchLike => {
      const authorized = createAuthorizedFetch(this.oauth, config, base);
      return async (input, init) => {
        try {
          return await authorized(input, init);
        } catch (err) {
          if (isAuthorizationRequired(err)) throw await this.offerTo(config, owner, err);
          throw err;
        }
      };
    };
  }

  /** The caller's own authorization URL, on a fresh error (the flow's state is bound to `owner`). */
  private async offerTo(config: OAuthServerConfig, owner: string, cause: OAuthAuthorizationRequiredError): Promise<DomainError> {
    const { authorizationUrl } = await this.oauth.startAuthorization(config, owner);
    const err = new OAuthAuthorizationRequiredError(
      `Server ${config.serverId} acts as each caller's own account and yours is not connected` +
        `${cause.reauthorization ? ' any more' : ''}: open authorizationUrl in a browser to connect it, then call again`,
      false,
    );
    err.extensions = { authorizationUrl };
    return err;
  }

  async credentialLost(server: Pick<McpServerEntity, 'id' | 'workspaceId'>, err: Error): Promise<void> {
    this.logger.warn(`server ${server.id}: OAuth credential lost, re-authorization required`);
    await this.health.recordForServer(server.id, outcomeOf(err));
  }
}

/** The code of a per_user server's answer to a request without any token: its OAuth challenge (the monitor's "reachable"). */
export const OAUTH_CHALLENGE_ANSWERED = 'upstream_oauth_challenge';

/**
 * A per_user server reached with no one's token (the monitor): a 401 with a Bearer `WWW-Authenticate` challenge proves
 * it reachable and protected as registered; the request stops there with OAUTH_CHALLENGE_ANSWERED. Anything else is
 * passed on as is (an unreachable or broken server fails as any other).
 */
function challengeOnly(serverId: string, base: FetchLike): FetchLike {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status === 401 && /^\s*bearer\b/i.test(res.headers.get('www-authenticate') ?? '')) {
      await res.body?.cancel().catch(() => undefined);
      throw new UpstreamError(
        OAUTH_CHALLENGE_ANSWERED,
        HttpStatus.BAD_GATEWAY,
        `MCP server ${serverId} is reachable and answers with its OAuth challenge (checked without anyone's token: each caller connects their own account)`,
      );
    }
    return res;
  };
}
