import { HttpStatus, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { SecretBox, sha256Hex } from '../../common/crypto/secret-box.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { McpServerService } from '../../mcp-servers/mcp-server.service.js';
import { ServerRepository } from '../../mcp-servers/server.repository.js';
import { newId } from '../../common/ids/ids.js';
import {
  credentialKey,
  type ClientRegistrationMethod,
  type OAuthClientRecord,
  type OAuthStateRecord,
  type OAuthStore,
  type OAuthTokenRecord,
  type StepUpState,
} from '../oauth.types.js';

/** First key of `pg_advisory_xact_lock(int, int)`: Patchbay's OAuth credentials. */
const LOCK_NAMESPACE = 0x0a07_c0de;
/** Longest wait for another replica's refresh of the same credential. */
const LOCK_TIMEOUT = '60s';
/** `lastUsedAt` is kept to the minute: not a write per call. */
const TOUCH_EVERY_MS = 60_000;

/** A per-user credential as listed (never a token). */
export interface CredentialRow {
  id: string;
  principalId: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

interface TokenRow {
  issuer: string;
  access_token_sealed: string;
  refresh_token_sealed: string | null;
  expires_at: Date | null;
  token_type: string;
  scope: string | null;
  resource: string | null;
  updated_at: Date;
  step_up_scope: string | null;
  step_up_attempts: number;
  step_up_pending: boolean;
}

interface StateRow {
  server_id: string;
  principal_id: string;
  code_verifier_sealed: string;
  redirect_uri: string;
  issuer: string;
  resource: string | null;
  expires_at: Date;
}

/**
 * OAuthStore over oauth_clients / oauth_tokens / oauth_states. Every secret (tokens, DCR client
 * secret, PKCE verifier) is sealed with SecretBox; a `state` is kept only as its sha256.
 *
 * Credential locks: callers in this process queue on a per-server promise chain, and the head of
 * the queue takes `pg_advisory_xact_lock` inside a transaction on a small pool of its own, so
 * replicas serialise too. Waiters never hold a connection of the main pool, which the work inside
 * the lock needs (with a shared pool, N waiters could starve the holder: a deadlock).
 */
@Injectable()
export class PostgresOAuthStore implements OAuthStore, OnApplicationShutdown {
  private readonly logger = new Logger('OAuthStore');
  private readonly lockPool: pg.Pool;
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly touched = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly servers: McpServerService,
    private readonly rows: ServerRepository,
  ) {
    const url = (db.options as { url?: string }).url;
    this.lockPool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, application_name: 'patchbay-oauth-lock' });
    this.lockPool.on('error', (e: Error) => this.logger.warn(`idle lock connection failed: ${e.message}`));
  }

  /** Test and ops hook: the clock used to judge a state's expiry. */
  now: () => number = Date.now;

  async getClient(serverId: string, issuer: string): Promise<OAuthClientRecord | null> {
    const rows: Array<{ client_id: string; client_secret_sealed: string | null; registration_method: string; token_endpoint_auth_method: string | null }> =
      await this.db.query(
        'SELECT client_id, client_secret_sealed, registration_method, token_endpoint_auth_method FROM oauth_clients WHERE server_id = $1 AND issuer = $2',
        [serverId, issuer],
      );
    const r = rows[0];
    if (!r) return null;
    return {
      clientId: r.client_id,
      clientSecret: r.client_secret_sealed ? this.box.decrypt(r.client_secret_sealed) : undefined,
      registrationMethod: r.registration_method as ClientRegistrationMethod,
      tokenEndpointAuthMethod: r.token_endpoint_auth_method ?? undefined,
    };
  }

  async saveClient(serverId: string, issuer: string, c: OAuthClientRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO oauth_clients (server_id, issuer, client_id, client_secret_sealed, registration_method, token_endpoint_auth_method)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (server_id, issuer) DO UPDATE SET client_id = EXCLUDED.client_id, client_secret_sealed = EXCLUDED.client_secret_sealed,
         registration_method = EXCLUDED.registration_method, token_endpoint_auth_method = EXCLUDED.token_endpoint_auth_method`,
      [serverId, issuer, c.clientId, c.clientSecret ? this.box.encrypt(c.clientSecret) : null, c.registrationMethod, c.tokenEndpointAuthMethod ?? null],
    );
  }

  async getTokens(serverId: string, principalId = ''): Promise<OAuthTokenRecord | null> {
    const rows: TokenRow[] = await this.db.query(
      `SELECT issuer, access_token_sealed, refresh_token_sealed, expires_at, token_type, scope, resource, updated_at,
         step_up_scope, step_up_attempts, step_up_pending
       FROM oauth_tokens WHERE server_id = $1 AND principal_id = $2`,
      [serverId, principalId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      accessToken: this.box.decrypt(r.access_token_sealed),
      refreshToken: r.refresh_token_sealed ? this.box.decrypt(r.refresh_token_sealed) : undefined,
      expiresAt: r.expires_at ?? undefined,
      tokenType: r.token_type,
      scope: r.scope ?? undefined,
      issuer: r.issuer,
      resource: r.resource ?? undefined,
      issuedAt: r.updated_at,
      stepUp: r.step_up_scope === null ? undefined : { scope: r.step_up_scope, attempts: r.step_up_attempts, pending: r.step_up_pending },
    };
  }

  async saveStepUp(serverId: string, s: StepUpState | null, principalId = ''): Promise<void> {
    await this.db.query('UPDATE oauth_tokens SET step_up_scope = $2, step_up_attempts = $3, step_up_pending = $4 WHERE server_id = $1 AND principal_id = $5', [
      serverId,
      s?.scope ?? null,
      s?.attempts ?? 0,
      s?.pending ?? false,
      principalId,
    ]);
  }

  /** `lastUsedAt` of a per-user credential, written at most once a minute per credential and process. */
  touch(serverId: string, principalId: string): void {
    const key = credentialKey(serverId, principalId);
    const at = this.now();
    if (at - (this.touched.get(key) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(key, at);
    if (this.touched.size > 50_000) this.touched.clear();
    this.db
      .query('UPDATE oauth_tokens SET last_used_at = now() WHERE server_id = $1 AND principal_id = $2', [serverId, principalId])
      .catch((e: Error) => this.logger.warn(`marking credential use of ${serverId}: ${e.message}`));
  }

  /** The per-user credentials of a server, oldest first (never a token). */
  async listCredentials(serverId: string): Promise<CredentialRow[]> {
    const rows: Array<{ id: string; principal_id: string; created_at: Date; expires_at: Date | null; last_used_at: Date | null }> = await this.db.query(
      `SELECT id, principal_id, created_at, expires_at, last_used_at FROM oauth_tokens
       WHERE server_id = $1 AND principal_id <> '' ORDER BY created_at, id`,
      [serverId],
    );
    return rows.map((r) => ({ id: r.id, principalId: r.principal_id, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at }));
  }

  /** One per-user credential by its cred_ id, or null. */
  async findCredential(serverId: string, id: string): Promise<CredentialRow | null> {
    return (await this.listCredentials(serverId)).find((c) => c.id === id) ?? null;
  }

  /**
   * Upserts the tokens; the shared credential's expiry is mirrored onto the server row (`oauthExpiresAt`) in the same
   * transaction. A per-user credential leaves the row alone (it is one person's, not the server's).
   */
  async saveTokens(serverId: string, t: OAuthTokenRecord, principalId = ''): Promise<void> {
    const inserted = await this.db.transaction(async (tx) => {
      const rows: Array<{ inserted: boolean }> = await tx.query(
        `INSERT INTO oauth_tokens (server_id, issuer, access_token_sealed, refresh_token_sealed, expires_at, token_type, scope, resource, updated_at, principal_id, id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (server_id, principal_id) DO UPDATE SET issuer = EXCLUDED.issuer, access_token_sealed = EXCLUDED.access_token_sealed,
           refresh_token_sealed = EXCLUDED.refresh_token_sealed, expires_at = EXCLUDED.expires_at, token_type = EXCLUDED.token_type,
           scope = EXCLUDED.scope, resource = EXCLUDED.resource, updated_at = EXCLUDED.updated_at
         RETURNING (xmax = 0) AS inserted`,
        [
          serverId,
          t.issuer,
          this.box.encrypt(t.accessToken),
          t.refreshToken ? this.box.encrypt(t.refreshToken) : null,
          t.expiresAt ?? null,
          t.tokenType,
          t.scope ?? null,
          t.resource ?? null,
          t.issuedAt ?? new Date(),
          principalId,
          newId('cred'),
        ],
      );
      if (!principalId) await this.rows.system.setOAuthExpiry(serverId, t.expiresAt ?? null, tx);
      return rows[0]?.inserted === true;
    });
    // A credential that appears changes what the server can do; a silent refresh does not (the
    // live connection asks for the token on every request), so it must not close connections.
    // A per-user credential's target is built per caller: nothing cached to drop.
    if (inserted && !principalId) await this.servers.credentialChanged(serverId);
  }

  /**
   * Also called mid-request when a refresh token turns out dead: live connections are left alone
   * (their next request finds no token and fails with the reason) rather than torn down under
   * calls in flight. `DELETE .../oauth` announces the change itself.
   */
  async deleteTokens(serverId: string, principalId = ''): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM oauth_tokens WHERE server_id = $1 AND principal_id = $2', [serverId, principalId]);
      if (!principalId) await this.rows.system.setOAuthExpiry(serverId, null, tx);
    });
  }

  async createState(rec: OAuthStateRecord): Promise<void> {
    // Abandoned flows are swept here: starting a flow is rare, and the table stays tiny.
    await this.db.query(`DELETE FROM oauth_states WHERE expires_at < now() - interval '1 hour'`);
    await this.db.query(
      `INSERT INTO oauth_states (state_hash, server_id, principal_id, code_verifier_sealed, redirect_uri, issuer, resource, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [sha256Hex(rec.state), rec.serverId, rec.principalId, this.box.encrypt(rec.codeVerifier), rec.redirectUri, rec.issuer, rec.resource ?? null, rec.expiresAt],
    );
  }

  /** Single use across replicas: the DELETE that returns the row is the only read. */
  async consumeState(state: string): Promise<OAuthStateRecord | null> {
    const [rows]: [StateRow[], number] = await this.db.query(
      `DELETE FROM oauth_states WHERE state_hash = $1
       RETURNING server_id, principal_id, code_verifier_sealed, redirect_uri, issuer, resource, expires_at`,
      [sha256Hex(state)],
    );
    const r = rows[0];
    if (!r || r.expires_at.getTime() <= this.now()) return null;
    return {
      state,
      serverId: r.server_id,
      principalId: r.principal_id,
      codeVerifier: this.box.decrypt(r.code_verifier_sealed),
      redirectUri: r.redirect_uri,
      issuer: r.issuer,
      resource: r.resource ?? undefined,
      expiresAt: r.expires_at,
    };
  }

  withCredentialLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous.then(
      () => this.underAdvisoryLock(key, fn),
      () => this.underAdvisoryLock(key, fn),
    );
    const tail = run.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
  }

  private async underAdvisoryLock<T>(serverId: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.lockPool.connect();
    let healthy = true;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      try {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, serverId]);
      } catch (e) {
        if ((e as { code?: string }).code === '55P03') {
          throw new DomainError('oauth_credential_busy', HttpStatus.SERVICE_UNAVAILABLE, `The OAuth credential of ${serverId} is being renewed elsewhere; try again`);
        }
        throw e;
      }
      return await fn();
    } finally {
      // Nothing is written on this connection: ending the transaction just releases the lock.
      await client.query('ROLLBACK').catch(() => {
        healthy = false;
      });
      client.release(healthy ? undefined : true);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lockPool.end().catch(() => undefined);
  }
}
