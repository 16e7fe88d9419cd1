import { authorizeServer, connectForUrl, createOAuthServer, expectNoLeak, runWhoami, sleep, startOAuthWorld, type OAuthWorld } from './oauth-e2e.helpers.js';

const TTL_S = 3;

/** Tokens over time, through Patchbay's REST tool runs: expiry, refresh, concurrency, revocation. */
describe('OAuth: keeping the upstream token valid', () => {
  let w: OAuthWorld;

  beforeAll(async () => {
    w = await startOAuthWorld({ accessTokenTtl: TTL_S });
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Wait until the AS's access token has really expired (the upstream would refuse it). */
  async function untilExpired(id: string): Promise<void> {
    const t = await w.tokens(id);
    await sleep(Math.max(0, t!.expiresAt!.getTime() - Date.now()) + 300);
  }

  it('refreshes silently once the access token has expired, saving the rotated refresh token', async () => {
    const { id } = await createOAuthServer(w);
    await authorizeServer(w, id);
    expect((await runWhoami(w, id)).body.status).toBe('success');
    const first = await w.tokens(id);
    const expiresBefore = (await w.call('GET', `/api/mcp-servers/${id}`)).body.oauthExpiresAt;
    await untilExpired(id);

    const refreshes = w.as.counts.refresh;
    const run = await runWhoami(w, id);
    expect(run.status).toBe(200);
    expect(JSON.parse(run.body.funcReturn).sub).toBe('alice');
    expect(w.as.counts.refresh).toBe(refreshes + 1);
    const second = await w.tokens(id);
    expect(second?.accessToken).not.toBe(first?.accessToken);
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    const expiresAfter = (await w.call('GET', `/api/mcp-servers/${id}`)).body.oauthExpiresAt;
    expect(Date.parse(expiresAfter)).toBeGreaterThan(Date.parse(expiresBefore));
    expectNoLeak(w, [first?.accessToken, first?.refreshToken, second?.accessToken, second?.refreshToken]);
  });

  it('20 concurrent tool runs at the moment of expiry cause exactly one refresh grant', async () => {
    const { id } = await createOAuthServer(w);
    await authorizeServer(w, id);
    expect((await runWhoami(w, id)).body.status).toBe('success'); // live connection and tool cache in place
    await untilExpired(id);

    const before = { ...w.as.counts };
    const runs = await Promise.all(Array.from({ length: 20 }, () => runWhoami(w, id)));
    expect(runs.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(runs.every((r) => r.body.status === 'success' && JSON.parse(r.body.funcReturn).sub === 'alice')).toBe(true);
    expect(w.as.counts.refresh - before.refresh).toBe(1);
    expect(w.as.counts.refreshFailed - before.refreshFailed).toBe(0);
    expect(w.as.counts.authorizationCode - before.authorizationCode).toBe(0);
  });

  it('an access token the upstream refuses (401) is refreshed once and the call retried', async () => {
    const { id } = await createOAuthServer(w);
    await authorizeServer(w, id);
    const saved = await w.tokens(id);
    await w.store().saveTokens(id, { ...saved!, accessToken: 'not-a-valid-token', expiresAt: new Date(Date.now() + 3_600_000), issuedAt: new Date() });
    const refreshes = w.as.counts.refresh;
    const run = await runWhoami(w, id);
    expect(run.body.status).toBe('success');
    expect(w.as.counts.refresh).toBe(refreshes + 1);
  });

  it('a revoked refresh token turns the status to error, and /connect offers a new authorization that works', async () => {
    const { id } = await createOAuthServer(w);
    await authorizeServer(w, id);
    const tokens = await w.tokens(id);
    await w.as.revokeRefreshToken(tokens!.refreshToken!);
    await untilExpired(id);

    const run = await runWhoami(w, id);
    expect(run.status).toBe(502);
    expect(run.body.code).toBe('oauth_reauthorization_required');
    const server = (await w.call('GET', `/api/mcp-servers/${id}`)).body;
    expect(server.connectorStatus).toBe('error');
    expect(server.lastError).toMatch(/re-authorization required/i);
    expect(server.oauthExpiresAt).toBeNull();
    const events = await w.call('GET', `/api/mcp-servers/${id}/status-events`);
    expect(events.body.data[0]).toMatchObject({ kind: 'status_changed', to: 'error', reason: expect.stringMatching(/re-authorization required/i) });

    const url = await connectForUrl(w, id);
    expect(url).toContain(w.as.issuer);
    await authorizeServer(w, id);
    expect((await w.call('GET', `/api/mcp-servers/${id}`)).body.connectorStatus).toBe('connected');
    expect((await runWhoami(w, id)).body.status).toBe('success');
    expectNoLeak(w, [tokens?.accessToken, tokens?.refreshToken]);
  });
});
