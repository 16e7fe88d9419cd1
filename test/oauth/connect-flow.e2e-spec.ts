import { createKey, createTenant, expectProblem } from '../support/factories.js';
import {
  approve, authorizeServer, connectForUrl, createOAuthServer, expectNoLeak, openCallback, runWhoami, startOAuthWorld, type OAuthWorld,
} from './oauth-e2e.helpers.js';

/**
 * The first connection of an OAuth-protected MCP server through Patchbay's API, with real peers:
 * oidc-provider (DCR, PKCE, resource indicators) and an SDK MCP server that wants its JWTs.
 */
describe('OAuth: connecting a protected MCP server', () => {
  let w: OAuthWorld;

  beforeAll(async () => {
    w = await startOAuthWorld({
      accessTokenTtl: 300,
      clients: [{ client_id: 'm2m-client', client_secret: 'm2m-secret-0123456789', grant_types: ['client_credentials'], redirect_uris: [], response_types: [] }],
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('connect -> authorizationUrl -> browser approval -> callback page -> tools listed and run with the token', async () => {
    const { id } = await createOAuthServer(w);
    const url = new URL(await connectForUrl(w, id));
    expect(url.origin).toBe(w.as.issuer);
    expect(url.searchParams.get('redirect_uri')).toBe(`${w.app.url}/api/oauth/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('resource')).toBe(w.mcp.url);
    expect(w.as.counts.registrations).toBe(1); // DCR, stored per server and issuer

    const page = await openCallback(w, await approve(w, url.href));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('Connected');

    const server = await w.call('GET', `/api/mcp-servers/${id}`);
    expect(server.body).toMatchObject({ connectorStatus: 'connected', toolCount: 1, lastError: null });
    expect(Date.parse(server.body.oauthExpiresAt)).toBeGreaterThan(Date.now());
    const tools = await w.call('GET', `/api/mcp-servers/${id}/tools`);
    expect(tools.body.data.map((t: { name: string }) => t.name)).toEqual(['whoami']);

    const run = await runWhoami(w, id);
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('success');
    const claims = JSON.parse(run.body.funcReturn);
    expect(claims.sub).toBe('alice');
    expect(claims.scope).toContain('mcp:tools');

    // A connected server's /connect is a plain check again.
    const again = await w.call('POST', `/api/mcp-servers/${id}/connect`);
    expect(again.body).toMatchObject({ connectorStatus: 'connected', lastError: null });
    expect(again.body.authorizationUrl).toBeUndefined();

    const tokens = await w.tokens(id);
    const client = await w.store().getClient(id, w.as.issuer);
    expectNoLeak(w, [tokens?.accessToken, tokens?.refreshToken, client?.clientSecret]);
    // At rest, nothing in clear.
    const [row] = await w.db().query('SELECT access_token_sealed, refresh_token_sealed FROM oauth_tokens WHERE server_id = $1', [id]);
    expect(row.access_token_sealed).toMatch(/^v1:/);
    expect(row.access_token_sealed).not.toContain(tokens!.accessToken);
    const [c] = await w.db().query('SELECT client_secret_sealed FROM oauth_clients WHERE server_id = $1', [id]);
    expect(c.client_secret_sealed).toMatch(/^v1:/);
  });

  it('refuses a replayed, unknown, expired or missing state with a 400 page', async () => {
    const { id } = await createOAuthServer(w);
    const callbackUrl = await approve(w, await connectForUrl(w, id));
    expect((await openCallback(w, callbackUrl)).status).toBe(200);

    const replay = await openCallback(w, callbackUrl);
    expect(replay.status).toBe(400);
    expect(replay.text).toMatch(/already used|unknown|expired/);

    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'a-state-patchbay-never-issued');
    expect((await openCallback(w, forged.href)).status).toBe(400);
    expect((await openCallback(w, `${w.app.url}/api/oauth/callback?code=abc`)).status).toBe(400);
    expect((await openCallback(w, `${w.app.url}/api/oauth/callback`)).status).toBe(400);

    // A state that outlived its 10 minutes.
    const other = await createOAuthServer(w);
    const late = await approve(w, await connectForUrl(w, other.id));
    await w.db().query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE server_id = $1`, [other.id]);
    const expired = await openCallback(w, late);
    expect(expired.status).toBe(400);
    expect(expired.text).not.toContain('Connected');
    expect(await w.tokens(other.id)).toBeNull();
  });

  it("refuses another flow's state paired with this flow's code, and a denied approval, without a 500", async () => {
    const a = await createOAuthServer(w);
    const b = await createOAuthServer(w);
    const callbackA = new URL(await approve(w, await connectForUrl(w, a.id)));
    const stateB = new URL(await connectForUrl(w, b.id)).searchParams.get('state')!;
    const before = await w.tokens(b.id);
    callbackA.searchParams.set('state', stateB);
    const mixed = await openCallback(w, callbackA.href);
    expect(mixed.status).toBeGreaterThanOrEqual(400);
    expect(mixed.status).not.toBe(500);
    expect(await w.tokens(b.id)).toEqual(before);

    const stateA2 = new URL(await connectForUrl(w, a.id)).searchParams.get('state')!;
    const denied = await openCallback(w, `${w.app.url}/api/oauth/callback?error=access_denied&state=${stateA2}`);
    expect(denied.status).toBe(400);
    expect(denied.text).toContain('access_denied');
  });

  it('does not finish a flow whose starter lost access meanwhile (key revoked before the browser returned)', async () => {
    const { id } = await createOAuthServer(w);
    const starter = await createKey(w.app, w.tenant.workspaceId, ['read', 'write']);
    const started = await w.call('POST', `/api/mcp-servers/${id}/connect`, undefined, starter.key);
    expect(typeof started.body.authorizationUrl).toBe('string');
    const callback = await approve(w, started.body.authorizationUrl);
    expect((await w.call('DELETE', `/api/api-keys/${starter.id}`)).status).toBe(204);
    const page = await openCallback(w, callback);
    expect(page.status).toBe(400);
    expect(await w.tokens(id)).toBeNull();
  });

  it('DELETE .../oauth forgets the tokens; runs then ask for authorization and /connect offers a new URL', async () => {
    const { id } = await createOAuthServer(w);
    await authorizeServer(w, id);
    expect((await runWhoami(w, id)).status).toBe(200);

    const viewer = await createKey(w.app, w.tenant.workspaceId, ['read']);
    expectProblem(await w.call('DELETE', `/api/mcp-servers/${id}/oauth`, undefined, viewer.key), 403);
    const other = await createTenant(w.app);
    expectProblem(await w.call('DELETE', `/api/mcp-servers/${id}/oauth`, undefined, other.key), 404);

    expect((await w.call('DELETE', `/api/mcp-servers/${id}/oauth`)).status).toBe(204);
    expect(await w.tokens(id)).toBeNull();
    expect((await w.call('GET', `/api/mcp-servers/${id}`)).body.oauthExpiresAt).toBeNull();
    const run = await runWhoami(w, id);
    expectProblem(run, 502);
    expect(run.body.code).toBe('oauth_authorization_required');
    expect(await connectForUrl(w, id)).toContain(w.as.issuer);
  });

  it('a client_credentials server fetches its own token on /connect, no browser', async () => {
    const { id } = await createOAuthServer(w, { oauthGrant: 'client_credentials', oauthClientId: 'm2m-client', oauthClientSecret: 'm2m-secret-0123456789' });
    const before = w.as.counts.clientCredentials;
    const res = await w.call('POST', `/api/mcp-servers/${id}/connect`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ connectorStatus: 'connected', toolCount: 1 });
    expect(w.as.counts.clientCredentials).toBe(before + 1);
    const run = await runWhoami(w, id);
    expect(JSON.parse(run.body.funcReturn).client_id).toBe('m2m-client');
    expectNoLeak(w, ['m2m-secret-0123456789', (await w.tokens(id))?.accessToken]);
  });

  it("serves Patchbay's client metadata document publicly", async () => {
    const res = await w.call('GET', '/oauth/client-metadata.json', undefined, null);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      client_id: `${w.app.url}/oauth/client-metadata.json`,
      redirect_uris: [`${w.app.url}/api/oauth/callback`],
      token_endpoint_auth_method: 'none',
    });
  });
});
