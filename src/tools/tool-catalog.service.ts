import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, type Repository } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { isId, newId } from '../common/ids/ids.js';
import { ConnectionPool } from '../connections/index.js';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import { NotifyBus } from '../database/notify-bus.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ServerHealth } from '../mcp-servers/server-health.service.js';
import { ServerRepository } from '../mcp-servers/server.repository.js';
import type { RefreshResultView, ToolView } from './tool.dto.js';
import { ToolEntity } from './tool.entity.js';
import { definitionHash, toolSetHash } from './tool-hash.js';

export const TOOLS_CHANGED = 'patchbay_tools_changed';

interface ServerTools {
  byName: Map<string, ToolEntity>;
  byId: Map<string, ToolEntity>;
  list: ToolEntity[];
}

/**
 * The stored copy of each server's tools: refreshed from upstream (all pages, a hash of each
 * whole definition), served from a per-server in-process cache that every replica drops when
 * a refresh changes something.
 */
@Injectable()
export class ToolCatalogService implements OnModuleInit {
  private readonly logger = new Logger('ToolCatalog');
  private readonly cache = new LRUCache<string, ServerTools>({ max: 20_000, ttl: 60_000 });
  private readonly listeners = new Set<(serverId: string, workspaceId: string) => void>();
  private readonly pendingAutoRefresh = new Map<string, NodeJS.Timeout>();
  private readonly refreshing = new Map<string, Promise<RefreshResultView>>();

  constructor(
    @InjectRepository(ToolEntity) private readonly tools: Repository<ToolEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly servers: McpServerService,
    private readonly rows: ServerRepository,
    private readonly pool: ConnectionPool,
    private readonly bus: NotifyBus,
    private readonly lifecycle: LifecycleEvents,
    private readonly health: ServerHealth,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(TOOLS_CHANGED, (payload) => {
      const [serverId, workspaceId] = payload.split(':');
      this.cache.delete(serverId);
      for (const l of this.listeners) l(serverId, workspaceId);
    });
    this.lifecycle.on((e) => {
      if (e.kind === 'server.changed' || e.kind === 'server.deleted') this.cache.delete(e.serverId);
      else for (const [id, t] of this.cache.entries()) if (t.list[0]?.workspaceId === e.workspaceId) this.cache.delete(id);
    });
    // An upstream announcing a new tool list: refresh it, debounced per server.
    this.pool.onToolsChanged(({ serverId }) => {
      clearTimeout(this.pendingAutoRefresh.get(serverId));
      const t = setTimeout(() => {
        this.pendingAutoRefresh.delete(serverId);
        void this.refreshById(serverId).catch((e: Error) => this.logger.warn(`refresh of ${serverId} after list_changed failed: ${e.message}`));
      }, 200);
      t.unref();
      this.pendingAutoRefresh.set(serverId, t);
    });
  }

