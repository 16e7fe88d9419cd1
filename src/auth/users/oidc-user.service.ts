import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { Repository } from 'typeorm';
import { newId } from '../../common/ids/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { MembershipEntity, type Role } from './membership.entity.js';
import { AuthCache } from '../auth-cache.js';
import type { Principal } from '../principal.js';
import { UserEntity } from './user.entity.js';

export const ROLES_CACHE = 'roles';

/**
 * Dashboard users: bearer JWTs from OIDC_ISSUER, verified against its JWKS (jose caches the
 * keys and refetches on an unknown `kid`), issuer, audience and expiry. The user row is made
 * on first sight; rights come from workspace memberships.
 */
@Injectable()
export class OidcUserService {
  private readonly logger = new Logger('OidcUsers');
  private jwks?: ReturnType<typeof createRemoteJWKSet>;
  private jwksLoading?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(
    private readonly config: AppConfig,
    private readonly authCache: AuthCache,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  get enabled(): boolean {
    return !!this.config.oidcIssuer;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (!this.enabled) return null;
    let claims: JWTPayload;
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.config.oidcIssuer,
        audience: this.config.oidcAudience,
        requiredClaims: ['sub', 'exp'],
      });
      claims = payload;
    } catch (e) {
      this.logger.debug(`JWT refused: ${(e as Error).message}`);
      return null;
    }
    const user = await this.userFor(claims);
    return { kind: 'user', id: user.id, email: user.email, roles: await this.rolesOf(user.id) };
  }

  private async keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.jwks) return this.jwks;
    this.jwksLoading ??= (async () => {
      const issuer = this.config.oidcIssuer!.replace(/\/$/, '');
      const res = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (!res.ok) throw new Error(`OIDC discovery failed: HTTP ${res.status}`);
      const meta = (await res.json()) as { jwks_uri?: string };
      if (!meta.jwks_uri) throw new Error('OIDC discovery document has no jwks_uri');
      this.jwks = createRemoteJWKSet(new URL(meta.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      return this.jwks;
    })().finally(() => (this.jwksLoading = undefined));
    return this.jwksLoading;
  }

  async userFor(claims: JWTPayload): Promise<UserEntity> {
    const cache = this.authCache.cache<UserEntity>('users', 60_000);
    const key = `${claims.iss}|${claims.sub}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const email = typeof claims.email === 'string' ? claims.email : null;
    const name = typeof claims.name === 'string' ? claims.name : null;
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ id: newId('usr'), issuer: claims.iss!, subject: claims.sub!, email, name })
      .orUpdate(['email', 'name'], ['issuer', 'subject'])
      .execute();
    const user = await this.users.findOneOrFail({ where: { issuer: claims.iss!, subject: claims.sub! } });
    cache.set(key, user);
    return user;
  }

  async rolesOf(userId: string): Promise<ReadonlyMap<string, Role>> {
    const cache = this.authCache.cache<Map<string, Role>>(ROLES_CACHE);
    const hit = cache.get(userId);
    if (hit) return hit;
    const rows = await this.memberships.find({ where: { userId }, select: { workspaceId: true, role: true } });
    const roles = new Map(rows.map((r) => [r.workspaceId, r.role] as const));
    cache.set(userId, roles);
    return roles;
  }
}
