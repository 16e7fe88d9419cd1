import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { QueryFailedError, type Repository } from 'typeorm';
import { AccessService, tenantWhere, type Tenant } from '../auth/access.service.js';
import type { Scope } from '../auth/api-keys/api-key.entity.js';
import { actorId, type Principal } from '../auth/principal.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { mapPage, paginate, type Page } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { newId } from '../common/ids/ids.js';
import { ConnectionPool, type UpstreamTarget } from '../connections/index.js';
import { NotifyBus } from '../database/notify-bus.js';
import { ProjectEntity } from '../projects/project.entity.js';
import type { CreateMcpServerDto, ListMcpServersQueryDto, McpServerFieldsDto, McpServerView, UpdateMcpServerDto } from './mcp-server.dto.js';
import { McpServerEntity } from './mcp-server.entity.js';
import { ServerConfigValidator, type ServerConfig } from './server-config.js';
import { sealInto, toTarget, toView, unseal } from './server-sealing.js';

export const SERVER_CHANGED = 'patchbay_server_changed';

/** A server ready to be talked to: its row, its tenant and its decrypted connection target. */
export interface UsableServer {
  server: McpServerEntity;
  tenant: Tenant;
  target: UpstreamTarget;
}

const SECRET_FIELDS = new Set(['apiKey', 'oauthClientSecret']);

/** Connection settings with no canonical API field (set by the compat surfaces); `null` clears. */
export interface InternalServerFields {
  connectionType?: 'direct' | 'proxy';
  proxyUrl?: string | null;
  proxyAuth?: string | null;
  proxyAuthHeader?: string | null;
}

@Injectable()
export class McpServerService implements OnModuleInit {
  private readonly logger = new Logger('McpServers');
  /** id -> row and target; dropped on any change here or on another replica (NOTIFY). */
  private readonly cache = new LRUCache<string, { server: McpServerEntity; target: UpstreamTarget }>({ max: 20_000, ttl: 30_000 });
  private readonly changeListeners = new Set<(serverId: string) => void>();

  constructor(
    @InjectRepository(McpServerEntity) private readonly servers: Repository<McpServerEntity>,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly access: AccessService,
    private readonly validator: ServerConfigValidator,
    private readonly box: SecretBox,
    private readonly pool: ConnectionPool,
    private readonly bus: NotifyBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(SERVER_CHANGED, (id) => this.forget(id, false));
  }

