import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { freePort, startHttpPeer } from '../peers/index.js';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { GATEWAY_ENV, registerServer } from '../gateway/helpers.js';
import { signInAndDecide } from './browser.js';

const MCP_REMOTE = createRequire(import.meta.url).resolve('mcp-remote/dist/proxy.js');

/**
 * `mcp-remote` (a real, widely used MCP client: a stdio proxy that signs in over OAuth) pointed at the
 * gateway URL with no header: it discovers Patchbay, registers itself (DCR), prints the authorization
 * URL; the "person" signs in and approves in HeadlessBrowser, the redirect reaches mcp-remote's own
 * callback server, and the local SDK client behind it lists and calls tools.
 */
describe('authorization server: mcp-remote signs in end to end', () => {
  let app: TestApp;
  let a: { workspaceId: string; key: string };
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

  it('discovers, registers, gets approved, then lists and calls tools', async () => {
    const callbackPort = await freePort();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [MCP_REMOTE, `${app.url}/mcp/${projectId}`, String(callbackPort), '--allow-http'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', MCP_REMOTE_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'mcp-remote-')), BROWSER: '/bin/true' },
      stderr: 'pipe',
    });
    let log = '';
    const authorizationUrl = new Promise<string>((resolve) => {
      transport.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        const m = /Please authorize this client by visiting:\s*\n(\S+)/.exec(log);
        if (m) resolve(m[1]);
      });
    });
    const client = new Client({ name: 'behind-mcp-remote', version: '1.0.0' });
    closers.push(() => client.close());
    const connected = client.connect(transport);
    connected.catch(() => undefined);

    const url = new URL(await authorizationUrl);
    expect(url.origin).toBe(app.url);
    expect(url.searchParams.get('resource')).toBe(`${app.url}/mcp/${projectId}`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const redirectUri = url.searchParams.get('redirect_uri')!;
    const { callback } = await signInAndDecide(url.toString(), redirectUri, a.key);
    expect(callback.searchParams.get('iss')).toBe(app.url);
    const delivered = await fetch(callback);
    expect(delivered.status).toBe(200);
    await connected;

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('peer__echo');
    const r = (await client.callTool({ name: 'peer__echo', arguments: { message: 'through mcp-remote' } })) as CallToolResult;
    expect((r.content[0] as { text: string }).text).toBe('Echo: through mcp-remote');
    const grants = await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(grants.body.data).toEqual([expect.objectContaining({ scopeId: projectId, clientName: expect.stringMatching(/MCP CLI Proxy|mcp-remote/i) })]);
  });
});
