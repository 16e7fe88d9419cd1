/**
 * The storage-agnostic shapes of upstream OAuth: what the protocol code needs to know about an
 * MCP server, and the store it keeps clients, tokens and in-flight authorisations in.
 * Secrets are plain here; the Postgres implementation encrypts them at rest.
 */

/** A fetch that outbound OAuth traffic goes through (the SSRF-safe one in production). */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** What the OAuth code needs from a registered MCP server. */
export interface OAuthServerConfig {
  /** The `mcp_` id; every stored row is keyed by it. */
  serverId: string;
  /** The MCP endpoint (streamable HTTP or SSE). */
  url: string;
  oauthClientId?: string;
  oauthClientSecret?: string;
  /** Used only when discovery of the authorization server fails. */
  oauthAuthorizationEndpoint?: string;
  oauthTokenEndpoint?: string;
  /** Space-separated; when absent the 401 challenge's scope, then the resource's scopes_supported. */
  oauthScopes?: string;
  /** Leave out the RFC 8707 `resource` parameter (for authorization servers that reject it). */
  omitResource?: boolean;
  /** `client_credentials` for machine-to-machine servers; default `authorization_code`. */
  grant?: OAuthGrant;
  /**
   * `per_user` servers: whose credential this is (a usr_ or key_ id); tokens, refresh lock and step-up are that
   * principal's own. Absent: the server's one shared credential.
   */
  principalId?: string;
}

/** The credential lock's key: one per (server, owner), so people never wait on each other's refresh. */
export function credentialKey(serverId: string, principalId?: string): string {
  return principalId ? `${serverId}/${principalId}` : serverId;
}

export type OAuthGrant = 'authorization_code' | 'client_credentials';

export type ClientRegistrationMethod = 'configured' | 'metadata_document' | 'dcr';

export interface OAuthClientRecord {
  clientId: string;
  clientSecret?: string;
  registrationMethod: ClientRegistrationMethod;
  /** How the client authenticates at the token endpoint, as registered (DCR) or chosen. */
  tokenEndpointAuthMethod?: string;
}

export interface OAuthTokenRecord {
  accessToken: string;
  refreshToken?: string;
  /** Absent when the authorization server did not say (`expires_in` missing). */
  expiresAt?: Date;
  tokenType: string;
  scope?: string;
  /** The authorization server that issued them; refresh goes back to it. */
  issuer: string;
  /** The RFC 8707 resource they were issued for; sent again on refresh. */
  resource?: string;
  /** When they were obtained; bounds the refresh skew for short-lived tokens. */
  issuedAt?: Date;
  /** Read only: the step-up state kept beside the tokens (`saveStepUp` writes it; `saveTokens` leaves it alone). */
  stepUp?: StepUpState;
}

/**
 * The server answered 403 `insufficient_scope` (MCP 2025-11-25, "Step-Up Authorization Flow"):
 * the scope the next authorization asks for, and how often that was tried already.
 */
export interface StepUpState {
  /** Space-separated: what the token had plus what the challenge asked for. */
  scope: string;
  /** Authorizations completed for `scope` (or with it already granted) that the server still refused. */
  attempts: number;
  /** An authorization for `scope` is wanted: `/connect` offers one although a token exists. */
  pending: boolean;
}

/** An authorisation in flight, between `startAuthorization` and the callback. */
export interface OAuthStateRecord {
  state: string;
  serverId: string;
  /** Who started it: the callback is a public redirect, so this is what binds it to a principal. */
  principalId: string;
  codeVerifier: string;
  redirectUri: string;
  issuer: string;
  resource?: string;
  expiresAt: Date;
}

/**
 * Token methods take the credential's owner (`principalId`, see OAuthServerConfig): absent or '' is the server's
 * shared credential, a usr_/key_ id that principal's own (`per_user` servers).
 */
export interface OAuthStore {
  getClient(serverId: string, issuer: string): Promise<OAuthClientRecord | null>;
  saveClient(serverId: string, issuer: string, client: OAuthClientRecord): Promise<void>;
  getTokens(serverId: string, principalId?: string): Promise<OAuthTokenRecord | null>;
  saveTokens(serverId: string, tokens: OAuthTokenRecord, principalId?: string): Promise<void>;
  /** Deletes the tokens and the step-up state with them. */
  deleteTokens(serverId: string, principalId?: string): Promise<void>;
  /** Sets (or clears) the step-up state of the credential's tokens; nothing when it has none. */
  saveStepUp(serverId: string, stepUp: StepUpState | null, principalId?: string): Promise<void>;
  /** A per-user credential was used (its `lastUsedAt`); may be throttled. */
  touch?(serverId: string, principalId: string): void;
  createState(rec: OAuthStateRecord): Promise<void>;
  /** Single use: returns and deletes atomically; null when missing or expired. */
  consumeState(state: string): Promise<OAuthStateRecord | null>;
  /** Serialises credential work (refresh, registration) per credential (`credentialKey`) across replicas. */
  withCredentialLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export interface UpstreamOAuthOptions {
  /** Base of Patchbay's public URLs (`PUBLIC_URL`), without a trailing slash. */
  publicUrl: string;
  /** Patchbay's client_id where client ID metadata documents are taken; default `${publicUrl}/oauth/client-metadata.json`. */
  clientMetadataUrl?: string;
  /** Outbound HTTP; default the global fetch. */
  fetch?: FetchLike;
  /** Allow `http:` authorization servers (tests, private deployments). Default false. */
  allowInsecureRequests?: boolean;
  /** Refresh this long before expiry (at most a tenth of the token's lifetime). Default 60 s. */
  refreshSkewMs?: number;
  /** Lifetime of a `state`. Default 10 min. */
  stateTtlMs?: number;
  /** How long discovery results are reused. Default 10 min. */
  discoveryTtlMs?: number;
  /** Name shown to users on consent screens. Default "Patchbay". */
  clientName?: string;
  /** Clock, for tests. */
  now?: () => number;
}

export const OAUTH_STORE = Symbol('OAUTH_STORE');
export const UPSTREAM_OAUTH_OPTIONS = Symbol('UPSTREAM_OAUTH_OPTIONS');
