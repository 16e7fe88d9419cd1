import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { sha256Hex } from '../../common/crypto/secret-box.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { mapPage, type Page, paginate } from '../../common/http/pagination.js';
import { assertId } from '../../common/http/validation.js';
import { newId } from '../../common/ids/ids.js';
import { AccessService, tenantWhere } from '../access.service.js';
import { AuthCache } from '../auth-cache.js';
import { actorId, grants, type Principal, scopesIn } from '../principal.js';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView, ListApiKeysQueryDto } from './api-key.dto.js';
import { ApiKeyEntity } from './api-key.entity.js';

export const API_KEY_PREFIX = 'pbk_';
const CACHE = 'apikey';

type CachedKey = { entity: ApiKeyEntity } | { entity: null };

@Injectable()
export class ApiKeyService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('ApiKeys');
  private readonly pendingLastUsed = new Map<string, Date>();
  private flushTimer?: NodeJS.Timeout;

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly access: AccessService,
    private readonly authCache: AuthCache,
  ) {}

  onModuleInit(): void {
    this.flushTimer = setInterval(() => void this.flushLastUsed(), 10_000);
    this.flushTimer.unref();
  }

  // before, not on, application shutdown: TypeORM closes its DataSource in its own
  // onApplicationShutdown, which may run first ("Driver not Connected", last batch lost)
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.flushTimer);
    await this.flushLastUsed();
  }

  async create(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    assertId(dto.workspaceId, 'ws', 'workspaceId');
    const tenant = await this.access.tenant(principal, dto.workspaceId, 'admin');
    const held = scopesIn(principal, tenant.workspaceId);
    const excess = dto.scopes.filter((s) => !grants(held, s));
    if (excess.length) throw new ForbiddenError(`scopes: cannot grant ${excess.join(', ')}, which the caller does not hold`);
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw ValidationError.field('expiresAt', 'must be in the future');
    const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const entity = await this.keys.save(
      this.keys.create({
        id: newId('key'),
        workspaceId: tenant.workspaceId,
        name: dto.name,
        secretHash: sha256Hex(secret),
        secretPrefix: secret.slice(0, API_KEY_PREFIX.length + 6),
        scopes: [...dto.scopes],
        createdBy: actorId(principal),
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      }),
    );
    this.logger.log(`api key ${entity.id} created in ${entity.workspaceId} by ${entity.createdBy}`);
    return { ...toView(entity), key: secret };
  }

  async list(principal: Principal, q: ListApiKeysQueryDto): Promise<Page<ApiKeyView>> {
    if (q.workspaceId !== undefined) assertId(q.workspaceId, 'ws', 'workspaceId');
    if (q.cursor !== undefined) assertId(q.cursor, 'key', 'cursor');
    const filter = this.access.readable(principal, q.workspaceId);
    return mapPage(await paginate(this.keys, tenantWhere<ApiKeyEntity>(filter), q), toView);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const key = await this.keys.findOne({ where: { id, ...tenantWhere<ApiKeyEntity>(this.access.readable(principal)) } });
    if (!key) throw new NotFoundError('API key');
    this.access.tenantOf(principal, key.workspaceId, 'admin');
    if (!key.revokedAt) await this.keys.update({ id: key.id, workspaceId: key.workspaceId }, { revokedAt: new Date() });
    await this.authCache.invalidate(CACHE, key.secretHash);
    this.logger.log(`api key ${key.id} revoked by ${actorId(principal)}`);
  }

  /** Resolves a presented secret; cached, so a warm key costs no database round trip. */
  async authenticate(secret: string): Promise<Principal | null> {
    return this.authenticateHash(sha256Hex(secret));
  }

  /** The same, from the secret's sha256 (a console session remembers only that). */
  async authenticateHash(hash: string): Promise<Principal | null> {
    const cache = this.authCache.cache<CachedKey>(CACHE);
    let k = cache.get(hash)?.entity;
    if (k === undefined) {
      k = await this.keys.findOne({ where: { secretHash: hash } });
      cache.set(hash, { entity: k });
    }
    if (!k || k.revokedAt || (k.expiresAt && k.expiresAt.getTime() <= Date.now())) return null;
    this.pendingLastUsed.set(k.id, new Date());
    return { kind: 'api_key', id: k.id, workspaceId: k.workspaceId, scopes: k.scopes, createdBy: k.createdBy };
  }

  /** lastUsedAt is written in batches, off the request path. */
  async flushLastUsed(): Promise<void> {
    if (this.pendingLastUsed.size === 0) return;
    const batch = [...this.pendingLastUsed];
    this.pendingLastUsed.clear();
    try {
      await this.keys.query(
        `UPDATE api_keys k SET last_used_at = v.at FROM unnest($1::text[], $2::timestamptz[]) AS v(id, at)
         WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.at)`,
        [batch.map(([id]) => id), batch.map(([, at]) => at.toISOString())],
      );
    } catch (e) {
      this.logger.warn(`could not record lastUsedAt: ${(e as Error).message}`);
    }
  }
}

function toView(k: ApiKeyEntity): ApiKeyView {
  return {
    id: k.id,
    workspaceId: k.workspaceId,
    name: k.name,
    prefix: k.secretPrefix,
    scopes: k.scopes,
    createdBy: k.createdBy,
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  };
}
