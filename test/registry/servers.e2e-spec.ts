import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('MCP server registry: CRUD, secrets and save-time safety', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_STDIO_COMMANDS: 'node' } });
    t = await createTenant(app);
  });
  afterAll(async () => app?.stop());

  const create = (body: Record<string, unknown>, token = t.key) =>
    app.request('POST', '/api/mcp-servers', { token, body: { workspaceId: t.workspaceId, ...body } });

  it('creates, reads, updates and deletes a server, never echoing a secret', async () => {
    const res = await create({
      name: 'remote-one',
      url: 'https://mcp.example.com/mcp',
      authType: 'api_key',
      apiKey: 'sk-very-secret-upstream-key',
      headers: { 'X-Tenant': 'secret-header-value' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^mcp_/),
      transport: 'streamable_http',
      authType: 'api_key',
      authHeader: 'Authorization',
      hasApiKey: true,
      headers: { 'X-Tenant': '********' },
      connectorStatus: '',
      toolCount: 0,
      lastCheckedAt: null,
    });
    const id = res.body.id;
    const got = await app.request('GET', `/api/mcp-servers/${id}`, { token: t.key });
    const listed = await app.request('GET', `/api/mcp-servers?workspaceId=${t.workspaceId}`, { token: t.key });
    for (const r of [res, got, listed]) {
      expect(r.text).not.toContain('sk-very-secret-upstream-key');
      expect(r.text).not.toContain('secret-header-value');
    }
    const stored = await app.app.get((await import('typeorm')).DataSource).query('SELECT * FROM mcp_servers WHERE id = $1', [id]);
    expect(JSON.stringify(stored)).not.toContain('sk-very-secret-upstream-key');
    expect(JSON.stringify(stored)).not.toContain('secret-header-value');

    const patched = await app.request('PATCH', `/api/mcp-servers/${id}`, { token: t.key, body: { description: 'd', enabled: false } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: 'd', enabled: false, hasApiKey: true });
    const cleared = await app.request('PATCH', `/api/mcp-servers/${id}`, { token: t.key, body: { authType: 'none' } });
    expect(cleared.body.hasApiKey).toBe(false);
    expect((await app.request('DELETE', `/api/mcp-servers/${id}`, { token: t.key })).status).toBe(204);
    expectProblem(await app.request('GET', `/api/mcp-servers/${id}`, { token: t.key }), 404);
    expect(app.logs.join('\n')).not.toContain('sk-very-secret-upstream-key');
  });

  it('infers the transport and masks env values', async () => {
    const sse = await create({ name: 'sse-one', url: 'https://mcp.example.com/sse' });
    expect(sse.body.transport).toBe('sse');
    const stdio = await create({ name: 'stdio-one', command: 'node', args: ['server.js'], env: { API_TOKEN: 'tok-123' } });
    expect(stdio.status).toBe(201);
    expect(stdio.body).toMatchObject({ transport: 'stdio', env: { API_TOKEN: '********' }, url: null });
    expect(stdio.text).not.toContain('tok-123');
  });

  it('lists a page exactly as each server reads alone (every field, status and timestamps too), by cursor', async () => {
    const own = await createTenant(app);
    const add = (body: Record<string, unknown>) =>
      app.request('POST', '/api/mcp-servers', { token: own.key, body: { workspaceId: own.workspaceId, ...body } });
    const a = await add({ name: 'a', url: 'https://a.example.com/mcp', authType: 'api_key', apiKey: 'k-a', authHeader: 'X-Key', headers: { 'X-B': '1', 'X-A': '2' } });
    const b = await add({ name: 'b', command: 'node', args: ['x.js', '--flag'], env: { ZED: 'z', ALPHA: 'a' }, description: 'two', requestTimeout: 5000 });
    const c = await add({ name: 'c', url: 'https://c.example.com/mcp', authType: 'oauth', oauthClientId: 'cid', oauthClientSecret: 'cs', oauthScopes: 'read write' });
    for (const r of [a, b, c]) expect(r.status).toBe(201);
    // status columns and sub-millisecond timestamps, as the monitor and the OAuth client write them
    await app.app.get((await import('typeorm')).DataSource).query(
      `UPDATE mcp_servers SET connector_status = 'error', last_error = 'boom', consecutive_failures = 2, last_latency_ms = 12,
         last_checked_at = '2026-01-02 03:04:05.678912+00', oauth_expires_at = '2026-03-04 05:06:07.999999+00', tool_count = 3
       WHERE id = $1`, [c.body.id]);
    const first = await app.request('GET', `/api/mcp-servers?workspaceId=${own.workspaceId}&limit=2`, { token: own.key });
    expect(first.status).toBe(200);
    const second = await app.request('GET', `/api/mcp-servers?workspaceId=${own.workspaceId}&limit=2&cursor=${first.body.nextCursor}`, { token: own.key });
    expect(second.body.nextCursor).toBeNull();
    const listed = [...first.body.data, ...second.body.data];
    expect(listed.map((s: { name: string }) => s.name)).toEqual(['a', 'b', 'c']);
    for (const item of listed) {
      const alone = await app.request('GET', `/api/mcp-servers/${item.id}`, { token: own.key });
      expect(item).toStrictEqual(alone.body);
      expect(JSON.stringify(Object.keys(item))).toBe(JSON.stringify(Object.keys(alone.body)));
    }
    expect(listed[2]).toMatchObject({ connectorStatus: 'error', lastCheckedAt: '2026-01-02T03:04:05.678Z', oauthExpiresAt: '2026-03-04T05:06:07.999Z', hasOauthClientSecret: true });
  });

  it('refuses a duplicate name in the workspace with 409', async () => {
    expect((await create({ name: 'dup', url: 'https://a.example.com/mcp' })).status).toBe(201);
    expectProblem(await create({ name: 'dup', url: 'https://b.example.com/mcp' }), 409);
  });

  it.each([
    [{ name: 'x' }, 'url'],
    [{ name: 'x', url: 'https://a.example.com/mcp', command: 'node' }, 'command'],
    [{ name: 'x', transport: 'stdio', url: 'https://a.example.com' }, 'command'],
    [{ name: 'x', url: 'https://a.example.com/mcp', authType: 'api_key' }, 'apiKey'],
    [{ name: 'x', url: 'https://a.example.com/mcp', headers: { Host: 'evil' } }, 'headers.Host'],
    [{ name: 'x', url: 'https://a.example.com/mcp', headers: { 'Bad Header': 'v' } }, 'headers.Bad Header'],
    [{ name: 'x', url: 'https://a.example.com/mcp', requestTimeout: 'soon' }, 'requestTimeout'],
    [{ name: 'x', url: 'https://a.example.com/mcp', transport: 'websocket' }, 'transport'],
    [{ name: 'x', url: 'https://a.example.com/mcp', projectId: 'ws_01m7z3zfaqe029w47mx23whyc5' }, 'projectId'],
    [{ name: 'x', url: 'https://a.example.com/mcp', projectId: 'proj_01m7z3zfaqe029w47mx23whyc5' }, 'projectId'],
    [{ name: 'x', url: 'https://a.example.com/mcp', connectorId: 'nope' }, 'connectorId'],
    [{ name: 'x', connectorId: 'github', connectorConfig: {} }, 'connectorConfig.token'],
    [{ name: 'x', connectorId: 'filesystem', connectorConfig: { paths: ['../etc'] } }, 'connectorConfig.paths[0]'],
  ])('refuses %j naming %s', async (body, field) => {
    expectProblem(await create(body as Record<string, unknown>), 400, field);
  });

  it.each([
    'http://127.0.0.1/mcp', 'http://2130706433/mcp', 'http://0x7f000001/mcp', 'http://0177.0.0.1/mcp', 'http://[::1]/mcp',
    'http://[::ffff:127.0.0.1]/mcp', 'http://169.254.169.254/latest', 'http://10.0.0.1/mcp', 'http://localhost:8080/mcp', 'file:///etc/passwd',
  ])('refuses the private or non-http URL %s', async (url) => {
    expectProblem(await create({ name: 'ssrf', url }), 400, 'url');
  });

  it.each([
    [{ command: 'bash', args: ['server.sh'] }, 'command'],
    [{ command: 'node', args: ['-e', 'require("child_process")'] }, 'args'],
    [{ command: 'node', args: ['--eval=1'] }, 'args'],
    [{ command: 'node', args: ['server.js'], env: { NODE_OPTIONS: '--require /tmp/x.js' } }, 'env'],
    [{ command: 'node', args: ['server.js'], env: { LD_PRELOAD: '/tmp/x.so' } }, 'env'],
  ])('refuses the stdio launch %j', async (body, field) => {
    const res = await create({ name: 'stdio-bad', ...body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });

  it('fills a server from a connector template with validated config', async () => {
    const connectors = await app.request('GET', '/api/connectors', { token: t.key });
    expect(connectors.body.data.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['github', 'remote', 'everything']));
    const res = await create({ name: 'gh', connectorId: 'github', connectorConfig: { token: 'ghp_secretsecretsecretsecret1234' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ transport: 'streamable_http', url: 'https://api.githubcopilot.com/mcp/', hasApiKey: true, connectorConfig: {} });
    expect(res.text).not.toContain('ghp_secret');
  });
});

describe('stdio in catalog mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_STDIO_COMMANDS: 'catalog' } });
  });
  afterAll(async () => app?.stop());

  it('allows only connector templates, never raw commands', async () => {
    const t = await createTenant(app);
    const raw = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 'raw', command: 'npx', args: ['-y', 'x'] } });
    expectProblem(raw, 400, 'command');
    const tpl = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 'fs', connectorId: 'filesystem', connectorConfig: { paths: ['/tmp'] } } });
    expect(tpl.status).toBe(201);
    expect(tpl.body).toMatchObject({ transport: 'stdio', command: 'npx' });
    const mixed = await app.request('POST', '/api/mcp-servers', {
      token: t.key,
      body: { workspaceId: t.workspaceId, name: 'fs2', connectorId: 'filesystem', connectorConfig: { paths: ['/tmp'] }, args: ['-e', 'x'] },
    });
    expectProblem(mixed, 400, 'args');
  });
});
