import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { NotFoundError, UpstreamError, ValidationError, type DomainError } from '../common/errors/domain-error.js';
import { clientMetadataUrl, oauthRedirectUri } from './client-metadata.js';
import { buildConfiguration, describeOAuthError, resolveClient, type ClientIdentityContext } from './client-identity.js';
import {
  discoverAuthorizationServer,
  discoverResource,
  type AuthorizationServerInfo,
  type DiscoveryHttp,
  type EndpointFallback,
  type ResourceDiscovery,
} from './oauth-discovery.js';
import { forServer, OAuthErrors } from './oauth.errors.js';
import { decideStepUp } from './step-up.js';
import {
  credentialKey,
  OAUTH_STORE,
  UPSTREAM_OAUTH_OPTIONS,
  type OAuthClientRecord,
  type OAuthServerConfig,
  type OAuthStore,
  type OAuthTokenRecord,
  type UpstreamOAuthOptions,
} from './oauth.types.js';

/** Everything known about how to authorise against one MCP server. */
export interface OAuthDiscovery extends ResourceDiscovery {
  issuer: string;
  authorizationServer: oidc.ServerMetadata;
  authorizationServerSource: AuthorizationServerInfo['source'];
  supportsClientIdMetadataDocument: boolean;
  supportsDynamicRegistration: boolean;
}

export interface AuthorizationStart {
  authorizationUrl: string;
  expiresAt: Date;
}

export interface AuthorizationCompletion {
  serverId: string;
  /** Who started the flow (recorded in the state); the caller attributes the connection to them. */
  principalId: string;
  expiresAt?: Date;
}

export interface AccessTokenOptions {
  /** Refresh even if not expired (the upstream answered 401). */
  forceRefresh?: boolean;
  /** The token the upstream rejected: if another caller already replaced it, no second refresh. */
  rejectedToken?: string;
}

/** The server a callback's state names, or null when it is gone or the flow's starter may no longer touch it. */
export type ServerLoader = (serverId: string, principalId: string) => Promise<OAuthServerConfig | null>;

interface Cached<T> {
  at: number;
  value: T;
}

/**
 * The upstream half of OAuth: Patchbay as an OAuth client of the MCP servers it connects to
 * (MCP authorization spec: RFC 9728 -> RFC 8414/OIDC discovery -> client identity -> PKCE code
 * flow with RFC 8707 resource, refresh, client_credentials). Storage is behind `OAuthStore`.
 */
@Injectable()
export class UpstreamOAuthService {
  private readonly http: DiscoveryHttp;
  private readonly now: () => number;
  private readonly skewMs: number;
  private readonly stateTtlMs: number;
  private readonly cacheTtlMs: number;
  private readonly identity: ClientIdentityContext;
  private readonly resources = new Map<string, Cached<ResourceDiscovery>>();
  private readonly servers = new Map<string, Cached<AuthorizationServerInfo>>();

  constructor(
    @Inject(OAUTH_STORE) private readonly store: OAuthStore,
    @Inject(UPSTREAM_OAUTH_OPTIONS) private readonly options: UpstreamOAuthOptions,
  ) {
    const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.http = { fetch: fetchImpl, allowInsecureRequests: options.allowInsecureRequests ?? false };
    this.now = options.now ?? Date.now;
    this.skewMs = options.refreshSkewMs ?? 60_000;
    this.stateTtlMs = options.stateTtlMs ?? 10 * 60_000;
    this.cacheTtlMs = options.discoveryTtlMs ?? 10 * 60_000;
    this.identity = {
      store,
      http: this.http,
      publicUrl: options.publicUrl,
      clientMetadataUrl: options.clientMetadataUrl ?? clientMetadataUrl(options.publicUrl),
      clientName: options.clientName ?? 'Patchbay',
    };
  }

  get redirectUri(): string {
    return oauthRedirectUri(this.options.publicUrl);
  }

  /** Probe the server, read its resource metadata, then discover its authorization server. */
  async discover(serverUrl: string, fallback: EndpointFallback = {}): Promise<OAuthDiscovery> {
    const resource = await this.cached(this.resources, serverUrl, () => discoverResource(serverUrl, this.http));
    const as = await this.authorizationServer(resource.authorizationServerUrl, fallback);
    return {
      ...resource,
      issuer: as.metadata.issuer,
      authorizationServer: as.metadata,
      authorizationServerSource: as.source,
      supportsClientIdMetadataDocument: as.metadata.client_id_metadata_document_supported === true,
      supportsDynamicRegistration: Boolean(as.metadata.registration_endpoint),
    };
  }

