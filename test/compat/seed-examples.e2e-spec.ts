// Each seed surface replays its own document's example and answers its documented shape.
import Letta from '@letta-ai/letta-client';
import { startEverything, type EverythingPeer } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PROJECT_CREATE_EXAMPLE } from '../../src/compat/project/project-server.views.js';

describe('seed surfaces accept their documented examples', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let http: EverythingPeer;
  let stdio: EverythingPeer;
  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', MCP_STDIO_COMMANDS: 'node' } });
    t = await createTenant(app);
    http = await startEverything('streamable_http');
    stdio = await startEverything('stdio');
  });
  afterAll(async () => {
    await app?.stop();
    await http?.close();
  });

  describe('project-style /api/mcp/servers', () => {
    it('accepts the documented example: connectionType proxy without proxyUrl, served through the gateway', async () => {
      const project = await createProject(app, t.workspaceId, t.key);
      // the document's example, with a real project and a reachable server
      const body = { ...PROJECT_CREATE_EXAMPLE, projectId: project.id, url: http.url };
      const res = await app.request('POST', '/api/mcp/servers', { token: t.key, body });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        success: true,
        message: expect.any(String),
        serverId: expect.stringMatching(/^mcp_/),
        gatewayUrl: `${app.config.publicUrl}/mcp/${res.body.serverId}`,
      });
      const got = await app.request('GET', `/api/mcp/servers/${res.body.serverId}`, { token: t.key });
      expect(got.body.server).toMatchObject({ connectionType: 'proxy', proxyUrl: null, transportType: 'http', url: http.url, gatewayUrl: res.body.gatewayUrl });
    });

    it('defaults connectionType to proxy, and takes proxyUrl as an optional outbound proxy', async () => {
      const project = await createProject(app, t.workspaceId, t.key);
      const plain = await app.request('POST', '/api/mcp/servers', { token: t.key, body: { projectId: project.id, name: 'plain', url: http.url } });
      expect(plain.status).toBe(201);
      const view = await app.request('GET', `/api/mcp/servers/${plain.body.serverId}`, { token: t.key });
      expect(view.body.server).toMatchObject({ connectionType: 'proxy', proxyUrl: null });
      const proxied = await app.request('POST', '/api/mcp/servers', {
        token: t.key,
        body: { projectId: project.id, name: 'proxied', url: http.url, proxyUrl: 'http://127.0.0.1:3128', proxyAuthToken: 'secret-proxy' },
      });
      expect(proxied.status).toBe(201);
      const pv = await app.request('GET', `/api/mcp/servers/${proxied.body.serverId}`, { token: t.key });
      expect(pv.body.server).toMatchObject({ connectionType: 'proxy', proxyUrl: 'http://127.0.0.1:3128/', hasProxyAuthToken: true });
      expect(pv.text).not.toContain('secret-proxy');
      const direct = await app.request('POST', '/api/mcp/servers', { token: t.key, body: { projectId: project.id, name: 'direct', url: http.url, connectionType: 'direct' } });
      expect(direct.status).toBe(201);
      const dv = await app.request('GET', `/api/mcp/servers/${direct.body.serverId}`, { token: t.key });
      expect(dv.body.server).toMatchObject({ connectionType: 'direct', url: http.url });
      const back = await app.request('PATCH', `/api/mcp/servers/${direct.body.serverId}`, { token: t.key, body: { connectionType: 'proxy' } });
      expect(back.body.server).toMatchObject({ connectionType: 'proxy' });
    });
  });

  describe('/api/mcp-servers', () => {
    it('takes an apiKey sent without authType as authType api_key', async () => {
      const res = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 'keyed', url: http.url, apiKey: 'sk-upstream' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ authType: 'api_key', hasApiKey: true, authHeader: 'Authorization' });
      expect(res.text).not.toContain('sk-upstream');
    });
  });

  describe('Letta /v1/mcp-servers', () => {
    let letta: Letta;
    let requests: number;
    beforeAll(() => {
      requests = 0;
      const counting: typeof fetch = (input, init) => {
        requests++;
        return fetch(input, init);
      };
      // the client's default retry policy (maxRetries 2), so a retried 409 would show in the count
      letta = new Letta({ baseURL: app.url, apiKey: t.key, fetch: counting });
    });

    it('answers the `type` field of Letta\'s newer document, and honours `token` on update', async () => {
      const created = await letta.mcpServers.create({ server_name: 'letta-http', config: { mcp_server_type: 'streamable_http', server_url: http.url! } });
      expect(created).toMatchObject({ type: 'streamable_http', mcp_server_type: 'streamable_http', auth_token: null });
      const id = (created as { id: string }).id;
      const res = await app.request('PATCH', `/v1/mcp-servers/${id}`, { token: t.key, body: { config: { server_url: http.url, token: 'sk-from-token' } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ type: 'streamable_http', auth_header: 'Authorization', auth_token: expect.any(String) });
      expect(res.text).not.toContain('sk-from-token');
      const canonical = await app.request('GET', `/api/mcp-servers/${id}`, { token: t.key });
      expect(canonical.body).toMatchObject({ authType: 'api_key', hasApiKey: true });
    });

    it('reports path and header errors at loc path / header, not body', async () => {
      const path = await app.request('GET', '/v1/mcp-servers/not-an-id', { token: t.key });
      expect(path.status).toBe(422);
      expect(path.body.detail[0].loc).toEqual(['path', 'mcp_server_id']);
      const header = await app.request('GET', '/v1/mcp-servers', { token: t.key, headers: { 'x-project-id': 'bogus' } });
      expect(header.status).toBe(422);
      expect(header.body.detail[0].loc).toEqual(['header', 'x-project-id']);
    });

    it('marks a 409 not to be retried, so the official client sends it once', async () => {
      await letta.mcpServers.create({ server_name: 'dup', config: { mcp_server_type: 'streamable_http', server_url: http.url! } });
      const before = requests;
      const err = await letta.mcpServers.create({ server_name: 'dup', config: { mcp_server_type: 'streamable_http', server_url: http.url! } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Letta.ConflictError);
      expect(requests - before).toBe(1);
    });

    it('answers unknown /v1 routes with Letta\'s { detail }', async () => {
      for (const [method, path] of [['GET', '/v1/agents/nope'], ['POST', '/v1/mcp-servers/x/y/z'], ['GET', '/v1']] as const) {
        const res = await app.request(method, path, { token: t.key });
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toMatchObject({ detail: 'Not Found' });
      }
    });

    it('keeps image and structured results as content parts / objects in func_return', async () => {
      const created = await letta.mcpServers.create({ server_name: 'letta-stdio', config: { mcp_server_type: 'stdio', command: stdio.command!, args: stdio.args! } });
      const id = (created as { id: string }).id;
      const image = await app.request('POST', `/v1/mcp-servers/${id}/tools/get-tiny-image/run`, { token: t.key, body: { args: {} } });
      expect(image.status).toBe(200);
      expect(Array.isArray(image.body.func_return)).toBe(true);
      expect(image.body.func_return).toContainEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: expect.any(String) } });
      expect(image.body.func_return).toContainEqual({ type: 'text', text: expect.any(String) });
      const structured = await app.request('POST', `/v1/mcp-servers/${id}/tools/get-structured-content/run`, { token: t.key, body: { args: { location: 'Chicago' } } });
      expect(structured.status).toBe(200);
      expect(typeof structured.body.func_return).toBe('object');
      expect(structured.body.func_return).not.toBeNull();
      const echo = await app.request('POST', `/v1/mcp-servers/${id}/tools/echo/run`, { token: t.key, body: { args: { message: 'plain' } } });
      expect(echo.body.func_return).toEqual(expect.stringContaining('plain'));
    });
  });
});
