import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ApiKeyEntity } from '../auth/api-keys/api-key.entity.js';
import type { Principal } from '../auth/principal.js';
import { OidcUserService } from '../auth/users/oidc-user.service.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { isId } from '../common/ids/ids.js';

/**
 * Whom a grant acts as: the account a person signed in as (`usr_` through the IdP, or the
 * `key_` / platform admin key they entered). Resolved on every use, so a revoked or expired key,
 * or a lost membership, ends what its grants can do.
 */
@Injectable()
export class AccountPrincipals {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly oidcUsers: OidcUserService,
  ) {}

  async principalFor(accountId: string): Promise<Principal | null> {
    if (accountId === 'admin') return { kind: 'admin', id: 'admin' };
    if (isId(accountId, 'key')) {
      const k = await this.keys.findOne({ where: { id: accountId } });
      if (!k || k.revokedAt || (k.expiresAt && k.expiresAt.getTime() <= Date.now())) return null;
      return { kind: 'api_key', id: k.id, workspaceId: k.workspaceId, scopes: k.scopes, createdBy: k.createdBy };
    }
    if (isId(accountId, 'usr')) {
      const u = await this.users.findOne({ where: { id: accountId }, select: { id: true, email: true } });
      if (!u) return null;
      return { kind: 'user', id: u.id, email: u.email, roles: await this.oidcUsers.rolesOf(u.id) };
    }
    return null;
  }
}
