import { resolve } from 'node:path';
import { freePort } from '../peers/free-port.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { OAUTH_STORE, type OAuthStore } from '../../src/oauth/oauth.types.js';
import { MAX_STEP_UPS } from '../../src/oauth/step-up.js';
import { node22, runClientSuite, scoreTable, type ScenarioResult } from './conformance-suite.js';

/**
 * The official MCP conformance suite's OAuth client scenarios (`auth` + `backcompat` suites of
 * @modelcontextprotocol/conformance, the version pinned in package.json), with Patchbay as the
 * client: test/conformance/patchbay-client.ts registers each scenario's server, connects,
 * approves headless, refreshes and runs a tool, all through the public REST API.
 */

const CLIENT = resolve(import.meta.dirname ?? '.', 'patchbay-client.ts');

/** Every auth scenario of the pinned suite version (list: `npx conformance list --client`). */
const AUTH_SCENARIOS = [
  'auth/2025-03-26-oauth-endpoint-fallback',
  'auth/2025-03-26-oauth-metadata-backcompat',
  'auth/basic-cimd',
  'auth/metadata-default',
  'auth/metadata-var1',
  'auth/metadata-var2',
  'auth/metadata-var3',
  'auth/pre-registration',
  'auth/scope-from-scopes-supported',
  'auth/scope-from-www-authenticate',
  'auth/scope-omitted-when-undefined',
  'auth/scope-retry-limit',
  'auth/scope-step-up',
  'auth/token-endpoint-auth-basic',
  'auth/token-endpoint-auth-none',
  'auth/token-endpoint-auth-post',
];

describe('MCP conformance suite, auth client scenarios, Patchbay as the OAuth client', () => {
  let app: TestApp;
  let results: ScenarioResult[];
  let tenantKey: string;

  beforeAll(async () => {
    const port = await freePort();
    app = await startTestApp({
      port,
      env: {
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        // the scenario servers listen on loopback
        MCP_ALLOW_PRIVATE_NETWORKS: 'true',
        // auth/basic-cimd expects exactly this client_id (its AS accepts it without fetching it)
        OAUTH_CLIENT_METADATA_URL: 'https://conformance-test.local/client-metadata.json',
      },
    });
    const tenant = await createTenant(app);
    tenantKey = tenant.key;
    const env = { PATCHBAY_URL: app.url, PATCHBAY_API_KEY: tenant.key, PATCHBAY_WORKSPACE_ID: tenant.workspaceId };
    const command = `${node22()} ${CLIENT}`;
    const suites = await Promise.all(['auth', 'backcompat'].map((suite) => runClientSuite({ suite, command, env })));
    results = suites.flat().sort((a, b) => a.scenario.localeCompare(b.scenario));
    console.log(scoreTable('Patchbay as OAuth client (conformance auth + backcompat)', results));
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('runs every auth scenario of the pinned suite version', () => {
    expect(results.map((r) => r.scenario)).toEqual(AUTH_SCENARIOS);
  });

  it.each(AUTH_SCENARIOS)('%s passes', (scenario) => {
    const r = results.find((x) => x.scenario === scenario);
    const bad = r?.checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING') ?? [];
    // on failure: the suite's own words, then what the client printed
    expect({ scenario, failing: bad.map((c) => `${c.status} ${c.id}: ${c.description}`), output: r?.passed ? '' : r?.clientOutput }).toEqual({
      scenario,
      failing: [],
      output: '',
    });
  });

  // The suite's retry-limit check also passes for a client that never steps up: hold Patchbay to
  // stepping up, then stopping by itself (the client script would go on while offered).
  // (The scenario itself answers 410 after three requests with a token, so the client script sees
  // that first; the step-up state shows Patchbay had stopped on its own.)
  it('scope-retry-limit: Patchbay re-authorizes for the challenged scope, then stops offering', async () => {
    const r = results.find((x) => x.scenario === 'auth/scope-retry-limit');
    const attempts = r?.checks.filter((c) => c.id === 'scope-retry-auth-attempt').length ?? 0;
    // the first authorization already asked for mcp:admin, so it counts as the first of MAX_STEP_UPS
    expect(attempts).toBe(MAX_STEP_UPS);
    const serverId = /registered (mcp_\w+)/.exec(r?.clientOutput ?? '')?.[1] ?? '';
    const tokens = await app.app.get<OAuthStore>(OAUTH_STORE).getTokens(serverId);
    expect(tokens?.stepUp).toEqual({ scope: 'mcp:admin', attempts: MAX_STEP_UPS, pending: false });
    const connect = await app.request('POST', `/api/mcp-servers/${serverId}/connect`, { token: tenantKey });
    expect(connect.body?.authorizationUrl).toBeUndefined();
  });

  it('scope-step-up: the second authorization asks for the wider scope', () => {
    const r = results.find((x) => x.scenario === 'auth/scope-step-up');
    expect(r?.checks.find((c) => c.id === 'scope-step-up-escalation')?.status).toBe('SUCCESS');
  });

  it('never leaks an upstream token or client secret into the logs', () => {
    const secrets = /test-token-|test-client-secret|test-secret-|pre-registered-secret/;
    expect(app.logs.filter((l) => secrets.test(l))).toEqual([]);
  });
});

