import { setTimeout as sleep } from 'node:timers/promises';
import { createKey, createTenant, createWorkspace, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('bearer auth', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('refuses a missing, malformed or unknown bearer with 401 and WWW-Authenticate', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Basic abc' }, { authorization: 'Bearer' }, { authorization: 'Bearer pbk_nope' }, { authorization: 'Bearer a.b.c' }]) {
      const res = await app.request('GET', '/api/projects', { token: null, headers });
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('accepts a workspace key and refuses it once revoked, at once', async () => {
    const t = await createTenant(app);
    expect((await app.request('GET', '/api/projects', { token: t.key })).status).toBe(200);
    expect((await app.request('DELETE', `/api/api-keys/${t.keyId}`)).status).toBe(204);
    expectProblem(await app.request('GET', '/api/projects', { token: t.key }), 401);
  });

  it('refuses an expired key', async () => {
    const ws = await createWorkspace(app);
    const k = await createKey(app, ws.id, ['read'], { expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await app.request('GET', '/api/projects', { token: k.key })).status).toBe(200);
    await sleep(1700);
    expectProblem(await app.request('GET', '/api/projects', { token: k.key }), 401);
  });

  it('gives a read-only key 403 on writes and nothing is written', async () => {
    const ws = await createWorkspace(app);
    const k = await createKey(app, ws.id, ['read']);
    const res = await app.request('POST', '/api/projects', { token: k.key, body: { workspaceId: ws.id, name: 'x' } });
    expectProblem(res, 403);
    const list = await app.request('GET', `/api/projects?workspaceId=${ws.id}`, { token: k.key });
    expect(list.body.data).toHaveLength(0);
  });

  it('never lets a key mint scopes its creator lacks', async () => {
    const ws = await createWorkspace(app);
    const limited = await createKey(app, ws.id, ['admin']);
    // an admin key may grant anything in its workspace
    const ok = await app.request('POST', '/api/api-keys', { token: limited.key, body: { workspaceId: ws.id, name: 'a', scopes: ['read'] } });
    expect(ok.status).toBe(201);
    const reader = await createKey(app, ws.id, ['read']);
    const res = await app.request('POST', '/api/api-keys', { token: reader.key, body: { workspaceId: ws.id, name: 'b', scopes: ['write'] } });
    expectProblem(res, 403);
  });

  it('shows the secret once, stores only a hash, and records lastUsedAt', async () => {
    const t = await createTenant(app);
    const list = await app.request('GET', `/api/api-keys?workspaceId=${t.workspaceId}`);
    const row = list.body.data.find((k: { id: string }) => k.id === t.keyId);
    expect(row).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(t.key);
    expect(row.prefix).toBe(t.key.slice(0, 10));
    const stored = await app.app.get((await import('typeorm')).DataSource).query('SELECT * FROM api_keys WHERE id = $1', [t.keyId]);
    expect(JSON.stringify(stored)).not.toContain(t.key);
    await app.request('GET', '/api/projects', { token: t.key });
    await app.app.get((await import('../../src/auth/api-keys/api-key.service.js')).ApiKeyService).flushLastUsed();
    const after = await app.request('GET', `/api/api-keys?workspaceId=${t.workspaceId}`);
    expect(after.body.data.find((k: { id: string }) => k.id === t.keyId).lastUsedAt).not.toBeNull();
  });

  it('does not let a workspace key create workspaces', async () => {
    const t = await createTenant(app);
    expectProblem(await app.request('POST', '/api/workspaces', { token: t.key, body: { name: 'x' } }), 403);
  });

  it('keeps secrets out of every log line', async () => {
    const t = await createTenant(app);
    await app.request('GET', '/api/projects', { token: t.key });
    await app.request('GET', '/api/projects', { token: 'pbk_wrong-secret-value' });
    const all = app.logs.join('\n');
    expect(all).not.toContain(t.key);
    expect(all).not.toContain('pbk_wrong-secret-value');
    expect(all).not.toContain('pba_test_admin_key');
    expect(app.logs.some((l) => l.includes('"route":"/api/projects"'))).toBe(true);
  });
});

describe('rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_KEY_PER_MINUTE: '3' } });
  });
  afterAll(async () => app?.stop());

  it('answers 429 with Retry-After past the per-key limit, and other keys go on', async () => {
    const t = await createTenant(app);
    const other = await createKey(app, t.workspaceId, ['read']);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await app.request('GET', '/api/projects', { token: t.key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expectProblem(last!, 429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.request('GET', '/api/projects', { token: other.key })).status).toBe(200);
  });
});

describe('key cache across replicas', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp({ databaseUrl: one.databaseUrl });
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  it('a key revoked on one replica is refused by the other, which had it cached', async () => {
    const t = await createTenant(one);
    expect((await two.request('GET', '/api/projects', { token: t.key })).status).toBe(200); // now cached on two
    expect((await one.request('DELETE', `/api/api-keys/${t.keyId}`)).status).toBe(204);
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i++) {
      await sleep(50);
      status = (await two.request('GET', '/api/projects', { token: t.key })).status;
    }
    expect(status).toBe(401);
  });
});
