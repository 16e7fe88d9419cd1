import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { gatewayClient } from '../gateway/helpers.js';
import { createKey } from '../support/factories.js';
import { approve, createOAuthServer, openCallback, startOAuthWorld, type OAuthWorld } from './oauth-e2e.helpers.js';

/**
 * credentialMode per_user through the gateway: a URL-mode elicitation for a client that declared it, a tool error
 * carrying the URL for one that did not, and each caller's own upstream `sub` under concurrency (aggregate and
 * pass-through).
 */
describe('per-user upstream credentials (gateway)', () => {
  let w: OAuthWorld;
  let alice: { id: string; key: string };
  let bob: { id: string; key: string };
  let carol: { id: string; key: string };
  let serverId: string;
  let toolName: string;
  const clients: Array<{ close(): Promise<void> }> = [];

  const textOf = (r: CallToolResult) => (r.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? '').join('\n');
  const subOf = (r: CallToolResult) => (r.isError ? `error: ${textOf(r)}` : (JSON.parse(textOf(r)) as { sub: string }).sub);

  beforeAll(async () => {
    w = await startOAuthWorld({ accessTokenTtl: 3600 });
    alice = { id: w.tenant.keyId, key: w.tenant.key };
    bob = await createKey(w.app, w.tenant.workspaceId, ['read', 'execute']);
    carol = await createKey(w.app, w.tenant.workspaceId, ['read', 'execute']);
    ({ id: serverId } = await createOAuthServer(w, { credentialMode: 'per_user' }));
    const offer = await w.call('POST', `/api/mcp-servers/${serverId}/connect`);
    expect((await openCallback(w, await approve(w, offer.body.authorizationUrl, 'alice'))).status).toBe(200);
    toolName = `${(await w.call('GET', `/api/mcp-servers/${serverId}`)).body.name}__whoami`;
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.close()));
    await w?.close();
  });

  it('a client without URL elicitation gets a tool error whose text carries its own authorization URL', async () => {
    const { client } = await gatewayClient(w.app, serverId, carol.key);
    clients.push(client);
    const r = (await client.callTool({ name: 'whoami', arguments: {} })) as CallToolResult;
    expect(r.isError).toBe(true);
    const url = /https?:\/\/\S+/.exec(textOf(r))?.[0];
    expect(url).toEqual(expect.stringContaining('/auth?'));
    expect(r._meta?.['patchbay/authorizationUrl']).toBe(url);
    // the URL is carol's: approving it connects her account, and the same call then answers as her
    expect((await openCallback(w, await approve(w, url!, 'carol'))).status).toBe(200);
    expect(subOf((await client.callTool({ name: 'whoami', arguments: {} })) as CallToolResult)).toBe('carol');
  }, 60_000);

  it('bob, not connected, is sent a URL-mode elicitation; once he approves the same call answers as bob', async () => {
    const asked: Array<{ mode?: string; url?: string }> = [];
    const { client } = await gatewayClient(w.app, serverId, bob.key, { elicitation: { url: {} } } as never, (c) =>
      c.setRequestHandler(ElicitRequestSchema, async (req) => {
        const params = req.params as { mode?: string; url?: string };
        asked.push(params);
        // the person opens the URL, signs in as bob and approves
        expect((await openCallback(w, await approve(w, params.url!, 'bob'))).status).toBe(200);
        return { action: 'accept' };
      }),
    );
    clients.push(client);
    const r = (await client.callTool({ name: 'whoami', arguments: {} })) as CallToolResult;
    expect(asked).toHaveLength(1);
    expect(asked[0].mode).toBe('url');
    expect(subOf(r)).toBe('bob');
    // connected now: no second elicitation
    expect(subOf((await client.callTool({ name: 'whoami', arguments: {} })) as CallToolResult)).toBe('bob');
    expect(asked).toHaveLength(1);
  }, 60_000);

  it('200 concurrent calls each, aggregate and pass-through: each caller sees their own sub (cross-talk 0)', async () => {
    const aggA = (await gatewayClient(w.app, w.tenant.workspaceId, alice.key)).client;
    const aggB = (await gatewayClient(w.app, w.tenant.workspaceId, bob.key)).client;
    const ptA = (await gatewayClient(w.app, serverId, alice.key)).client;
    const ptB = (await gatewayClient(w.app, serverId, bob.key)).client;
    clients.push(aggA, aggB, ptA, ptB);
    const jobs: Array<Promise<{ who: string; sub: string }>> = [];
    for (let i = 0; i < 100; i++) {
      for (const [who, c, name] of [['alice', aggA, toolName], ['bob', aggB, toolName], ['alice', ptA, 'whoami'], ['bob', ptB, 'whoami']] as const) {
        jobs.push(c.callTool({ name, arguments: {} }).then((r) => ({ who, sub: subOf(r as CallToolResult) })));
      }
    }
    const answers = await Promise.all(jobs);
    const crossTalk = answers.filter((a) => a.sub !== a.who).length;
    console.log(`per-user gateway: ${answers.length} calls (200 alice, 200 bob), cross-talk ${crossTalk}`);
    expect(answers.filter((a) => a.who === 'alice' && a.sub === 'alice')).toHaveLength(200);
    expect(answers.filter((a) => a.who === 'bob' && a.sub === 'bob')).toHaveLength(200);
    expect(crossTalk).toBe(0);
  }, 120_000);
});
