import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import { McpServerService } from '../../src/mcp-servers/mcp-server.service.js';
import { ServerRepository } from '../../src/mcp-servers/server.repository.js';
import { PostgresOAuthStore } from '../../src/oauth/store/postgres-oauth.store.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The Postgres OAuthStore against a real database; a second instance stands in for another replica. */
describe('PostgresOAuthStore', () => {
  let app: TestApp;
  let a: PostgresOAuthStore;
  let b: PostgresOAuthStore;
  let db: DataSource;
  let serverId: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { MCP_ALLOW_PRIVATE_NETWORKS: 'true' } });
    const t = await createTenant(app);
    const res = await app.request('POST', '/api/mcp-servers', {
      body: { workspaceId: t.workspaceId, name: 'store-test', url: 'http://127.0.0.1:9/mcp', authType: 'oauth' },
    });
    serverId = res.body.id;
    db = app.app.get<DataSource>(getDataSourceToken());
    a = app.app.get(PostgresOAuthStore);
    b = new PostgresOAuthStore(db, app.app.get(SecretBox), app.app.get(McpServerService), app.app.get(ServerRepository));
  });
  afterAll(async () => {
    await b?.onApplicationShutdown();
    await app?.stop();
  });

  const state = (value: string, expiresInMs = 600_000) => ({
    state: value, serverId, principalId: 'key_x', codeVerifier: `verifier-${value}`, redirectUri: 'http://x/cb',
    issuer: 'http://as', resource: 'http://127.0.0.1:9/mcp', expiresAt: new Date(Date.now() + expiresInMs),
  });

  it('keeps tokens and client secrets sealed at rest and mirrors the expiry onto the server', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    await a.saveTokens(serverId, { accessToken: 'at-plain-1', refreshToken: 'rt-plain-1', expiresAt, tokenType: 'bearer', issuer: 'http://as' });
    await a.saveClient(serverId, 'http://as', { clientId: 'c1', clientSecret: 'cs-plain-1', registrationMethod: 'dcr' });
    expect(await b.getTokens(serverId)).toMatchObject({ accessToken: 'at-plain-1', refreshToken: 'rt-plain-1', expiresAt });
    expect(await b.getClient(serverId, 'http://as')).toMatchObject({ clientId: 'c1', clientSecret: 'cs-plain-1', registrationMethod: 'dcr' });
    const dump = JSON.stringify(await db.query('SELECT t.*, c.* FROM oauth_tokens t JOIN oauth_clients c USING (server_id)'));
    expect(dump).not.toMatch(/at-plain-1|rt-plain-1|cs-plain-1/);
    const [row] = await db.query('SELECT oauth_expires_at FROM mcp_servers WHERE id = $1', [serverId]);
    expect(row.oauth_expires_at.getTime()).toBe(expiresAt.getTime());

    await a.deleteTokens(serverId);
    expect(await b.getTokens(serverId)).toBeNull();
    const [after] = await db.query('SELECT oauth_expires_at FROM mcp_servers WHERE id = $1', [serverId]);
    expect(after.oauth_expires_at).toBeNull();
  });

  it('stores a state only as its hash and hands it out once, even to racing replicas', async () => {
    await a.createState(state('race-me'));
    const rows = await db.query('SELECT state_hash, code_verifier_sealed FROM oauth_states');
    expect(JSON.stringify(rows)).not.toMatch(/race-me/);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).consumeState('race-me')));
    const won = results.filter(Boolean);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ serverId, principalId: 'key_x', codeVerifier: 'verifier-race-me' });
    expect(await a.consumeState('race-me')).toBeNull();
  });

  it('refuses an expired state and an unknown one', async () => {
    await a.createState(state('too-late', -1));
    expect(await a.consumeState('too-late')).toBeNull();
    expect(await a.consumeState('never-issued')).toBeNull();
  });

  it('serialises credential work per server across replicas, and not across servers', async () => {
    const log: string[] = [];
    let inside = 0;
    let maxInside = 0;
    const work = (who: string) => async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      log.push(`${who}+`);
      await new Promise((r) => setTimeout(r, 30));
      log.push(`${who}-`);
      inside--;
      return who;
    };
    const out = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).withCredentialLock(serverId, work(`w${i}`))));
    expect(out).toHaveLength(12);
    expect(maxInside).toBe(1);
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i].replace('+', '-'));

    // A failure inside releases the lock; another server's lock is independent.
    await expect(a.withCredentialLock(serverId, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    let other = false;
    await a.withCredentialLock(serverId, async () => {
      await b.withCredentialLock('mcp_other_server', async () => { other = true; });
    });
    expect(other).toBe(true);
    expect(await b.withCredentialLock(serverId, async () => 'free')).toBe('free');
  });
});
