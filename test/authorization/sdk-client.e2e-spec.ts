import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startHttpPeer } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { GATEWAY_ENV, registerServer } from '../gateway/helpers.js';
import { connectWithOAuth, HeadlessOAuthProvider, REDIRECT_URI } from './sdk-provider.js';

const text = (r: unknown) => ((r as CallToolResult).content[0] as { text: string }).text;

describe('authorization server: the MCP SDK client signs in to the gateway with nothing pasted', () => {
  let app: TestApp;
  let a: { workspaceId: string; key: string; keyId: string };
  let projectId: string;
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    const port = await freePort();
    app = await startTestApp({ port, env: { ...GATEWAY_ENV, PUBLIC_URL: `http://127.0.0.1:${port}` } });
    a = await createTenant(app);
    projectId = (await createProject(app, a.workspaceId)).id;
    const peer = await startHttpPeer();
    closers.push(() => peer.close());
    await registerServer(app, a, { name: 'peer', url: peer.url, projectId });
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await app?.stop();
  });

  it('names Patchbay as the authorization server and serves RFC 8414 metadata', async () => {
    const res = await app.request('POST', `/mcp/${projectId}`, { token: null, body: { jsonrpc: '2.0', id: 1, method: 'tools/list' } });
    expect(res.status).toBe(401);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(res.headers['www-authenticate'])![1];
    const prm = await (await fetch(metadataUrl)).json();
    expect(prm).toMatchObject({ resource: `${app.url}/mcp/${projectId}`, authorization_servers: [app.url], scopes_supported: ['execute'] });
    const as = await app.request('GET', '/.well-known/oauth-authorization-server', { token: null });
    expect(as.status).toBe(200);
    expect(as.body).toMatchObject({
      issuer: app.url,
      authorization_endpoint: `${app.url}/oauth/authorize`,
      token_endpoint: `${app.url}/oauth/token`,
      registration_endpoint: `${app.url}/oauth/register`,
      revocation_endpoint: `${app.url}/oauth/revoke`,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
    });
    expect(as.body.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    const oidc = await app.request('GET', '/.well-known/openid-configuration', { token: null });
    expect(oidc.body.issuer).toBe(app.url);
  });

  it('registers (DCR), signs in with a key, approves, then lists and calls tools through the gateway', async () => {
    const provider = new HeadlessOAuthProvider(a.key);
    const client = await connectWithOAuth(`${app.url}/mcp/${projectId}`, provider);
    closers.push(() => client.close());
    expect(provider.info?.client_id).toEqual(expect.any(String));
    const callback = provider.approval!.callback;
    expect(callback.searchParams.get('state')).toBe(provider.stateValue);
    expect(callback.searchParams.get('iss')).toBe(app.url);
    expect(provider.saved?.refresh_token).toEqual(expect.any(String));
    expect(provider.saved?.scope).toBe('execute');

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['peer__echo']));
    expect(text(await client.callTool({ name: 'peer__echo', arguments: { message: 'signed in' } }))).toBe('Echo: signed in');

    const grants = await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(grants.status).toBe(200);
    expect(grants.body.data).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^grant_/),
        scopeId: projectId,
        resource: `${app.url}/mcp/${projectId}`,
        clientId: provider.info!.client_id,
        clientName: 'SDK test client',
        accountId: a.keyId,
        scopes: ['execute'],
      }),
    ]);
    // the call acted as the grant's account, and its record names the grant
    const execs = await app.request('GET', `/api/executions?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(execs.body.data.find((e: { args: { message?: string } }) => e.args.message === 'signed in')).toMatchObject({
      surface: 'aggregate', callerId: a.keyId, callerKind: 'api_key', grantId: grants.body.data[0].id,
    });
  });

  it('shows the client, its redirect host and the scope on the consent page', async () => {
    const provider = new HeadlessOAuthProvider(a.key, { name: 'Consent <b>Probe</b>' });
    const client = await connectWithOAuth(`${app.url}/mcp/${projectId}`, provider);
    closers.push(() => client.close());
    const consent = provider.approval!.browser.pages.find((p) => p.html.includes('name="decision"'))!;
    expect(consent.html).toContain('Consent &lt;b&gt;Probe&lt;/b&gt;');
    expect(consent.html).toContain(new URL(REDIRECT_URI).host);
    expect(consent.html).toContain('project &quot;');
    expect(consent.html).toContain('<code>execute</code>');
    expect(consent.html).not.toContain('<script');
  });

  it('deny sends access_denied back to the client and makes no grant', async () => {
    const before = (await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key })).body.data.length;
    const provider = new HeadlessOAuthProvider(a.key, { decision: 'deny' });
    await expect(connectWithOAuth(`${app.url}/mcp/${projectId}`, provider)).rejects.toThrow(/no code/);
    expect(provider.approval!.callback.searchParams.get('error')).toBe('access_denied');
    expect(provider.approval!.callback.searchParams.get('state')).toBe(provider.stateValue);
    const after = (await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key })).body.data.length;
    expect(after).toBe(before);
  });
});
