import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { GATEWAY_ENV } from '../gateway/helpers.js';
import { HeadlessBrowser, signInAndDecide } from './browser.js';
import { authorizeUrl, gatewayStatus, pkce, token } from './protocol.js';
import { REDIRECT_URI } from './sdk-provider.js';

/**
 * Client ID metadata documents: the client_id is a URL Patchbay fetches (through its SSRF-safe fetch;
 * loopback allowed here because MCP_ALLOW_PRIVATE_NETWORKS=true), caches and checks redirect URIs against.
 */
describe('authorization server: clients identified by a metadata document URL', () => {
  let app: TestApp;
  let base: string;
  let docs: Server;
  let docsBase: string;
  let fetches = 0;
  let a: { workspaceId: string; key: string };
  let projectId: string;

  beforeAll(async () => {
    docs = createServer((req, res) => {
      fetches++;
      const id = `${docsBase}${req.url}`;
      const body =
        req.url === '/app/client.json'
          ? { client_id: id, client_name: 'CIMD Test App', redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'none' }
          : req.url === '/liar/client.json'
            ? { client_id: `${docsBase}/someone-else.json`, client_name: 'Liar', redirect_uris: [REDIRECT_URI] }
            : null;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'max-age=600' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((r) => docs.listen(0, '127.0.0.1', r));
    docsBase = `http://127.0.0.1:${(docs.address() as AddressInfo).port}`;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startTestApp({ port, env: { ...GATEWAY_ENV, PUBLIC_URL: base } });
    a = await createTenant(app);
    projectId = (await createProject(app, a.workspaceId)).id;
  });
  afterAll(async () => {
    await app?.stop();
    await new Promise((r) => docs?.close(r));
  });

  it('fetches the document once, shows its name, and completes the flow with the URL as client_id', async () => {
    const clientId = `${docsBase}/app/client.json`;
    const resource = `${base}/mcp/${projectId}`;
    const p = pkce();
    const { callback, browser } = await signInAndDecide(
      authorizeUrl(base, { client_id: clientId, resource, code_challenge: p.challenge, code_challenge_method: 'S256' }),
      REDIRECT_URI,
      a.key,
    );
    expect(browser.pages.some((pg) => pg.html.includes('CIMD Test App') && pg.html.includes('name="decision"'))).toBe(true);
    const t = await token(base, { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: p.verifier, resource });
    expect(t.status).toBe(200);
    expect(await gatewayStatus(base, projectId, t.body.access_token)).toBe(200);
    const grants = await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(grants.body.data).toEqual([expect.objectContaining({ clientId, clientName: 'CIMD Test App' })]);
    expect(fetches).toBe(1); // cached for the document's max-age
  });

  it('refuses a redirect URI the document does not list, and a document naming another client_id', async () => {
    const { challenge } = pkce();
    const browser = new HeadlessBrowser(REDIRECT_URI);
    const other = await browser.go(
      authorizeUrl(base, { client_id: `${docsBase}/app/client.json`, resource: `${base}/mcp/${projectId}`, code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: 'http://127.0.0.1:9/evil' }),
    );
    expect(other.done).toBeUndefined();
    expect(other.status).toBe(400);
    const liar = await browser.go(
      authorizeUrl(base, { client_id: `${docsBase}/liar/client.json`, resource: `${base}/mcp/${projectId}`, code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    expect(liar.done).toBeUndefined();
    expect(liar.status).toBe(400);
    expect(liar.html).toContain('invalid_client');
  });
});