  /** Called with a server id whenever its row changes (any replica). */
  onChange(listener: (serverId: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** `internal`: fields only other Patchbay surfaces may set (the project-style forward proxy), never the canonical body. */
  async create(principal: Principal, dto: CreateMcpServerDto, internal: InternalServerFields = {}): Promise<McpServerView> {
    assertId(dto.workspaceId, 'ws', 'workspaceId');
    const tenant = await this.access.tenant(principal, dto.workspaceId, 'write');
    const { cfg, explicit } = applyFields(emptyConfig(), { ...dto, ...internal });
    const valid = await this.validator.validate(cfg, explicit);
    const e = this.servers.create({
      id: newId('mcp'),
      workspaceId: tenant.workspaceId,
      projectId: await this.checkProject(tenant, dto.projectId ?? null),
      name: dto.name.trim(),
      description: dto.description ?? null,
      enabled: dto.enabled ?? true,
      createdBy: actorId(principal),
      configVersion: 1,
    });
    sealInto(this.box, e, valid);
    await this.save(e);
    this.logger.log(`server ${e.id} (${e.transport}) created in ${e.workspaceId} by ${e.createdBy}`);
    return toView(await this.servers.findOneByOrFail({ id: e.id, workspaceId: tenant.workspaceId }));
  }

  async list(principal: Principal, q: ListMcpServersQueryDto): Promise<Page<McpServerView>> {
    if (q.workspaceId !== undefined) assertId(q.workspaceId, 'ws', 'workspaceId');
    if (q.projectId !== undefined) assertId(q.projectId, 'proj', 'projectId');
    if (q.cursor !== undefined) assertId(q.cursor, 'mcp', 'cursor');
    const where = {
      ...tenantWhere<McpServerEntity>(this.access.readable(principal, q.workspaceId)),
      ...(q.projectId ? { projectId: q.projectId } : {}),
      ...(q.status !== undefined ? { connectorStatus: (q.status === 'unknown' ? '' : q.status) as McpServerEntity['connectorStatus'] } : {}),
    };
    return mapPage(await paginate(this.servers, where, q), toView);
  }

  async get(principal: Principal, id: string): Promise<McpServerView> {
    return toView((await this.load(principal, id, 'read')).server);
  }

  async update(principal: Principal, id: string, dto: UpdateMcpServerDto, internal: InternalServerFields = {}): Promise<McpServerView> {
    const { server, tenant } = await this.load(principal, id, 'write');
    const { cfg, explicit } = applyFields(unseal(this.box, server), { ...dto, ...internal });
    const connectionChanged = [...explicit].some((f) => !['description', 'enabled', 'projectId', 'name'].includes(f));
    if (connectionChanged) {
      sealInto(this.box, server, await this.validator.validate(cfg, explicit));
      server.configVersion += 1;
    }
    if (dto.name !== undefined) server.name = dto.name.trim();
    if (dto.description !== undefined) server.description = dto.description;
    if (dto.enabled !== undefined) server.enabled = dto.enabled;
    if (dto.projectId !== undefined) server.projectId = await this.checkProject(tenant, dto.projectId);
    await this.save(server);
    if (connectionChanged || dto.enabled === false) await this.pool.closeServer(id);
    await this.changed(id);
    return toView(await this.servers.findOneByOrFail({ id, workspaceId: tenant.workspaceId }));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const { tenant } = await this.load(principal, id, 'write');
    await this.servers.delete({ id, workspaceId: tenant.workspaceId });
    await this.pool.closeServer(id);
    await this.changed(id);
    this.logger.log(`server ${id} deleted by ${actorId(principal)}`);
  }

  /** The row, if the caller may see it and do `scope` on it; a 404 otherwise. Always reads the database. */
  async load(principal: Principal, id: string, scope: Scope): Promise<{ server: McpServerEntity; tenant: Tenant }> {
    const server = await this.servers.findOne({ where: { id, ...tenantWhere<McpServerEntity>(this.access.readable(principal)) } });
    if (!server) throw new NotFoundError('MCP server');
    return { server, tenant: this.access.tenantOf(principal, server.workspaceId, scope) };
  }

  /** For the hot path (tool runs, gateway): cached row and target, same access rules as load(). */
  async usable(principal: Principal, id: string, scope: Scope): Promise<UsableServer> {
    let hit = this.cache.get(id);
    if (!hit) {
      const server = await this.servers.findOne({ where: { id } });
      if (!server) throw new NotFoundError('MCP server');
      hit = { server, target: await this.targetFor(server) };
      this.cache.set(id, hit);
    }
    const readable = this.access.readable(principal).workspaceIds;
    if (readable !== null && !readable.includes(hit.server.workspaceId)) throw new NotFoundError('MCP server');
    return { ...hit, tenant: this.access.tenantOf(principal, hit.server.workspaceId, scope) };
  }

  /** For background work (monitor, list_changed): no principal, the server's own tenant. */
  async usableById(id: string): Promise<(UsableServer & { tenant: Tenant }) | null> {
    const server = await this.servers.findOne({ where: { id } });
    if (!server) return null;
    return { server, target: await this.targetFor(server), tenant: { workspaceId: server.workspaceId } as Tenant };
  }

  /** Builds the pool target; OAuth servers get their credential wrapper from the registered decorator. */
  async targetFor(server: McpServerEntity): Promise<UpstreamTarget> {
    const target = toTarget(server, unseal(this.box, server));
    for (const decorate of this.targetDecorators) await decorate(server, target);
    return target;
  }

  private readonly targetDecorators: Array<(server: McpServerEntity, target: UpstreamTarget) => void | Promise<void>> = [];

  /** Lets a feature (OAuth) add to every target it owns, without this module knowing it. */
  addTargetDecorator(fn: (server: McpServerEntity, target: UpstreamTarget) => void | Promise<void>): void {
    this.targetDecorators.push(fn);
  }

  /** Marks a server changed here and on every replica (caches, gateway listeners). */
  async changed(id: string): Promise<void> {
    this.forget(id, true);
    await this.bus.publish(SERVER_CHANGED, id).catch(() => undefined);
  }

  private forget(id: string, local: boolean): void {
    this.cache.delete(id);
    if (!local) void this.pool.closeServer(id).catch(() => undefined);
    for (const l of this.changeListeners) l(id);
  }

  private async checkProject(tenant: Tenant, projectId: string | null): Promise<string | null> {
    if (projectId === null) return null;
    assertId(projectId, 'proj', 'projectId');
    if (!(await this.projects.exists({ where: { id: projectId, workspaceId: tenant.workspaceId } }))) {
      throw ValidationError.field('projectId', 'no such project in this workspace');
    }
    return projectId;
  }

  private async save(e: McpServerEntity): Promise<void> {
    try {
      await this.servers.save(e);
    } catch (err) {
      if (err instanceof QueryFailedError && (err as { code?: string }).code === '23505') {
        throw new ConflictError(`name: a server named "${e.name}" already exists in this workspace`);
      }
      throw err;
    }
  }
}

export function emptyConfig(): ServerConfig {
  return {
    url: null, command: null, args: [], env: {}, headers: {}, authType: 'none', apiKey: null, authHeader: null,
    oauthClientId: null, oauthClientSecret: null, oauthTokenEndpoint: null, oauthAuthorizationEndpoint: null,
    oauthScopes: null, oauthGrant: null, oauthOmitResource: false, connectorId: null, connectorConfig: null,
    connectionType: 'proxy', proxyUrl: null, proxyAuth: null, proxyAuthHeader: null, requestTimeout: null, maxTotalTimeout: null,
  };
}

/** Lays the fields the caller sent over a config; `null` clears a secret, absent keeps it. */
export function applyFields(
  base: ServerConfig,
  dto: McpServerFieldsDto & InternalServerFields,
): { cfg: ServerConfig; explicit: Set<string> } {
  const cfg: ServerConfig = { ...base };
  const explicit = new Set<string>();
  for (const [k, v] of Object.entries(dto)) {
    if (v === undefined || ['workspaceId', 'name', 'description', 'enabled', 'projectId'].includes(k)) {
      if (v !== undefined) explicit.add(k);
      continue;
    }
    explicit.add(k);
    if (v === null && !SECRET_FIELDS.has(k) && !k.startsWith('oauth') && !k.startsWith('proxy')) {
      throw ValidationError.field(k, 'cannot be null');
    }
    (cfg as unknown as Record<string, unknown>)[k] = v;
  }
  // An apiKey sent without authType means api_key (as the workspace API documents), never a key silently unused.
  if (typeof dto.apiKey === 'string' && dto.authType === undefined && cfg.authType === 'none') cfg.authType = 'api_key';
  // Switching transport by giving the other kind of endpoint drops the old kind's fields.
  if (explicit.has('url') && !explicit.has('command')) {
    cfg.command = null;
    if (!explicit.has('args')) cfg.args = [];
    if (!explicit.has('env')) cfg.env = {};
    if (!explicit.has('transport')) cfg.transport = undefined;
  }
  if (explicit.has('command') && !explicit.has('url')) {
    cfg.url = null;
    if (!explicit.has('headers')) cfg.headers = {};
    if (!explicit.has('transport')) cfg.transport = 'stdio';
  }
  if (explicit.has('command') && explicit.has('url') && !explicit.has('transport')) cfg.transport = undefined;
  return { cfg, explicit };
}
