import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { Repository } from 'typeorm';
import { AccessService, type Tenant } from '../auth/access.service.js';
import type { Scope } from '../auth/api-keys/api-key.entity.js';
import { actorId, type Principal } from '../auth/principal.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { mapPage, type Page } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { newId } from '../common/ids/ids.js';
import type { UpstreamTarget } from '../connections/index.js';
import { endsScope, LifecycleEvents } from '../database/lifecycle-events.js';
import { ProjectEntity } from '../projects/project.entity.js';
import type { CreateMcpServerDto, ListMcpServersQueryDto, McpServerFieldsDto, McpServerView, UpdateMcpServerDto } from './mcp-server.dto.js';
import { McpServerEntity } from './mcp-server.entity.js';
import { ServerConfigValidator, type ServerConfig } from './server-config.js';
import { perUserCredentials, sealInto, toTarget, toView, unseal, viewOf } from './server-sealing.js';
import { ServerRepository } from './server.repository.js';

/** A server ready to be talked to: its row, its tenant and its decrypted connection target. */
export interface UsableServer {
  server: McpServerEntity;
  tenant: Tenant;
  target: UpstreamTarget;
}

const SECRET_FIELDS = new Set(['apiKey', 'oauthClientSecret']);
/** Fields whose change leaves the live connection as it is. */
const SETTINGS_ONLY = new Set(['description', 'enabled', 'projectId', 'name']);

/** Connection settings with no canonical API field (set by the compat surfaces); `null` clears. */
export interface InternalServerFields {
  connectionType?: 'direct' | 'proxy';
  proxyUrl?: string | null;
  proxyAuth?: string | null;
  proxyAuthHeader?: string | null;
}

/**
 * The server registry: the use cases on a server row (create, read, change, delete) for every surface, and the
 * lifecycle events they publish. Rows are read and written only through ServerRepository.
 */
@Injectable()
export class McpServerService implements OnModuleInit {
  private readonly logger = new Logger('McpServers');
  /** id -> row and target for the hot path; dropped on every lifecycle event that touches it, on every replica. */
  private readonly cache = new LRUCache<string, { server: McpServerEntity; target: UpstreamTarget }>({ max: 20_000, ttl: 30_000 });
  private readonly targetDecorators: Array<(server: McpServerEntity, target: UpstreamTarget) => void | Promise<void>> = [];

