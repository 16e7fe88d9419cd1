import * as oidc from 'openid-client';
import {
  discoverOAuthProtectedResourceMetadata,
  extractWWWAuthenticateParams,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { checkResourceAllowed, resourceUrlFromServerUrl } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import type { OAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { UpstreamError } from '../common/errors/domain-error.js';
import { OAuthErrors } from './oauth.errors.js';
import type { FetchLike } from './oauth.types.js';

/** What the MCP server (the protected resource) says about its authorization. */
export interface ResourceDiscovery {
  serverUrl: string;
  /** The unauthenticated probe was answered 401. */
  requiresAuth: boolean;
  /** `scope` from the 401 challenge, if any. */
  challengedScope?: string;
  resourceMetadata?: OAuthProtectedResourceMetadata;
  /** The RFC 8707 resource indicator: the metadata's `resource` verbatim, else the server URL. */
  resource: string;
  /** The first advertised authorization server, else the server's origin (2025-03-26 fallback). */
  authorizationServerUrl: string;
}

export interface AuthorizationServerInfo {
  metadata: oidc.ServerMetadata;
  /**
   * How it was found: RFC 8414 (`oauth2`) or OpenID discovery (`oidc`), checked by openid-client;
   * the 2025-03-26 fallbacks for a server without resource metadata (`legacy_metadata`: the
   * origin's RFC 8414 document read without the issuer check; `legacy_defaults`: no document,
   * `/authorize`, `/token`, `/register` on the origin); `configured` from oauth*Endpoint settings.
   */
  source: 'oauth2' | 'oidc' | 'legacy_metadata' | 'legacy_defaults' | 'configured';
  /**
   * What clients, states and tokens are stored under and what it is rediscovered from: the
   * metadata's issuer, except for the 2025-03-26 fallbacks, where it is the origin searched.
   */
  key: string;
}

export interface EndpointFallback {
  oauthAuthorizationEndpoint?: string;
  oauthTokenEndpoint?: string;
}

export interface DiscoveryHttp {
  fetch: FetchLike;
  allowInsecureRequests: boolean;
}

/** openid-client's options for discovery and registration, wired to our fetch. */
export function openidOptions(http: DiscoveryHttp, algorithm?: 'oauth2' | 'oidc'): oidc.DiscoveryRequestOptions {
  return {
    algorithm,
    timeout: 30,
    execute: http.allowInsecureRequests ? [oidc.allowInsecureRequests] : [],
    [oidc.customFetch]: (url: string, init: oidc.CustomFetchOptions) => http.fetch(url, init),
  };
}

/** Probe the MCP endpoint unauthenticated and read its protected resource metadata (RFC 9728). */
export async function discoverResource(serverUrl: string, http: DiscoveryHttp): Promise<ResourceDiscovery> {
  let probe: Response;
  try {
    probe = await http.fetch(serverUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': LATEST_PROTOCOL_VERSION,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: {
          protocolVersion: LATEST_PROTOCOL_VERSION,
          capabilities: {},
          clientInfo: { name: 'patchbay-oauth-probe', version: '1' },
        },
      }),
      redirect: 'manual',
    });
  } catch (err) {
    throw UpstreamError.unreachable(`${serverUrl}: ${(err as Error).message}`);
  }
  const requiresAuth = probe.status === 401;
  const challenge = requiresAuth ? extractWWWAuthenticateParams(probe) : {};
  await probe.body?.cancel().catch(() => undefined);

  let resourceMetadata: OAuthProtectedResourceMetadata | undefined;
  try {
    resourceMetadata = await discoverOAuthProtectedResourceMetadata(
      serverUrl,
      { resourceMetadataUrl: challenge.resourceMetadataUrl },
      http.fetch,
    );
  } catch {
    resourceMetadata = undefined; // no RFC 9728 metadata: fall back to the server's origin
  }

  let resource = resourceUrlFromServerUrl(serverUrl).href;
  if (resourceMetadata) {
    if (!checkResourceAllowed({ requestedResource: serverUrl, configuredResource: resourceMetadata.resource })) {
      throw UpstreamError.protocol(
        `protected resource metadata names resource ${resourceMetadata.resource}, which does not cover ${serverUrl}`,
      );
    }
    resource = resourceMetadata.resource;
  }
  return {
    serverUrl,
    requiresAuth,
    challengedScope: challenge.scope,
    resourceMetadata,
    resource,
    authorizationServerUrl:
      resourceMetadata?.authorization_servers?.[0] ?? new URL(serverUrl).origin,
  };
}

