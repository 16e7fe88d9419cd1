import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app.js';

/** The console's cookie session: exchanged for a key, CSRF-checked, ended by sign-out or by revoking the key. */
describe('console sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  async function signIn(key: string): Promise<{ cookie: string; csrf: string; setCookie: string; body: Record<string, unknown> }> {
    const res = await app.request('POST', '/api/session', { token: null, body: { key } });
    expect(res.status).toBe(201);
    const setCookie = res.headers['set-cookie'];
    return { cookie: setCookie.split(';')[0], csrf: res.body.csrfToken as string, setCookie, body: res.body };
  }

  it('exchanges a key for an HttpOnly, SameSite=Strict cookie that is never returned in the body', async () => {
    const t = await createTenant(app);
    const s = await signIn(t.key);
    expect(s.setCookie).toMatch(/^patchbay_session=[A-Za-z0-9_-]{43}; /);
    expect(s.setCookie).toMatch(/HttpOnly/);
    expect(s.setCookie).toMatch(/SameSite=Strict/);
    expect(s.setCookie).not.toMatch(/Secure/); // PUBLIC_URL is http here
    expect(s.body).toMatchObject({ kind: 'api_key', subject: t.keyId, workspaceId: t.workspaceId });
    expect(JSON.stringify(s.body)).not.toContain(s.cookie.split('=')[1]);
    const me = await app.request('GET', '/api/session', { token: null, headers: { cookie: s.cookie } });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(s.csrf);
    const list = await app.request('GET', `/api/projects?workspaceId=${t.workspaceId}`, { token: null, headers: { cookie: s.cookie } });
    expect(list.status).toBe(200);
  });

  it('refuses a bad key with 401 and sets no cookie', async () => {
    const res = await app.request('POST', '/api/session', { token: null, body: { key: 'pbk_not_a_key' } });
    expectProblem(res, 401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expectProblem(await app.request('POST', '/api/session', { token: null, body: {} }), 400, 'key');
  });

  it('needs the CSRF header on unsafe cookie-authenticated requests', async () => {
    const s = await signIn(TEST_ADMIN_KEY);
    expect(s.body).toMatchObject({ kind: 'admin', workspaceId: null });
    const body = { name: 'from-console' };
    const without = await app.request('POST', '/api/workspaces', { token: null, headers: { cookie: s.cookie }, body });
    expectProblem(without, 403);
    expect(without.body.detail).toMatch(/X-Patchbay-CSRF/);
    const wrong = await app.request('POST', '/api/workspaces', { token: null, headers: { cookie: s.cookie, 'x-patchbay-csrf': 'x'.repeat(43) }, body });
    expectProblem(wrong, 403);
    const ok = await app.request('POST', '/api/workspaces', { token: null, headers: { cookie: s.cookie, 'x-patchbay-csrf': s.csrf }, body });
    expect(ok.status).toBe(201);
    // a bearer request needs no CSRF token, and a session's token is not valid for another session
    const other = await signIn(TEST_ADMIN_KEY);
    expect(other.csrf).not.toBe(s.csrf);
    expectProblem(await app.request('DELETE', `/api/workspaces/${ok.body.id}`, { token: null, headers: { cookie: other.cookie, 'x-patchbay-csrf': s.csrf } }), 403);
  });

  it('sign-out ends the session', async () => {
    const s = await signIn(TEST_ADMIN_KEY);
    const out = await app.request('DELETE', '/api/session', { token: null, headers: { cookie: s.cookie, 'x-patchbay-csrf': s.csrf } });
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toMatch(/^patchbay_session=; .*Expires=Thu, 01 Jan 1970/);
    expectProblem(await app.request('GET', '/api/session', { token: null, headers: { cookie: s.cookie } }), 401);
  });

  it('revoking the key ends every session it opened', async () => {
    const t = await createTenant(app);
    const s = await signIn(t.key);
    expect((await app.request('GET', '/api/session', { token: null, headers: { cookie: s.cookie } })).status).toBe(200);
    expect((await app.request('DELETE', `/api/api-keys/${t.keyId}`)).status).toBe(204);
    expectProblem(await app.request('GET', '/api/session', { token: null, headers: { cookie: s.cookie } }), 401);
  });

  it('an unknown session cookie is a 401, and the Authorization header wins over a cookie', async () => {
    expectProblem(await app.request('GET', '/api/projects', { token: null, headers: { cookie: 'patchbay_session=nope' } }), 401);
    const viaBearer = await app.request('GET', '/api/session', { headers: { cookie: 'patchbay_session=nope' } });
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.body).toMatchObject({ kind: 'admin', csrfToken: null });
  });

  it('GET / leads to the console', async () => {
    const res = await fetch(app.url + '/', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/');
  });
});
