import { approve, createOAuthServer, openCallback, startOAuthWorld, type OAuthWorld } from '../oauth/oauth-e2e.helpers.js';
import { createKey } from '../support/factories.js';

/** Reads `data: {...}` events off an SSE response, one at a time. */
async function* events(res: Response): AsyncGenerator<Record<string, unknown>> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (data) yield JSON.parse(data.slice(6)) as Record<string, unknown>;
    }
  }
}

/** Letta's connect stream and the project-style connect on a per_user server connect the caller's own account. */
describe('per-user credentials through the compatible surfaces', () => {
  let w: OAuthWorld;
  let id: string;
  beforeAll(async () => {
    w = await startOAuthWorld({ accessTokenTtl: 3600 });
    ({ id } = await createOAuthServer(w, { credentialMode: 'per_user' }));
  }, 60_000);
  afterAll(async () => w?.close());

  async function lettaConnect(key: string, login: string): Promise<string[]> {
    const res = await fetch(`${w.app.url}/v1/mcp-servers/connect/${id}`, { headers: { authorization: `Bearer ${key}` } });
    const seen: string[] = [];
    for await (const e of events(res)) {
      seen.push(String(e.event));
      if (e.event === 'authorization_url') expect((await openCallback(w, await approve(w, String(e.url), login))).status).toBe(200);
      if (e.event === 'success' || e.event === 'error') break;
    }
    return seen;
  }
  const lettaRun = async (key: string) => {
    const run = await w.call('POST', `/v1/mcp-servers/${id}/tools/whoami/run`, { args: {} }, key);
    return (JSON.parse(run.body.func_return) as { sub: string }).sub;
  };

  it("Letta's stream connects each caller's own account; runs answer as each", async () => {
    const bob = await createKey(w.app, w.tenant.workspaceId, ['read', 'write', 'execute']);
    expect(await lettaConnect(w.tenant.key, 'alice')).toEqual(['connection_attempt', 'oauth_required', 'authorization_url', 'waiting_for_auth', 'success']);
    // alice being connected does not connect bob: his stream asks him too
    expect(await lettaConnect(bob.key, 'bob')).toEqual(['connection_attempt', 'oauth_required', 'authorization_url', 'waiting_for_auth', 'success']);
    expect(await lettaRun(w.tenant.key)).toBe('alice');
    expect(await lettaRun(bob.key)).toBe('bob');
    // connected already: a second connect succeeds straight away
    expect(await lettaConnect(bob.key, 'bob')).toEqual(['connection_attempt', 'success']);
  }, 60_000);

  it("project-style connect offers the caller's own authorization, then connects", async () => {
    const carol = await createKey(w.app, w.tenant.workspaceId, ['read', 'write', 'execute']);
    const first = await w.call('POST', `/api/mcp/servers/${id}/connect`, undefined, carol.key);
    expect(first.body).toMatchObject({ success: false, status: 'auth_required', authorizationUrl: expect.any(String) });
    expect((await openCallback(w, await approve(w, first.body.authorizationUrl, 'carol'))).status).toBe(200);
    expect((await w.call('POST', `/api/mcp/servers/${id}/connect`, undefined, carol.key)).body).toMatchObject({ success: true, status: 'connected' });
    expect(await lettaRun(carol.key)).toBe('carol');
  }, 60_000);
});
