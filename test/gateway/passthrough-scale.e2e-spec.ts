import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ConnectionPool } from '../../src/connections/index.js';
import { PassthroughSessions } from '../../src/gateway/passthrough-sessions.service.js';
import { CONFORMANCE_PEER, conformancePeerStdio } from '../peers/conformance-peer.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { GATEWAY_ENV, gatewayClient, registerServer } from './helpers.js';

const PER_SERVER = 4;

/**
 * Live children of this process running the conformance peer over stdio (read from /proc: what the OS sees, not our
 * bookkeeping; other test files running at the same time launch the same peer from their own processes).
 */
function livePeers(): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (ppid === process.pid && argv.includes(CONFORMANCE_PEER) && argv.includes('--stdio')) n++;
    } catch {
      // the process ended while we looked
    }
  }
  return n;
}

/** An SDK client that declares sampling and elicitation and answers both. */
async function relayClient(app: TestApp, serverId: string, key: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  return gatewayClient(app, serverId, key, { sampling: {}, elicitation: {} }, (c) => {
    c.setRequestHandler(CreateMessageRequestSchema, async () => ({ model: 'm', role: 'assistant', content: { type: 'text', text: 'sampled' } }));
    c.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { response: 'yes' } }));
  });
}

const text = (r: unknown) => ((r as CallToolResult).content[0] as { text: string }).text;

describe('gateway: pass-through sessions that scale (one stdio server)', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let serverId: string;
  let sessions: PassthroughSessions;
  let pool: ConnectionPool;

  beforeAll(async () => {
    app = await startTestApp({ env: { ...GATEWAY_ENV, GATEWAY_SESSION_CONNECTIONS_PER_SERVER: String(PER_SERVER) } });
    t = await createTenant(app);
    serverId = await registerServer(app, t, { name: 'conformance', ...conformancePeerStdio() });
    sessions = app.app.get(PassthroughSessions);
    pool = app.app.get(ConnectionPool);
  });
  afterAll(async () => {
    await app?.stop();
  });

  // The bound: the shared pooled connection plus at most PER_SERVER connections lent to sessions.
  const bound = 1 + PER_SERVER;

  it('100 sequential sessions, each relaying sampling and never deleted, run on a bounded number of processes', async () => {
    let most = 0;
    for (let i = 0; i < 100; i++) {
      // Like the conformance suite's clients: close the transport, never DELETE the session.
      const { client } = await relayClient(app, serverId, t.key);
      expect(text(await client.callTool({ name: 'test_sampling', arguments: { prompt: `p${i}` } }))).toBe('LLM response: sampled');
      await client.close();
      most = Math.max(most, livePeers());
    }
    expect(most).toBeGreaterThan(0); // the count sees our processes at all
    expect(most).toBeLessThanOrEqual(bound);
    expect(livePeers()).toBeLessThanOrEqual(bound);
    expect(pool.stats().processes.perWorkspace[t.workspaceId]).toBeLessThanOrEqual(bound);
    expect(sessions.linkStats().held).toBe(0);
    console.log(`after 100 sequential sessions: ${livePeers()} live stdio processes (bound ${bound}), links ${JSON.stringify(sessions.linkStats())}`);
  }, 240_000);

  it('32 concurrent sessions, each eliciting, all succeed on a bounded number of processes', async () => {
    const clients = await Promise.all(Array.from({ length: 32 }, () => relayClient(app, serverId, t.key)));
    const results = await Promise.all(clients.map(({ client }, i) => client.callTool({ name: 'test_elicitation', arguments: { message: `q${i}` } })));
    expect(results.map(text)).toEqual(results.map(() => 'User response: action=accept, content={"response":"yes"}'));
    expect(livePeers()).toBeLessThanOrEqual(bound);
    await Promise.all(clients.map(async ({ client, transport }) => (await transport.terminateSession(), await client.close())));
    expect(sessions.linkStats().held).toBe(0);
  }, 240_000);
});