/**
 * RFC 8414 first, then OpenID Connect discovery (openid-client checks the issuer); when both fail,
 * the configured endpoints. Throws `oauth_discovery_failed` when there is nothing to fall back to.
 */
export async function discoverAuthorizationServer(
  issuer: string,
  http: DiscoveryHttp,
  fallback: EndpointFallback = {},
): Promise<AuthorizationServerInfo> {
  const failures: string[] = [];
  for (const algorithm of ['oauth2', 'oidc'] as const) {
    try {
      // discovery() wants a client id; the real one is chosen later, on these metadata.
      const config = await oidc.discovery(new URL(issuer), 'patchbay-discovery', undefined, undefined, openidOptions(http, algorithm));
      const metadata = config.serverMetadata();
      return { metadata, source: algorithm, key: metadata.issuer };
    } catch (err) {
      failures.push(`${algorithm}: ${(err as Error).message}`);
    }
  }
  const configured = configuredMetadata(fallback);
  if (configured) return { metadata: configured, source: 'configured', key: configured.issuer };
  if (isBareOrigin(issuer)) {
    const legacy = await legacyAuthorizationServer(new URL(issuer).origin, http, failures);
    if (legacy) return legacy;
  }
  throw OAuthErrors.discoveryFailed(issuer, failures.join('; '));
}

/** The 2025-03-26 spec's authorization base URL is always an origin (the server URL's path discarded). */
function isBareOrigin(url: string): boolean {
  const u = new URL(url);
  return (u.pathname === '/' || u.pathname === '') && !u.search;
}

/**
 * MCP 2025-03-26, "Server Metadata Discovery" and "Fallbacks for Servers without Metadata
 * Discovery": the origin's `/.well-known/oauth-authorization-server` (its `issuer` is not held to
 * the origin: that spec never asked for it), and when that is a 404, the default endpoints
 * `/authorize`, `/token` and `/register` on the origin.
 */
async function legacyAuthorizationServer(origin: string, http: DiscoveryHttp, failures: string[]): Promise<AuthorizationServerInfo | undefined> {
  const wellKnown = `${origin}/.well-known/oauth-authorization-server`;
  let res: Response;
  try {
    res = await http.fetch(wellKnown, { headers: { accept: 'application/json', 'mcp-protocol-version': '2025-03-26' }, redirect: 'manual' });
  } catch (err) {
    failures.push(`2025-03-26 metadata: ${(err as Error).message}`);
    return undefined;
  }
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return {
      source: 'legacy_defaults',
      key: origin,
      metadata: {
        issuer: origin,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        registration_endpoint: `${origin}/register`,
      },
    };
  }
  const doc = res.ok ? ((await res.json().catch(() => undefined)) as Record<string, unknown> | undefined) : undefined;
  if (!res.ok) await res.body?.cancel().catch(() => undefined);
  if (doc && typeof doc.authorization_endpoint === 'string' && typeof doc.token_endpoint === 'string') {
    const issuer = typeof doc.issuer === 'string' ? doc.issuer : origin;
    return { source: 'legacy_metadata', key: origin, metadata: { ...(doc as Partial<oidc.ServerMetadata>), issuer } };
  }
  failures.push(`2025-03-26 metadata: ${wellKnown} answered HTTP ${res.status} without authorization and token endpoints`);
  return undefined;
}

export function configuredMetadata(fallback: EndpointFallback): oidc.ServerMetadata | undefined {
  const { oauthAuthorizationEndpoint: authz, oauthTokenEndpoint: token } = fallback;
  if (!token) return undefined;
  return {
    issuer: new URL(token).origin,
    token_endpoint: token,
    ...(authz ? { authorization_endpoint: authz } : {}),
  };
}
