import * as oauth from 'oauth4webapi';
import * as oidc from 'openid-client';
import { oauthRedirectUri } from './client-metadata.js';
import { OAuthErrors } from './oauth.errors.js';
import type { AuthorizationServerInfo, DiscoveryHttp } from './oauth-discovery.js';
import type { OAuthClientRecord, OAuthServerConfig, OAuthStore } from './oauth.types.js';
import { clientSecretBasic, tolerantFetch } from './tolerant-fetch.js';

export interface ClientIdentityContext {
  store: OAuthStore;
  http: DiscoveryHttp;
  publicUrl: string;
  /** The client ID metadata document's URL (Patchbay's client_id where the server supports them). */
  clientMetadataUrl: string;
  clientName: string;
}

/**
 * Who Patchbay is at this authorization server, in the order: the configured client; a
 * client ID metadata document when the server supports them (authorization code only: a public
 * client cannot do client_credentials); the DCR client stored for server + issuer; a new DCR
 * registration (only when `register`, i.e. when starting a flow or a client_credentials grant).
 */
export async function resolveClient(
  ctx: ClientIdentityContext,
  server: OAuthServerConfig,
  as: AuthorizationServerInfo,
  register: boolean,
): Promise<OAuthClientRecord> {
  if (server.oauthClientId) {
    return {
      clientId: server.oauthClientId,
      clientSecret: server.oauthClientSecret || undefined,
      registrationMethod: 'configured',
    };
  }
  const meta = as.metadata;
  const grant = server.grant ?? 'authorization_code';
  // The document must be fetchable by the server over https (draft-ietf-oauth-client-id-metadata-document §3).
  if (grant === 'authorization_code' && meta.client_id_metadata_document_supported === true && ctx.clientMetadataUrl.startsWith('https://')) {
    return {
      clientId: ctx.clientMetadataUrl,
      registrationMethod: 'metadata_document',
      tokenEndpointAuthMethod: 'none',
    };
  }
  const stored = await ctx.store.getClient(server.serverId, as.key);
  if (stored) return stored;
  if (!meta.registration_endpoint || as.source === 'configured') {
    throw OAuthErrors.noClientIdentity(meta.issuer);
  }
  if (!register) {
    throw OAuthErrors.reauthorizationRequired(server.serverId, 'the dynamically registered client is gone');
  }
  // Two concurrent first connects must not register twice: re-check under the credential lock.
  return ctx.store.withCredentialLock(server.serverId, async () => {
    const again = await ctx.store.getClient(server.serverId, as.key);
    if (again) return again;
    const client = await registerClient(ctx, server, as);
    await ctx.store.saveClient(server.serverId, as.key, client);
    return client;
  });
}

/**
 * RFC 7591 registration at the endpoint the metadata names (oauth4webapi, the library under
 * openid-client: openid-client's own helper would rediscover the server, which the 2025-03-26
 * fallbacks cannot), its answer normalised by `tolerantFetch`. Patchbay asks to be a confidential
 * client when the server's token endpoint takes a secret, a public one when it takes only `none`.
 */
async function registerClient(
  ctx: ClientIdentityContext,
  server: OAuthServerConfig,
  as: AuthorizationServerInfo,
): Promise<OAuthClientRecord> {
  const grant = server.grant ?? 'authorization_code';
  const authMethod = pickSecretMethod(as.metadata) ?? 'none';
  if (grant === 'client_credentials' && authMethod === 'none') {
    throw OAuthErrors.noClientIdentity(as.metadata.issuer);
  }
  const metadata: Partial<oidc.ClientMetadata> =
    grant === 'client_credentials'
      ? { grant_types: ['client_credentials'], response_types: [] }
      : {
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: [oauthRedirectUri(ctx.publicUrl)],
        };
  metadata.client_name = ctx.clientName;
  // SEP-837 (MCP 2026-07-28): say what kind of client registers. Patchbay is a server-side web application (the
  // same value its client ID metadata document states); OIDC's default, so servers that predate it see no change.
  metadata.application_type = 'web';
  metadata.token_endpoint_auth_method = authMethod;
  if (server.oauthScopes) metadata.scope = server.oauthScopes;
  let m: Awaited<ReturnType<typeof oauth.processDynamicClientRegistrationResponse>>;
  try {
    const res = await oauth.dynamicClientRegistrationRequest(as.metadata as oauth.AuthorizationServer, metadata, {
      [oauth.customFetch]: tolerantFetch(ctx.http.fetch, 'registration'),
      [oauth.allowInsecureRequests]: ctx.http.allowInsecureRequests,
      signal: AbortSignal.timeout(30_000),
    });
    m = await oauth.processDynamicClientRegistrationResponse(res);
  } catch (err) {
    throw OAuthErrors.grantFailed('Dynamic client registration', describeOAuthError(err));
  }
  return {
    clientId: m.client_id,
    clientSecret: typeof m.client_secret === 'string' ? m.client_secret : undefined,
    registrationMethod: 'dcr',
    tokenEndpointAuthMethod: typeof m.token_endpoint_auth_method === 'string' ? m.token_endpoint_auth_method : authMethod,
  };
}

