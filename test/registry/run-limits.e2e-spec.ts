import { startHttpPeer, type HttpPeer } from '../peers/index.js';
import { createKey, createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('limits on tool runs', () => {
  let app: TestApp;
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer();
    app = await startTestApp({
      env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', TOOL_RUNS_PER_KEY_PER_MINUTE: '3', TOOL_RUNS_CONCURRENT_PER_KEY: '1' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await peer?.close();
  });

  const register = async (t: { workspaceId: string; key: string }) => {
    const res = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 'limited', url: peer.url } });
    await app.request('POST', `/api/mcp-servers/${res.body.id}/refresh`, { token: t.key });
    return res.body.id as string;
  };

  it('answers 429 with Retry-After past the calls per minute of a key; another key goes on', async () => {
    const t = await createTenant(app);
    const id = await register(t);
    const run = (token: string) => app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token, body: { args: { message: 'x' } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await run(t.key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await run(t.key);
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await createKey(app, t.workspaceId, ['execute']);
    expect((await run(other.key)).status).toBe(200);
  });

  it('answers 429 to a second concurrent run of a key, and admits it once the first ends', async () => {
    const t = await createTenant(app);
    const id = await register(t);
    const slow = app.request('POST', `/api/mcp-servers/${id}/tools/slow/run`, { token: t.key, body: { args: { ms: 800, steps: 1 } } });
    await new Promise((r) => setTimeout(r, 200));
    const second = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: t.key, body: { args: { message: 'x' } } });
    expectProblem(second, 429);
    expect((await slow).status).toBe(200);
    const after = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: t.key, body: { args: { message: 'x' } } });
    expect(after.status).toBe(200);
    expect(peer.calls.echo).toBeGreaterThan(0);
  });
});
