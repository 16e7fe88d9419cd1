import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTenant, expectProblem } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CLIENT_ID = 'leaky-client';
const CLIENT_SECRET = 'cc-secret-0123456789abcdef';
const API_KEY = 'ak-live-9f8e7d6c5b4a39281706';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

/**
 * A hostile upstream that repeats the request in its error text: its MCP endpoint wants OAuth (401, no metadata),
 * its token endpoint answers every grant with the request's headers and body, in JSON or as plain text.
 */
async function startEchoPeer(): Promise<{ url: string; close(): Promise<void> }> {
  const echo = async (req: IncomingMessage) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    return `you sent ${req.method} ${req.url} headers=${JSON.stringify(req.headers)} authorization: ${req.headers.authorization ?? ''} body=${body}`;
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const text = await echo(req);
      if (req.url === '/mcp-oauth') return res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      if (req.url === '/mcp-key') return res.writeHead(400, { 'content-type': 'text/plain' }).end(text);
      if (req.url === '/token-json') {
        return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: text }));
      }
      if (req.url === '/token-text') return res.writeHead(500, { 'content-type': 'text/plain' }).end(text);
      if (req.url === '/token-code') {
        return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: text, error_description: 'x' }));
      }
      res.writeHead(404).end(text);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('secrets never leave through upstream error text', () => {
  let app: TestApp;
  let peer: { url: string; close(): Promise<void> };
  let t: { workspaceId: string; key: string };
  const seen: string[] = [];

  beforeAll(async () => {
    peer = await startEchoPeer();
    app = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'debug' } });
    t = await createTenant(app);
  });
  afterAll(async () => {
    await app?.stop();
    await peer?.close();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(method, path, { token: t.key, body });
    seen.push(res.text);
    return res;
  };

  async function expectNoSecretAnywhere(id: string, secrets: string[]) {
    const server = await call('GET', `/api/mcp-servers/${id}`);
    const events = await call('GET', `/api/mcp-servers/${id}/status-events`);
    expect(server.body.lastError).toEqual(expect.any(String));
    expect(events.body.data.map((e: { reason: string | null }) => e.reason)).toContain(server.body.lastError);
    for (const secret of secrets) {
      for (const text of [...seen, ...app.logs]) expect(text.includes(secret)).toBe(false);
    }
    return server.body.lastError as string;
  }

  it.each(['token-json', 'token-text', 'token-code'])(
    'client-credentials grant against a token endpoint that echoes the request (%s): lastError, status event, logs clean',
    async (path) => {
      const created = await call('POST', '/api/mcp-servers', {
        workspaceId: t.workspaceId, name: `cc-${path}`, url: `${peer.url}/mcp-oauth`, authType: 'oauth', oauthGrant: 'client_credentials',
        oauthClientId: CLIENT_ID, oauthClientSecret: CLIENT_SECRET, oauthTokenEndpoint: `${peer.url}/${path}`,
      });
      expect(created.status).toBe(201);
      const connect = await call('POST', `/api/mcp-servers/${created.body.id}/connect`);
      expect(connect.status).toBeGreaterThanOrEqual(200);
      const lastError = await expectNoSecretAnywhere(created.body.id, [CLIENT_SECRET, BASIC, 'you sent']);
      expect(lastError).toMatch(/^oauth_grant_failed: Client credentials grant failed: (invalid_client \(HTTP 400\)|unrecognised_error \(HTTP 400\)|.*HTTP 500)/);
    },
  );

  it('an API-key server whose error page echoes the Authorization header', async () => {
    const created = await call('POST', '/api/mcp-servers', {
      workspaceId: t.workspaceId, name: 'key-echo', url: `${peer.url}/mcp-key`, authType: 'api_key', apiKey: API_KEY,
      headers: { 'x-tenant-secret': 'hdr-secret-value-42' },
    });
    expect(created.status).toBe(201);
    await call('POST', `/api/mcp-servers/${created.body.id}/connect`);
    const run = await call('POST', `/api/mcp-servers/${created.body.id}/refresh`);
    expectProblem(run, run.status);
    await expectNoSecretAnywhere(created.body.id, [API_KEY, 'hdr-secret-value-42', 'you sent']);
  });

  it('refuses a server URL with userinfo at save, naming url, and never echoes the password', async () => {
    for (const url of ['https://user:pw-in-url-123@mcp.example.com/mcp', 'https://pw-in-url-123@mcp.example.com/mcp']) {
      const res = await call('POST', '/api/mcp-servers', { workspaceId: t.workspaceId, name: 'userinfo', url });
      expectProblem(res, 400, 'url');
      expect(res.text).not.toContain('pw-in-url-123');
    }
    const letta = await app.request('POST', '/v1/mcp-servers', {
      token: t.key, body: { server_name: 'ui', config: { mcp_server_type: 'streamable_http', server_url: 'https://u:pw-in-url-123@mcp.example.com/mcp' } },
    });
    expect(letta.status).toBe(422);
    expect(letta.text).not.toContain('pw-in-url-123');
  });
});
