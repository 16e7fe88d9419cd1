import { startEverything, type EverythingPeer } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startForwardProxy, type ForwardProxy } from './forward-proxy.js';

describe('Project-style surface /api/mcp/servers (through a real forward proxy)', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let other: { workspaceId: string; key: string };
  let projectId: string;
  let peer: EverythingPeer;
  let proxy: ForwardProxy;

  beforeAll(async () => {
    [app, peer, proxy] = await Promise.all([
      startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' } }),
      startEverything('streamable_http'),
      startForwardProxy({ header: 'Authorization', value: 'Bearer proxy-cred-123' }),
    ]);
    t = await createTenant(app);
    other = await createTenant(app);
    projectId = (await createProject(app, t.workspaceId, t.key)).id;
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([peer?.close(), proxy?.close()]);
  });

  const post = (body: Record<string, unknown>, token = t.key) => app.request('POST', '/api/mcp/servers', { token, body });

  it('sends the upstream traffic of a proxy server through the proxy, with the proxy credential', async () => {
    const created = await post({
      projectId, name: 'via-proxy', description: 'through the proxy', transportType: 'http', url: peer.url,
      connectionType: 'proxy', proxyUrl: proxy.url, proxyAuthToken: 'proxy-cred-123', requestTimeout: 20_000,
      customHeaders: [{ name: 'X-Custom', value: 'custom-secret' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ success: true, message: expect.any(String), serverId: expect.stringMatching(/^mcp_/), gatewayUrl: expect.stringMatching(/\/mcp\/mcp_/) });
    const id = created.body.serverId;

    const before = proxy.counts.connects + proxy.counts.forwarded;
    const connected = await app.request('POST', `/api/mcp/servers/${id}/connect`, { token: t.key });
    expect(connected.body).toMatchObject({ success: true, status: 'connected', toolCount: expect.any(Number) });
    expect(proxy.counts.connects + proxy.counts.forwarded).toBeGreaterThan(before);

    const tools = await app.request('GET', `/api/mcp/servers/${id}/tools`, { token: t.key });
    expect(tools.body.success).toBe(true);
    expect(tools.body.tools.map((x: { name: string }) => x.name)).toContain('echo');
    const resources = await app.request('GET', `/api/mcp/servers/${id}/resources`, { token: t.key });
    expect(resources.body).toMatchObject({ success: true, resources: expect.any(Array), resourceTemplates: expect.any(Array) });
    expect(resources.body.resources.length).toBeGreaterThan(0);
    const prompts = await app.request('GET', `/api/mcp/servers/${id}/prompts`, { token: t.key });
    expect(prompts.body.prompts.map((x: { name: string }) => x.name)).toContain('args-prompt');

    const got = await app.request('GET', `/api/mcp/servers/${id}`, { token: t.key });
    expect(got.body.server).toMatchObject({
      id, projectId, name: 'via-proxy', transportType: 'http', connectionType: 'proxy', proxyUrl: expect.stringContaining('127.0.0.1'),
      hasProxyAuthToken: true, proxyAuthHeader: 'Authorization', status: 'connected', customHeaders: [{ name: 'X-Custom', value: '********' }],
    });
    for (const r of [created, got, tools]) {
      expect(r.text).not.toContain('proxy-cred-123');
      expect(r.text).not.toContain('custom-secret');
    }
    expect(app.logs.join('\n')).not.toContain('proxy-cred-123');

    // A wrong proxy credential: the proxy refuses, so the upstream is not reached.
    const refusedBefore = proxy.counts.refused;
    const bad = await post({ projectId, name: 'bad-proxy-cred', transportType: 'http', url: peer.url, connectionType: 'proxy', proxyUrl: proxy.url, proxyAuthToken: 'wrong' });
    const failed = await app.request('POST', `/api/mcp/servers/${bad.body.serverId}/connect`, { token: t.key });
    expect(failed.body).toMatchObject({ success: false });
    expect(['error', 'disconnected']).toContain(failed.body.status);
    expect(proxy.counts.refused).toBeGreaterThan(refusedBefore);

    // Switching to direct drops the proxy.
    const direct = await app.request('PATCH', `/api/mcp/servers/${bad.body.serverId}`, { token: t.key, body: { connectionType: 'direct' } });
    expect(direct.body.server).toMatchObject({ connectionType: 'direct', proxyUrl: null, hasProxyAuthToken: false });
    const counted = proxy.counts.connects + proxy.counts.forwarded + proxy.counts.refused;
    expect((await app.request('POST', `/api/mcp/servers/${bad.body.serverId}/connect`, { token: t.key })).body).toMatchObject({ success: true });
    expect(proxy.counts.connects + proxy.counts.forwarded + proxy.counts.refused).toBe(counted);
  });

  it('splits args like a shell, lists by project, disconnects, updates and deletes', async () => {
    const stdio = await startEverything('stdio');
    const created = await post({ projectId, name: 'stdio-args', transportType: 'stdio', command: 'node', args: `"${stdio.args![0]}" 'stdio'`, env: { TOKEN: 'env-secret' } });
    expect(created.status).toBe(201);
    const id = created.body.serverId;
    const got = await app.request('GET', `/api/mcp-servers/${id}`, { token: t.key });
    expect(got.body.args).toEqual([stdio.args![0], 'stdio']);
    expect((await app.request('POST', `/api/mcp/servers/${id}/connect`, { token: t.key })).body).toMatchObject({ success: true, status: 'connected' });

    const listed = await app.request('GET', `/api/mcp/servers?projectId=${projectId}`, { token: t.key });
    expect(listed.body.success).toBe(true);
    expect(listed.body.servers.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['stdio-args', 'via-proxy']));
    expect(listed.text).not.toContain('env-secret');

    const off = await app.request('POST', `/api/mcp/servers/${id}/disconnect`, { token: t.key });
    expect(off.body).toMatchObject({ success: true, status: 'disconnected' });
    expect((await app.request('GET', `/api/mcp/servers/${id}`, { token: t.key })).body.server.status).toBe('disconnected');

    const shell = await post({ projectId, name: 'pipe', transportType: 'stdio', command: 'node', args: 'a | rm -rf /' });
    expect(shell.status).toBe(400);
    expect(shell.body).toMatchObject({ success: false, message: expect.stringContaining('args') });

    const renamed = await app.request('PUT', `/api/mcp/servers/${id}`, { token: t.key, body: { name: 'stdio-renamed', description: 'x' } });
    expect(renamed.body).toMatchObject({ success: true, server: { name: 'stdio-renamed', description: 'x' } });
    expect((await app.request('DELETE', `/api/mcp/servers/${id}`, { token: t.key })).body).toMatchObject({ success: true });
    expect((await app.request('GET', `/api/mcp/servers/${id}`, { token: t.key })).status).toBe(404);
  });

  it('refuses bad bodies in its own error shape', async () => {
    const res = await post({ projectId, name: 'x', transportType: 'carrier-pigeon' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, errors: [{ field: 'transportType' }] });
    // connectionType proxy (through Patchbay's gateway) needs no proxyUrl: test/compat/seed-examples.e2e-spec.ts
  });

  it('hides another tenant\'s project and servers on every route', async () => {
    const mine = (await post({ projectId, name: 'tenant-private', transportType: 'http', url: peer.url })).body.serverId;
    expect((await post({ projectId, name: 'intruder', transportType: 'http', url: peer.url }, other.key)).status).toBe(404);
    expect((await app.request('GET', `/api/mcp/servers?projectId=${projectId}`, { token: other.key })).status).toBe(404);
    const routes: Array<[string, string, unknown?]> = [
      ['GET', ''], ['PATCH', '', { name: 'stolen' }], ['PUT', '', { name: 'stolen' }], ['DELETE', ''], ['POST', '/connect'], ['POST', '/disconnect'],
      ['GET', '/tools'], ['GET', '/resources'], ['GET', '/resources/read?uri=demo%3A%2F%2Fx'], ['GET', '/prompts'], ['POST', '/prompts/simple-prompt/get', {}],
    ];
    for (const [method, suffix, body] of routes) {
      const res = await app.request(method, `/api/mcp/servers/${mine}${suffix}`, { token: other.key, body });
      expect([method, suffix, res.status]).toEqual([method, suffix, 404]);
      expect(res.body.success).toBe(false);
    }
    expect((await app.request('GET', '/api/mcp/servers', { token: other.key })).body.servers).toEqual([]);
  });
});