  /** Begin the code flow: PKCE S256, `resource`, a single-use `state` bound to server + principal. */
  async startAuthorization(server: OAuthServerConfig, principalId: string): Promise<AuthorizationStart> {
    if (server.grant === 'client_credentials') {
      throw ValidationError.field('grant', 'a client_credentials server is not authorised in a browser');
    }
    const d = await this.discover(server.url, server);
    const as = await this.authorizationServer(d.authorizationServerUrl, server);
    if (!as.metadata.authorization_endpoint) {
      throw ValidationError.field('oauthAuthorizationEndpoint', `the authorization server ${d.issuer} has no authorization endpoint`);
    }
    const methods = as.metadata.code_challenge_methods_supported;
    if (as.source !== 'configured' && as.source !== 'legacy_defaults' && !methods?.includes('S256')) {
      // MCP authorization spec: refuse to proceed without advertised PKCE support (a server
      // without metadata cannot advertise anything: PKCE S256 is sent regardless).
      throw UpstreamError.protocol(`the authorization server ${d.issuer} does not advertise PKCE (S256) support`);
    }
    const client = await resolveClient(this.identity, server, as, true);
    const config = buildConfiguration(as, client, this.http);

    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const resource = server.omitResource ? undefined : d.resource;
    const expiresAt = new Date(this.now() + this.stateTtlMs);
    const params: Record<string, string> = {
      response_type: 'code',
      redirect_uri: this.redirectUri,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    };
    // MCP scope selection: a pending step-up's scope, else configured, else the 401 challenge's, else all the resource supports.
    const stepUp = (await this.store.getTokens(server.serverId, server.principalId))?.stepUp;
    const scope = stepUp?.pending
      ? stepUp.scope
      : (server.oauthScopes ?? d.challengedScope ?? d.resourceMetadata?.scopes_supported?.join(' '));
    if (scope) params.scope = scope;
    if (resource) params.resource = resource;
    await this.store.createState({
      state,
      serverId: server.serverId,
      principalId,
      codeVerifier,
      redirectUri: this.redirectUri,
      issuer: as.key,
      resource,
      expiresAt,
    });
    return { authorizationUrl: oidc.buildAuthorizationUrl(config, params).href, expiresAt };
  }

  /**
   * Finish the code flow from the callback's query. The state is consumed first, so a replayed,
   * unknown or expired state is a 400 whatever else the query says. `loadServer` reads the server
   * named by the state (the callback is public: no workspace to scope by).
   */
  async completeAuthorization(
    query: URLSearchParams | Record<string, string | string[] | undefined>,
    loadServer: ServerLoader,
  ): Promise<AuthorizationCompletion> {
    const params = toSearchParams(query);
    const stateValue = params.get('state');
    const rec = stateValue ? await this.store.consumeState(stateValue) : null;
    if (!rec) throw OAuthErrors.invalidState();
    const error = params.get('error');
    if (error) throw forServer(OAuthErrors.denied(error, params.get('error_description') ?? undefined), rec.serverId);

    const server = await loadServer(rec.serverId, rec.principalId);
    if (!server) throw new NotFoundError('MCP server');
    const as = await this.authorizationServer(rec.issuer, server);
    const client = await resolveClient(this.identity, server, as, false);
    const config = buildConfiguration(as, client, this.http);
    const currentUrl = new URL(rec.redirectUri);
    currentUrl.search = params.toString();

    let response: oidc.TokenEndpointResponse;
    try {
      response = await oidc.authorizationCodeGrant(
        config,
        currentUrl,
        { pkceCodeVerifier: rec.codeVerifier, expectedState: rec.state },
        rec.resource ? { resource: rec.resource } : undefined,
      );
    } catch (err) {
      throw forServer(OAuthErrors.grantFailed('Authorization code exchange', describeOAuthError(err)), rec.serverId);
    }
    const tokens = this.toRecord(response, as.key, rec.resource);
    // per_user: the loader names the owner (the principal the state is bound to); shared: none
    const owner = server.principalId;
    await this.store.withCredentialLock(credentialKey(rec.serverId, owner), async () => {
      const stepUp = (await this.store.getTokens(rec.serverId, owner))?.stepUp;
      await this.store.saveTokens(rec.serverId, tokens, owner);
      // one more authorization for the step-up's scope: counted against the retry limit
      if (stepUp?.pending) await this.store.saveStepUp(rec.serverId, { ...stepUp, attempts: stepUp.attempts + 1, pending: false }, owner);
    });
    return { serverId: rec.serverId, principalId: rec.principalId, expiresAt: tokens.expiresAt };
  }

