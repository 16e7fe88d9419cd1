import type { SecretBox } from '../common/crypto/secret-box.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import type { OAuthServerConfig } from './oauth.types.js';

/** What the OAuth protocol code needs from a server row; the configured client secret is opened here only. */
export function oauthConfigOf(box: SecretBox, s: McpServerEntity): OAuthServerConfig {
  return {
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
