import { McpServerService } from '../../src/mcp-servers/mcp-server.service.js';
import { ConnectionCheckService } from '../../src/monitor/connection-check.service.js';
import { freePort } from '../peers/free-port.js';
import { createKey } from '../support/factories.js';
import { approve, createOAuthServer, openCallback, startOAuthWorld, type OAuthWorld } from './oauth-e2e.helpers.js';

/**
 * credentialMode per_user over REST: two API keys (alice's and bob's) call one OAuth server, each approving as a
 * different login at the real oidc-provider; the protected MCP server answers `whoami` with the token's `sub`.
 */
describe('per-user upstream credentials (REST)', () => {
  let w: OAuthWorld;
  let alice: { id: string; key: string };
  let bob: { id: string; key: string };
  let serverId: string;

  const run = (token: string) => w.call('POST', `/api/mcp-servers/${serverId}/tools/whoami/run`, { args: {} }, token);
  const subOf = (res: { status: number; body: { funcReturn?: string } }) => (res.status === 200 ? (JSON.parse(res.body.funcReturn ?? '{}') as { sub?: string }).sub : `HTTP ${res.status}`);

  /** The first call asks for the caller's own authorization; the person approves as `login`. */
  async function connectOwnAccount(token: string, login: string): Promise<void> {
    const first = await run(token);
    expect(first.status).toBe(502);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.body.code).toBe('oauth_authorization_required');
    expect(typeof first.body.authorizationUrl).toBe('string');
    const page = await openCallback(w, await approve(w, first.body.authorizationUrl, login));
    expect(page.status).toBe(200);
  }

  beforeAll(async () => {
    w = await startOAuthWorld({ accessTokenTtl: 3600 });
    alice = { id: w.tenant.keyId, key: w.tenant.key };
    bob = await createKey(w.app, w.tenant.workspaceId, ['read', 'execute']);
    ({ id: serverId } = await createOAuthServer(w, { credentialMode: 'per_user' }));
    // the catalogue is listed with a token: alice connects first (POST .../connect offers her own authorization)
    const offer = await w.call('POST', `/api/mcp-servers/${serverId}/connect`);
    expect(offer.body.authorizationUrl).toEqual(expect.any(String));
    expect((await openCallback(w, await approve(w, offer.body.authorizationUrl, 'alice'))).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await w?.close();
  });

  it('shows credentialMode on the server and refuses per_user without OAuth', async () => {
    expect((await w.call('GET', `/api/mcp-servers/${serverId}`)).body.credentialMode).toBe('per_user');
    const bad = await w.call('POST', '/api/mcp-servers', {
      workspaceId: w.tenant.workspaceId, name: 'plain', url: w.mcp.url, credentialMode: 'per_user',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('credentialMode');
     const stdio = await w.call('POST', '/api/mcp-servers', {
      workspaceId: w.tenant.workspaceId, name: 'child', command: 'node', args: ['x.js'], authType: 'oauth', credentialMode: 'per_user',
    });
    expect(stdio.status).toBe(400);
    expect(stdio.body.errors.map((e: { field: string }) => e.field)).toContain('credentialMode');
    const patched = await w.call('PATCH', `/api/mcp-servers/${serverId}`, { credentialMode: 'sometimes' });
    expect(patched.status).toBe(400);
    expect(patched.body.errors.map((e: { field: string }) => e.field)).toContain('credentialMode');
  });

  it('alice sees her own sub; bob is asked to authorize first and then sees his', async () => {
    expect(subOf(await run(alice.key))).toBe('alice');
    await connectOwnAccount(bob.key, 'bob');
    expect(subOf(await run(bob.key))).toBe('bob');
    expect(subOf(await run(alice.key))).toBe('alice');
  }, 60_000);

  it('200 concurrent calls each: every answer carries its caller\'s own sub (cross-talk 0)', async () => {
    const calls = [...Array.from({ length: 200 }, () => ['alice', alice.key]), ...Array.from({ length: 200 }, () => ['bob', bob.key])];
    const answers = await Promise.all(calls.map(async ([who, key]) => ({ who, sub: subOf(await run(key)) })));
    const crossTalk = answers.filter((a) => a.sub !== a.who).length;
    console.log(`per-user REST: ${answers.length} calls, cross-talk ${crossTalk}`);
    expect(answers.filter((a) => a.who === 'alice' && a.sub === 'alice')).toHaveLength(200);
    expect(answers.filter((a) => a.who === 'bob' && a.sub === 'bob')).toHaveLength(200);
    expect(crossTalk).toBe(0);
  }, 120_000);

  it('20 concurrent calls each at expiry make exactly one refresh grant per user', async () => {
    for (const owner of [alice.id, bob.id]) {
      const t = await w.store().getTokens(serverId, owner);
      expect(t?.refreshToken).toEqual(expect.any(String));
      await w.store().saveTokens(serverId, { ...t!, expiresAt: new Date(Date.now() - 1000), issuedAt: new Date(Date.now() - 3_600_000) }, owner);
    }
    w.as.resetCounts();
    const answers = await Promise.all(
      [...Array.from({ length: 20 }, () => ['alice', alice.key]), ...Array.from({ length: 20 }, () => ['bob', bob.key])].map(async ([who, key]) => ({
        who,
        sub: subOf(await run(key)),
      })),
    );
    console.log(`per-user refresh race: refresh grants per user ${JSON.stringify(Object.fromEntries(w.as.refreshesBySub))}`);
    expect(answers.filter((a) => a.sub !== a.who)).toEqual([]);
    expect(Object.fromEntries(w.as.refreshesBySub)).toEqual({ alice: 1, bob: 1 });
  }, 60_000);

  it('a fresh per_user server nobody connected: the first caller\'s run lists the tools with their own account', async () => {
    const { id } = await createOAuthServer(w, { credentialMode: 'per_user' });
    const carol = await createKey(w.app, w.tenant.workspaceId, ['read', 'execute']);
    const first = await w.call('POST', `/api/mcp-servers/${id}/tools/whoami/run`, { args: {} }, carol.key);
    expect(first.body).toMatchObject({ code: 'oauth_authorization_required', authorizationUrl: expect.any(String) });
    expect((await openCallback(w, await approve(w, first.body.authorizationUrl, 'carol'))).status).toBe(200);
    const again = await w.call('POST', `/api/mcp-servers/${id}/tools/whoami/run`, { args: {} }, carol.key);
    expect(subOf(again)).toBe('carol');
    // one person's missing credential left the server's status alone
    expect((await w.call('GET', `/api/mcp-servers/${id}`)).body.connectorStatus).not.toBe('error');
  }, 60_000);

  it('the monitor checks a per_user server with no one\'s token: its OAuth challenge counts as reachable', async () => {
    const probe = async (id: string) => {
      const usable = await w.app.app.get(McpServerService).usableBySystem(id);
      expect(usable!.target.credentialOwner).toBeUndefined();
      return w.app.app.get(ConnectionCheckService).probe(usable!, { timeoutMs: 5_000 });
    };
    const reachable = await probe(serverId);
    expect(reachable.outcome.ok).toBe(true);
    expect(reachable.tools).toBeUndefined(); // nothing listed: no token was used
    const { id: gone } = await createOAuthServer(w, { credentialMode: 'per_user', url: `http://127.0.0.1:${await freePort()}/mcp` });
    const down = await probe(gone);
    expect(down.outcome).toMatchObject({ ok: false, status: 'disconnected' });
  }, 60_000);

  it('lists who is connected without any token; revoking alice\'s leaves bob\'s', async () => {
    const list = await w.call('GET', `/api/mcp-servers/${serverId}/credentials`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { principalId: string }) => c.principalId).sort()).toEqual([alice.id, bob.id].sort());
    for (const c of list.body.data) {
      expect(c).toEqual({ id: expect.stringMatching(/^cred_/), principalId: expect.any(String), principalKind: 'api_key', createdAt: expect.any(String), expiresAt: expect.any(String), lastUsedAt: expect.any(String) });
    }
    const tokens = await Promise.all([alice.id, bob.id].map((o) => w.store().getTokens(serverId, o)));
    for (const t of tokens) expect(list.text).not.toContain(t!.accessToken);
    const aliceCred = list.body.data.find((c: { principalId: string }) => c.principalId === alice.id).id;

    // bob is neither its owner nor an admin
    expect((await w.call('DELETE', `/api/mcp-servers/${serverId}/credentials/${aliceCred}`, undefined, bob.key)).status).toBe(403);
    expect((await w.call('DELETE', `/api/mcp-servers/${serverId}/credentials/not-an-id`)).status).toBe(400);
    expect((await w.call('DELETE', `/api/mcp-servers/${serverId}/credentials/${aliceCred}`)).status).toBe(204);
    expect((await w.call('DELETE', `/api/mcp-servers/${serverId}/credentials/${aliceCred}`)).status).toBe(404);

    const again = await run(alice.key);
    expect(again.body.code).toBe('oauth_authorization_required');
    expect(again.body.authorizationUrl).toEqual(expect.any(String));
    expect(subOf(await run(bob.key))).toBe('bob');
    const after = await w.call('GET', `/api/mcp-servers/${serverId}/credentials`);
    expect(after.body.data.map((c: { principalId: string }) => c.principalId)).toEqual([bob.id]);

    // a workspace admin (alice's key has `admin`) may disconnect someone else's
    const bobCred = after.body.data[0].id;
    expect((await w.call('DELETE', `/api/mcp-servers/${serverId}/credentials/${bobCred}`)).status).toBe(204);
    expect((await run(bob.key)).body.code).toBe('oauth_authorization_required');
  }, 60_000);
});
