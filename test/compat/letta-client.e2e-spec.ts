import Letta from '@letta-ai/letta-client';
import { startEverything, type EverythingPeer } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The official Letta client, unchanged, against a running Patchbay with server-everything. */
describe('Letta surface: @letta-ai/letta-client end to end', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let other: { workspaceId: string; key: string };
  let http: EverythingPeer;
  let stdio: EverythingPeer;
  let letta: Letta;

  beforeAll(async () => {
    [app, http, stdio] = await Promise.all([
      startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' } }),
      startEverything('streamable_http'),
      startEverything('stdio'),
    ]);
    t = await createTenant(app);
    other = await createTenant(app);
    letta = new Letta({ baseURL: app.url, apiKey: t.key, maxRetries: 0 });
  });
  afterAll(async () => {
    await app?.stop();
    await http?.close();
  });

  it('creates (nested config), lists, retrieves, updates, refreshes and deletes a streamable-HTTP server', async () => {
    const created = await letta.mcpServers.create({
      server_name: 'everything-http',
      config: { mcp_server_type: 'streamable_http', server_url: http.url!, auth_header: 'Authorization', auth_token: 'Bearer sk-letta-secret', custom_headers: { 'X-Trace': 'trace-secret' } },
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^mcp_/),
      server_name: 'everything-http',
      mcp_server_type: 'streamable_http',
      server_url: http.url,
      auth_header: 'Authorization',
      custom_headers: { 'X-Trace': '********' },
    });
    expect(JSON.stringify(created)).not.toContain('sk-letta-secret');
    const id = created.id!;

    const listed = await letta.mcpServers.list();
    expect(Array.isArray(listed)).toBe(true);
    expect(listed.map((s) => s.id)).toContain(id);
    expect(await letta.mcpServers.retrieve(id)).toMatchObject({ id, server_name: 'everything-http' });

    // Sent back as retrieved (masked values): secrets kept, the name changed.
    const updated = await letta.mcpServers.update(id, {
      server_name: 'everything-renamed',
      config: { mcp_server_type: 'streamable_http', server_url: http.url!, custom_headers: { 'X-Trace': '********' } },
    });
    expect(updated).toMatchObject({ server_name: 'everything-renamed', custom_headers: { 'X-Trace': '********' }, auth_header: 'Authorization' });

    const tools = await letta.mcpServers.tools.list(id);
    const echo = tools.find((x) => x.name === 'echo')!;
    expect(echo).toMatchObject({
      id: expect.stringMatching(/^tool_/),
      tool_type: 'external_mcp',
      tags: ['mcp:everything-renamed'],
      return_char_limit: expect.any(Number),
      args_json_schema: expect.objectContaining({ type: 'object' }),
      json_schema: expect.objectContaining({ name: 'echo', parameters: expect.objectContaining({ type: 'object' }) }),
      metadata_: { mcp: { server_name: 'everything-renamed', server_id: id } },
    });
    expect(await letta.mcpServers.tools.retrieve(echo.id, { mcp_server_id: id })).toMatchObject({ id: echo.id, name: 'echo' });
    expect(await letta.mcpServers.tools.retrieve('echo', { mcp_server_id: id })).toMatchObject({ id: echo.id });

    const run = await letta.mcpServers.tools.run(echo.id, { mcp_server_id: id, args: { message: 'hi letta' } });
    expect(run).toEqual({ status: 'success', func_return: 'Echo: hi letta', stdout: [], stderr: [], agent_state: null, sandbox_config_fingerprint: null });

    expect(await letta.mcpServers.refresh(id)).toEqual({ added: [], updated: [], deleted: [] });
    await letta.mcpServers.delete(id);
    await expect(letta.mcpServers.retrieve(id)).rejects.toMatchObject({ status: 404 });
    expect(app.logs.join('\n')).not.toContain('sk-letta-secret');
  });

  it('accepts the older flat form with `type`, and runs a stdio server', async () => {
    const res = await app.request('POST', '/v1/mcp-servers/', {
      token: t.key,
      body: { server_name: 'everything-stdio', type: 'stdio', command: stdio.command, args: stdio.args, env: { SECRET_ENV: 'env-secret' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mcp_server_type: 'stdio', command: 'node', args: stdio.args, env: { SECRET_ENV: '********' } });
    expect(res.text).not.toContain('env-secret');
    const id = res.body.id;
    const run = await letta.mcpServers.tools.run('echo', { mcp_server_id: id, args: { message: 'over stdio' } });
    expect(run).toMatchObject({ status: 'success', func_return: 'Echo: over stdio' });
    await letta.mcpServers.delete(id);
  });

  it('answers validation errors as Letta does: 422 with detail[].loc', async () => {
    const missing = await app.request('POST', '/v1/mcp-servers/', { token: t.key, body: { config: { mcp_server_type: 'sse' } } });
    expect(missing.status).toBe(422);
    const locs = missing.body.detail.map((d: { loc: string[] }) => d.loc.join('.'));
    expect(locs).toEqual(expect.arrayContaining(['body.server_name']));
    const badHeader = await app.request('POST', '/v1/mcp-servers/', {
      token: t.key, body: { server_name: 'x', config: { mcp_server_type: 'sse', server_url: 'https://a.example.com/sse', custom_headers: { Host: 'evil' } } },
    });
    expect(badHeader.status).toBe(422);
    expect(badHeader.body.detail[0].loc).toEqual(['body', 'config', 'custom_headers', 'Host']);
    await expect(letta.mcpServers.create({ server_name: 'y', config: { mcp_server_type: 'stdio', command: '', args: [] } })).rejects.toMatchObject({ status: 422 });
    const badArgs = await app.request('POST', `/v1/mcp-servers/${(await letta.mcpServers.create({ server_name: 'z', config: { mcp_server_type: 'streamable_http', server_url: http.url! } })).id}/tools/echo/run`, {
      token: t.key, body: { args: { message: 42 } },
    });
    expect(badArgs.status).toBe(422);
  });

  it('scopes to a project with X-Project-Id', async () => {
    const project = await createProject(app, t.workspaceId);
    const scoped = new Letta({ baseURL: app.url, apiKey: t.key, projectID: project.id, maxRetries: 0 });
    const inProject = await scoped.mcpServers.create({ server_name: 'in-project', config: { mcp_server_type: 'streamable_http', server_url: http.url! } });
    const got = await app.request('GET', `/api/mcp-servers/${inProject.id}`, { token: t.key });
    expect(got.body.projectId).toBe(project.id);
    expect((await scoped.mcpServers.list()).map((s) => s.server_name)).toEqual(['in-project']);
    expect((await letta.mcpServers.list()).map((s) => s.server_name)).toContain('in-project');
    const foreignProject = await createProject(app, other.workspaceId);
    const foreign = new Letta({ baseURL: app.url, apiKey: t.key, projectID: foreignProject.id, maxRetries: 0 });
    await expect(foreign.mcpServers.list()).rejects.toMatchObject({ status: 404 });
  });

  it('streams the connection attempt on GET /v1/mcp-servers/connect/{id}', async () => {
    const s = await letta.mcpServers.create({ server_name: 'connect-me', config: { mcp_server_type: 'streamable_http', server_url: http.url! } });
    const res = await fetch(`${app.url}/v1/mcp-servers/connect/${s.id}`, { headers: { authorization: `Bearer ${t.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await res.text()).split('\n\n').filter(Boolean).map((e) => JSON.parse(e.replace(/^data: /, '')));
    expect(events.map((e) => e.event)).toEqual(['connection_attempt', 'success']);
    expect(events[1].tools.map((x: { name: string }) => x.name)).toContain('echo');

    const down = await letta.mcpServers.create({ server_name: 'down', config: { mcp_server_type: 'streamable_http', server_url: 'http://127.0.0.1:1/mcp' } });
    const failed = await (await fetch(`${app.url}/v1/mcp-servers/connect/${down.id}`, { headers: { authorization: `Bearer ${t.key}` } })).text();
    expect(failed).toContain('"event":"error"');
  });

  it('hides another tenant\'s servers on every route (404)', async () => {
    const mine = await letta.mcpServers.create({ server_name: 'private', config: { mcp_server_type: 'streamable_http', server_url: http.url! } });
    const intruder = new Letta({ baseURL: app.url, apiKey: other.key, maxRetries: 0 });
    const id = mine.id!;
    for (const call of [
      () => intruder.mcpServers.retrieve(id),
      () => intruder.mcpServers.update(id, { server_name: 'stolen', config: { mcp_server_type: 'streamable_http', server_url: http.url! } }),
      () => intruder.mcpServers.delete(id),
      () => intruder.mcpServers.refresh(id),
      () => intruder.mcpServers.tools.list(id),
      () => intruder.mcpServers.tools.retrieve('echo', { mcp_server_id: id }),
      () => intruder.mcpServers.tools.run('echo', { mcp_server_id: id, args: { message: 'x' } }),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 404 });
    }
    expect((await intruder.mcpServers.list()).map((s) => s.id)).not.toContain(id);
    const stream = await fetch(`${app.url}/v1/mcp-servers/connect/${id}`, { headers: { authorization: `Bearer ${other.key}` } });
    expect(stream.status).toBe(404);
    expect(await letta.mcpServers.retrieve(id)).toMatchObject({ server_name: 'private' });
  });
});