  /** Called (on every replica) when a server's stored tool list changed. */
  onToolsChanged(listener: (serverId: string, workspaceId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async refresh(principal: Principal, serverId: string): Promise<RefreshResultView> {
    const usable = await this.servers.usable(principal, serverId, 'write');
    return this.refreshUsable(usable);
  }

  async refreshById(serverId: string): Promise<RefreshResultView | null> {
    const usable = await this.servers.usableBySystem(serverId);
    return usable ? this.refreshUsable(usable) : null;
  }

  /** Concurrent refreshes of one server share one upstream listing (and one write). */
  refreshUsable(usable: UsableServer): Promise<RefreshResultView> {
    const id = usable.server.id;
    let pending = this.refreshing.get(id);
    if (!pending) {
      pending = this.doRefresh(usable).finally(() => this.refreshing.delete(id));
      this.refreshing.set(id, pending);
    }
    return pending;
  }

  private async doRefresh(usable: UsableServer): Promise<RefreshResultView> {
    const { server, target, tenant } = usable;
    let upstream: Awaited<ReturnType<ConnectionPool['listTools']>>;
    try {
      upstream = await this.pool.listTools(target);
    } catch (e) {
      await this.health.observe(usable, e);
      throw e;
    }
    await this.health.observe(usable);
    const incoming = new Map<string, { def: Record<string, unknown>; hash: string }>();
    for (const t of upstream) {
      const def = t as unknown as Record<string, unknown>;
      incoming.set(t.name, { def, hash: definitionHash(def) });
    }
    const result = await this.db.transaction(async (tx) => {
      // Another replica refreshing the same server waits here and then sees our rows.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tools:${server.id}`]);
      const repo = tx.getRepository(ToolEntity);
      const existing = await repo.find({ where: { serverId: server.id, workspaceId: server.workspaceId } });
      const byName = new Map(existing.map((t) => [t.name, t]));
      const added: string[] = [];
      const updated: string[] = [];
      const removed = existing.filter((t) => !incoming.has(t.name));
      for (const [name, { def, hash }] of incoming) {
        const old = byName.get(name);
        if (old && old.definitionHash === hash) continue;
        const fields = fromDefinition(def, hash);
        if (old) {
          await repo.update({ id: old.id, workspaceId: server.workspaceId }, fields as never);
          updated.push(name);
        } else {
          await repo.insert({ id: newId('tool'), workspaceId: server.workspaceId, serverId: server.id, name, enabled: true, ...fields } as never);
          added.push(name);
        }
      }
      if (removed.length) await repo.delete(removed.map((t) => t.id));
      const setHash = toolSetHash([...incoming.values()].map((v) => v.hash));
      await this.rows.setToolSummary(tenant, server.id, { toolCount: incoming.size, toolsHash: setHash }, tx);
      return { added, updated, removed: removed.map((t) => t.name) };
    });
    this.cache.delete(server.id);
    if (result.added.length || result.updated.length || result.removed.length) {
      await this.bus.publish(TOOLS_CHANGED, `${server.id}:${server.workspaceId}`).catch(() => undefined);
    }
    const all = await this.forServer(server);
    return { data: all.list.map(toolView), ...result };
  }

  /** The server's stored tools; refreshed from upstream first if it was never listed. */
  async forServer(server: McpServerEntity): Promise<ServerTools> {
    let hit = this.cache.get(server.id);
    if (!hit) {
      const rows = await this.tools.find({ where: { serverId: server.id, workspaceId: server.workspaceId }, order: { name: 'ASC' } });
      hit = { list: rows, byName: new Map(rows.map((t) => [t.name, t])), byId: new Map(rows.map((t) => [t.id, t])) };
      this.cache.set(server.id, hit);
    }
    return hit;
  }

  async list(principal: Principal, serverId: string): Promise<{ data: ToolView[]; nextCursor: null }> {
    const usable = await this.servers.usable(principal, serverId, 'read');
    await this.ensureListed(usable);
    return { data: (await this.forServer(usable.server)).list.map(toolView), nextCursor: null };
  }

  /** `ref` is a tool_ id or the tool's name. */
  async find(usable: UsableServer, ref: string): Promise<ToolEntity> {
    const tool = await this.lookup(usable, ref);
    if (!tool) throw new NotFoundError('Tool');
    return tool;
  }

  /** Like find(), null when the catalogue does not hold the tool. */
  async lookup(usable: UsableServer, ref: string): Promise<ToolEntity | null> {
    await this.ensureListed(usable);
    const tools = await this.forServer(usable.server);
    return (isId(ref, 'tool') ? tools.byId.get(ref) : tools.byName.get(ref)) ?? null;
  }

  async get(principal: Principal, serverId: string, ref: string): Promise<ToolView> {
    return toolView(await this.find(await this.servers.usable(principal, serverId, 'read'), ref));
  }

  async setEnabled(principal: Principal, serverId: string, ref: string, enabled: boolean): Promise<ToolView> {
    const usable = await this.servers.usable(principal, serverId, 'write');
    const tool = await this.find(usable, ref);
    await this.tools.update({ id: tool.id, workspaceId: usable.tenant.workspaceId }, { enabled });
    this.cache.delete(usable.server.id);
    await this.bus.publish(TOOLS_CHANGED, `${usable.server.id}:${usable.server.workspaceId}`).catch(() => undefined);
    return toolView({ ...tool, enabled, updatedAt: new Date() });
  }

  private async ensureListed(usable: UsableServer): Promise<void> {
    if (!usable.server.toolsRefreshedAt && (await this.forServer(usable.server)).list.length === 0) {
      // per_user: listed with the caller's own credential (none would only meet the server's OAuth challenge)
      const fresh = await this.servers.usableBySystem(usable.server.id, usable.target.credentialOwner);
      if (fresh && !fresh.server.toolsRefreshedAt) await this.refreshUsable(fresh);
    }
  }
}

type ToolFields = Pick<ToolEntity, 'title' | 'description' | 'inputSchema' | 'outputSchema' | 'annotations' | 'definition' | 'definitionHash'>;

function fromDefinition(def: Record<string, unknown>, hash: string): ToolFields {
  return {
    title: typeof def.title === 'string' ? def.title : null,
    description: typeof def.description === 'string' ? def.description : null,
    inputSchema: (def.inputSchema as Record<string, unknown>) ?? { type: 'object' },
    outputSchema: (def.outputSchema as Record<string, unknown>) ?? null,
    annotations: (def.annotations as Record<string, unknown>) ?? null,
    definition: def,
    definitionHash: hash,
  };
}

export function toolView(t: ToolEntity): ToolView {
  return {
    id: t.id,
    serverId: t.serverId,
    workspaceId: t.workspaceId,
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: t.inputSchema,
    outputSchema: t.outputSchema,
    annotations: t.annotations,
    enabled: t.enabled,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
