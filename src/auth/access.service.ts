import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsWhere, In } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-error.js';
import type { Scope } from './api-keys/api-key.entity.js';
import { grants, type Principal, scopesIn } from './principal.js';

declare const tenantBrand: unique symbol;

/**
 * Proof that the caller may act in one workspace. Only AccessService mints it; services take
 * it instead of a bare workspace id, so a query without a workspace is a compile error.
 */
export interface Tenant {
  readonly workspaceId: string;
  readonly [tenantBrand]: true;
}

/** The workspaces a caller may read: `null` means all (the platform admin). */
export interface TenantFilter {
  readonly workspaceIds: readonly string[] | null;
  readonly [tenantBrand]: true;
}

export function tenantWhere<E extends { workspaceId: string }>(f: TenantFilter | Tenant): FindOptionsWhere<E> {
  if ('workspaceId' in f) return { workspaceId: f.workspaceId } as FindOptionsWhere<E>;
  return (f.workspaceIds === null ? {} : { workspaceId: In([...f.workspaceIds]) }) as FindOptionsWhere<E>;
}

/**
 * Deny by default, and deny as "not found": a workspace the caller cannot see does not exist
 * for it. A workspace it can see but lacks the right for is a 403.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** For acting in a workspace named by the caller (body or query). */
  async tenant(principal: Principal, workspaceId: string, scope: Scope): Promise<Tenant> {
    if (principal.kind === 'admin') {
      // the workspace named, not imported: auth sits below workspaces/ in the module graph
      if (!(await this.db.getRepository('WorkspaceEntity').exists({ where: { id: workspaceId } }))) throw new NotFoundError('Workspace');
    } else {
      this.check(principal, workspaceId, scope);
    }
    return { workspaceId } as Tenant;
  }

  /** For a row already loaded through a TenantFilter: may the caller do `scope` on it? */
  tenantOf(principal: Principal, workspaceId: string, scope: Scope): Tenant {
    this.check(principal, workspaceId, scope);
    return { workspaceId } as Tenant;
  }

  /** What the caller may read; put it in every query's WHERE. */
  readable(principal: Principal, workspaceId?: string): TenantFilter {
    let ids: string[] | null;
    switch (principal.kind) {
      case 'admin':
        ids = null;
        break;
      case 'api_key':
        ids = [principal.workspaceId];
        break;
      case 'user':
        ids = [...principal.roles.keys()];
        break;
    }
    if (workspaceId !== undefined) ids = ids === null || ids.includes(workspaceId) ? [workspaceId] : [];
    return { workspaceIds: ids } as TenantFilter;
  }

  private check(principal: Principal, workspaceId: string, scope: Scope): void {
    const held = scopesIn(principal, workspaceId);
    if (held.length === 0) throw new NotFoundError('Workspace');
    if (!grants(held, scope)) throw new ForbiddenError(`This credential lacks the "${scope}" right in this workspace`);
  }
}
