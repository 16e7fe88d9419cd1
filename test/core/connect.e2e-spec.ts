import { connectForUrl, createOAuthServer, openCallback, startOAuthWorld, type OAuthWorld } from '../oauth/oauth-e2e.helpers.js';

/** One connect for every caller: the REST route, the project-style route and the OAuth callback agree. */
describe('one connect', () => {
  let w: OAuthWorld;

  beforeAll(async () => {
    w = await startOAuthWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('an OAuth denial at the callback leaves the server in error with the reason', async () => {
    const { id } = await createOAuthServer(w);
    const url = new URL(await connectForUrl(w, id));
    const state = url.searchParams.get('state')!;
    const page = await openCallback(w, `${w.app.url}/api/oauth/callback?error=access_denied&error_description=the+user+said+no&state=${state}`);
    expect(page.status).toBe(400);
    const server = await w.call('GET', `/api/mcp-servers/${id}`);
    expect(server.body.connectorStatus).toBe('error');
    expect(server.body.lastError).toMatch(/denied/);
    const events = await w.call('GET', `/api/mcp-servers/${id}/status-events`);
    expect(events.body.data[0]).toMatchObject({ to: 'error', reason: expect.stringMatching(/denied/) });
  });

  it('the project-style connect offers the same authorization URL instead of failing', async () => {
    const { id } = await createOAuthServer(w);
    const res = await w.call('POST', `/api/mcp/servers/${id}/connect`);
    expect(res.body).toMatchObject({ success: false, status: 'auth_required', authorizationUrl: expect.stringContaining('state=') });
  });
});
