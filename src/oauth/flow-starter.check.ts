import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Scope } from '../auth/api-keys/api-key.entity.js';
import { grants, ROLE_SCOPES } from '../auth/principal.js';
import type { Role } from '../auth/users/membership.entity.js';

/**
 * Whether whoever started an OAuth flow (a state records only their id) may still change the
 * server's workspace when the browser comes back: the admin always; a key not revoked, not
 * expired, of that workspace, with `write` (or the scope asked); a user whose membership there grants it.
 */
@Injectable()
export class FlowStarterCheck {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `scope`: what the flow needs; a per_user flow (the starter's own account) needs `execute`. */
  async mayStillWrite(principalId: string, workspaceId: string, scope: Scope = 'write'): Promise<boolean> {
    if (principalId === 'admin') return true;
    if (principalId.startsWith('key_')) {
      const rows: Array<{ scopes: Scope[] }> = await this.db.query(
        `SELECT scopes FROM api_keys WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL
           AND (expires_at IS NULL OR expires_at > now())`,
        [principalId, workspaceId],
      );
      return rows.length > 0 && grants(rows[0].scopes, scope);
    }
    if (principalId.startsWith('usr_')) {
      const rows: Array<{ role: Role }> = await this.db.query(
        'SELECT role FROM memberships WHERE user_id = $1 AND workspace_id = $2',
        [principalId, workspaceId],
      );
      return rows.length > 0 && grants(ROLE_SCOPES[rows[0].role], scope);
    }
    return false;
  }
}