  constructor(
    private readonly rows: ServerRepository,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly access: AccessService,
    private readonly validator: ServerConfigValidator,
    private readonly box: SecretBox,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  onModuleInit(): void {
    this.lifecycle.on((e) => {
      if (e.kind === 'server.changed' || e.kind === 'server.deleted') this.cache.delete(e.serverId);
      else for (const [id, hit] of this.cache.entries()) if (endsScope(e, hit.server.workspaceId, hit.server.projectId)) this.cache.delete(id);
    });
  }

  /** `internal`: fields only other Patchbay surfaces may set (the project-style forward proxy), never the canonical body. */
  async create(principal: Principal, dto: CreateMcpServerDto, internal: InternalServerFields = {}): Promise<McpServerView> {
    assertId(dto.workspaceId, 'ws', 'workspaceId');
    const tenant = await this.access.tenant(principal, dto.workspaceId, 'write');
    const { cfg, explicit } = applyFields(emptyConfig(), { ...dto, ...internal });
    const valid = await this.validator.validate(cfg, explicit);
    const e = Object.assign(new McpServerEntity(), {
      id: newId('mcp'),
      projectId: await this.checkProject(tenant, dto.projectId ?? null),
      name: dto.name.trim(),
      description: dto.description ?? null,
      enabled: dto.enabled ?? true,
      createdBy: actorId(principal),
      configVersion: 1,
    });
    sealInto(this.box, e, valid);
    await this.rows.insert(tenant, e);
    this.logger.log(`server ${e.id} (${e.transport}) created in ${tenant.workspaceId} by ${e.createdBy}`);
    return toView(await this.mustFind(tenant, e.id));
  }

  async list(principal: Principal, q: ListMcpServersQueryDto): Promise<Page<McpServerView>> {
    if (q.workspaceId !== undefined) assertId(q.workspaceId, 'ws', 'workspaceId');
    if (q.projectId !== undefined) assertId(q.projectId, 'proj', 'projectId');
    if (q.cursor !== undefined) assertId(q.cursor, 'mcp', 'cursor');
    const where = {
      ...(q.projectId ? { projectId: q.projectId } : {}),
      ...(q.status !== undefined ? { connectorStatus: (q.status === 'unknown' ? '' : q.status) as McpServerEntity['connectorStatus'] } : {}),
    };
    return mapPage(await this.rows.listViews(this.access.readable(principal, q.workspaceId), where, q), viewOf);
  }

  async get(principal: Principal, id: string): Promise<McpServerView> {
    return toView((await this.load(principal, id, 'read')).server);
  }

  async update(principal: Principal, id: string, dto: UpdateMcpServerDto, internal: InternalServerFields = {}): Promise<McpServerView> {
    const { server, tenant } = await this.load(principal, id, 'write');
    const { cfg, explicit } = applyFields(unseal(this.box, server), { ...dto, ...internal });
    const connectionChanged = [...explicit].some((f) => !SETTINGS_ONLY.has(f));
    if (connectionChanged) {
      sealInto(this.box, server, await this.validator.validate(cfg, explicit));
      server.configVersion += 1;
    }
    if (dto.name !== undefined) server.name = dto.name.trim();
    if (dto.description !== undefined) server.description = dto.description;
    if (dto.enabled !== undefined) server.enabled = dto.enabled;
    if (dto.projectId !== undefined) server.projectId = await this.checkProject(tenant, dto.projectId);
    await this.rows.saveConfig(tenant, server);
    await this.changed(tenant, id, connectionChanged || dto.enabled !== undefined);
    return toView(await this.mustFind(tenant, id));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const { tenant } = await this.load(principal, id, 'write');
    const gone = await this.rows.delete(tenant, id);
    if (!gone) throw new NotFoundError('MCP server');
    await this.lifecycle.publish({ kind: 'server.deleted', workspaceId: tenant.workspaceId, serverId: id, projectId: gone.projectId });
    this.logger.log(`server ${id} deleted by ${actorId(principal)}`);
  }

  /** The row, if the caller may see it and do `scope` on it; a 404 otherwise. Always reads the database. */
  async load(principal: Principal, id: string, scope: Scope): Promise<{ server: McpServerEntity; tenant: Tenant }> {
    const server = await this.rows.findVisible(this.access.readable(principal), id);
    if (!server) throw new NotFoundError('MCP server');
    return { server, tenant: this.access.tenantOf(principal, server.workspaceId, scope) };
  }

  /** For the hot path (tool runs, gateway): cached row and target, same access rules as load(). */
  async usable(principal: Principal, id: string, scope: Scope): Promise<UsableServer> {
    const filter = this.access.readable(principal);
    let hit = this.cache.get(id);
    if (!hit) {
      const server = await this.rows.findVisible(filter, id);
      if (!server) throw new NotFoundError('MCP server');
      hit = { server, target: await this.targetFor(server) };
      this.cache.set(id, hit);
    } else if (filter.workspaceIds !== null && !filter.workspaceIds.includes(hit.server.workspaceId)) {
      throw new NotFoundError('MCP server');
    }
    const tenant = this.access.tenantOf(principal, hit.server.workspaceId, scope);
    // per_user: the caller's own credential, in a target (and pool entry) of its own
    if (perUserCredentials(hit.server)) return { server: hit.server, tenant, target: await this.targetFor(hit.server, actorId(principal)) };
    return { ...hit, tenant };
  }

  /**
   * For background work (monitor, OAuth callback, list_changed): no caller, the server's own tenant. `owner`: a
   * per_user server's credential to use (the OAuth callback's principal); without one such a server is reached
   * without any token (the monitor sees its reachability and OAuth challenge only).
   */
  async usableBySystem(id: string, owner?: string): Promise<UsableServer | null> {
    const row = await this.rows.system.load(id);
    return row ? { ...row, target: await this.targetFor(row.server, owner) } : null;
  }

  /** Builds the pool target; OAuth servers get their credential wrapper from the registered decorator. */
  async targetFor(server: McpServerEntity, owner?: string): Promise<UpstreamTarget> {
    const target = toTarget(server, unseal(this.box, server), owner);
    for (const decorate of this.targetDecorators) await decorate(server, target);
    return target;
  }

  /** Lets a feature (OAuth) add to every target it owns, without this module knowing it. */
  addTargetDecorator(fn: (server: McpServerEntity, target: UpstreamTarget) => void | Promise<void>): void {
    this.targetDecorators.push(fn);
  }

  /**
   * Announces a change of a server here and on every replica (caches, gateway listeners, the monitor);
   * `reconnect`: its live connections must go (config or credential changed).
   */
  async changed(tenant: Tenant, id: string, reconnect = true): Promise<void> {
    await this.lifecycle.publish({ kind: 'server.changed', workspaceId: tenant.workspaceId, serverId: id, reconnect });
  }

  /**
   * A credential appeared for a server (OAuth tokens saved): cached targets are rebuilt. Live connections stay:
   * they ask for the token on every request, and one may be the connect that fetched it.
   */
  async credentialChanged(serverId: string): Promise<void> {
    const row = await this.rows.system.load(serverId);
    if (row) await this.changed(row.tenant, serverId, false);
  }

  private async mustFind(tenant: Tenant, id: string): Promise<McpServerEntity> {
    const row = await this.rows.find(tenant, id);
    if (!row) throw new NotFoundError('MCP server');
    return row;
  }

  private async checkProject(tenant: Tenant, projectId: string | null): Promise<string | null> {
    if (projectId === null) return null;
    assertId(projectId, 'proj', 'projectId');
    if (!(await this.projects.exists({ where: { id: projectId, workspaceId: tenant.workspaceId } }))) {
      throw ValidationError.field('projectId', 'no such project in this workspace');
    }
    return projectId;
  }
}

export function emptyConfig(): ServerConfig {
  return {
    url: null, command: null, args: [], env: {}, headers: {}, authType: 'none', apiKey: null, authHeader: null,
    oauthClientId: null, oauthClientSecret: null, oauthTokenEndpoint: null, oauthAuthorizationEndpoint: null,
    oauthScopes: null, oauthGrant: null, oauthOmitResource: false, credentialMode: 'shared', connectorId: null, connectorConfig: null,
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
