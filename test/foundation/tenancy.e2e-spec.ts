import { createKey, createProject, createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('tenant isolation', () => {
  let app: TestApp;
  let a: { workspaceId: string; key: string; keyId: string };
  let b: { workspaceId: string; key: string; keyId: string };
  let projectA: { id: string; name: string };
  beforeAll(async () => {
    app = await startTestApp();
    a = await createTenant(app);
    b = await createTenant(app);
    projectA = await createProject(app, a.workspaceId, a.key);
  });
  afterAll(async () => app?.stop());

  it("gives tenant B a 404 for A's workspace, identical to a missing one", async () => {
    const foreign = await app.request('GET', `/api/workspaces/${a.workspaceId}`, { token: b.key });
    const missing = await app.request('GET', '/api/workspaces/ws_01m7z3zfaqe029w47mx23whyc5', { token: b.key });
    expectProblem(foreign, 404);
    expect({ ...foreign.body, instance: undefined, requestId: undefined }).toEqual({ ...missing.body, instance: undefined, requestId: undefined });
    expectProblem(await app.request('PATCH', `/api/workspaces/${a.workspaceId}`, { token: b.key, body: { name: 'pwned' } }), 404);
    expectProblem(await app.request('DELETE', `/api/workspaces/${a.workspaceId}`, { token: b.key }), 404);
    expect((await app.request('GET', `/api/workspaces/${a.workspaceId}`, { token: a.key })).body.name).not.toBe('pwned');
  });

  it("hides A's projects from B: read, list, update, delete", async () => {
    expectProblem(await app.request('GET', `/api/projects/${projectA.id}`, { token: b.key }), 404);
    expectProblem(await app.request('PATCH', `/api/projects/${projectA.id}`, { token: b.key, body: { name: 'pwned' } }), 404);
    expectProblem(await app.request('DELETE', `/api/projects/${projectA.id}`, { token: b.key }), 404);
    const listed = await app.request('GET', `/api/projects?workspaceId=${a.workspaceId}`, { token: b.key });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([]);
    const all = await app.request('GET', '/api/projects', { token: b.key });
    expect(all.body.data.map((p: { id: string }) => p.id)).not.toContain(projectA.id);
    expectProblem(await app.request('POST', '/api/projects', { token: b.key, body: { workspaceId: a.workspaceId, name: 'x' } }), 404);
    const still = await app.request('GET', `/api/projects/${projectA.id}`, { token: a.key });
    expect(still.body.name).toBe(projectA.name);
  });

  it("hides A's members and keys from B", async () => {
    expectProblem(await app.request('GET', `/api/workspaces/${a.workspaceId}/members`, { token: b.key }), 404);
    expectProblem(
      await app.request('POST', `/api/workspaces/${a.workspaceId}/members`, { token: b.key, body: { userId: 'usr_01m7z3zfaqe029w47mx23whyc5', role: 'owner' } }),
      404,
    );
    expectProblem(await app.request('DELETE', `/api/workspaces/${a.workspaceId}/members/usr_01m7z3zfaqe029w47mx23whyc5`, { token: b.key }), 404);
    const keys = await app.request('GET', `/api/api-keys?workspaceId=${a.workspaceId}`, { token: b.key });
    expect(keys.body.data).toEqual([]);
    expectProblem(await app.request('DELETE', `/api/api-keys/${a.keyId}`, { token: b.key }), 404);
    expectProblem(await app.request('POST', '/api/api-keys', { token: b.key, body: { workspaceId: a.workspaceId, name: 'x', scopes: ['read'] } }), 404);
    // A's key still works
    expect((await app.request('GET', '/api/projects', { token: a.key })).status).toBe(200);
  });

  it('lists only the caller’s own workspace for a key, every workspace for the admin', async () => {
    const mine = await app.request('GET', '/api/workspaces', { token: b.key });
    expect(mine.body.data.map((w: { id: string }) => w.id)).toEqual([b.workspaceId]);
    const admin = await app.request('GET', '/api/workspaces?limit=100');
    expect(admin.body.data.map((w: { id: string }) => w.id)).toEqual(expect.arrayContaining([a.workspaceId, b.workspaceId]));
  });

  it('deleting a workspace removes its projects and keys', async () => {
    const c = await createTenant(app);
    const p = await createProject(app, c.workspaceId, c.key);
    const extra = await createKey(app, c.workspaceId, ['read']);
    expect((await app.request('DELETE', `/api/workspaces/${c.workspaceId}`)).status).toBe(204);
    expectProblem(await app.request('GET', `/api/projects/${p.id}`), 404);
    expectProblem(await app.request('GET', '/api/projects', { token: extra.key }), 401);
  });
});
