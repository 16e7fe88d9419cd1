import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';

/**
 * Claims due servers for one replica. A claim is a lease in the row (`lease_owner`, `lease_until`): rows
 * another replica is claiming right now are skipped (SKIP LOCKED), rows it holds are skipped until the lease
 * runs out, so a replica that dies mid-check hands its servers over when their leases expire.
 */
const CLAIM_SQL = `
WITH due AS MATERIALIZED (
  SELECT id FROM mcp_servers
  WHERE enabled AND next_check_at <= now() AND (lease_until IS NULL OR lease_until < now())
  ORDER BY next_check_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED
)
UPDATE mcp_servers m SET lease_owner = $1, lease_until = now() + make_interval(secs => $3::double precision / 1000)
FROM due WHERE m.id = due.id
RETURNING m.id`;

@Injectable()
export class ServerLeases {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Leases up to `limit` due, enabled servers to `owner` for `leaseMs`; returns their rows, most overdue first. */
  async claim(owner: string, limit: number, leaseMs: number): Promise<McpServerEntity[]> {
    const rows = updatedRows<{ id: string }>(await this.db.query(CLAIM_SQL, [owner, limit, leaseMs]));
    if (rows.length === 0) return [];
    const servers = await this.db.getRepository(McpServerEntity).find({ where: { id: In(rows.map((r) => r.id)) } });
    return servers.sort((a, b) => a.nextCheckAt.getTime() - b.nextCheckAt.getTime());
  }

  /** Drops one lease without recording a check (the check could not run); the server is due again at `nextCheckAt`. */
  async release(owner: string, serverId: string, nextCheckAt: Date): Promise<void> {
    await this.db.query(
      'UPDATE mcp_servers SET lease_owner = NULL, lease_until = NULL, next_check_at = $3 WHERE id = $1 AND lease_owner = $2',
      [serverId, owner, nextCheckAt],
    );
  }

  /** Drops every lease `owner` still holds (shutdown); those servers are due again right away. */
  async releaseAll(owner: string): Promise<number> {
    const result: unknown = await this.db.query(
      'UPDATE mcp_servers SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 RETURNING id',
      [owner],
    );
    return updatedRows(result).length;
  }

  /** A changed server (new URL, credential, re-enabled) is checked at the next poll instead of at its old time. */
  async dueNow(serverId: string): Promise<void> {
    await this.db.query('UPDATE mcp_servers SET next_check_at = now() WHERE id = $1 AND next_check_at > now()', [serverId]);
  }
}

/** TypeORM answers an UPDATE ... RETURNING with `[rows, affectedCount]`, a SELECT with the rows. */
export function updatedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return (result ?? []) as T[];
}
