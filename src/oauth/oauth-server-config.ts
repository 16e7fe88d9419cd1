import type { SecretBox } from '../common/crypto/secret-box.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import type { OAuthServerConfig } from './oauth.types.js';

/**
 * What the OAuth protocol code needs from a server row; the configured client secret is opened here only.
 * `owner`: the principal whose own credential a `per_user` server uses (ignored for `shared` servers).
 */
export function oauthConfigOf(box: SecretBox, s: McpServerEntity, owner?: string): OAuthServerConfig {
  return {
    ...(s.credentialMode === 'per_user' && owner ? { principalId: owner } : {}),
    serverId: s.id,
    url: s.url ?? '',
    oauthClientId: s.oauthClientId ?? undefined,
    oauthClientSecret: s.oauthClientSecretSealed ? box.decrypt(s.oauthClientSecretSealed) : undefined,
    oauthAuthorizationEndpoint: s.oauthAuthorizationEndpoint ?? undefined,
    oauthTokenEndpoint: s.oauthTokenEndpoint ?? undefined,
    oauthScopes: s.oauthScopes ?? undefined,
    omitResource: s.oauthOmitResource,
    grant: s.oauthGrant === 'client_credentials' ? 'client_credentials' : 'authorization_code',
  };
}

/** OAuth applies to HTTP servers registered with `authType: "oauth"`. */
export function usesOAuth(s: Pick<McpServerEntity, 'authType' | 'transport'>): boolean {
  return s.authType === 'oauth' && s.transport !== 'stdio';
}

/** Whether each caller of this server uses their own upstream account. */
export function isPerUser(s: Pick<McpServerEntity, 'authType' | 'transport' | 'credentialMode'>): boolean {
  return usesOAuth(s) && s.credentialMode === 'per_user';
}
