import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientMetadata } from 'oidc-provider';
import { startOAuthServer, type OAuthTestServer } from '../../test/peers/oauth/oauth-server.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from '../../test/peers/oauth/protected-mcp-server.js';
import { authorize, makeOAuth, PUBLIC_URL, serverConfig, whoami } from '../../test/peers/oauth/oauth-harness.js';
import { ValidationError } from '../common/errors/domain-error.js';
import { buildClientMetadataDocument } from './client-metadata.js';
import { OAUTH_AUTHORIZATION_REQUIRED } from './oauth.errors.js';

const STATIC_CLIENT: ClientMetadata = {
  client_id: 'patchbay-static',
  client_secret: 'static-secret',
  redirect_uris: [`${PUBLIC_URL}/api/oauth/callback`],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
};
const M2M_CLIENT: ClientMetadata = {
  client_id: 'patchbay-m2m',
  client_secret: 'm2m-secret',
  redirect_uris: [],
  grant_types: ['client_credentials'],
  response_types: [],
};

/** Client identity (configured, metadata document, DCR, none) and client_credentials. */
describe('UpstreamOAuthService: client identity and machine-to-machine', () => {
  let as: OAuthTestServer;
  let mcp: ProtectedMcpServer;

  beforeAll(async () => {
    as = await startOAuthServer({ accessTokenTtl: 5, clients: [STATIC_CLIENT, M2M_CLIENT] });
    mcp = await startProtectedMcpServer({ issuer: as.issuer, jwksUri: as.jwksUri });
  });
  afterAll(async () => {
    await mcp?.close();
    await as?.close();
  });

  it('uses a configured client id and secret, without registering', async () => {
    const { oauth, store } = makeOAuth();
    const server = serverConfig(mcp.url, { oauthClientId: 'patchbay-static', oauthClientSecret: 'static-secret' });
    const registrations = as.counts.registrations;
    const { authorizationUrl } = await oauth.startAuthorization(server, 'usr_alice');
    expect(new URL(authorizationUrl).searchParams.get('client_id')).toBe('patchbay-static');

    await authorize(oauth, server);
    expect(as.counts.registrations).toBe(registrations);
    expect(await store.getClient(server.serverId, as.issuer)).toBeNull();
    expect(await whoami(oauth, server)).toMatchObject({ sub: 'alice', client_id: 'patchbay-static' });
  });

  it('gets client_credentials tokens for a configured machine-to-machine client', async () => {
    const { oauth, store, clock } = makeOAuth();
    const server = serverConfig(mcp.url, {
      grant: 'client_credentials',
      oauthClientId: 'patchbay-m2m',
      oauthClientSecret: 'm2m-secret',
    });
    const before = as.counts.clientCredentials;
    expect(await whoami(oauth, server)).toMatchObject({ client_id: 'patchbay-m2m' });
    const first = await store.getTokens(server.serverId);
    expect(first).toMatchObject({ resource: mcp.url, issuer: as.issuer });
    expect(first?.refreshToken).toBeUndefined();
    expect(await oauth.getAccessToken(server)).toBe(first?.accessToken); // reused while fresh
    expect(as.counts.clientCredentials).toBe(before + 1);

    clock.advance(10_000); // expired: a new grant, not a refresh
    const next = await oauth.getAccessToken(server);
    expect(next).not.toBe(first?.accessToken);
    expect(as.counts.clientCredentials).toBe(before + 2);
    expect(await oauth.clientCredentials(server)).toBeTruthy();
  });

  it('registers a confidential client for client_credentials when none is configured', async () => {
    const { oauth, store } = makeOAuth();
    const server = serverConfig(mcp.url, { grant: 'client_credentials' });
    const token = await oauth.getAccessToken(server);
    const client = await store.getClient(server.serverId, as.issuer);
    expect(client).toMatchObject({ registrationMethod: 'dcr' });
    expect(client?.clientSecret).toBeTruthy();
    expect(token).toBeTruthy();
    expect((await whoami(oauth, server)).client_id).toBe(client?.clientId);
  });

  it('says authorization is required when a code-flow server has no token yet', async () => {
    const { oauth } = makeOAuth();
    await expect(oauth.getAccessToken(serverConfig(mcp.url))).rejects.toMatchObject({ code: OAUTH_AUTHORIZATION_REQUIRED });
  });

  it('asks for oauthClientId when the server supports no client identity method', async () => {
    const closed = await startOAuthServer({ registration: false });
    const closedMcp = await startProtectedMcpServer({ issuer: closed.issuer, jwksUri: closed.jwksUri });
    try {
      const { oauth } = makeOAuth();
      const err = await oauth.startAuthorization(serverConfig(closedMcp.url), 'usr_alice').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).errors).toEqual([{ field: 'oauthClientId', message: expect.stringMatching(/supply oauthClientId/) }]);
    } finally {
      await closedMcp.close();
      await closed.close();
    }
  });

  it('uses the client ID metadata document where the authorization server supports it', async () => {
    const cimd = await startOAuthServer({ clientIdMetadataDocument: true });
    const cimdMcp = await startProtectedMcpServer({ issuer: cimd.issuer, jwksUri: cimd.jwksUri });
    try {
      const { oauth, store } = makeOAuth({ publicUrl: 'https://patchbay.example.com' });
      const server = serverConfig(cimdMcp.url);
      const d = await oauth.discover(cimdMcp.url);
      expect(d.supportsClientIdMetadataDocument).toBe(true);
      const { authorizationUrl } = await oauth.startAuthorization(server, 'usr_alice');
      const q = new URL(authorizationUrl).searchParams;
      expect(q.get('client_id')).toBe('https://patchbay.example.com/oauth/client-metadata.json');
      expect(q.get('redirect_uri')).toBe('https://patchbay.example.com/api/oauth/callback');
      expect(cimd.counts.registrations).toBe(0);
      expect(await store.getClient(server.serverId, cimd.issuer)).toBeNull();
    } finally {
      await cimdMcp.close();
      await cimd.close();
    }
  });

  it('registers dynamically instead when the metadata document URL is not https (the server could not fetch it safely)', async () => {
    const cimd = await startOAuthServer({ clientIdMetadataDocument: true });
    const cimdMcp = await startProtectedMcpServer({ issuer: cimd.issuer, jwksUri: cimd.jwksUri });
    try {
      const { oauth } = makeOAuth({ publicUrl: 'http://patchbay.internal' });
      const { authorizationUrl } = await oauth.startAuthorization(serverConfig(cimdMcp.url), 'usr_alice');
      expect(new URL(authorizationUrl).searchParams.get('client_id')).not.toMatch(/^https?:/);
      expect(cimd.counts.registrations).toBe(1);
    } finally {
      await cimdMcp.close();
      await cimd.close();
    }
  });

  it('builds the client metadata document served at PUBLIC_URL', () => {
    expect(buildClientMetadataDocument('https://pb.example.com/')).toEqual({
      client_id: 'https://pb.example.com/oauth/client-metadata.json',
      client_name: 'Patchbay',
      client_uri: 'https://pb.example.com',
      redirect_uris: ['https://pb.example.com/api/oauth/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: 'web',
    });
  });

  it('falls back to configured endpoints when nothing can be discovered, and omits resource on request', async () => {
    // A server that answers 401 to everything: no resource metadata, no AS metadata at its origin.
    const bare: Server = createServer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Bearer' }).end());
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/mcp`;
    try {
      const { oauth, store } = makeOAuth();
      const unconfigured = oauth.startAuthorization(serverConfig(url), 'usr_alice');
      await expect(unconfigured).rejects.toMatchObject({ code: 'oauth_discovery_failed' });

      const server = serverConfig(url, {
        oauthClientId: 'patchbay-static',
        oauthClientSecret: 'static-secret',
        oauthAuthorizationEndpoint: `${as.issuer}/auth`,
        oauthTokenEndpoint: `${as.issuer}/token`,
        oauthScopes: 'openid',
        omitResource: true,
      });
      const { authorizationUrl } = await oauth.startAuthorization(server, 'usr_alice');
      expect(authorizationUrl.startsWith(`${as.issuer}/auth?`)).toBe(true);
      expect(new URL(authorizationUrl).searchParams.has('resource')).toBe(false);
      await authorize(oauth, server);
      expect(await store.getTokens(server.serverId)).toMatchObject({ issuer: as.issuer, scope: 'openid' });
    } finally {
      bare.closeAllConnections();
      await new Promise((r) => bare.close(r));
    }
  });
});
