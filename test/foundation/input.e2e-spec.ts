import { createProject, createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('bad input gets a clear 4xx, never a 500', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  beforeAll(async () => {
    app = await startTestApp();
    t = await createTenant(app);
  });
  afterAll(async () => app?.stop());

  it.each([
    ['/api/projects/ws_01m7z3zfaqe029w47mx23whyc5', 'id'],
    ['/api/projects/proj_123', 'id'],
    ["/api/projects/proj_'%20OR%201=1--", 'id'],
    ['/api/projects/1;DROP%20TABLE%20projects', 'id'],
    ['/api/workspaces/proj_01m7z3zfaqe029w47mx23whyc5', 'id'],
    ['/api/projects?workspaceId=proj_01m7z3zfaqe029w47mx23whyc5', 'workspaceId'],
    ["/api/projects?cursor='%20OR%20''='", 'cursor'],
    ['/api/projects?limit=1000', 'limit'],
    ['/api/projects?limit=abc', 'limit'],
  ])('GET %s is a 400 naming %s', async (path, field) => {
    expectProblem(await app.request('GET', path, { token: t.key }), 400, field);
  });

  it('refuses unknown body fields, naming them, and writes nothing', async () => {
    const res = await app.request('POST', '/api/projects', { token: t.key, body: { workspaceId: t.workspaceId, name: 'p', isAdmin: true } });
    expectProblem(res, 400, 'isAdmin');
    const list = await app.request('GET', `/api/projects?workspaceId=${t.workspaceId}`, { token: t.key });
    expect(list.body.data.filter((p: { name: string }) => p.name === 'p')).toHaveLength(0);
  });

  it('refuses wrong types, naming each field', async () => {
    const res = await app.request('POST', '/api/projects', { token: t.key, body: { workspaceId: 42, name: ['x'] } });
    expectProblem(res, 400, 'workspaceId');
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field: 'name', message: 'must be a string' }]));
  });

  it('refuses a non-object body', async () => {
    for (const raw of ['[]', '"text"', '12', 'null']) {
      const res = await app.request('POST', '/api/projects', { token: t.key, raw });
      expect(res.status).toBe(400);
    }
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await app.request('POST', '/api/projects', { token: t.key, raw: '{"name": ' });
    expectProblem(res, 400);
    expect(res.body.code).toBe('malformed_json');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await app.request('POST', '/api/projects', {
      token: t.key,
      body: { workspaceId: t.workspaceId, name: 'x', description: 'a'.repeat(1024 * 1024 + 10) },
    });
    expectProblem(res, 413);
  });

  it('answers unknown routes with a problem 404', async () => {
    expectProblem(await app.request('GET', '/api/nothing-here', { token: t.key }), 404);
  });

  it('pages lists by cursor with a capped limit', async () => {
    for (let i = 0; i < 5; i++) await createProject(app, t.workspaceId, t.key);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/projects?workspaceId=${t.workspaceId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await app.request('GET', q, { token: t.key });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it('carries the request id on responses and problems', async () => {
    const res = await app.request('GET', '/api/projects/bad', { token: t.key, headers: { 'x-request-id': 'req-abc-123' } });
    expect(res.headers['x-request-id']).toBe('req-abc-123');
    expect(res.body.requestId).toBe('req-abc-123');
  });
});
