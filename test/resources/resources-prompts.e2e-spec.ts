import { startEverything, type EverythingPeer, type EverythingTransport } from '../peers/index.js';
import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Resources and prompts of a server, over every transport', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let other: { workspaceId: string; key: string };
  const peers: EverythingPeer[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' } });
    t = await createTenant(app);
    other = await createTenant(app);
    for (const transport of ['streamable_http', 'sse', 'stdio'] as EverythingTransport[]) {
      const peer = await startEverything(transport);
      peers.push(peer);
      const res = await app.request('POST', '/api/mcp-servers', {
        token: t.key,
        body: { workspaceId: t.workspaceId, name: `everything-${transport}`, transport, ...(peer.url ? { url: peer.url } : { command: peer.command, args: peer.args }) },
      });
      if (res.status !== 201) throw new Error(res.text);
      ids[transport] = res.body.id;
    }
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all(peers.map((p) => p.close()));
  });

  it.each(['streamable_http', 'sse', 'stdio'])('lists, reads and templates resources, lists and gets prompts over %s', async (transport) => {
    const id = ids[transport];
    const list = await app.request('GET', `/api/mcp-servers/${id}/resources`, { token: t.key });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.data.length).toBeGreaterThan(0);
    const first = list.body.data[0];
    expect(first).toMatchObject({ uri: expect.any(String), name: expect.any(String) });

    const read = await app.request('GET', `/api/mcp-servers/${id}/resources/read?uri=${encodeURIComponent(first.uri)}`, { token: t.key });
    expect(read.status).toBe(200);
    expect(read.body.contents[0]).toMatchObject({ uri: first.uri });

    const templates = await app.request('GET', `/api/mcp-servers/${id}/resources/templates`, { token: t.key });
    expect(templates.status).toBe(200);
    expect(templates.body.data[0]).toMatchObject({ uriTemplate: expect.any(String) });

    const prompts = await app.request('GET', `/api/mcp-servers/${id}/prompts`, { token: t.key });
    expect(prompts.body.data.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['simple-prompt', 'args-prompt']));
    const got = await app.request('POST', `/api/mcp-servers/${id}/prompts/args-prompt/get`, { token: t.key, body: { arguments: { city: 'Lisbon', state: 'PT' } } });
    expect(got.status).toBe(200);
    expect(got.body.messages[0].content.text).toContain('Lisbon, PT');
  });

  it('answers bad input with 400, unknown prompts and resources with 404 like unknown tools', async () => {
    const id = ids.streamable_http;
    expectProblem(await app.request('GET', `/api/mcp-servers/${id}/resources/read`, { token: t.key }), 400, 'uri');
    expectProblem(await app.request('POST', `/api/mcp-servers/${id}/prompts/args-prompt/get`, { token: t.key, body: { arguments: { city: 7 } } }), 400, 'arguments.city');
    expectProblem(await app.request('POST', `/api/mcp-servers/${id}/prompts/args-prompt/get`, { token: t.key, body: { args: {} } }), 400, 'args');
    const missing = await app.request('POST', `/api/mcp-servers/${id}/prompts/no-such-prompt/get`, { token: t.key, body: {} });
    expectProblem(missing, 404);
    expect(missing.body.code).toBe('not_found');
    const unknownResource = await app.request('GET', `/api/mcp-servers/${id}/resources/read?uri=${encodeURIComponent('demo://resource/static/document/no-such.md')}`, { token: t.key });
    expectProblem(unknownResource, 404);
    for (const bad of ['not a uri', 'no-scheme/path', '://x', 'demo://a b']) {
      expectProblem(await app.request('GET', `/api/mcp-servers/${id}/resources/read?uri=${encodeURIComponent(bad)}`, { token: t.key }), 400, 'uri');
    }
    expectProblem(await app.request('GET', '/api/mcp-servers/ws_01jd8x3v2qf8g6m3s0y1b4k7ze/resources', { token: t.key }), 400, 'id');
  });

  it('answers 502 unreachable for a server that is down', async () => {
    const res = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 'down', url: 'http://127.0.0.1:1/mcp' } });
    const r = await app.request('GET', `/api/mcp-servers/${res.body.id}/resources`, { token: t.key });
    expectProblem(r, 502);
    expect(r.body.code).toBe('upstream_unreachable');
  });

  it('hides another tenant\'s server on every resource and prompt route (404, same body as missing)', async () => {
    const id = ids.streamable_http;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/resources'], ['GET', '/resources/templates'], ['GET', '/resources/read?uri=demo%3A%2F%2Fx'], ['GET', '/prompts'], ['POST', '/prompts/simple-prompt/get', {}],
    ];
    for (const [method, suffix, body] of routes) {
      const foreign = await app.request(method, `/api/mcp-servers/${id}${suffix}`, { token: other.key, body });
      expectProblem(foreign, 404);
      const missing = await app.request(method, `/api/mcp-servers/mcp_01jd8x3v2qf8g6m3s0y1b4k7ze${suffix}`, { token: other.key, body });
      expect(foreign.body.detail).toBe(missing.body.detail);
    }
  });
});
