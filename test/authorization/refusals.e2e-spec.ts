import { randomBytes } from 'node:crypto';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { GATEWAY_ENV } from '../gateway/helpers.js';
import { HeadlessBrowser, signInAndDecide } from './browser.js';
import { authorizeUrl, gatewayStatus, obtainTokens, pkce, registerClient, token } from './protocol.js';
import { REDIRECT_URI } from './sdk-provider.js';

describe('authorization server: what it refuses', () => {
  let app: TestApp;
  let base: string;
  let a: { workspaceId: string; key: string; keyId: string };
  let b: { workspaceId: string; key: string };
  let projA: string;
  let projB: string;
  let projOther: string;
  const resource = (scopeId: string) => `${base}/mcp/${scopeId}`;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startTestApp({ port, env: { ...GATEWAY_ENV, PUBLIC_URL: base } });
    a = await createTenant(app);
    b = await createTenant(app);
    projA = (await createProject(app, a.workspaceId)).id;
    projB = (await createProject(app, a.workspaceId)).id;
    projOther = (await createProject(app, b.workspaceId)).id;
  });
  afterAll(async () => app?.stop());

  /** Authorize request answered in the browser: the redirect back to the client, or the error page. */
  async function authorize(params: Record<string, string | undefined>) {
    const browser = new HeadlessBrowser(REDIRECT_URI);
    return browser.go(authorizeUrl(base, params));
  }

  it('refuses an authorization request without PKCE, or with the plain method', async () => {
    const clientId = await registerClient(base);
    const none = await authorize({ client_id: clientId, resource: resource(projA) });
    expect(none.done?.searchParams.get('error')).toBe('invalid_request');
    expect(none.done?.searchParams.get('error_description')).toMatch(/PKCE/);
    const plain = await authorize({ client_id: clientId, resource: resource(projA), code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' });
    expect(plain.done?.searchParams.get('error')).toBe('invalid_request');
    expect(plain.done?.searchParams.get('iss')).toBe(base);
  });

  it('refuses a missing or foreign resource', async () => {
    const clientId = await registerClient(base);
    const { challenge } = pkce();
    const missing = await authorize({ client_id: clientId, code_challenge: challenge, code_challenge_method: 'S256' });
    expect(missing.done?.searchParams.get('error')).toBe('invalid_target');
    const foreign = await authorize({ client_id: clientId, resource: 'https://elsewhere.example/mcp/x', code_challenge: challenge, code_challenge_method: 'S256' });
    expect(foreign.done?.searchParams.get('error')).toBe('invalid_target');
  });

  it('refuses a redirect URI that is not exactly a registered one, without redirecting to it', async () => {
    const clientId = await registerClient(base);
    const { challenge } = pkce();
    const page = await authorize({ client_id: clientId, resource: resource(projA), code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: `${REDIRECT_URI}/extra` });
    expect(page.done).toBeUndefined();
    expect(page.status).toBe(400);
    expect(page.html).toContain('redirect_uri');
  });

  it('refuses a wrong PKCE verifier at the token endpoint', async () => {
    const clientId = await registerClient(base);
    const p = pkce();
    const { callback } = await signInAndDecide(
      authorizeUrl(base, { client_id: clientId, resource: resource(projA), code_challenge: p.challenge, code_challenge_method: 'S256' }),
      REDIRECT_URI,
      a.key,
    );
    const code = callback.searchParams.get('code')!;
    const form = { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: p.verifier, resource: resource(projA) };
    expect((await token(base, { ...form, code_verifier: randomBytes(32).toString('base64url') })).body.error).toBe('invalid_grant');
  });

  it('refuses another redirect URI at the token endpoint; a code is single use, and its reuse kills the tokens of the first redemption', async () => {
    const clientId = await registerClient(base);
    const p = pkce();
    const { callback } = await signInAndDecide(
      authorizeUrl(base, { client_id: clientId, resource: resource(projA), code_challenge: p.challenge, code_challenge_method: 'S256' }),
      REDIRECT_URI,
      a.key,
    );
    const code = callback.searchParams.get('code')!;
    const form = { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: p.verifier, resource: resource(projA) };
    const bad = await token(base, { ...form, redirect_uri: `${REDIRECT_URI}/other` });
    expect(bad.body.error).toBe('invalid_grant');
    const first = await token(base, form);
    expect(first.status).toBe(200);
    expect(await gatewayStatus(base, projA, first.body.access_token)).toBe(200);
    const second = await token(base, form);
    expect(second.body.error).toBe('invalid_grant');
    expect(await gatewayStatus(base, projA, first.body.access_token)).toBe(401);
  });

  it('binds the token to its resource: another project or workspace is a 404, and it is no REST credential', async () => {
    const t = await obtainTokens(base, a.key, resource(projA));
    expect(await gatewayStatus(base, projA, t.access)).toBe(200);
    expect(await gatewayStatus(base, projB, t.access)).toBe(404);
    expect(await gatewayStatus(base, a.workspaceId, t.access)).toBe(404);
    expect(await gatewayStatus(base, projOther, t.access)).toBe(404);
    expect(await gatewayStatus(base, b.workspaceId, t.access)).toBe(404);
    const rest = await app.request('GET', `/api/projects?workspaceId=${a.workspaceId}`, { token: t.access });
    expect(rest.status).toBe(401);
    // and a refresh cannot move the grant to another resource
    const moved = await token(base, { grant_type: 'refresh_token', refresh_token: t.refresh, client_id: t.clientId, resource: resource(projB) });
    expect(moved.body.error).toBe('invalid_target');
  });

  it('a key of another workspace cannot approve access to this one', async () => {
    const clientId = await registerClient(base);
    const { challenge } = pkce();
    await expect(
      signInAndDecide(
        authorizeUrl(base, { client_id: clientId, resource: resource(projA), code_challenge: challenge, code_challenge_method: 'S256' }),
        REDIRECT_URI,
        b.key,
      ),
    ).rejects.toThrow(/got 403/);
  });

  it('the sign-in page refuses an unknown key and a form without its CSRF token', async () => {
    const clientId = await registerClient(base);
    const { challenge } = pkce();
    const browser = new HeadlessBrowser(REDIRECT_URI);
    const page = await browser.go(authorizeUrl(base, { client_id: clientId, resource: resource(projA), code_challenge: challenge, code_challenge_method: 'S256' }));
    const f = HeadlessBrowser.form(page);
    const wrong = await browser.go(f.action, { ...f.fields, key: 'pbk_not_a_key' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('That key is not valid');
    const forged = await browser.go(f.action, { csrf: 'forged', key: a.key });
    expect(forged.status).toBe(403);
  });

  it('a grant made with a key ends when the key is revoked (gateway and refresh)', async () => {
    const key = await app.request('POST', '/api/api-keys', { token: a.key, body: { workspaceId: a.workspaceId, name: 'short-lived', scopes: ['execute'] } });
    expect(key.status).toBe(201);
    const t = await obtainTokens(base, key.body.key, resource(projA));
    expect(await gatewayStatus(base, projA, t.access)).toBe(200);
    expect((await app.request('DELETE', `/api/api-keys/${key.body.id}`, { token: a.key })).status).toBe(204);
    expect(await gatewayStatus(base, projA, t.access)).toBe(401);
    expect((await token(base, { grant_type: 'refresh_token', refresh_token: t.refresh, client_id: t.clientId })).body.error).toBe('invalid_grant');
  });
});
