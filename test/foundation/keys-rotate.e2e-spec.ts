import pg from 'pg';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import { newId } from '../../src/common/ids/ids.js';
import { rotateSealedColumns, sealedColumns } from '../../src/scripts/key-rotation.js';
import { startHttpPeer, type HttpPeer } from '../peers/index.js';
import { createTestDatabase } from '../support/database.js';
import { createTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OLD = Buffer.alloc(32, 1).toString('base64');
const NEW = Buffer.alloc(32, 2).toString('base64');
const UNKNOWN = Buffer.alloc(32, 9).toString('base64');

/** `npm run keys:rotate`: every sealed column re-encrypted under ENCRYPTION_KEY, idempotently. */
describe('encryption key rotation', () => {
  let db: { url: string; drop(): Promise<void> };
  let peer: HttpPeer;
  let client: pg.Client;
  let serverId: string;
  let app: TestApp | undefined;
  const env = { MCP_ALLOW_PRIVATE_NETWORKS: 'true' };

  beforeAll(async () => {
    [db, peer] = await Promise.all([createTestDatabase(), startHttpPeer({ requireBearer: 'upstream-secret-1234' })]);
    app = await startTestApp({ databaseUrl: db.url, env: { ...env, ENCRYPTION_KEY: OLD } });
    const t = await createTenant(app);
    const res = await app.request('POST', '/api/mcp-servers', {
      token: t.key,
      body: {
        workspaceId: t.workspaceId, name: 'guarded', url: peer.url, transport: 'streamable_http',
        authType: 'api_key', apiKey: 'upstream-secret-1234', headers: { 'X-Tenant': 'acme-header-secret' },
      },
    });
    expect(res.status).toBe(201);
    serverId = res.body.id;
    await app.stop();
    app = undefined;
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // OAuth rows as the OAuth store writes them, sealed under the old key too
    const old = new SecretBox([OLD]);
    await client.query(
      `INSERT INTO oauth_tokens (server_id, issuer, access_token_sealed, refresh_token_sealed, token_type, id) VALUES ($1, 'https://as', $2, $3, 'Bearer', $4)`,
      [serverId, old.encrypt('access-123'), old.encrypt('refresh-456'), newId('cred')],
    );
    await client.query(
      `INSERT INTO oauth_clients (server_id, issuer, client_id, client_secret_sealed, registration_method) VALUES ($1, 'https://as', 'c1', $2, 'dcr')`,
      [serverId, old.encrypt('client-secret-789')],
    );
  });

  afterAll(async () => {
    await app?.stop();
    await client?.end();
    await peer?.close();
    await db?.drop();
  });

  const sealedValues = async () => {
    const out: Record<string, string> = {};
    for (const { table, columns } of await sealedColumns(client)) {
      const { rows } = await client.query<Record<string, string | null>>(`SELECT ${columns.join(', ')} FROM ${table}`);
      for (const [i, row] of rows.entries()) for (const c of columns) if (row[c]) out[`${table}.${c}#${i}`] = row[c];
    }
    return out;
  };

  it('finds every *_sealed column of the schema', async () => {
    const cols = (await sealedColumns(client)).flatMap((t) => t.columns.map((c) => `${t.table}.${c}`));
    expect(cols).toEqual(
      expect.arrayContaining([
        'mcp_servers.api_key_sealed', 'mcp_servers.headers_sealed', 'mcp_servers.env_sealed',
        'mcp_servers.oauth_client_secret_sealed', 'mcp_servers.proxy_auth_sealed',
        'oauth_clients.client_secret_sealed', 'oauth_tokens.access_token_sealed',
        'oauth_tokens.refresh_token_sealed', 'oauth_states.code_verifier_sealed',
      ]),
    );
  });

  it('leaves a value it cannot open untouched and says so', async () => {
    const before = await sealedValues();
    const report = await rotateSealedColumns(client, new SecretBox([NEW, UNKNOWN]));
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures[0].error).toContain('no encryption key');
    expect(await sealedValues()).toEqual(before);
  });

  it('re-encrypts everything under the new key, and a second run changes nothing', async () => {
    const box = new SecretBox([NEW, OLD]);
    const before = await sealedValues();
    const plain = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, box.decrypt(v)]));
    expect(Object.values(plain)).toEqual(expect.arrayContaining(['upstream-secret-1234', 'access-123', 'refresh-456', 'client-secret-789']));

    const first = await rotateSealedColumns(client, box);
    expect(first.failures).toEqual([]);
    expect(first.columns.reduce((n, c) => n + c.rotated, 0)).toBe(Object.keys(before).length);

    const after = await sealedValues();
    const onlyNew = new SecretBox([NEW]);
    for (const [k, v] of Object.entries(after)) {
      expect(onlyNew.keyIdOf(v)).toBe(onlyNew.currentKeyId);
      expect(onlyNew.decrypt(v)).toBe(plain[k]);
    }

    const second = await rotateSealedColumns(client, box);
    expect(second.columns.reduce((n, c) => n + c.rotated, 0)).toBe(0);
    expect(second.columns.reduce((n, c) => n + c.current, 0)).toBe(Object.keys(before).length);
    expect(await sealedValues()).toEqual(after);
  });

  it('Patchbay with only the new key still reaches the upstream with the rotated credential', async () => {
    app = await startTestApp({ databaseUrl: db.url, env: { ...env, ENCRYPTION_KEY: NEW } });
    const res = await app.request('POST', `/api/mcp-servers/${serverId}/refresh`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { name: string }) => t.name)).toContain('echo');
    expect(app.logs.join('\n')).not.toContain('upstream-secret-1234');
  });
});
