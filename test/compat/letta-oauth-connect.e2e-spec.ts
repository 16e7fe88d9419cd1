import { approve, createOAuthServer, openCallback, startOAuthWorld, type OAuthWorld } from '../oauth/oauth-e2e.helpers.js';

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

describe("Letta's connect stream walks a user through OAuth", () => {
  let w: OAuthWorld;
  beforeAll(async () => {
    w = await startOAuthWorld();
  });
  afterAll(async () => w?.close());

  it('streams oauth_required, the authorization URL and waiting, then success with the tools once approved', async () => {
    const { id } = await createOAuthServer(w);
    const res = await fetch(`${w.app.url}/v1/mcp-servers/connect/${id}`, { headers: { authorization: `Bearer ${w.tenant.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const seen: string[] = [];
    let tools: Array<{ name: string }> = [];
    for await (const e of events(res)) {
      seen.push(String(e.event));
      if (e.event === 'authorization_url') {
        // the person approves in a browser while the stream waits
        const page = await openCallback(w, await approve(w, String(e.url)));
        expect(page.status).toBe(200);
      }
      if (e.event === 'success') tools = e.tools as Array<{ name: string }>;
      if (e.event === 'success' || e.event === 'error') break;
    }
    expect(seen).toEqual(['connection_attempt', 'oauth_required', 'authorization_url', 'waiting_for_auth', 'success']);
    expect(tools.map((t) => t.name)).toContain('whoami');
    const run = await w.call('POST', `/v1/mcp-servers/${id}/tools/whoami/run`, { args: {} });
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('success');
  });
});
