import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CreateMessageRequestSchema, LoggingMessageNotificationSchema, type CallToolResult, type LoggingMessageNotification,
} from '@modelcontextprotocol/sdk/types.js';
import { EVERYTHING_BIN, startEverything } from '../peers/index.js';
import { createKey, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { GATEWAY_ENV, gatewayClient, registerServer, until } from './helpers.js';

const stable = (content: unknown) =>
  JSON.stringify(content, (k, v) =>
    k === 'text' && typeof v === 'string' ? v.replace(/created at .*$/, 'created at T')
      : k === 'blob' ? Buffer.from(Buffer.from(v, 'base64').toString('utf8').replace(/created at .*$/, 'created at T')).toString('base64') : v);

describe('gateway: one server passed through', () => {
  let app: TestApp;
  let a: { workspaceId: string; key: string };
  let serverId: string;
  let direct: Client;
  let client: Client;
  let sessionId: string | undefined;
  const logs: LoggingMessageNotification['params'][] = [];
  const sampled: unknown[] = [];
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    app = await startTestApp({ env: GATEWAY_ENV });
    a = await createTenant(app);
    const everything = await startEverything('stdio');
    serverId = await registerServer(app, a, { name: 'everything', command: everything.command, args: everything.args });
    direct = new Client({ name: 'direct', version: '1' });
    await direct.connect(new StdioClientTransport({ command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], stderr: 'ignore' }));
    closers.push(() => direct.close());
    const c = await gatewayClient(app, serverId, a.key, { sampling: {} }, (cl) => {
      cl.setRequestHandler(CreateMessageRequestSchema, async (req) => {
        sampled.push(req.params);
        return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'sampled by the test client' } };
      });
      cl.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
    });
    client = c.client;
    sessionId = c.transport.sessionId;
    closers.push(() => client.close());
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await app?.stop();
  });

  it('mirrors the upstream: its info, tools (sampling ones included for a sampling client), resources and prompts', async () => {
    expect(sessionId).toEqual(expect.any(String));
    expect(client.getServerVersion()?.name).toBe(direct.getServerVersion()?.name);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['echo', 'get-tiny-image', 'trigger-sampling-request']));
    expect(await client.listResources()).toEqual(await direct.listResources());
    expect(await client.listResourceTemplates()).toEqual(await direct.listResourceTemplates());
    const uri = (await direct.listResources()).resources[0].uri;
    expect(JSON.stringify(await client.readResource({ uri }))).toBe(JSON.stringify(await direct.readResource({ uri })));
    expect(await client.listPrompts()).toEqual(await direct.listPrompts());
    const prompt = (await direct.listPrompts()).prompts.find((p) => !p.arguments?.some((x) => x.required));
    if (prompt) expect(await client.getPrompt({ name: prompt.name })).toEqual(await direct.getPrompt({ name: prompt.name }));
  });

  it('passes image and embedded-resource content through byte for byte', async () => {
    const image = (await client.callTool({ name: 'get-tiny-image', arguments: {} })) as CallToolResult;
    expect(JSON.stringify(image.content)).toBe(JSON.stringify(((await direct.callTool({ name: 'get-tiny-image', arguments: {} })) as CallToolResult).content));
    expect(image.content.some((c) => c.type === 'image' && c.mimeType === 'image/png' && c.data.length > 1000)).toBe(true);
    for (const resourceType of ['Text', 'Blob']) {
      const args = { resourceType, resourceId: 3 };
      const via = (await client.callTool({ name: 'get-resource-reference', arguments: args })) as CallToolResult;
      const ref = (await direct.callTool({ name: 'get-resource-reference', arguments: args })) as CallToolResult;
      expect(via.content.some((c) => c.type === 'resource')).toBe(true);
      // The resource carries its creation time: the same bytes once that is blanked (text, or inside the base64 blob).
      expect(stable(via.content)).toBe(stable(ref.content));
    }
  });

  it('relays progress notifications under the client token', async () => {
    const progress: Array<{ progress: number; total?: number }> = [];
    const res = await client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.6, steps: 3 } }, undefined, {
      onprogress: (p) => progress.push({ progress: p.progress, total: p.total }),
    });
    expect((res.content as Array<{ text: string }>)[0].text).toContain('Steps: 3');
    expect(progress).toEqual([{ progress: 1, total: 3 }, { progress: 2, total: 3 }, { progress: 3, total: 3 }]);
  });

  it('relays logging: setLevel upstream and log notifications back to this session', async () => {
    await client.setLoggingLevel('debug');
    await client.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    await until(() => logs.length > 0, 8000);
    expect(logs[0]).toMatchObject({ level: expect.any(String), data: expect.stringMatching(/message/) });
    await client.callTool({ name: 'toggle-simulated-logging', arguments: {} });
  });

  it("relays the upstream's sampling request to the client and its answer back", async () => {
    const res = (await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hello', maxTokens: 10 } })) as CallToolResult;
    expect(sampled).toHaveLength(1);
    expect(JSON.stringify(sampled[0])).toContain('hello');
    expect((res.content[0] as { text: string }).text).toContain('sampled by the test client');
  });

  it('cancels an upstream call when the client cancels', async () => {
    const ctl = new AbortController();
    const call = client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 5, steps: 5 } }, undefined, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 200);
    await expect(call).rejects.toThrow();
    expect((await client.callTool({ name: 'echo', arguments: { message: 'still fine' } })).content).toEqual([{ type: 'text', text: 'Echo: still fine' }]);
  });

  it('never shares a session between callers; another replica answers it statelessly', async () => {
    const rpc = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { message: 'x' } } });
    const headers = { accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId!, 'mcp-protocol-version': '2025-06-18' };
    const other = await createKey(app, a.workspaceId, ['execute']);
    const stolen = await app.request('POST', `/mcp/${serverId}`, { token: other.key, headers, body: rpc(1) });
    expect(stolen.status).toBe(404);

    const second = await startTestApp({ env: GATEWAY_ENV, databaseUrl: app.databaseUrl });
    closers.push(() => second.stop());
    const res = await second.request('POST', `/mcp/${serverId}`, { token: a.key, headers, body: rpc(7) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: 'Echo: x' }] } });
    const fresh = await gatewayClient(second, serverId, a.key);
    closers.push(() => fresh.client.close());
    expect((await fresh.client.listTools()).tools.map((t) => t.name)).toContain('echo');
  });

  it('refuses another workspace with 404', async () => {
    const b = await createTenant(app);
    await expect(gatewayClient(app, serverId, b.key)).rejects.toThrow(/404/);
  });
});
