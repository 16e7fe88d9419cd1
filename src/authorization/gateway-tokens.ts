import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { AccountPrincipals } from './account-principals.js';
import { AuthorizationServer } from './authorization-server.js';
import { OAuthGrantService } from './oauth-grant.service.js';

/**
 * The gateway's check of an access token Patchbay issued: opaque, looked up in PostgreSQL (so an
 * expired, revoked or replay-killed grant's tokens are gone on every replica at once), valid only
 * on the resource it was issued for, acting as the grant's account. Not a REST credential: only the
 * gateway calls this.
 */
@Injectable()
export class GatewayTokens {
  constructor(
    private readonly server: AuthorizationServer,
    private readonly grants: OAuthGrantService,
    private readonly accounts: AccountPrincipals,
  ) {}

  /**
   * The principal for a bearer on `/mcp/{scopeId}`, or null when the bearer is not one of these tokens
   * (the caller then tries API keys and the rest). A token for another resource is a 404, like a scope
   * the caller cannot see.
   */
  async resolve(header: string | undefined, scopeId: string): Promise<Principal | null> {
    const m = /^Bearer\s+([A-Za-z0-9_-]{32,128})\s*$/i.exec(header ?? '');
    if (!m || m[1].startsWith('pbk_')) return null;
    const token = await this.server.oidc.AccessToken.find(m[1]);
    if (!token || token.isExpired || !token.grantId) return null;
    const grant = await this.grants.active(token.grantId);
    if (!grant) return null;
    const audience = Array.isArray(token.aud) ? token.aud : [token.aud];
    if (!audience.includes(this.server.resourceOf(scopeId)) || grant.resource !== this.server.resourceOf(scopeId)) {
      throw new NotFoundError('Gateway scope');
    }
    const principal = await this.accounts.principalFor(grant.accountId);
    if (!principal) return null;
    this.grants.touch(grant.id);
    return { ...principal, grantId: grant.id };
  }
}
