import type { Scope } from './api-keys/api-key.entity.js';
import type { Role } from './users/membership.entity.js';

export type { Scope, Role };

export type Principal = (
  | { kind: 'admin'; id: 'admin' }
  | { kind: 'api_key'; id: string; workspaceId: string; scopes: readonly Scope[]; createdBy: string }
  | { kind: 'user'; id: string; email: string | null; roles: ReadonlyMap<string, Role> }
) & {
  /** Set when an MCP client acts through a gateway grant (grant_ id): it acts as the grant's account, named by the grant. */
  readonly grantId?: string;
};

/** What each membership role may do in its workspace. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: ['read', 'write', 'execute', 'admin'],
  admin: ['read', 'write', 'execute', 'admin'],
  member: ['read', 'write', 'execute'],
  viewer: ['read'],
};

/** `admin` implies everything, `write` and `execute` imply `read`. */
export function grants(held: readonly Scope[], wanted: Scope): boolean {
  if (held.includes(wanted) || held.includes('admin')) return true;
  return wanted === 'read' && (held.includes('write') || held.includes('execute'));
}

/** Scopes a principal holds in one workspace (empty when it has no access there). */
export function scopesIn(principal: Principal, workspaceId: string): readonly Scope[] {
  switch (principal.kind) {
    case 'admin':
      return ROLE_SCOPES.owner;
    case 'api_key':
      return principal.workspaceId === workspaceId ? principal.scopes : [];
    case 'user': {
      const role = principal.roles.get(workspaceId);
      return role ? ROLE_SCOPES[role] : [];
    }
  }
}

/** The id recorded as `createdBy` and on execution records. */
export function actorId(principal: Principal): string {
  return principal.id;
}
