import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { AccessService, tenantWhere } from '../auth/access.service.js';
import { AuthCache } from '../auth/auth-cache.js';
import { actorId, type Principal, scopesIn } from '../auth/principal.js';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-error.js';
import { mapPage, type Page, paginate } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { ListOAuthGrantsQueryDto, OAuthGrantView } from './oauth-grant.dto.js';
import { OAuthGrantEntity } from './oauth-grant.entity.js';

const CACHE = 'oauth_grant';

/**
 * The `grant_` rows: made on consent, read (cached) on every gateway request, listed and revoked
 * over REST. Revocation drops the grant's codes and tokens in PostgreSQL and the cached row on
 * every replica (NotifyBus through AuthCache), so it takes effect at once everywhere.
 */
@Injectable()
export class OAuthGrantService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('OAuthGrants');
  private readonly pendingLastUsed = new Map<string, Date>();
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectRepository(OAuthGrantEntity) private readonly grants: Repository<OAuthGrantEntity>,
    private readonly access: AccessService,
    private readonly authCache: AuthCache,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flushLastUsed(), 10_000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushLastUsed();
  }

  async create(row: Omit<OAuthGrantEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'workspace'>): Promise<void> {
    await this.grants.insert({ ...row, lastUsedAt: null, revokedAt: null });
    this.logger.log(`grant ${row.id} made for client ${row.clientId} as ${row.accountId} on ${row.scopeId}`);
  }

  /** The live grant, or null when revoked or unknown. Cached; revocation clears it everywhere. */
  async active(id: string): Promise<OAuthGrantEntity | null> {
    const cache = this.authCache.cache<{ row: OAuthGrantEntity | null }>(CACHE);
    let hit = cache.get(id);
    if (!hit) {
      hit = { row: await this.grants.findOne({ where: { id } }) };
      cache.set(id, hit);
    }
    return hit.row && !hit.row.revokedAt ? hit.row : null;
  }

  touch(id: string): void {
    this.pendingLastUsed.set(id, new Date());
  }

  async list(principal: Principal, q: ListOAuthGrantsQueryDto): Promise<Page<OAuthGrantView>> {
    if (q.workspaceId !== undefined) assertId(q.workspaceId, 'ws', 'workspaceId');
    if (q.cursor !== undefined) assertId(q.cursor, 'grant', 'cursor');
    const filter = this.access.readable(principal, q.workspaceId);
    return mapPage(await paginate(this.grants, { ...tenantWhere<OAuthGrantEntity>(filter), revokedAt: IsNull() }, q), toView);
  }

  /** The grant's own account may revoke it; so may the workspace's admins. */
  async revoke(principal: Principal, id: string, dropTokens: (grantId: string) => Promise<void>): Promise<void> {
    const g = await this.grants.findOne({ where: { id, ...tenantWhere<OAuthGrantEntity>(this.access.readable(principal)) } });
    if (!g || g.revokedAt) throw new NotFoundError('OAuth grant');
    if (g.accountId !== actorId(principal) && !scopesIn(principal, g.workspaceId).includes('admin')) {
      throw new ForbiddenError('Only the grant\'s own account or a workspace admin may revoke it');
    }
    await this.markRevoked(id);
    await dropTokens(id);
    this.logger.log(`grant ${id} revoked by ${actorId(principal)}`);
  }

  /** Marks the row revoked and clears it from every replica's cache. */
  async markRevoked(id: string): Promise<void> {
    await this.grants.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.authCache.invalidate(CACHE, id);
  }

  async flushLastUsed(): Promise<void> {
    if (this.pendingLastUsed.size === 0) return;
    const batch = [...this.pendingLastUsed];
    this.pendingLastUsed.clear();
    try {
      await this.grants.query(
        `UPDATE oauth_grants g SET last_used_at = v.at FROM unnest($1::text[], $2::timestamptz[]) AS v(id, at)
         WHERE g.id = v.id AND (g.last_used_at IS NULL OR g.last_used_at < v.at)`,
        [batch.map(([id]) => id), batch.map(([, at]) => at.toISOString())],
      );
    } catch (e) {
      this.logger.warn(`could not record lastUsedAt: ${(e as Error).message}`);
    }
  }
}

function toView(g: OAuthGrantEntity): OAuthGrantView {
  return {
    id: g.id,
    workspaceId: g.workspaceId,
    scopeId: g.scopeId,
    resource: g.resource,
    clientId: g.clientId,
    clientName: g.clientName,
    accountId: g.accountId,
    scopes: g.scopes,
    createdAt: g.createdAt.toISOString(),
    lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
    revokedAt: g.revokedAt?.toISOString() ?? null,
  };
}
