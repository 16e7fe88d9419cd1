import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError, ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startEverything, startHttpPeer } from '../peers/index.js';
import { createKey, createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ExecutionRecorder } from '../../src/tools/execution-recorder.service.js';
import { GATEWAY_ENV, gatewayClient, registerServer, until } from './helpers.js';

const text = (r: unknown) => ((r as CallToolResult).content[0] as { text: string }).text;

describe('gateway: a project or workspace as one MCP server', () => {
  let app: TestApp;
  let a: { workspaceId: string; key: string };
  let projectId: string;
  let everythingId: string;
  let peerId: string;
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    app = await startTestApp({ env: GATEWAY_ENV });
    a = await createTenant(app);
    projectId = (await createProject(app, a.workspaceId)).id;
    const everything = await startEverything('stdio');
    const peer = await startHttpPeer();
    const other = await startHttpPeer();
    closers.push(() => peer.close(), () => other.close());
    everythingId = await registerServer(app, a, { name: 'everything', command: everything.command, args: everything.args, projectId });
    peerId = await registerServer(app, a, { name: 'peer', url: peer.url, projectId });
    await registerServer(app, a, { name: 'outside', url: other.url });
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await app?.stop();
  });

  const connect = async (scopeId: string, key = a.key) => {
    const c = await gatewayClient(app, scopeId, key);
    closers.push(() => c.client.close());
    return c.client;
  };

  it('lists the enabled tools of every server of the project, over stdio and HTTP, and calls them', async () => {
    const client = await connect(projectId);
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['everything__echo', 'everything__get-sum', 'peer__echo', 'peer__slow']));
    expect(names.some((n) => n.startsWith('outside__'))).toBe(false);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(tools.find((t) => t.name === 'everything__echo')?.inputSchema).toMatchObject({ properties: { message: expect.any(Object) } });

    expect(text(await client.callTool({ name: 'everything__echo', arguments: { message: 'via stdio' } }))).toContain('via stdio');
    expect(text(await client.callTool({ name: 'peer__echo', arguments: { message: 'via http' } }))).toBe('Echo: via http');

    await app.app.get(ExecutionRecorder).flush();
    const execs = await app.request('GET', `/api/executions?workspaceId=${a.workspaceId}`, { token: a.key });
    const mine = execs.body.data.filter((e: { surface: string }) => e.surface === 'aggregate');
    expect(mine.map((e: { toolName: string }) => e.toolName)).toEqual(expect.arrayContaining(['echo']));
    expect(mine.map((e: { serverId: string }) => e.serverId)).toEqual(expect.arrayContaining([everythingId, peerId]));
  });

  it('answers a plain tools/call (its fast path) exactly as the SDK transport answers it in a batch', async () => {
    const headers = { authorization: `Bearer ${a.key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };
    const post = async (body: unknown) => {
      const res = await fetch(`${app.url}/mcp/${projectId}`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      return res.json() as Promise<unknown>;
    };
    const calls = [
      { name: 'everything__echo', arguments: { message: 'same' } },
      { name: 'everything__nope', arguments: {} },
      { name: 'everything__echo', arguments: { message: 7 } },
    ];
    for (const [i, params] of calls.entries()) {
      const message = { jsonrpc: '2.0', id: `r${i}`, method: 'tools/call', params };
      const [plain, batched] = [await post(message), await post([message])];
      // a batch always takes the SDK's transport (which answers a batch of one with the bare response)
      expect(plain).toEqual(Array.isArray(batched) ? batched[0] : batched);
    }
  });

  it('validates arguments (InvalidParams naming the field), refuses unknown tools, relays progress', async () => {
    const client = await connect(projectId);
    const bad = await client.callTool({ name: 'everything__echo', arguments: { message: 42 } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(McpError);
    expect((bad as McpError).code).toBe(ErrorCode.InvalidParams);
    expect((bad as McpError).message).toContain('args.message');
    const unknown = await client.callTool({ name: 'nope__nope', arguments: {} }).catch((e: unknown) => e);
    expect((unknown as McpError).code).toBe(ErrorCode.InvalidParams);
    const progress: number[] = [];
    const res = await client.callTool({ name: 'peer__slow', arguments: { ms: 300, steps: 3 } }, undefined, { onprogress: (p) => progress.push(p.progress) });
    expect(text(res)).toBe('done');
    expect(progress).toEqual([1, 2, 3]);
  });

  it('serves the workspace scope, with names that stay collision-free and deterministic', async () => {
    const p1 = await startHttpPeer();
    const p2 = await startHttpPeer();
    closers.push(() => p1.close(), () => p2.close());
    const ws = await createTenant(app);
    await registerServer(app, ws, { name: 'my.db', url: p1.url });
    await registerServer(app, ws, { name: 'my db', url: p2.url });
    await registerServer(app, ws, { name: 'x'.repeat(80), url: p1.url });
    const first = (await (await connect(ws.workspaceId, ws.key)).listTools()).tools.map((t) => t.name);
    const again = (await (await connect(ws.workspaceId, ws.key)).listTools()).tools.map((t) => t.name);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first).toContain('my_db__echo');
    expect(first.filter((n) => /^my_db__echo_[0-9a-f]{8}$/.test(n))).toHaveLength(1);
    for (const n of first) expect(n).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(first.filter((n) => n.startsWith('xxxx'))).toHaveLength(5);

    const wsClient = await connect(a.workspaceId);
    const all = (await wsClient.listTools()).tools.map((t) => t.name);
    expect(all).toEqual(expect.arrayContaining(['everything__echo', 'peer__echo', 'outside__echo']));
  });

  it('sends notifications/tools/list_changed when the catalogue changes', async () => {
    let changed = 0;
    const { client } = await gatewayClient(app, projectId, a.key, {}, (c: Client) =>
      c.setNotificationHandler(ToolListChangedNotificationSchema, () => void changed++),
    );
    closers.push(() => client.close());
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('peer__marker');
    await new Promise((r) => setTimeout(r, 300)); // the client opens its GET stream after initialize
    const off = await app.request('PATCH', `/api/mcp-servers/${peerId}/tools/marker`, { token: a.key, body: { enabled: false } });
    expect(off.status).toBe(200);
    await until(() => changed > 0);
    expect((await client.listTools()).tools.map((t) => t.name)).not.toContain('peer__marker');
    // An upstream announcing a new tool: refreshed, then announced downstream.
    const before = changed;
    await client.callTool({ name: 'peer__add_tool', arguments: { name: 'fresh_tool' } });
    await until(() => changed > before);
    await until(async () => (await client.listTools()).tools.some((t) => t.name === 'peer__fresh_tool'));
  });

  it('answers 401 with resource metadata, 404 to another workspace, 403 to a foreign Origin', async () => {
    const none = await app.request('POST', `/mcp/${projectId}`, { token: null, body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
    expect(none.status).toBe(401);
    const challenge = none.headers['www-authenticate'];
    expect(challenge).toContain(`resource_metadata="http://localhost:8080/.well-known/oauth-protected-resource/mcp/${projectId}"`);
    const bad = await app.request('POST', `/mcp/${projectId}`, { token: 'pbk_nope', body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toContain('invalid_token');
    const meta = await app.request('GET', `/.well-known/oauth-protected-resource/mcp/${projectId}`, { token: null });
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ resource: `http://localhost:8080/mcp/${projectId}`, scopes_supported: ['execute'] });

    const b = await createTenant(app);
    for (const scope of [projectId, a.workspaceId, everythingId]) {
      const res = await app.request('POST', `/mcp/${scope}`, { token: b.key, body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
      expect(res.status).toBe(404);
    }
    await expect(gatewayClient(app, projectId, b.key)).rejects.toThrow(/404/);
    const readOnly = await createKey(app, a.workspaceId, ['read']);
    const ro = await app.request('POST', `/mcp/${projectId}`, { token: readOnly.key, body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
    expect(ro.status).toBe(403);
    expect(ro.headers['www-authenticate']).toContain('insufficient_scope');
    const evil = await app.request('POST', `/mcp/${projectId}`, { token: a.key, headers: { origin: 'http://evil.example' }, body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
    expect(evil.status).toBe(403);
    expect((await app.request('POST', '/mcp/proj_nope', { token: a.key, body: {} })).status).toBe(400);
  });

  it('is answered by a second Patchbay on the same database, with no shared memory', async () => {
    const second = await startTestApp({ env: GATEWAY_ENV, databaseUrl: app.databaseUrl });
    closers.push(() => second.stop());
    const { client } = await gatewayClient(second, projectId, a.key);
    closers.push(() => client.close());
    expect(text(await client.callTool({ name: 'peer__echo', arguments: { message: 'replica' } }))).toBe('Echo: replica');
    expect(text(await client.callTool({ name: 'everything__echo', arguments: { message: 'replica 2' } }))).toContain('replica 2');
  });
});