/** client_secret_basic unless the server only takes client_secret_post; undefined when neither. */
function pickSecretMethod(meta: oidc.ServerMetadata): 'client_secret_basic' | 'client_secret_post' | undefined {
  const supported = meta.token_endpoint_auth_methods_supported;
  if (!supported || supported.includes('client_secret_basic')) return 'client_secret_basic';
  if (supported.includes('client_secret_post')) return 'client_secret_post';
  return undefined;
}

/** An openid-client Configuration for this server + client, on our fetch. */
export function buildConfiguration(
  as: AuthorizationServerInfo,
  client: OAuthClientRecord,
  http: DiscoveryHttp,
): oidc.Configuration {
  // A configured secret follows the server's list too: basic, else post, else none when that is all it takes.
  const onlyNone = as.metadata.token_endpoint_auth_methods_supported?.includes('none') === true;
  const method = client.clientSecret
    ? (client.tokenEndpointAuthMethod ?? pickSecretMethod(as.metadata) ?? (onlyNone ? 'none' : 'client_secret_basic'))
    : 'none';
  const auth =
    method === 'none' || !client.clientSecret
      ? oidc.None()
      : method === 'client_secret_post'
        ? oidc.ClientSecretPost(client.clientSecret)
        : clientSecretBasic(client.clientSecret);
  const config = new oidc.Configuration(as.metadata, client.clientId, undefined, auth);
  if (http.allowInsecureRequests) oidc.allowInsecureRequests(config);
  config[oidc.customFetch] = tolerantFetch(http.fetch, 'token');
  config.timeout = 30;
  return config;
}

/** A one-line reason from openid-client / oauth4webapi errors, without secrets. */
export function describeOAuthError(err: unknown): string {
  // The authorization server's own text (error_description, an HTML or echoed body) is never copied: it may
  // repeat our request, client credentials included. A registered error code and the HTTP status say enough.
  if (err instanceof oidc.ResponseBodyError) return `${oauthErrorCode(err.error)} (HTTP ${err.status})`;
  if (err instanceof oidc.AuthorizationResponseError) return oauthErrorCode(err.error);
  const status = (err as { cause?: { status?: unknown } })?.cause?.status;
  const code = (err as { code?: unknown })?.code;
  const network = (err as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof status === 'number') return `unexpected response (HTTP ${status})`;
  if (typeof network === 'string' && /^[A-Z_]{2,40}$/.test(network)) return `request failed (${network})`;
  return typeof code === 'string' && /^[A-Z_]{2,60}$/.test(code) ? `request failed (${code})` : 'request failed';
}

/** OAuth error codes from the IANA registry (RFC 6749, 6750, 7591, 8707, OIDC); anything else is not repeated. */
const OAUTH_ERROR_CODES = new Set(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type',
  'invalid_scope', 'access_denied', 'unsupported_response_type', 'server_error', 'temporarily_unavailable', 'invalid_target',
  'invalid_token', 'insufficient_scope', 'invalid_redirect_uri', 'invalid_client_metadata', 'invalid_software_statement',
  'unapproved_software_statement', 'interaction_required', 'login_required', 'consent_required', 'account_selection_required',
  'invalid_dpop_proof', 'use_dpop_nonce', 'authorization_pending', 'slow_down', 'expired_token', 'invalid_authorization_details']);

export function oauthErrorCode(error: unknown): string {
  return typeof error === 'string' && OAUTH_ERROR_CODES.has(error) ? error : 'unrecognised_error';
}
