import { OidcUserService } from '../../src/auth/users/oidc-user.service.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { startOAuthServer, type OAuthTestServer } from '../peers/oauth/oauth-server.js';
import { GATEWAY_ENV } from '../gateway/helpers.js';
import { HeadlessBrowser } from './browser.js';
import { authorizeUrl, gatewayStatus, pkce, registerClient, token } from './protocol.js';
import { REDIRECT_URI } from './sdk-provider.js';

/**
 * With OIDC_ISSUER + OIDC_CLIENT_ID set, the sign-in page sends the person to the IdP (a real
 * oidc-provider with its login form); Patchbay, as a relying party (openid-client), maps the ID token's
 * iss/sub to the same usr_ the dashboard uses, and the person's membership decides the consent.
 */
describe('authorization server: sign-in at the configured OIDC IdP', () => {
  let app: TestApp;
  let idp: OAuthTestServer;
  let base: string;
  let a: { workspaceId: string; key: string };
  let projectId: string;
  let aliceId: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startOAuthServer({
      registration: false,
      clients: [
        {
          client_id: 'patchbay',
          client_secret: 'patchbay-idp-secret',
          redirect_uris: [`${base}/oauth/idp/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
    });
    app = await startTestApp({
      port,
      env: { ...GATEWAY_ENV, PUBLIC_URL: base, OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: 'patchbay-api', OIDC_CLIENT_ID: 'patchbay', OIDC_CLIENT_SECRET: 'patchbay-idp-secret' },
    });
    a = await createTenant(app);
    projectId = (await createProject(app, a.workspaceId)).id;
    // alice exists (as after her first dashboard sign-in) and is a member of the workspace
    aliceId = (await app.app.get(OidcUserService).userFor({ iss: idp.issuer, sub: 'alice' })).id;
    const added = await app.request('POST', `/api/workspaces/${a.workspaceId}/members`, { body: { userId: aliceId, role: 'member' } });
    expect(added.status).toBe(201);
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.close();
  });

  async function signInAtIdp(login: string): Promise<{ browser: HeadlessBrowser; consent: { url: string; status: number; html: string }; verifier: string; clientId: string }> {
    const clientId = await registerClient(base);
    const p = pkce();
    const browser = new HeadlessBrowser(REDIRECT_URI);
    const signIn = await browser.go(authorizeUrl(base, { client_id: clientId, resource: `${base}/mcp/${projectId}`, code_challenge: p.challenge, code_challenge_method: 'S256' }));
    expect(signIn.html).toContain('Sign in with your organisation');
    expect(signIn.html).not.toContain('name="key"');
    const link = /href="([^"]+\/idp)"/.exec(signIn.html)![1];
    let page = await browser.go(new URL(link, signIn.url).toString()); // the IdP's login form
    expect(page.url.startsWith(idp.issuer)).toBe(true);
    for (let i = 0; i < 3 && page.url.startsWith(idp.issuer); i++) {
      const f = HeadlessBrowser.form(page);
      page = await browser.go(f.action, { ...f.fields, ...('login' in f.fields ? { login, password: 'secret' } : {}) });
    }
    return { browser, consent: page, verifier: p.verifier, clientId };
  }

  it('a member signs in at the IdP, approves as her usr_, and the token acts as her', async () => {
    const { browser, consent, verifier, clientId } = await signInAtIdp('alice');
    expect(consent.html).toContain('name="decision"');
    expect(consent.html).toContain(aliceId);
    const f = HeadlessBrowser.form(consent);
    const back = await browser.go(f.action, { ...f.fields, decision: 'approve' });
    const code = back.done!.searchParams.get('code')!;
    const t = await token(base, { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: verifier, resource: `${base}/mcp/${projectId}` });
    expect(t.status).toBe(200);
    expect(await gatewayStatus(base, projectId, t.body.access_token)).toBe(200);
    const grants = await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(grants.body.data).toEqual([expect.objectContaining({ accountId: aliceId, clientId })]);
  });

  it('someone without a membership there cannot approve', async () => {
    const { consent } = await signInAtIdp('mallory');
    expect(consent.status).toBe(403);
    expect(consent.html).toContain('You cannot use that gateway URL');
  });

  it('a sign-in the IdP refuses sends access_denied back to the client', async () => {
    const clientId = await registerClient(base);
    const { challenge } = pkce();
    const browser = new HeadlessBrowser(REDIRECT_URI);
    const signIn = await browser.go(authorizeUrl(base, { client_id: clientId, resource: `${base}/mcp/${projectId}`, code_challenge: challenge, code_challenge_method: 'S256', state: 'idp-deny' }));
    const link = /href="([^"]+\/idp)"/.exec(signIn.html)![1];
    const login = await browser.go(new URL(link, signIn.url).toString()); // the IdP's login form
    expect(login.url.startsWith(idp.issuer)).toBe(true);
    const page = await browser.go(`${login.url.split('?')[0]}/abort`); // the person cancels at the IdP
    expect(page.done?.searchParams.get('error')).toBe('access_denied');
    expect(page.done?.searchParams.get('state')).toBe('idp-deny');
  });
});
