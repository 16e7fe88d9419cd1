import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { GATEWAY_ENV } from '../gateway/helpers.js';
import { HeadlessBrowser, signInAndDecide } from './browser.js';
import { authorizeUrl, gatewayStatus, pkce, registerClient, token } from './protocol.js';
import { REDIRECT_URI } from './sdk-provider.js';

/** Dynamic registration limits and expiry, and pre-registered clients (OAUTH_CLIENTS). */
describe('authorization server: clients', () => {
  let app: TestApp;
  let base: string;
  let a: { workspaceId: string; key: string };
  let projectId: string;
  const PRE = { client_id: 'pre-registered-desktop', client_name: 'Pre-registered Desktop', redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'none' };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startTestApp({
      port,
      env: { ...GATEWAY_ENV, PUBLIC_URL: base, OAUTH_REGISTRATIONS_PER_MINUTE: '4', OAUTH_CLIENTS: JSON.stringify([PRE]) },
    });
    a = await createTenant(app);
    projectId = (await createProject(app, a.workspaceId)).id;
  });
  afterAll(async () => app?.stop());

  async function sql<T>(text: string, values: unknown[]): Promise<T[]> {
    const c = new pg.Client({ connectionString: app.databaseUrl });
    await c.connect();
    try {
      return (await c.query(text, values)).rows as T[];
    } finally {
      await c.end();
    }
  }

  it('a pre-registered client needs no registration', async () => {
    const p = pkce();
    const resource = `${base}/mcp/${projectId}`;
    const { callback, browser } = await signInAndDecide(
      authorizeUrl(base, { client_id: PRE.client_id, resource, code_challenge: p.challenge, code_challenge_method: 'S256' }),
      REDIRECT_URI,
      a.key,
    );
    expect(browser.pages.some((pg) => pg.html.includes('Pre-registered Desktop'))).toBe(true);
    const t = await token(base, { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, client_id: PRE.client_id, redirect_uri: REDIRECT_URI, code_verifier: p.verifier, resource });
    expect(await gatewayStatus(base, projectId, t.body.access_token)).toBe(200);
  });

  it('a registration nobody approves expires; an approved one stays', async () => {
    const unused = await registerClient(base);
    const used = await registerClient(base);
    const p = pkce();
    await signInAndDecide(
      authorizeUrl(base, { client_id: used, resource: `${base}/mcp/${projectId}`, code_challenge: p.challenge, code_challenge_method: 'S256' }),
      REDIRECT_URI,
      a.key,
    );
    const rows = await sql<{ id: string; expires_at: Date | null }>(`SELECT id, expires_at FROM authz_models WHERE model = 'Client' AND id = ANY($1)`, [[unused, used]]);
    const byId = new Map(rows.map((r) => [r.id, r.expires_at]));
    expect(byId.get(used)).toBeNull();
    expect(byId.get(unused)!.getTime()).toBeGreaterThan(Date.now());
    // the TTL passes (OAUTH_REGISTRATION_TTL_SECONDS, a day by default)
    await sql(`UPDATE authz_models SET expires_at = now() - interval '1 second' WHERE model = 'Client' AND id = $1`, [unused]);
    const page = await new HeadlessBrowser(REDIRECT_URI).go(
      authorizeUrl(base, { client_id: unused, resource: `${base}/mcp/${projectId}`, code_challenge: p.challenge, code_challenge_method: 'S256' }),
    );
    expect(page.status).toBe(400);
    expect(page.html).toContain('invalid_client');
  });

  it('refuses a registration without redirect URIs, naming them', async () => {
    const res = await fetch(`${base}/oauth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'x' }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toMatch(/invalid_(redirect_uri|client_metadata)/);
    expect(body.error_description).toMatch(/redirect_uris/);
  });

  it('dynamic registration is rate-limited per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_name: `burst ${randomBytes(2).toString('hex')}`, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'none' }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('60');
    }
    // three registration attempts in the earlier tests, one more fits, then 429
    expect(statuses).toEqual([201, 429, 429]);
  });

});
