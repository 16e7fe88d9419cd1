import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Configuration, errors as OidcErrors, JWK, KoaContextWithOIDC } from 'oidc-provider';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../common/crypto/secret-box.js';
import { AppConfig } from '../config/app-config.js';
import { createSafeFetch, type SafeFetch } from '../connections/safe-fetch.js';
import { AccountPrincipals } from './account-principals.js';
import { ClientMetadataDocuments } from './client-metadata-documents.js';
import { OAuthGrantService } from './oauth-grant.service.js';
import { errorPage } from './pages.js';
import { markClientUsed, postgresAdapter, sweepExpired } from './postgres-adapter.js';
import { cookieKeys, loadSigningKeys } from './signing-keys.js';

/** Protocol endpoints, all served by oidc-provider. */
export const AUTHZ_ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  registration: '/oauth/register',
  revocation: '/oauth/revoke',
  jwks: '/oauth/jwks',
  userinfo: '/oauth/userinfo',
  end_session: '/oauth/logout',
  introspection: '/oauth/introspect',
  pushed_authorization_request: '/oauth/par',
} as const;

/** What Fastify hands to oidc-provider (its Koa app), method by path. */
const MOUNTED: [string[], string][] = [
  [['GET', 'POST'], AUTHZ_ROUTES.authorization],
  [['GET'], `${AUTHZ_ROUTES.authorization}/:uid`],
  [['POST'], AUTHZ_ROUTES.token],
  [['POST'], AUTHZ_ROUTES.registration],
  [['POST'], AUTHZ_ROUTES.revocation],
  [['GET'], AUTHZ_ROUTES.jwks],
  [['GET'], '/.well-known/openid-configuration'],
  [['GET'], '/.well-known/oauth-authorization-server'],
];

export const GATEWAY_SCOPE = 'execute';

/**
 * Patchbay as the OAuth 2.1 authorization server of its own gateway, on oidc-provider: RFC 8414
 * metadata, dynamic registration (RFC 7591), client ID metadata documents, authorization code with
 * PKCE S256 only, resource indicators (RFC 8707) bound into opaque access tokens, rotating refresh
 * tokens with replay detection, revocation (RFC 7009), `iss` in the authorization response
 * (RFC 9207). Its Koa app is mounted on Fastify for the protocol paths above; its storage is
 * PostgreSQL. The sign-in and consent pages are InteractionRoutes'.
 */
