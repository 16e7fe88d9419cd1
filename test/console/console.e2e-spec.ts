import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createKey, createWorkspace } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { EVERYTHING_BIN, startHttpPeer, type HttpPeer } from '../peers/index.js';
import { axeSerious, buildConsole, launch, shot } from './browser.js';

/**
 * The web console in a real browser (Debian's chromium through playwright-core) against a whole
 * Patchbay with real MCP servers: server-everything over stdio, and an HTTP peer that is stopped
 * to see a status change arrive live. Each page is checked with axe-core (no serious or critical
 * violation) and photographed.
 */
describe('web console (chromium)', () => {
  let app: TestApp;
  let peer: HttpPeer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ws: { id: string };
  let key: string;
  let peerId: string;
  let secretId: string;
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    const consoleDir = buildConsole();
    [app, peer, browser] = await Promise.all([
      startTestApp({ env: { CONSOLE_DIR: consoleDir, MCP_STDIO_COMMANDS: 'node', MCP_ALLOW_PRIVATE_NETWORKS: 'true' } }),
      startHttpPeer(),
      launch(),
    ]);
    ws = await createWorkspace(app, 'Acme');
    key = (await createKey(app, ws.id, ['read', 'write', 'execute', 'admin'])).key;
    // a server registered through the API, checked once: the one whose upstream is stopped later
    const res = await app.request('POST', '/api/mcp-servers', { token: key, body: { workspaceId: ws.id, name: 'remote-peer', url: peer.url } });
    peerId = res.body.id;
    expect((await app.request('POST', `/api/mcp-servers/${peerId}/connect`, { token: key })).body.connectorStatus).toBe('connected');
    const withSecret = await app.request('POST', '/api/mcp-servers', {
      token: key,
      body: { workspaceId: ws.id, name: 'with-secret', url: peer.url, authType: 'api_key', apiKey: 'sk-first-secret' },
    });
    secretId = withSecret.body.id;
    // the console's own Content-Security-Policy applies: what passes here passes for users
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await peer?.close();
    await app?.stop();
  });

  async function checkPage(name: string): Promise<void> {
    await page.waitForFunction(`!document.querySelector('[role="status"]')?.textContent?.startsWith('Loading')`);
    a11y[name] = await axeSerious(page);
    await shot(page, name);
  }

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('signs in with a key: the session is an HttpOnly SameSite=Strict cookie, the key is kept nowhere', async () => {
    await page.goto(app.url + '/');
    expect(new URL(page.url()).pathname).toBe('/console/');
    await heading('Sign in to Patchbay').waitFor();
    await checkPage('signin');
    await page.getByLabel('Patchbay key').fill('pbk_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not a valid' }).waitFor();
    await page.getByLabel('Patchbay key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('MCP servers').waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'patchbay_session', httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).not.toContain(key.slice(4));
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie');
    expect(stored).not.toContain(key.slice(4));
    await page.getByRole('row', { name: /remote-peer/ }).getByText('Connected').waitFor();
  });

  it('adds server-everything over stdio from the form, refreshes (diff shown) and connects', async () => {
    await page.getByRole('button', { name: 'Add a server' }).click();
    await page.getByLabel('Name').fill('everything');
    await page.getByLabel('A command Patchbay runs (stdio)').check();
    await page.getByLabel('Command', { exact: true }).fill('node');
    await page.getByLabel('Arguments, one per line').fill(`${EVERYTHING_BIN}\nstdio`);
    await checkPage('add-server');
    await page.getByRole('button', { name: 'Add server' }).click();
    await heading('everything').waitFor();
    await page.getByRole('button', { name: 'Refresh tools' }).click();
    const diff = page.getByTestId('refresh-diff');
    await diff.waitFor();
    expect(await diff.textContent()).toMatch(/(\d+) tools: \1 added, 0 updated, 0 removed\..*Added:.*\becho\b/s);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText(/Connected in \d+ ms · \d+ tools/).waitFor();
    await page.locator('[data-tool="echo"]').waitFor();
  });

  it('disables a tool (the API refuses to run it) and runs another from the generated form', async () => {
    const sum = page.locator('[data-tool="get-sum"]');
    await sum.getByRole('switch').uncheck();
    await sum.getByText('Disabled').waitFor();
    const serverId = new URL(page.url()).hash.split('/')[2];
    const refused = await app.request('POST', `/api/mcp-servers/${serverId}/tools/get-sum/run`, { token: key, body: { args: { a: 1, b: 2 } } });
    expect(refused.status).toBe(409);

    const echo = page.locator('[data-tool="echo"]');
    await echo.getByRole('button', { name: 'Try it echo' }).click();
    await echo.getByRole('button', { name: 'Run tool' }).waitFor();
    await echo.getByRole('button', { name: 'Run tool' }).click(); // message is required: the form says so
    await echo.getByText(/must have required property/).first().waitFor();
    await echo.getByLabel(/message/).fill('hello from the console');
    await echo.getByRole('button', { name: 'Run tool' }).click();
    await echo.getByTestId('run-result').getByText('Echo: hello from the console').waitFor();

    const image = page.locator('[data-tool="get-tiny-image"]');
    await image.getByRole('button', { name: 'Try it get-tiny-image' }).click();
    await image.getByRole('button', { name: 'Run tool' }).click();
    const img = image.getByRole('img', { name: 'Image returned by the tool' });
    await img.waitFor();
    expect(await img.evaluate((el) => { const i = el as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; })).toBe(true);
    await checkPage('server-tools');
  });

  it('shows settings with secrets write-only, and the status history', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await checkPage('server-settings');
    // secrets are write-only: shown as set / not set, replaced or removed, never read back
    const everything = page.url();
    await page.goto(`${app.url}/console/#/servers/${secretId}/settings`);
    await heading('with-secret').waitFor();
    const apiKeyState = page.locator('.field').filter({ hasText: 'Replace the API key' });
    await apiKeyState.getByText('Set', { exact: true }).waitFor();
    expect(await page.content()).not.toContain('sk-first-secret');
    await page.getByLabel('Replace the API key').fill('sk-second-secret');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.getByLabel('Replace the API key').inputValue()).toBe('');
    expect(await page.content()).not.toContain('sk-second-secret');
    await page.getByRole('button', { name: 'Remove the API key' }).click();
    await page.waitForFunction(`document.getElementById('set-auth').value === 'none'`);
    expect(await page.getByLabel('Replace the API key').count()).toBe(0);
    const stored = await app.request('GET', `/api/mcp-servers/${secretId}`, { token: key });
    expect(stored.body).toMatchObject({ hasApiKey: false, authType: 'none' });
    await page.goto(everything);
    await heading('everything').waitFor();
    await page.getByRole('link', { name: 'Status history' }).click();
    await page.locator('.timeline li').filter({ hasText: /Not checked\s*→\s*Connected/ }).waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Tool list changed' }).first().waitFor();
    await checkPage('server-history');
  });

  it('lists the runs with filters and a run record', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Executions' }).click();
    await heading('Executions').waitFor();
    await page.getByRole('row', { name: /echo/ }).first().waitFor();
    await page.getByLabel('Tool').fill('tiny');
    await page.getByRole('row', { name: /get-tiny-image/ }).waitFor();
    expect(await page.getByRole('row', { name: /echo/ }).count()).toBe(0);
    await page.getByLabel('Tool').fill('echo');
    await page.getByRole('row', { name: /echo/ }).first().getByRole('button').click();
    await page.getByRole('heading', { name: /^Run exec_/ }).waitFor();
    await page.getByText('hello from the console').first().waitFor();
    await checkPage('executions');
  });

  it('shows a status change live when an upstream stops, without reloading the list', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'MCP servers' }).click();
    const row = page.getByRole('row', { name: /remote-peer/ });
    await row.getByText('Connected').waitFor();
    const listReads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/mcp-servers')) listReads.push(r.url());
    });
    await peer.close();
    // a check from outside the browser (as the monitor would run it)
    const check = await app.request('POST', `/api/mcp-servers/${peerId}/connect`, { token: key });
    expect(check.body.connectorStatus).not.toBe('connected');
    await row.getByText(/Disconnected|Error/).waitFor();
    expect(listReads).toEqual([]);
    await checkPage('servers');
  });

  it('gives the gateway URL and client configuration of each scope', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Gateway' }).click();
    await heading('Gateway').waitFor();
    expect(await page.getByTestId('gateway-url').textContent()).toBe(`${app.url}/mcp/${ws.id}`);
    await page.getByLabel('Scope').selectOption({ label: 'Server everything: passed through as is' });
    expect(await page.getByTestId('gateway-url').textContent()).toMatch(new RegExp(`^${app.url}/mcp/mcp_`));
    await checkPage('gateway');
  });

  it('creates a key (secret shown once) and revokes it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await heading('API keys').waitFor();
    await page.getByLabel('Name').fill('laptop');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('new-key').textContent())!;
    expect(secret).toMatch(/^pbk_/);
    expect((await app.request('GET', `/api/mcp-servers?workspaceId=${ws.id}`, { token: secret })).status).toBe(200);
    await checkPage('keys');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByTestId('new-key').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke laptop' }).click();
    await page.getByRole('button', { name: 'Confirm revoke laptop' }).click();
    await page.getByRole('row', { name: /laptop/ }).getByText('Revoked').waitFor();
    expect((await app.request('GET', `/api/mcp-servers?workspaceId=${ws.id}`, { token: secret })).status).toBe(401);
  });

  it('shows workspaces and creates a project', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspaces' }).click();
    await heading('Workspaces and projects').waitFor();
    await page.getByLabel('New project name').fill('agents');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('listitem').filter({ hasText: 'agents' }).getByText('Current').waitFor();
    await checkPage('workspaces');
  });

  it('reads well on a phone and in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'MCP servers' }).click();
    await page.getByLabel('Project', { exact: true }).selectOption({ label: 'All projects' });
    await page.getByRole('row', { name: /everything/ }).waitFor();
    await checkPage('servers-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('row', { name: /everything/ }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    await checkPage('servers-phone');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const [cookie] = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in to Patchbay').waitFor();
    const res = await app.request('GET', '/api/session', { token: null, headers: { cookie: `patchbay_session=${cookie.value}` } });
    expect(res.status).toBe(401);
  });

  it('has no serious or critical accessibility violation on any page', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(10);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