  /**
   * A valid access token, refreshed ahead of expiry or when forced. Refresh is serialised per server
   * with the store's credential lock and tokens are re-read inside it, so N concurrent callers at
   * expiry cause one refresh. A rejected refresh token deletes the tokens and throws
   * `oauth_reauthorization_required`.
   */
  async getAccessToken(server: OAuthServerConfig, opts: AccessTokenOptions = {}): Promise<string> {
    const owner = server.principalId;
    const seen = await this.store.getTokens(server.serverId, owner);
    if (owner && seen) this.store.touch?.(server.serverId, owner);
    if (seen && !opts.forceRefresh && this.isFresh(seen)) return seen.accessToken;
    const m2m = server.grant === 'client_credentials';
    if (!seen && !m2m) throw OAuthErrors.authorizationRequired(server.serverId);
    // Resolved outside the lock: registering a client takes the same lock.
    const m2mClient = m2m ? await this.m2mClient(server) : undefined;
    const rejected = opts.rejectedToken ?? seen?.accessToken;

    return this.store.withCredentialLock(credentialKey(server.serverId, owner), async () => {
      const current = await this.store.getTokens(server.serverId, owner);
      if (current && this.isFresh(current) && (!opts.forceRefresh || current.accessToken !== rejected)) {
        return current.accessToken;
      }
      if (m2mClient && !current?.refreshToken) {
        return (await this.requestClientCredentials(server, m2mClient)).accessToken;
      }
      if (!current) {
        // Seen before the lock, gone inside it: another caller found the refresh token dead.
        if (seen) throw OAuthErrors.reauthorizationRequired(server.serverId, 'the credential was revoked');
        throw OAuthErrors.authorizationRequired(server.serverId);
      }
      if (!current.refreshToken) {
        await this.store.deleteTokens(server.serverId, owner);
        throw OAuthErrors.reauthorizationRequired(server.serverId, 'the access token expired and no refresh token was issued');
      }
      return (await this.refresh(server, current)).accessToken;
    });
  }

  /** A fresh client_credentials token for a machine-to-machine server, saved. */
  async clientCredentials(server: OAuthServerConfig): Promise<string> {
    const m2m = { ...server, grant: 'client_credentials' as const };
    const found = await this.m2mClient(m2m);
    return this.store.withCredentialLock(server.serverId, async () => {
      return (await this.requestClientCredentials(m2m, found)).accessToken;
    });
  }

  /**
   * The upstream answered 403 insufficient_scope: records the step-up (see step-up.ts) and returns
   * the error to fail the call with: an authorization to offer, or the retry limit reached.
   */
  async insufficientScope(server: OAuthServerConfig, challengedScope: string | undefined): Promise<DomainError> {
    return this.store.withCredentialLock(credentialKey(server.serverId, server.principalId), async () => {
      const current = await this.store.getTokens(server.serverId, server.principalId);
      if (!current) return OAuthErrors.authorizationRequired(server.serverId);
      if (server.grant === 'client_credentials') return OAuthErrors.m2mScopeRefused(server.serverId, challengedScope);
      const decision = decideStepUp(current.stepUp, current.scope ?? server.oauthScopes, challengedScope);
      await this.store.saveStepUp(server.serverId, decision.state, server.principalId);
      return decision.kind === 'give_up'
        ? OAuthErrors.scopeRefused(server.serverId, decision.state.scope, decision.state.attempts)
        : OAuthErrors.stepUpRequired(server.serverId, decision.state.scope);
    });
  }

  /** A step-up is wanted: `/connect` offers an authorization although the server has a token. */
  async stepUpPending(serverId: string, principalId?: string): Promise<boolean> {
    return (await this.store.getTokens(serverId, principalId))?.stepUp?.pending === true;
  }

