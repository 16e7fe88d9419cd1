import { setTimeout as sleep } from 'node:timers/promises';
import { pidAlive, startEverything, startHttpPeer, stdioPeerTarget, waitForPidGone, type EverythingPeer, type HttpPeer } from '../peers/index.js';
import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ExecutionRecorder } from '../../src/tools/execution-recorder.service.js';

describe('registry, tools and runs against real MCP servers', () => {
  let app: TestApp;
  let a: { workspaceId: string; key: string };
  let b: { workspaceId: string; key: string };
  const peers: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' } });
    a = await createTenant(app);
    b = await createTenant(app);
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all(peers.map((p) => p.close()));
  });

  const register = async (t: { workspaceId: string; key: string }, body: Record<string, unknown>) => {
    const res = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, ...body } });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    return res.body.id as string;
  };

  describe.each(['stdio', 'sse', 'streamable_http'] as const)('server-everything over %s', (transport) => {
    let peer: EverythingPeer;
    let id: string;
    beforeAll(async () => {
      peer = await startEverything(transport);
      peers.push(peer);
      id = await register(a, { name: `everything-${transport}`, transport, url: peer.url, command: peer.command, args: peer.args });
    });

    it('connects, refreshes, lists, runs echo and records the run', async () => {
      const connect = await app.request('POST', `/api/mcp-servers/${id}/connect`, { token: a.key });
      expect(connect.status).toBe(200);
      expect(connect.body.connectorStatus).toBe('connected');
      const refresh = await app.request('POST', `/api/mcp-servers/${id}/refresh`, { token: a.key });
      expect(refresh.status).toBe(200);
      expect(refresh.body.data.map((t: { name: string }) => t.name)).toContain('echo');
      expect(refresh.body).toMatchObject({ added: [], updated: [], removed: [] });
      const tools = await app.request('GET', `/api/mcp-servers/${id}/tools`, { token: a.key });
      const echo = tools.body.data.find((t: { name: string }) => t.name === 'echo');
      expect(echo.id).toMatch(/^tool_/);
      const byId = await app.request('GET', `/api/mcp-servers/${id}/tools/${echo.id}`, { token: a.key });
      expect(byId.body.name).toBe('echo');
      const run = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: { message: `hi ${transport}` } } });
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ id: expect.stringMatching(/^exec_/), status: 'success', stdout: [], stderr: [] });
      expect(run.body.funcReturn).toContain(`hi ${transport}`);
      expect(run.body.durationMs).toEqual(expect.any(Number));
      const server = await app.request('GET', `/api/mcp-servers/${id}`, { token: a.key });
      expect(server.body).toMatchObject({ connectorStatus: 'connected', toolCount: refresh.body.data.length });
      const exec = await app.request('GET', `/api/executions/${run.body.id}`, { token: a.key });
      expect(exec.body).toMatchObject({ serverId: id, toolName: 'echo', status: 'success', args: { message: `hi ${transport}` } });
    });

    it('checks arguments against the schema before calling, naming the field', async () => {
      const res = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: { message: 42 } } });
      expectProblem(res, 400, 'args.message');
      const missing = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: {} } });
      expectProblem(missing, 400, 'args.message');
      const extra = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: { message: 'x' }, argz: 1 } });
      expectProblem(extra, 400, 'argz');
      const notObject = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: ['x'] } });
      expectProblem(notObject, 400, 'args');
      expectProblem(await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, raw: '[1]' }), 400, 'body');
    });
  });

  it('answers an unknown tool with 404 and a disabled tool with 409', async () => {
    const peer = await startHttpPeer();
    peers.push(peer);
    const id = await register(a, { name: 'peer-tools', url: peer.url });
    expectProblem(await app.request('POST', `/api/mcp-servers/${id}/tools/nope/run`, { token: a.key, body: { args: {} } }), 404);
    expectProblem(await app.request('GET', `/api/mcp-servers/${id}/tools/tool_01m7z3zfaqe029w47mx23whyc5`, { token: a.key }), 404);
    const off = await app.request('PATCH', `/api/mcp-servers/${id}/tools/echo`, { token: a.key, body: { enabled: false } });
    expect(off.body.enabled).toBe(false);
    expectProblem(await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: { message: 'x' } } }), 409);
  });

  it('serves concurrent first runs on a never-listed server: one listing, no duplicate rows', async () => {
    const peer = await startHttpPeer();
    peers.push(peer);
    const id = await register(a, { name: 'first-runs', url: peer.url });
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: { message: `m${i}` } } }),
      ),
    );
    expect(runs.map((r) => r.status)).toEqual(Array(12).fill(200));
    const tools = await app.request('GET', `/api/mcp-servers/${id}/tools`, { token: a.key });
    const names = tools.body.data.map((t: { name: string }) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('maps a dead upstream to 502 and a slow one to 504 within the deadline, and records both', async () => {
    const peer = await startHttpPeer();
    const id = await register(a, { name: 'dying', url: peer.url, requestTimeout: 300, maxTotalTimeout: 600 });
    await app.request('POST', `/api/mcp-servers/${id}/refresh`, { token: a.key });
    const slow = await app.request('POST', `/api/mcp-servers/${id}/tools/slow/run`, { token: a.key, body: { args: { ms: 5000, steps: 1 } } });
    expectProblem(slow, 504);
    await peer.close();
    const dead = await app.request('POST', `/api/mcp-servers/${id}/tools/echo/run`, { token: a.key, body: { args: { message: 'x' } } });
    expectProblem(dead, 502);
    expect(dead.body.code).toBe('upstream_unreachable');
    const list = await app.request('GET', `/api/executions?serverId=${id}&status=error`, { token: a.key });
    expect(list.body.data.map((e: { errorCode: string }) => e.errorCode)).toEqual(expect.arrayContaining(['upstream_timeout', 'upstream_unreachable']));
  });

  it('keeps two tenants apart on the same upstream, each with its own credential', async () => {
    const peer: HttpPeer = await startHttpPeer();
    peers.push(peer);
    const idA = await register(a, { name: 'shared', url: peer.url, headers: { 'X-Tenant': 'marker-A' } });
    const idB = await register(b, { name: 'shared', url: peer.url, headers: { 'X-Tenant': 'marker-B' } });
    await app.request('POST', `/api/mcp-servers/${idA}/refresh`, { token: a.key });
    await app.request('POST', `/api/mcp-servers/${idB}/refresh`, { token: b.key });
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const [id, t] = i % 2 ? [idB, b] : [idA, a];
        return app.request('POST', `/api/mcp-servers/${id}/tools/marker/run`, { token: t.key, body: { args: {} } }).then((r) => ({ r, t }));
      }),
    );
    for (const { r, t } of runs) {
      expect(r.status).toBe(200);
      expect(r.body.funcReturn).toContain(t === a ? 'marker-A' : 'marker-B');
      expect(r.body.funcReturn).not.toContain(t === a ? 'marker-B' : 'marker-A');
    }
  });

  it("gives tenant B nothing of tenant A's servers", async () => {
    const peer = await startHttpPeer();
    peers.push(peer);
    const id = await register(a, { name: 'private-a', url: peer.url });
    for (const [method, path] of [
      ['GET', `/api/mcp-servers/${id}`], ['PATCH', `/api/mcp-servers/${id}`], ['DELETE', `/api/mcp-servers/${id}`],
      ['POST', `/api/mcp-servers/${id}/refresh`], ['POST', `/api/mcp-servers/${id}/connect`], ['GET', `/api/mcp-servers/${id}/tools`],
      ['GET', `/api/mcp-servers/${id}/tools/echo`], ['POST', `/api/mcp-servers/${id}/tools/echo/run`],
    ] as const) {
      const res = await app.request(method, path, { token: b.key, body: method === 'GET' || method === 'DELETE' ? undefined : method === 'PATCH' ? { name: 'x' } : { args: { message: 'x' } } });
      expectProblem(res, 404);
    }
    const list = await app.request('GET', `/api/mcp-servers?workspaceId=${a.workspaceId}`, { token: b.key });
    expect(list.body.data).toEqual([]);
    const execs = await app.request('GET', `/api/executions?workspaceId=${a.workspaceId}`, { token: b.key });
    expect(execs.body.data).toEqual([]);
    expect(peer.calls.echo ?? 0).toBe(0);
  });

  it('refresh reports added, updated and removed tools, and list_changed refreshes on its own', async () => {
    const peer = await startHttpPeer();
    peers.push(peer);
    const id = await register(a, { name: 'changing', url: peer.url });
    const first = await app.request('POST', `/api/mcp-servers/${id}/refresh`, { token: a.key });
    expect(first.body.added).toContain('echo');
    await peer.addTool({ name: 'late', description: 'added later', run: () => ({ content: [{ type: 'text', text: 'late!' }] }) });
    let names: string[] = [];
    for (let i = 0; i < 50 && !names.includes('late'); i++) {
      await sleep(100);
      names = (await app.request('GET', `/api/mcp-servers/${id}/tools`, { token: a.key })).body.data.map((t: { name: string }) => t.name);
    }
    expect(names).toContain('late');
    const again = await app.request('POST', `/api/mcp-servers/${id}/refresh`, { token: a.key });
    expect(again.body).toMatchObject({ added: [], updated: [], removed: [] });
  });

  it('redacts secret-looking arguments in execution records and keeps secrets out of logs', async () => {
    const peer = await startHttpPeer({ tools: [{ name: 'login', inputSchema: { type: 'object' }, run: () => ({ content: [{ type: 'text', text: 'ok' }] }) }] });
    peers.push(peer);
    const id = await register(a, { name: 'redact', url: peer.url, authType: 'api_key', apiKey: 'upstream-secret-xyz' });
    const run = await app.request('POST', `/api/mcp-servers/${id}/tools/login/run`, { token: a.key, body: { args: { user: 'ann', password: 'hunter2', note: 'Bearer abc.def' } } });
    expect(run.status).toBe(200);
    await app.app.get(ExecutionRecorder).flush();
    const exec = await app.request('GET', `/api/executions/${run.body.id}`, { token: a.key });
    expect(exec.body.args).toEqual({ user: 'ann', password: '[redacted]', note: '[redacted]' });
    const logs = app.logs.join('\n');
    expect(logs).not.toContain('upstream-secret-xyz');
    expect(logs).not.toContain('hunter2');
  });

  it('leaves no stdio child behind after the server is deleted', async () => {
    const id = await register(a, { name: 'stdio-peer', ...stdioPeerTarget() });
    const run = await app.request('POST', `/api/mcp-servers/${id}/tools/pid/run`, { token: a.key, body: { args: {} } });
    expect(run.status).toBe(200);
    const pid = Number(run.body.funcReturn.match(/\d+/)[0]);
    expect(pidAlive(pid)).toBe(true);
    expect((await app.request('DELETE', `/api/mcp-servers/${id}`, { token: a.key })).status).toBe(204);
    await waitForPidGone(pid, 5000);
    expect(pidAlive(pid)).toBe(false);
  });
});
