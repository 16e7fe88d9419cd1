import { startOAuthServer, type OAuthTestServer } from '../../test/peers/oauth/oauth-server.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from '../../test/peers/oauth/protected-mcp-server.js';
import { authorize, makeOAuth, serverConfig, sleep, whoami } from '../../test/peers/oauth/oauth-harness.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OAUTH_REAUTHORIZATION_REQUIRED } from './oauth.errors.js';

/** The code flow against real peers: oidc-provider + an SDK MCP server that wants its tokens. */
describe('UpstreamOAuthService: authorization code flow', () => {
  let as: OAuthTestServer;
  let mcp: ProtectedMcpServer;

  beforeAll(async () => {
    as = await startOAuthServer({ accessTokenTtl: 5 });
    mcp = await startProtectedMcpServer({ issuer: as.issuer, jwksUri: as.jwksUri });
  });
  afterAll(async () => {
    await mcp?.close();
    await as?.close();
  });

  it('discovers the authorization server from the 401 challenge', async () => {
    const { oauth } = makeOAuth();
    const d = await oauth.discover(mcp.url);
    expect(d).toMatchObject({
      requiresAuth: true,
      resource: mcp.url,
      authorizationServerUrl: as.issuer,
      issuer: as.issuer,
      supportsDynamicRegistration: true,
      supportsClientIdMetadataDocument: false,
    });
    expect(d.resourceMetadata?.scopes_supported).toEqual(['mcp:tools']);
    expect(d.authorizationServer.token_endpoint).toBe(`${as.issuer}/token`);
  });

  it('falls back to the well-known metadata address when the challenge does not name it', async () => {
    const bare = await startProtectedMcpServer({ issuer: as.issuer, jwksUri: as.jwksUri, advertiseResourceMetadata: false });
    try {
      const d = await makeOAuth().oauth.discover(bare.url);
      expect(d.requiresAuth).toBe(true);
      expect(d.issuer).toBe(as.issuer);
      expect(d.resource).toBe(bare.url);
    } finally {
      await bare.close();
    }
  });

  it('registers a client (DCR), runs the browser flow, saves tokens and calls tools with them', async () => {
    const { oauth, store } = makeOAuth();
    const server = serverConfig(mcp.url);
    const before = as.counts.registrations;

    const { authorizationUrl } = await oauth.startAuthorization(server, 'usr_alice');
    const q = new URL(authorizationUrl).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toBeTruthy();
    expect(q.get('resource')).toBe(mcp.url);
    expect(q.get('redirect_uri')).toBe('http://patchbay.test/api/oauth/callback');
    expect(q.get('scope')).toBe('mcp:tools');

    const client = await store.getClient(server.serverId, as.issuer);
    expect(client).toMatchObject({ registrationMethod: 'dcr', clientId: q.get('client_id') });
    expect(client?.clientSecret).toBeTruthy();
    expect(as.counts.registrations).toBe(before + 1);

    const done = await authorize(oauth, server, 'usr_alice');
    expect(done).toMatchObject({ serverId: server.serverId, principalId: 'usr_alice' });
    expect(as.counts.registrations).toBe(before + 1); // the stored client is reused
    const tokens = await store.getTokens(server.serverId);
    expect(tokens).toMatchObject({ tokenType: expect.stringMatching(/bearer/i), issuer: as.issuer, resource: mcp.url });
    expect(tokens?.refreshToken).toBeTruthy();
    expect(tokens?.expiresAt?.getTime()).toBeGreaterThan(Date.now());

    const me = await whoami(oauth, server);
    expect(me).toMatchObject({ sub: 'alice', client_id: client?.clientId, tools: ['whoami'] });
  });

  it('refreshes silently once the access token has really expired', async () => {
    const { oauth, store } = makeOAuth();
    const server = serverConfig(mcp.url);
    await authorize(oauth, server);
    const first = await store.getTokens(server.serverId);
    await sleep(5_500); // the AS's 5 s lifetime passes for real: the old JWT is now refused upstream

    const res = await fetch(mcp.url, { method: 'POST', headers: { authorization: `Bearer ${first?.accessToken}` } });
    expect(res.status).toBe(401);
    const refreshes = as.counts.refresh;
    const me = await whoami(oauth, server);
    expect(me.sub).toBe('alice');
    expect(as.counts.refresh).toBe(refreshes + 1);
    const second = await store.getTokens(server.serverId);
    expect(second?.accessToken).not.toBe(first?.accessToken);
    expect(second?.refreshToken).not.toBe(first?.refreshToken); // rotated and saved
  });

  it('20 concurrent callers at the moment of expiry cause exactly one refresh grant', async () => {
    const { oauth, store, clock } = makeOAuth();
    const server = serverConfig(mcp.url);
    await authorize(oauth, server);
    const first = await store.getTokens(server.serverId);
    clock.advance(10_000); // past expiry as far as Patchbay is concerned
    const refreshes = as.counts.refresh;

    const tokens = await Promise.all(Array.from({ length: 20 }, () => oauth.getAccessToken(server)));
    expect(as.counts.refresh).toBe(refreshes + 1);
    expect(as.counts.refreshFailed).toBe(0);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first?.accessToken);
    expect((await store.getTokens(server.serverId))?.accessToken).toBe(tokens[0]);
  });

  it('a 401 from upstream forces one refresh and the call is retried', async () => {
    const { oauth, store } = makeOAuth();
    const server = serverConfig(mcp.url);
    await authorize(oauth, server);
    const saved = await store.getTokens(server.serverId);
    await store.saveTokens(server.serverId, { ...saved!, accessToken: 'not-a-valid-token' });
    const refreshes = as.counts.refresh;
    expect((await whoami(oauth, server)).sub).toBe('alice');
    expect(as.counts.refresh).toBe(refreshes + 1);
  });

  it('a revoked refresh token means oauth_reauthorization_required, and a new flow is offered', async () => {
    const { oauth, store, clock } = makeOAuth();
    const server = serverConfig(mcp.url);
    await authorize(oauth, server);
    const tokens = await store.getTokens(server.serverId);
    await as.revokeRefreshToken(tokens!.refreshToken!);
    clock.advance(10_000);

    const err = await oauth.getAccessToken(server).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: OAUTH_REAUTHORIZATION_REQUIRED });
    expect((err as Error).message).toMatch(/invalid_grant/);
    expect(await store.getTokens(server.serverId)).toBeNull();

    const again = await authorize(oauth, server);
    expect(again.serverId).toBe(server.serverId);
    expect(await oauth.getAccessToken(server)).toBeTruthy();
  });

  it('refuses a replayed state', async () => {
    const { oauth } = makeOAuth();
    const server = serverConfig(mcp.url);
    const { callbackUrl } = await authorize(oauth, server);
    const replay = oauth.completeAuthorization(new URL(callbackUrl).searchParams, async () => server);
    await expect(replay).rejects.toMatchObject({ code: 'oauth_state_invalid', status: 400 });
  });

  it('refuses an unknown or expired state', async () => {
    const { oauth, clock } = makeOAuth();
    const server = serverConfig(mcp.url);
    await expect(
      oauth.completeAuthorization({ code: 'x', state: 'made-up' }, async () => server),
    ).rejects.toMatchObject({ code: 'oauth_state_invalid', status: 400 });

    const { authorizationUrl } = await oauth.startAuthorization(server, 'usr_alice');
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    clock.advance(10 * 60_000 + 1);
    await expect(oauth.completeAuthorization({ code: 'x', state }, async () => server)).rejects.toMatchObject({
      code: 'oauth_state_invalid',
    });
  });

  it('binds the flow to the principal that started it and reports the provider refusing', async () => {
    const { oauth } = makeOAuth();
    const server = serverConfig(mcp.url);
    const done = await authorize(oauth, server, 'usr_bob', 'bob');
    expect(done.principalId).toBe('usr_bob');
    expect((await whoami(oauth, server)).sub).toBe('bob');

    const { authorizationUrl } = await oauth.startAuthorization(server, 'usr_bob');
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    await expect(
      oauth.completeAuthorization({ error: 'access_denied', state }, async () => server),
    ).rejects.toMatchObject({ code: 'oauth_authorization_denied', status: 400 });
  });
});