@Injectable()
export class AuthorizationServer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AuthorizationServer');
  private provider?: Provider;
  private sweeper?: NodeJS.Timeout;
  private readonly registrations: RateLimiterMemory;
  /** Client ID metadata documents are fetched through the same SSRF-safe fetch as MCP servers. */
  private readonly safeFetch: SafeFetch;

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly grants: OAuthGrantService,
    private readonly accounts: AccountPrincipals,
  ) {
    this.registrations = new RateLimiterMemory({ points: config.authz.registrationsPerMinute, duration: 60 });
    this.safeFetch = createSafeFetch({ allowPrivateNetworks: config.allowPrivateNetworks, connectTimeoutMs: 10_000, maxMessageBytes: 64 * 1024, maxRedirects: 0 });
  }

  get oidc(): Provider {
    if (!this.provider) throw new Error('authorization server not started');
    return this.provider;
  }

  get issuer(): string {
    return this.config.publicUrl;
  }

  /** The RFC 8707 resource (and token audience) of a gateway scope. */
  resourceOf(scopeId: string): string {
    return `${this.config.publicUrl}/mcp/${scopeId}`;
  }

  /** The scope id a resource names, or undefined when it is not one of this gateway's. */
  scopeIdOf(resource: string): string | undefined {
    const prefix = `${this.config.publicUrl}/mcp/`;
    if (!resource.startsWith(prefix)) return undefined;
    const id = resource.slice(prefix.length);
    return /^(ws|proj|mcp)_[0-7][0-9a-hjkmnp-tv-z]{25}$/.test(id) ? id : undefined;
  }

  /** oidc-provider speaks through console.warn/info as it loads (e.g. "Unsupported runtime" on Node 20). */
  private async withConsoleToLogger<T>(load: () => Promise<T>): Promise<T> {
    /* eslint-disable no-console -- swapping the library's console output for our JSON logger, not writing to it */
    const { warn, info } = console;
    console.warn = (...a: unknown[]) => this.logger.warn(a.map(String).join(' '));
    console.info = (...a: unknown[]) => this.logger.log(a.map(String).join(' '));
    /* eslint-enable no-console */
    try {
      return await load();
    } finally {
      Object.assign(console, { warn, info });
    }
  }

  async onModuleInit(): Promise<void> {
    const cimd = new ClientMetadataDocuments(this.safeFetch.fetch, this.config.allowPrivateNetworks);
    const keys = await loadSigningKeys(this.ds, this.box, (m) => this.logger.warn(m));
    // Loaded here, not at import: the module prints a notice on Node 20 as it loads, which must not
    // precede (or join) the one-line configuration error of a process that stops at start-up; and the
    // notice goes through our logger, so that every log line stays JSON.
    const { default: Provider, errors } = await this.withConsoleToLogger(() => import('oidc-provider'));
    const provider = new Provider(this.issuer, this.configuration(cimd, keys, errors));
    provider.proxy = true;
    this.provider = provider;
    provider.on('server_error', (_ctx: unknown, err: Error) => this.logger.error(`authorization server error: ${err.message}`));
    this.mount(provider);
    this.sweeper = setInterval(() => void sweepExpired(this.ds).catch(() => undefined), 10 * 60_000);
    this.sweeper.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    await this.safeFetch.close().catch(() => undefined);
  }

  /** A grant revoked over REST: its codes and tokens go at once (oidc-provider reads them from PostgreSQL). */
  async dropGrantTokens(grantId: string): Promise<void> {
    await this.ds.query(`DELETE FROM authz_models WHERE grant_id = $1 OR (model = 'Grant' AND id = $1)`, [grantId]);
  }

  async markClientUsed(clientId: string): Promise<void> {
    await markClientUsed(this.ds, clientId);
  }

  private configuration(cimd: ClientMetadataDocuments, keys: JWK[], errors: typeof OidcErrors): Configuration {
    const { authz } = this.config;
    return {
      adapter: postgresAdapter(this.ds, {
        clientMetadataDocument: (id) => cimd.resolve(id),
        registrationTtlSeconds: authz.registrationTtlSeconds,
        grantDestroyed: (id) => this.grants.markRevoked(id),
        errors,
      }),
      clients: authz.clients as unknown as Configuration['clients'],
      jwks: { keys },
      cookies: {
        keys: cookieKeys(this.config.encryptionKeys),
        long: { signed: true, httpOnly: true, sameSite: 'lax' },
        short: { signed: true, httpOnly: true, sameSite: 'lax' },
      },
      routes: AUTHZ_ROUTES,
      scopes: ['openid', 'offline_access', GATEWAY_SCOPE],
      claims: { openid: ['sub'] },
      responseTypes: ['code'],
      clientDefaults: {
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        registration: { enabled: true },
        // RFC 7009: a client revokes only its own tokens; revoking a refresh token ends the whole grant.
        revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
        userinfo: { enabled: false },
        introspection: { enabled: false },
        rpInitiatedLogout: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: async (_ctx, _client, oneOf) => {
            if (oneOf) return oneOf;
            throw new errors.InvalidTarget('resource (RFC 8707) is required: the gateway URL, PUBLIC_URL/mcp/{scopeId}');
          },
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx, resource) => {
            if (!this.scopeIdOf(resource)) throw new errors.InvalidTarget('resource must be a Patchbay gateway URL, PUBLIC_URL/mcp/{scopeId}');
            return { scope: GATEWAY_SCOPE, audience: resource, accessTokenTTL: authz.accessTokenTtlSeconds, accessTokenFormat: 'opaque' };
          },
        },
      },
      discovery: {
        client_id_metadata_document_supported: true,
        service_documentation: `${this.config.publicUrl}/docs`,
      },
      interactions: { url: async (_ctx, interaction) => `/oauth/interaction/${interaction.uid}` },
      findAccount: async (_ctx, sub) => ((await this.accounts.principalFor(sub)) ? { accountId: sub, claims: async () => ({ sub }) } : undefined),
      // Every authorization asks the person again (one grant per client, account and gateway resource):
      // only the grant the consent page just made counts, never an earlier one from the session.
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId;
        return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
      },
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: true,
      ttl: {
        AccessToken: authz.accessTokenTtlSeconds,
        AuthorizationCode: 60,
        Grant: authz.refreshTokenTtlSeconds,
        IdToken: 3600,
        Interaction: 900,
        RefreshToken: authz.refreshTokenTtlSeconds,
        Session: 86_400,
      },
      renderError: async (ctx: KoaContextWithOIDC, out) => {
        ctx.type = 'html';
        ctx.body = errorPage(String(out.error), typeof out.error_description === 'string' ? out.error_description : undefined);
      },
    };
  }

  /** Hands the protocol paths to oidc-provider's Koa app, with PUBLIC_URL as the host it sees. */
  private mount(provider: Provider): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    const callback = provider.callback();
    const pub = new URL(this.config.publicUrl);
    const handler = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (req.method === 'POST' && req.url.split('?')[0] === AUTHZ_ROUTES.registration) {
        try {
          await this.registrations.consume(req.ip);
        } catch {
          await reply.status(429).header('retry-after', '60').send({ error: 'too_many_requests', error_description: 'too many client registrations, try again in a minute' });
          return;
        }
      }
      const raw = req.raw;
      raw.headers['x-forwarded-host'] = pub.host;
      raw.headers['x-forwarded-proto'] = pub.protocol.slice(0, -1);
      if (raw.url?.startsWith('/.well-known/oauth-authorization-server')) raw.url = '/.well-known/openid-configuration';
      reply.hijack();
      await callback(raw, reply.raw);
    };
    // Own encapsulated context: bodies are left unread for oidc-provider, which parses (and limits) them itself.
    void fastify.register((scope, _opts, done) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, next) => next(null));
      for (const [method, url] of MOUNTED) scope.route({ method, url, handler });
      done();
    });
  }
}
