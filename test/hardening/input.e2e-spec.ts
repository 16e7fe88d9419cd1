import { startTestIssuer, type TestIssuer } from '../users/jwt-issuer.js';
import { createProject, createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const AUDIENCE = 'https://patchbay.example/api';

/** Issue 12: the client's own mistakes are 4xx naming the field, never a 500. */
describe('hostile input is a 4xx', () => {
  let app: TestApp;
  let idp: TestIssuer;
  let t: { workspaceId: string; key: string };
  let serverId: string;
  let projectId: string;
  let projectServerId: string;

  beforeAll(async () => {
    idp = await startTestIssuer(AUDIENCE);
    app = await startTestApp({ env: { OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: AUDIENCE, MCP_STDIO_COMMANDS: 'node,npx' } });
    t = await createTenant(app);
    const s = await app.request('POST', '/api/mcp-servers', { token: t.key, body: { workspaceId: t.workspaceId, name: 's1', url: 'https://mcp.example.com/mcp' } });
    expect(s.status).toBe(201);
    serverId = s.body.id;
    projectId = (await createProject(app, t.workspaceId, t.key)).id;
    const ps = await app.request('POST', '/api/mcp/servers', { token: t.key, body: { projectId, name: 'ps', transportType: 'http', url: 'https://mcp.example.com/mcp' } });
    expect(ps.status).toBe(201);
    projectServerId = ps.body.serverId;
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.close();
  });

  it.each([['/api/workspaces', 400], ['/api/mcp-servers', 400], ['/v1/mcp-servers', 422], ['/api/mcp/servers', 400]])(
    'refuses JSON nested 10,000 deep on POST %s with %s', async (path, status) => {
      const raw = `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const res = await app.request('POST', path, { token: t.key, raw });
      expect(res.status).toBe(status);
      expect(res.text).toContain('64 levels');
    });

  it('accepts nesting up to the limit, so the depth check is not a blanket refusal', async () => {
    const raw = `{"name":"deep-ok","workspaceId":"${t.workspaceId}","url":"https://mcp.example.com/x","headers":{"x-a":"b"}}`;
    expect((await app.request('POST', '/api/mcp-servers', { token: t.key, raw })).status).toBe(201);
  });

  it('refuses prototype keys in a body', async () => {
    expectProblem(await app.request('POST', '/api/workspaces', { token: t.key, raw: '{"name":"x","__proto__":{"admin":true}}' }), 400);
  });

  it.each([
    ['POST', '/api/workspaces', { name: 'nul\u0000name' }, 'name'],
    ['POST', '/api/mcp-servers', { workspaceId: 'WS', name: 'ok', url: 'https://a.example.com/\u0000' }, 'url'],
    ['POST', '/api/mcp/servers', { projectId: 'PROJ', name: 'x', transportType: 'stdio', command: 'node', args: 'server.js \ud800' }, 'args'],
    ['POST', '/api/mcp-servers', { workspaceId: 'WS', name: 'x', command: 'node', args: ['s.js'], env: { K: 'a\udc00b' } }, 'env.K'],
    ['PATCH', '/api/mcp-servers/SRV', { headers: { 'x-a': '\ud83d' } }, 'headers.x-a'],
  ])('%s %s with NUL or a lone surrogate is a 400 naming %s', async (method, path, body, field) => {
    const b = JSON.parse(JSON.stringify(body).replace('"WS"', `"${t.workspaceId}"`).replace('"PROJ"', `"${projectId}"`));
    const res = await app.request(method, path.replace('SRV', serverId), { token: t.key, body: b });
    expect(res.status).toBe(400); // project-style answers in its own shape, the others problem+json
    expect(res.body.errors).toEqual([{ field, message: expect.stringContaining('valid text') }]);
  });

  it('refuses NUL in a query parameter and a path parameter, naming them', async () => {
    expectProblem(await app.request('GET', '/api/mcp-servers?workspaceId=ws_%00', { token: t.key }), 400, 'workspaceId');
    expectProblem(await app.request('GET', '/api/mcp-servers/mcp_%00x', { token: t.key }), 400, 'id');
  });

  it.each(['name', 'enabled', 'oauthOmitResource', 'transport', 'authType', 'args', 'headers'])('PATCH with "%s": null is a 400 naming it', async (field) => {
    expectProblem(await app.request('PATCH', `/api/mcp-servers/${serverId}`, { token: t.key, body: { [field]: null } }), 400, field);
  });

  it.each(['name', 'customHeaders'])('project-style PATCH with "%s": null is a 400 naming it', async (field) => {
    const res = await app.request('PATCH', `/api/mcp/servers/${projectServerId}`, { token: t.key, body: { [field]: null } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
  });

  it('still lets nullable fields be cleared with null', async () => {
    const res = await app.request('PATCH', `/api/mcp-servers/${serverId}`, { token: t.key, body: { description: null } });
    expect(res.status).toBe(200);
    expect(res.body.description).toBeNull();
  });

  it('concurrent creates of one server name: one 201, the rest 409', async () => {
    const body = { workspaceId: t.workspaceId, name: 'same-name', url: 'https://mcp.example.com/race' };
    const all = await Promise.all(Array.from({ length: 6 }, () => app.request('POST', '/api/mcp-servers', { token: t.key, body })));
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('concurrent adds of the same member: one 201, the rest 409', async () => {
    const owner = await idp.sign('owner-race');
    const ws = await app.request('POST', '/api/workspaces', { token: owner, body: { name: 'race' } });
    const bob = await app.request('POST', '/api/workspaces', { token: await idp.sign('bob-race'), body: { name: 'bob' } });
    const body = { userId: bob.body.createdBy, role: 'viewer' };
    const all = await Promise.all(Array.from({ length: 6 }, () => app.request('POST', `/api/workspaces/${ws.body.id}/members`, { token: owner, body })));
    const statuses = all.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
  });
});
