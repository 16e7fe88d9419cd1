import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ExecutionRecorder } from '../../src/tools/execution-recorder.service.js';
import { startHttpPeer } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { GatewayNotifier } from '../../src/gateway/gateway-notifier.service.js';
import { GATEWAY_ENV, gatewayClient, registerServer, until } from './helpers.js';

const text = (r: unknown) => ((r as CallToolResult).content[0] as { text: string }).text;
const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
};

/**
 * One gateway URL, both protocol generations, negotiated per request: the v1 SDK client (2025-11-25, initialize
 * and a session) and the v2 SDK client (2026-07-28: server/discover, the `_meta` envelope on every request, no
 * session), on the same aggregate and pass-through URLs, and every tool call recorded by the one tool-call path.
 */
describe('gateway: 2025 and 2026-07-28 clients on the same URL', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let projectId: string;
  let peerId: string;
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    app = await startTestApp({ env: GATEWAY_ENV });
    t = await createTenant(app);
    projectId = (await createProject(app, t.workspaceId)).id;
    const peer = await startHttpPeer();
    closers.push(() => peer.close());
    peerId = await registerServer(app, t, { name: 'peer', url: peer.url, projectId });
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await app?.stop();
  });

  const modern = async (scopeId: string) => {
    const client = new ModernClient({ name: 'v2-client', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new ModernTransport(new URL(`${app.url}/mcp/${scopeId}`), { requestInit: { headers: { authorization: `Bearer ${t.key}` } } }));
    closers.push(() => client.close());
    return client;
  };
  const legacy = async (scopeId: string) => {
    const c = await gatewayClient(app, scopeId, t.key);
    closers.push(() => c.client.close());
    return c;
  };

  it.each([
    ['aggregate (project)', () => projectId, 'peer__echo'],
    ['pass-through (server)', () => peerId, 'echo'],
  ])('%s: the v1 client negotiates 2025-11-25, the v2 client 2026-07-28, both call the same tool', async (_label, scope, tool) => {
    const old = await legacy(scope());
    const now = await modern(scope());
    expect(old.transport.protocolVersion).toBe('2025-11-25');
    expect(old.transport.sessionId === undefined).toBe(scope() === projectId); // sessions only where a pass-through needs one
    expect(now.getProtocolEra()).toBe('modern');
    expect(now.getNegotiatedProtocolVersion()).toBe('2026-07-28');

    const [a, b] = await Promise.all([old.client.listTools(), now.listTools()]);
    expect(b.tools.map((x) => x.name)).toEqual(a.tools.map((x) => x.name));
    expect(a.tools.map((x) => x.name)).toContain(tool);

    expect(text(await old.client.callTool({ name: tool, arguments: { message: 'from 2025' } }))).toBe('Echo: from 2025');
    expect(text(await now.callTool({ name: tool, arguments: { message: 'from 2026' } }))).toBe('Echo: from 2026');

    await app.app.get(ExecutionRecorder).flush();
    const execs = await app.request('GET', `/api/executions?workspaceId=${t.workspaceId}`, { token: t.key });
    const surface = scope() === projectId ? 'aggregate' : 'passthrough';
    const mine = execs.body.data.filter((e: { surface: string; serverId: string }) => e.surface === surface && e.serverId === peerId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
  });

  it('the aggregate tools/list answers a 2026-07-28 request with caching hints from the catalogue, in name order', async () => {
    const post = (id: number) =>
      fetch(`${app.url}/mcp/${projectId}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t.key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list', params: { _meta: ENVELOPE } }),
      });
    const res = await post(1);
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    const { result } = (await res.json()) as { result: { tools: Array<{ name: string }>; ttlMs: number; cacheScope: string; resultType: string } };
    expect(result.resultType).toBe('complete');
    expect(result.cacheScope).toBe('private');
    expect(result.ttlMs).toBeGreaterThan(0);
    expect(result.ttlMs).toBeLessThanOrEqual(60_000);
    const names = result.tools.map((x) => x.name);
    expect(names).toEqual([...names].sort());

    // server/discover, and the removed initialize answered the 2026 way (HTTP 404, -32601), not with a session.
    const discover = await fetch(`${app.url}/mcp/${projectId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'server/discover', params: { _meta: ENVELOPE } }),
    });
    const d = (await discover.json()) as { result: { supportedVersions: string[]; capabilities: Record<string, unknown> } };
    expect(d.result.supportedVersions).toContain('2026-07-28');
    expect(d.result.capabilities).toHaveProperty('tools');
  });

  it('a 2026-07-28 subscriptions/listen stream on the project gets tools/list_changed when its catalogue changes', async () => {
    const notifier = app.app.get(GatewayNotifier);
    const listening = notifier.size;
    const aborted = new AbortController();
    closers.push(async () => aborted.abort());
    const res = await fetch(`${app.url}/mcp/${projectId}`, {
      method: 'POST',
      signal: aborted.signal,
      headers: {
        authorization: `Bearer ${t.key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28', 'mcp-method': 'subscriptions/listen',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'subscriptions/listen', params: { _meta: ENVELOPE, notifications: { toolsListChanged: true } } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const frames = sseFrames(res.body!);
    const ack = await frames.next();
    expect(ack.value).toMatchObject({ method: 'notifications/subscriptions/acknowledged' });
    expect(notifier.size).toBe(listening + 1);

    const off = await app.request('PATCH', `/api/mcp-servers/${peerId}/tools/marker`, { token: t.key, body: { enabled: false } });
    expect(off.status).toBe(200);
    const changed = await frames.next();
    expect(changed.value).toMatchObject({ method: 'notifications/tools/list_changed' });
    expect((changed.value as { params: { _meta: Record<string, unknown> } }).params._meta['io.modelcontextprotocol/subscriptionId']).toBeDefined();
    // The client goes away: its stream stops listening (no listener left behind per closed stream).
    aborted.abort();
    await until(() => notifier.size === listening);
  });
});

/** The JSON-RPC messages of an SSE body, one `data:` event at a time. */
async function* sseFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      if (data) yield JSON.parse(data);
    }
  }
}
