import type { Adapter, AdapterPayload, errors } from 'oidc-provider';
import type { DataSource } from 'typeorm';

export interface AdapterHooks {
  /** Client metadata for a client_id that is an https URL (a client ID metadata document), or undefined. */
  clientMetadataDocument(id: string): Promise<AdapterPayload | undefined>;
  /** How long a dynamically registered client lives until a person approves it once. */
  registrationTtlSeconds: number;
  /** oidc-provider destroyed a Grant (revocation, refresh token replay, code reuse). */
  grantDestroyed(grantId: string): Promise<void>;
  /** oidc-provider's error classes (the module is loaded lazily, see AuthorizationServer). */
  errors: typeof errors;
}

/** Models whose single use is enforced here too, atomically, so two concurrent redemptions cannot both win. */
const SINGLE_USE = new Set(['AuthorizationCode', 'RefreshToken']);

/**
 * oidc-provider's storage in PostgreSQL (`authz_models`), so every replica sees the same codes,
 * tokens, grants, sessions and registrations. Rows past `expires_at` are invisible and swept
 * by `sweep()`. A Client registered dynamically expires unless a grant is made for it
 * (`markClientUsed`).
 */
export function postgresAdapter(ds: DataSource, hooks: AdapterHooks): new (name: string) => Adapter {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly name: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const ttl = expiresIn || (this.name === 'Client' ? hooks.registrationTtlSeconds : 0);
      await ds.query(
        `INSERT INTO authz_models (model, id, payload, grant_id, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::int > 0 THEN now() + make_interval(secs => $6::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [this.name, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, ttl],
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const rows = (await ds.query(
        `SELECT payload, consumed_at FROM authz_models
         WHERE model = $1 AND id = $2 AND (expires_at IS NULL OR expires_at > now())`,
        [this.name, id],
      )) as { payload: AdapterPayload; consumed_at: Date | null }[];
      if (rows[0]) return { ...rows[0].payload, ...(rows[0].consumed_at ? { consumed: Math.floor(rows[0].consumed_at.getTime() / 1000) } : {}) };
      if (this.name === 'Client' && id.includes('://')) return hooks.clientMetadataDocument(id);
      return undefined;
    }

    async findByUserCode(): Promise<AdapterPayload | undefined> {
      return undefined; // no device flow
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const rows = (await ds.query(
        `SELECT payload FROM authz_models WHERE model = $1 AND uid = $2 AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`,
        [this.name, uid],
      )) as { payload: AdapterPayload }[];
      return rows[0]?.payload;
    }

    async consume(id: string): Promise<void> {
      const [, count] = (await ds.query(
        `UPDATE authz_models SET consumed_at = now() WHERE model = $1 AND id = $2 AND consumed_at IS NULL`,
        [this.name, id],
      )) as [unknown, number];
      if (count === 0 && SINGLE_USE.has(this.name)) throw new hooks.errors.InvalidGrant('grant already used');
    }

    async destroy(id: string): Promise<void> {
      await ds.query(`DELETE FROM authz_models WHERE model = $1 AND id = $2`, [this.name, id]);
      if (this.name === 'Grant') await hooks.grantDestroyed(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await ds.query(`DELETE FROM authz_models WHERE model = $1 AND grant_id = $2`, [this.name, grantId]);
    }
  };
}

/** A dynamically registered client that a person approved no longer expires. */
export async function markClientUsed(ds: DataSource, clientId: string): Promise<void> {
  await ds.query(`UPDATE authz_models SET expires_at = NULL WHERE model = 'Client' AND id = $1`, [clientId]);
}

/** Removes expired rows (codes, tokens, interactions, unused registrations). */
export async function sweepExpired(ds: DataSource): Promise<number> {
  const [, count] = (await ds.query(`DELETE FROM authz_models WHERE expires_at < now() - interval '5 minutes'`)) as [unknown, number];
  return count;
}
