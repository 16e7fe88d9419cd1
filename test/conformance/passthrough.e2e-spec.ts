import { conformancePeerStdio, startConformancePeerHttp } from '../peers/conformance-peer.js';
import { GATEWAY_ENV, registerServer } from '../gateway/helpers.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startBearerProxy } from './bearer-proxy.js';
import { runServerSuite, scoreTable, type SuiteRun } from './server-suite.js';

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, server scenarios, suite "all") against our
 * conformance upstream: directly, and through the pass-through gateway `/mcp/{mcp_id}` with that upstream registered
 * over stdio and over streamable HTTP. The three columns compare like with like.
 */
describe('conformance suite: server scenarios through the pass-through gateway', () => {
  let app: TestApp;
  const closers: Array<() => Promise<unknown>> = [];
  const runs: Record<string, SuiteRun> = {};

  beforeAll(async () => {
    app = await startTestApp({ env: GATEWAY_ENV });
    closers.push(() => app.stop());
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    if (Object.keys(runs).length) console.log(`MCP conformance, server scenarios (suite "all")\n${scoreTable(runs)}`);
  }, 60_000);

  const expectAllPassed = (run: SuiteRun) => {
    const failed = run.results.filter((r) => !r.passed).map((r) => `${r.scenario}: ${r.failures.join('; ')}`);
    expect(failed).toEqual([]);
    expect(run.total).toBe(32);
    expect(run.passed).toBe(32);
    // Warnings only where the suite itself makes them unavoidable (README, "MCP conformance suite").
    expect(run.results.filter((r) => r.warnings.length).map((r) => r.scenario)).toEqual(['server-sse-polling']);
  };

  it('the upstream itself passes every scenario (direct, streamable HTTP)', async () => {
    const peer = await startConformancePeerHttp();
    closers.push(() => peer.close());
    runs.direct = await runServerSuite(peer.url);
    expectAllPassed(runs.direct);
  }, 120_000);

  it('passes every scenario through /mcp/{mcp_id} in front of the upstream over stdio', async () => {
    const t = await createTenant(app);
    const id = await registerServer(app, t, { name: 'conformance-stdio', ...conformancePeerStdio() });
    const proxy = await startBearerProxy(`${app.url}/mcp/${id}`, t.key);
    closers.push(() => proxy.close());
    runs['via gateway, stdio'] = await runServerSuite(proxy.url);
    expectAllPassed(runs['via gateway, stdio']);
  }, 180_000);

  it('passes every scenario through /mcp/{mcp_id} in front of the upstream over streamable HTTP', async () => {
    const peer = await startConformancePeerHttp();
    closers.push(() => peer.close());
    const t = await createTenant(app);
    const id = await registerServer(app, t, { name: 'conformance-http', url: peer.url });
    const proxy = await startBearerProxy(`${app.url}/mcp/${id}`, t.key);
    closers.push(() => proxy.close());
    runs['via gateway, http'] = await runServerSuite(proxy.url);
    expectAllPassed(runs['via gateway, http']);
  }, 180_000);
});
