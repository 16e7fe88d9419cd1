import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real authorization server for tests: oidc-provider on a free loopback port, with DCR, PKCE
 * required, rotating refresh tokens, resource indicators (JWT access tokens for the resource),
 * short access tokens, client_credentials, revocation and the dev login/consent pages.
 */
export interface OAuthServerOptions {
  /** Access token lifetime in seconds. Default 5. */
  accessTokenTtl?: number;
  /** Dynamic client registration (RFC 7591). Default true. */
  registration?: boolean;
  /** Pre-registered clients (for the configured-client-id path). */
  clients?: ClientMetadata[];
  /** Scope every resource server accepts. Default `mcp:tools`. */
  resourceScope?: string;
  /** Advertise (and accept) OAuth client ID metadata documents. Default false. */
  clientIdMetadataDocument?: boolean;
}

export interface GrantCounts {
  authorizationCode: number;
  refresh: number;
  refreshFailed: number;
  clientCredentials: number;
  registrations: number;
}

export interface OAuthTestServer {
  issuer: string;
  jwksUri: string;
  provider: Provider;
  counts: GrantCounts;
  /** Successful refresh grants per account (`sub`): a refresh race must make one per person. */
  refreshesBySub: Map<string, number>;
  resetCounts(): void;
  /** Make a refresh token dead, as a user revoking access at the provider would. */
  revokeRefreshToken(value: string): Promise<void>;
  close(): Promise<void>;
}

export async function startOAuthServer(options: OAuthServerOptions = {}): Promise<OAuthTestServer> {
  const ttl = options.accessTokenTtl ?? 5;
  const resourceScope = options.resourceScope ?? 'mcp:tools';
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: options.clients ?? [],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['patchbay-test-cookie-key'] },
    scopes: ['openid', 'offline_access', resourceScope],
    features: {
      devInteractions: { enabled: true },
      registration: { enabled: options.registration ?? true },
      clientCredentials: { enabled: true },
      ...(options.clientIdMetadataDocument ? { clientIdMetadataDocument: { enabled: true, ack: 'draft-02' } } : {}),
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? undefined,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => ({
          scope: resourceScope,
          audience: resourceIndicator,
          accessTokenTTL: ttl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    rotateRefreshToken: true,
    // Refresh tokens for every client allowed the grant, without needing offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: ttl, ClientCredentials: ttl, IdToken: 3600, RefreshToken: 3600, Grant: 3600, Session: 3600, Interaction: 600 },
  };

  const provider = new Provider(issuer, configuration);
  const counts: GrantCounts = { authorizationCode: 0, refresh: 0, refreshFailed: 0, clientCredentials: 0, registrations: 0 };
  const refreshesBySub = new Map<string, number>();
  const grantType = (ctx: KoaContextWithOIDC): unknown => ctx.oidc?.params?.grant_type;
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const g = grantType(ctx);
    if (g === 'refresh_token') {
      counts.refresh++;
      const sub = (ctx.oidc?.entities as { RefreshToken?: { accountId?: string } } | undefined)?.RefreshToken?.accountId ?? '?';
      refreshesBySub.set(sub, (refreshesBySub.get(sub) ?? 0) + 1);
    }
    else if (g === 'authorization_code') counts.authorizationCode++;
    else if (g === 'client_credentials') counts.clientCredentials++;
  });
  provider.on('grant.error', (ctx: KoaContextWithOIDC) => {
    if (grantType(ctx) === 'refresh_token') counts.refreshFailed++;
  });
  provider.on('registration_create.success', () => {
    counts.registrations++;
  });
  http.on('request', provider.callback());

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    provider,
    counts,
    refreshesBySub,
    resetCounts() {
      for (const k of Object.keys(counts) as (keyof GrantCounts)[]) counts[k] = 0;
      refreshesBySub.clear();
    },
    async revokeRefreshToken(value: string) {
      const token = await provider.RefreshToken.find(value);
      if (!token) throw new Error('refresh token not found at the provider');
      await token.destroy();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * What a person does in a browser: follow the authorization URL, sign in on the login form,
 * approve the consent form, and follow redirects until one points at `redirectUri`. Returns that
 * final callback URL (with `code` and `state`), without requesting it.
 */
export async function driveBrowserFlow(
  authorizationUrl: string,
  opts: { login?: string; password?: string; redirectUri?: string; maxSteps?: number } = {},
): Promise<string> {
  const jar = new Map<string, string>();
  const redirectPrefix = opts.redirectUri ?? '/api/oauth/callback';
  let request: { url: string; init: RequestInit } = { url: authorizationUrl, init: { method: 'GET' } };
  for (let step = 0; step < (opts.maxSteps ?? 20); step++) {
    const headers = new Headers(request.init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(request.url, { ...request.init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      const next = new URL(location, request.url).href;
      if (next.startsWith(redirectPrefix) || new URL(next).pathname === redirectPrefix) return next;
      request = { url: next, init: { method: 'GET' } };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`browser flow: HTTP ${res.status} at ${request.url}: ${html.slice(0, 300)}`);
    const form = parseForm(html, request.url);
    if (!form) throw new Error(`browser flow: no form at ${request.url}: ${html.slice(0, 300)}`);
    if (form.fields.has('login')) form.fields.set('login', opts.login ?? 'alice');
    if (form.fields.has('password')) form.fields.set('password', opts.password ?? 'secret');
    request = {
      url: form.action,
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([...form.fields]).toString() },
    };
  }
  throw new Error('browser flow: too many steps');
}

function parseForm(html: string, baseUrl: string): { action: string; fields: Map<string, string> } | null {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const fields = new Map<string, string>();
  for (const input of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const name = /name="([^"]*)"/i.exec(input[0])?.[1];
    if (name) fields.set(name, decodeEntities(/value="([^"]*)"/i.exec(input[0])?.[1] ?? ''));
  }
  return { action: new URL(decodeEntities(form[1]), baseUrl).href, fields };
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
