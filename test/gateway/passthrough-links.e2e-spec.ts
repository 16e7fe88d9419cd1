import { McpError, CreateMessageRequestSchema, ElicitRequestSchema, type CallToolResult, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { PassthroughSessions } from '../../src/gateway/passthrough-sessions.service.js';
import { conformancePeerStdio } from '../peers/conformance-peer.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { GATEWAY_ENV, gatewayClient, registerServer, until } from './helpers.js';

const text = (r: unknown) => ((r as CallToolResult).content[0] as { text: string }).text;

/** With one session connection per server: who gets it, who gives it back, and what a refusal says. */
describe('gateway: connections lent to pass-through sessions', () => {
  let app: TestApp;
  let t: { workspaceId: string; key: string };
  let serverId: string;
  let sessions: PassthroughSessions;
  const relayCaps = { sampling: {}, elicitation: {} };

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        ...GATEWAY_ENV,
        GATEWAY_SESSION_CONNECTIONS_PER_SERVER: '1',
        GATEWAY_SESSION_CONNECTION_WAIT_MS: '300',
        GATEWAY_SESSION_CONNECTION_IDLE_MS: '400',
      },
    });
    t = await createTenant(app);
    serverId = await registerServer(app, t, { name: 'conformance', ...conformancePeerStdio() });
    sessions = app.app.get(PassthroughSessions);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a session that set a log level keeps a connection until it DELETEs the session', async () => {
    const { client, transport } = await gatewayClient(app, serverId, t.key);
    expect(sessions.linkStats().held).toBe(0); // initialize alone takes none
    await client.setLoggingLevel('debug');
    expect(sessions.linkStats().held).toBe(1);
    await transport.terminateSession();
    expect(sessions.linkStats()).toMatchObject({ held: 0, links: 0 });
    await client.close();
  });

  it('a session that subscribed gives its connection back once its client is gone and it idles', async () => {
    const { client } = await gatewayClient(app, serverId, t.key);
    await client.subscribeResource({ uri: 'test://watched-resource' });
    expect(sessions.linkStats().held).toBe(1);
    await client.close(); // gone without DELETE: its notification stream closes, nothing more comes
    await until(() => sessions.linkStats().held === 0);
  });

  it('at the cap, the least recently used idle connection is taken back before anyone is refused', async () => {
    const a = await gatewayClient(app, serverId, t.key);
    await a.client.setLoggingLevel('info'); // holds the only connection, idle from now on
    expect(sessions.linkStats().held).toBe(1);
    const b = await gatewayClient(app, serverId, t.key, relayCaps, (c) =>
      c.setRequestHandler(CreateMessageRequestSchema, async () => ({ model: 'm', role: 'assistant', content: { type: 'text', text: 'hi' } })),
    );
    expect(text(await b.client.callTool({ name: 'test_sampling', arguments: { prompt: 'x' } }))).toBe('LLM response: hi');
    expect(sessions.linkStats()).toMatchObject({ links: 1, held: 0 }); // a's was closed, b's parked after its call
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it('when every connection is busy, a request waits, then is refused naming the limit and its variable', async () => {
    let answer!: (r: ElicitResult) => void;
    let asked!: () => void;
    const elicited = new Promise<void>((r) => (asked = r));
    const busy = await gatewayClient(app, serverId, t.key, relayCaps, (c) =>
      c.setRequestHandler(ElicitRequestSchema, () => {
        asked();
        return new Promise<ElicitResult>((r) => (answer = r));
      }),
    );
    const pending = busy.client.callTool({ name: 'test_elicitation', arguments: { message: 'wait' } });
    await elicited; // the only connection is now busy with that call
    const other = await gatewayClient(app, serverId, t.key, relayCaps);
    const refused = await other.client.callTool({ name: 'test_simple_text', arguments: {} }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(McpError);
    expect((refused as McpError).message).toMatch(/limit 1, set by GATEWAY_SESSION_CONNECTIONS_PER_SERVER/);
    answer({ action: 'accept', content: { response: 'done' } });
    expect(text(await pending)).toBe('User response: action=accept, content={"response":"done"}');
    await Promise.all([busy.client.close(), other.client.close()]);
  });
});
