import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createProject, createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../peers/index.js';
import { GATEWAY_ENV } from '../gateway/helpers.js';
import { authorizeUrl, pkce, registerClient } from './protocol.js';
import { REDIRECT_URI } from './sdk-provider.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'docs', 'screenshots');

/**
 * The sign-in and consent pages in a real browser (Debian's chromium through playwright-core, no
 * JavaScript needed by the pages): approve and deny, with screenshots kept in docs/screenshots/.
 * Skipped where chromium is not installed (`apt-get install -y chromium`).
 */
(existsSync(CHROMIUM) ? describe : describe.skip)('authorization pages in chromium', () => {
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let a: { workspaceId: string; key: string };
  let projectId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startTestApp({ port, env: { ...GATEWAY_ENV, PUBLIC_URL: base } });
    a = await createTenant(app);
    projectId = (await createProject(app, a.workspaceId)).id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** A fresh browser at the authorization URL, with the client's redirect URI answered by a stub page. */
  async function open(): Promise<{ page: Page; callback: Promise<URL> }> {
    const context = await browser.newContext({ viewport: { width: 900, height: 760 }, javaScriptEnabled: false });
    const page = await context.newPage();
    let resolve!: (u: URL) => void;
    const callback = new Promise<URL>((r) => (resolve = r));
    await page.route(`${REDIRECT_URI}**`, async (route) => {
      resolve(new URL(route.request().url()));
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>back at the client</p>' });
    });
    const clientId = await registerClient(base);
    const { challenge } = pkce();
    await page.goto(authorizeUrl(base, { client_id: clientId, resource: `${base}/mcp/${projectId}`, code_challenge: challenge, code_challenge_method: 'S256', state: 'browser-state' }));
    return { page, callback };
  }

  it('approve: sign in with a key (a wrong one first), see the consent page, allow', async () => {
    const { page, callback } = await open();
    await page.getByLabel('Patchbay API key').waitFor();
    await page.screenshot({ path: join(SHOTS, 'sign-in.png'), fullPage: true });
    await page.getByLabel('Patchbay API key').fill('pbk_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('That key is not valid');
    await page.screenshot({ path: join(SHOTS, 'sign-in-error.png'), fullPage: true });

    await page.getByLabel('Patchbay API key').fill(a.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('raw test client');
    expect(text).toContain('127.0.0.1:9');
    expect(text).toContain(`${base}/mcp/${projectId}`);
    expect(text).toContain('execute');
    await page.screenshot({ path: join(SHOTS, 'consent.png'), fullPage: true });
    await page.getByRole('button', { name: 'Allow' }).click();
    const back = await callback;
    expect(back.searchParams.get('code')).toEqual(expect.any(String));
    expect(back.searchParams.get('state')).toBe('browser-state');
    expect(back.searchParams.get('iss')).toBe(base);
  });

  it('deny: the client gets access_denied and no grant is made', async () => {
    const { page, callback } = await open();
    await page.getByLabel('Patchbay API key').fill(a.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    const back = await callback;
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('browser-state');
    await page.screenshot({ path: join(SHOTS, 'denied-back-at-client.png'), fullPage: true });
    const grants = await app.request('GET', `/api/oauth-grants?workspaceId=${a.workspaceId}`, { token: a.key });
    expect(grants.body.data).toHaveLength(1); // the approve test's only
  });
});