  /** The upstream `Authorization` header; only ever an upstream token, never a Patchbay bearer. */
  async headersFor(server: OAuthServerConfig, opts: AccessTokenOptions = {}): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.getAccessToken(server, opts)}` };
  }

  /** Forget the server's tokens (`DELETE .../oauth`) and its cached discovery. */
  async forget(server: Pick<OAuthServerConfig, 'serverId' | 'url' | 'principalId'>): Promise<void> {
    const owner = server.principalId;
    await this.store.withCredentialLock(credentialKey(server.serverId, owner), () => this.store.deleteTokens(server.serverId, owner));
    if (!owner) this.resources.delete(server.url);
  }

  private async refresh(server: OAuthServerConfig, current: OAuthTokenRecord): Promise<OAuthTokenRecord> {
    const as = await this.authorizationServer(current.issuer, server);
    const client = await resolveClient(this.identity, server, as, false);
    const config = buildConfiguration(as, client, this.http);
    let response: oidc.TokenEndpointResponse;
    try {
      response = await oidc.refreshTokenGrant(
        config,
        current.refreshToken as string,
        current.resource ? { resource: current.resource } : undefined,
      );
    } catch (err) {
      if (err instanceof oidc.ResponseBodyError && DEAD_GRANT.has(err.error)) {
        await this.store.deleteTokens(server.serverId, server.principalId);
        throw OAuthErrors.reauthorizationRequired(server.serverId, `the refresh token was refused (${describeOAuthError(err)})`);
      }
      throw OAuthErrors.grantFailed('Token refresh', describeOAuthError(err));
    }
    const tokens = this.toRecord(response, current.issuer, current.resource, current.refreshToken);
    await this.store.saveTokens(server.serverId, tokens, server.principalId);
    return tokens;
  }

  private async m2mClient(server: OAuthServerConfig): Promise<{ as: AuthorizationServerInfo; client: OAuthClientRecord; resource?: string }> {
    const d = await this.discover(server.url, server);
    const as = await this.authorizationServer(d.authorizationServerUrl, server);
    const client = await resolveClient(this.identity, server, as, true);
    return { as, client, resource: server.omitResource ? undefined : d.resource };
  }

  private async requestClientCredentials(
    server: OAuthServerConfig,
    found: { as: AuthorizationServerInfo; client: OAuthClientRecord; resource?: string },
  ): Promise<OAuthTokenRecord> {
    const config = buildConfiguration(found.as, found.client, this.http);
    const params: Record<string, string> = {};
    if (server.oauthScopes) params.scope = server.oauthScopes;
    if (found.resource) params.resource = found.resource;
    let response: oidc.TokenEndpointResponse;
    try {
      response = await oidc.clientCredentialsGrant(config, params);
    } catch (err) {
      throw OAuthErrors.grantFailed('Client credentials grant', describeOAuthError(err));
    }
    const tokens = this.toRecord(response, found.as.key, found.resource);
    await this.store.saveTokens(server.serverId, tokens);
    return tokens;
  }

  private authorizationServer(issuer: string, fallback: EndpointFallback): Promise<AuthorizationServerInfo> {
    const key = `${issuer} ${fallback.oauthAuthorizationEndpoint ?? ''} ${fallback.oauthTokenEndpoint ?? ''}`;
    return this.cached(this.servers, key, () => discoverAuthorizationServer(issuer, this.http, fallback));
  }

  private async cached<T>(map: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && this.now() - hit.at < this.cacheTtlMs) return hit.value;
    const value = await load();
    map.set(key, { at: this.now(), value });
    return value;
  }

  /** Fresh until `skew` before expiry; the skew is at most a tenth of the lifetime, so a 5 s token is used for 4.5 s. */
  private isFresh(t: OAuthTokenRecord): boolean {
    if (!t.expiresAt) return true;
    const lifetime = t.issuedAt ? t.expiresAt.getTime() - t.issuedAt.getTime() : Infinity;
    const skew = Math.min(this.skewMs, Math.max(0, lifetime / 10));
    return t.expiresAt.getTime() - skew > this.now();
  }

  private toRecord(r: oidc.TokenEndpointResponse, issuer: string, resource?: string, previousRefresh?: string): OAuthTokenRecord {
    return {
      accessToken: r.access_token,
      issuedAt: new Date(this.now()),
      refreshToken: r.refresh_token ?? previousRefresh,
      expiresAt: typeof r.expires_in === 'number' ? new Date(this.now() + r.expires_in * 1000) : undefined,
      tokenType: r.token_type,
      scope: r.scope,
      issuer,
      resource,
    };
  }
}

/** Token endpoint errors that mean the refresh token will never work again. */
const DEAD_GRANT = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

function toSearchParams(query: URLSearchParams | Record<string, string | string[] | undefined>): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string') out.set(k, v);
    else if (Array.isArray(v) && v.length === 1) out.set(k, v[0]);
  }
  return out;
}
