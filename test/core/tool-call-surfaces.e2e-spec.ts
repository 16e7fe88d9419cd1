import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { gatewayClient, GATEWAY_ENV, registerServer } from '../gateway/helpers.js';
import { startEverything } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * One tool call under every surface: the same refusals (disabled tool, arguments that break the tool's schema) and
 * the same execution record, whether the call came through REST, Letta, the project-style API, the gateway's
 * aggregate endpoint or the pass-through.
 */
describe('one tool call under every surface', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let projectId: string;
  let serverId: string;
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    app = await startTestApp({ env: GATEWAY_ENV });
    t = await createTenant(app);
    projectId = (await createProject(app, t.workspaceId, t.key)).id;
    const everything = await startEverything('stdio');
    serverId = await registerServer(app, t, { projectId, name: 'everything', command: everything.command, args: everything.args });
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await app?.stop();
  });

  const call = (method: string, path: string, body?: unknown) => app.request(method, path, { token: t.key, body });

  it('reads connected after create + refresh, without waiting for the monitor', async () => {
    expect((await call('GET', `/api/mcp-servers/${serverId}`)).body.connectorStatus).toBe('');
    expect((await call('POST', `/api/mcp-servers/${serverId}/refresh`)).status).toBe(200);
    const after = await call('GET', `/api/mcp-servers/${serverId}`);
    expect(after.body).toMatchObject({ connectorStatus: 'connected', lastError: null });
    expect((await call('GET', `/api/mcp-servers/${serverId}/status-events`)).body.data.map((e: { to: string }) => e.to)).toContain('connected');
  });

  it('refuses a disabled tool and schema-breaking arguments the same way on every surface, and records each accepted call', async () => {
    expect((await call('PATCH', `/api/mcp-servers/${serverId}/tools/get-tiny-image`, { enabled: false })).status).toBe(200);
    const disabled = 'get-tiny-image';
    const bad = { a: 'not a number', b: 2 };
    const good = (via: string) => ({ message: `hello via ${via}` });

    // REST
    expect((await call('POST', `/api/mcp-servers/${serverId}/tools/${disabled}/run`, { args: {} })).status).toBe(409);
    const restBad = await call('POST', `/api/mcp-servers/${serverId}/tools/get-sum/run`, { args: bad });
    expect(restBad.status).toBe(400);
    expect(restBad.body.errors.map((e: { field: string }) => e.field)).toContain('args.a');
    expect((await call('POST', `/api/mcp-servers/${serverId}/tools/echo/run`, { args: good('rest') })).status).toBe(200);

    // Letta
    expect((await call('POST', `/v1/mcp-servers/${serverId}/tools/${disabled}/run`, { args: {} })).status).toBe(409);
    const lettaBad = await call('POST', `/v1/mcp-servers/${serverId}/tools/get-sum/run`, { args: bad });
    expect(lettaBad.status).toBeGreaterThanOrEqual(400);
    expect(lettaBad.status).toBeLessThan(500);
    expect(lettaBad.text).toContain('a');
    expect((await call('POST', `/v1/mcp-servers/${serverId}/tools/echo/run`, { args: good('letta') })).body.status).toBe('success');

    // project-style
    const projDisabled = await call('POST', `/api/mcp/servers/${serverId}/tools/${disabled}/run`, { args: {} });
    expect(projDisabled.status).toBe(409);
    expect(projDisabled.body.success).toBe(false);
    const projBad = await call('POST', `/api/mcp/servers/${serverId}/tools/get-sum/run`, { args: bad });
    expect(projBad.status).toBe(400);
    expect(projBad.text).toContain('args.a');
    const projOk = await call('POST', `/api/mcp/servers/${serverId}/tools/echo/run`, { args: good('project') });
    expect(projOk.body).toMatchObject({ success: true, executionId: expect.stringMatching(/^exec_/) });

    // gateway: the aggregate of the project, then the server passed through
    const agg = (await gatewayClient(app, projectId, t.key)).client;
    closers.push(() => agg.close());
    expect((await agg.listTools()).tools.map((x) => x.name)).not.toContain(`everything__${disabled}`);
    await expect(agg.callTool({ name: `everything__${disabled}`, arguments: {} })).rejects.toBeInstanceOf(McpError);
    const aggBad = await agg.callTool({ name: 'everything__get-sum', arguments: bad }).catch((e: unknown) => e);
    expect(aggBad).toBeInstanceOf(McpError);
    expect(JSON.stringify((aggBad as McpError).data)).toContain('args.a');
    expect(((await agg.callTool({ name: 'everything__echo', arguments: good('aggregate') })) as CallToolResult).isError).toBeFalsy();

    const pass = (await gatewayClient(app, serverId, t.key)).client;
    closers.push(() => pass.close());
    const passDisabled = await pass.callTool({ name: disabled, arguments: {} }).catch((e: unknown) => e);
    expect(passDisabled).toBeInstanceOf(McpError);
    expect((passDisabled as McpError).message).toContain('disabled');
    const passBad = await pass.callTool({ name: 'get-sum', arguments: bad }).catch((e: unknown) => e);
    expect(passBad).toBeInstanceOf(McpError);
    expect(JSON.stringify((passBad as McpError).data)).toContain('args.a');
    const passOk = (await pass.callTool({ name: 'echo', arguments: good('passthrough') })) as CallToolResult;
    expect(passOk.content).toEqual([{ type: 'text', text: 'Echo: hello via passthrough' }]);

    // one record per accepted call, each naming its surface; none for a refused call
    const execs = (await call('GET', `/api/executions?workspaceId=${t.workspaceId}&limit=100`)).body.data as Array<{
      surface: string; toolName: string; status: string; args: { message?: string };
    }>;
    expect(execs.filter((e) => e.toolName !== 'echo')).toEqual([]);
    expect(execs.map((e) => [e.surface, e.args.message]).sort()).toEqual(
      ['aggregate', 'letta', 'passthrough', 'project', 'rest'].map((s) => [s, `hello via ${s}`]),
    );
    expect(execs.every((e) => e.status === 'success')).toBe(true);
  });
});
