import { startEverything, startHttpPeer, type EverythingPeer, type HttpPeer } from '../peers/index.js';
import { startOAuthServer, type OAuthTestServer } from '../peers/oauth/oauth-server.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from '../peers/oauth/protected-mcp-server.js';
import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Trying a server before saving it: validate and detect', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let other: { workspaceId: string; key: string };
  let streamable: EverythingPeer;
  let sse: EverythingPeer;
  let keyed: HttpPeer;
  let as: OAuthTestServer;
  let protectedServer: ProtectedMcpServer;

  beforeAll(async () => {
    [app, streamable, sse, keyed, as] = await Promise.all([
      startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' } }),
      startEverything('streamable_http'),
      startEverything('sse'),
      startHttpPeer({ requireBearer: 'peer-key' }),
      startOAuthServer(),
    ]);
    protectedServer = await startProtectedMcpServer({ issuer: as.issuer, jwksUri: as.jwksUri });
    t = await createTenant(app);
    other = await createTenant(app);
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([streamable?.close(), sse?.close(), keyed?.close(), protectedServer?.close(), as?.close()]);
  });

  const detect = (url: string, token = t.key) => app.request('POST', '/api/mcp-servers/detect', { token, body: { url } });
  const validate = (body: Record<string, unknown>, token = t.key) =>
    app.request('POST', '/api/mcp-servers/validate', { token, body: { workspaceId: t.workspaceId, name: 'probe', ...body } });

  it('detects a streamable-HTTP server that wants nothing', async () => {
    const res = await detect(streamable.url!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ transport: 'streamable_http', authType: 'none', oauth: null, serverInfo: { name: expect.any(String) } });
  });

  it('detects an SSE server', async () => {
    const res = await detect(sse.url!);
    expect(res.body).toMatchObject({ transport: 'sse', authType: 'none' });
  });

  it('detects an API-key server (401 without OAuth metadata)', async () => {
    const res = await detect(keyed.url);
    expect(res.body).toMatchObject({ transport: 'streamable_http', authType: 'api_key', oauth: null });
  });

  it('detects an OAuth-protected server with its metadata', async () => {
    const res = await detect(protectedServer.url);
    expect(res.body).toMatchObject({
      transport: 'streamable_http',
      authType: 'oauth',
      oauth: {
        resource: protectedServer.url,
        authorizationServers: [as.issuer],
        issuer: as.issuer,
        authorizationEndpoint: expect.stringContaining(as.issuer),
        tokenEndpoint: expect.stringContaining(as.issuer),
        registrationEndpoint: expect.stringContaining(as.issuer),
        scopesSupported: ['mcp:tools'],
        codeChallengeMethodsSupported: expect.arrayContaining(['S256']),
        supportsDynamicRegistration: true,
      },
    });
  });

  it('refuses bad URLs and reports unreachable ones as nothing found', async () => {
    expectProblem(await detect('ftp://example.com/mcp'), 400, 'url');
    expectProblem(await app.request('POST', '/api/mcp-servers/detect', { token: t.key, body: {} }), 400, 'url');
    // Unreachable is what detect found, not the caller's fault nor ours: 200 with nothing detected and why.
    const down = await detect('http://127.0.0.1:1/mcp');
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ transport: null, serverInfo: null, error: { code: 'upstream_unreachable' } });
  });

  it('validates a create body live, saving nothing and leaving no client behind', async () => {
    const before = app.app.get((await import('../../src/connections/index.js')).ConnectionPool).stats();
    const ok = await validate({ url: streamable.url });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, transport: 'streamable_http', error: null, serverInfo: { name: expect.any(String) } });
    expect(ok.body.tools.map((x: { name: string }) => x.name)).toContain('echo');
    expect(ok.body.toolCount).toBe(ok.body.tools.length);

    const stdio = await startEverything('stdio');
    const viaStdio = await validate({ command: stdio.command, args: stdio.args });
    expect(viaStdio.body).toMatchObject({ ok: true, transport: 'stdio' });

    const keyedOk = await validate({ url: keyed.url, authType: 'api_key', apiKey: 'peer-key' });
    expect(keyedOk.body.ok).toBe(true);
    const keyedBad = await validate({ url: keyed.url, authType: 'api_key', apiKey: 'wrong-key' });
    expect(keyedBad.body).toMatchObject({ ok: false, error: { code: 'upstream_auth_required' }, detected: { authType: 'api_key' } });
    expect(keyedBad.text).not.toContain('wrong-key');

    const down = await validate({ url: 'http://127.0.0.1:1/mcp' });
    expect(down.body).toMatchObject({ ok: false, error: { code: 'upstream_unreachable' } });

    const pool = app.app.get((await import('../../src/connections/index.js')).ConnectionPool);
    expect(pool.stats().clients).toBe(before.clients);
    expect(pool.stats().processes.total).toBe(before.processes.total);
    const listed = await app.request('GET', `/api/mcp-servers?workspaceId=${t.workspaceId}`, { token: t.key });
    expect(listed.body.data).toEqual([]);
  });

  it('validates with the same rules as create (400 naming the field)', async () => {
    expectProblem(await validate({}), 400, 'url');
    expectProblem(await validate({ url: streamable.url, headers: { Host: 'evil' } }), 400, 'headers.Host');
    expectProblem(await validate({ url: streamable.url, surprise: 1 }), 400, 'surprise');
    expectProblem(await validate({ command: 'bash', args: ['-c', 'id'] }), 400, 'command');
  });

  it('keeps tenants apart: another workspace is a 404, a read-only key a 403', async () => {
    expectProblem(await validate({ url: streamable.url }, other.key), 404);
    const reader = await app.request('POST', '/api/api-keys', { body: { workspaceId: t.workspaceId, name: 'reader', scopes: ['read'] } });
    expectProblem(await validate({ url: streamable.url }, reader.body.key), 403);
    expectProblem(await detect(streamable.url!, reader.body.key), 403);
  });
});

describe('detect and validate without private networks', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  beforeAll(async () => {
    app = await startTestApp();
    t = await createTenant(app);
  });
  afterAll(async () => app?.stop());

  it('refuses loopback, private and metadata addresses (SSRF)', async () => {
    for (const url of ['http://127.0.0.1:8080/mcp', 'http://10.0.0.1/mcp', 'http://169.254.169.254/latest']) {
      expectProblem(await app.request('POST', '/api/mcp-servers/detect', { token: t.key, body: { url } }), 400, 'url');
      expectProblem(await app.request('POST', '/api/mcp-servers/validate', { token: t.key, body: { workspaceId: t.workspaceId, name: 'x', url } }), 400, 'url');
    }
  });
});
