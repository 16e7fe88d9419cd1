import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { LRUCache } from 'lru-cache';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import type { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { ServerRepository } from '../mcp-servers/server.repository.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';
import type { ToolEntity } from '../tools/tool.entity.js';
import type { GatewayScope } from './gateway-scope.service.js';
import { assignToolNames } from './tool-names.js';

export interface ScopeTool {
  server: McpServerEntity;
  tool: ToolEntity;
}

export interface ScopeCatalogue {
  workspaceId: string;
  serverIds: ReadonlySet<string>;
  /** What tools/list answers: the stored definitions under their public names. */
  tools: Tool[];
  byName: ReadonlyMap<string, ScopeTool>;
}

/** Which scopes a change touches: every replica calls listeners with this predicate. */
export type ScopeMatcher = (scope: { id: string; workspaceId: string; serverIds?: ReadonlySet<string> }) => boolean;

/**
 * The enabled tools of a project's or workspace's enabled servers, from the stored catalogue (no upstream round
 * trip; a server never listed is listed once). Built per scope, cached, and dropped on every replica when a
 * server or its tools change.
 */
@Injectable()
export class AggregateCatalogService implements OnModuleInit {
  private readonly logger = new Logger('GatewayCatalog');
  private readonly cache = new LRUCache<string, ScopeCatalogue>({ max: 5_000, ttl: 60_000 });
  private readonly building = new Map<string, Promise<ScopeCatalogue>>();
  private readonly listeners = new Set<(matches: ScopeMatcher) => void>();
  private generation = 0;

  constructor(
    private readonly rows: ServerRepository,
    private readonly catalog: ToolCatalogService,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  onModuleInit(): void {
    this.catalog.onToolsChanged((serverId, workspaceId) => this.invalidate((s) => s.workspaceId === workspaceId || !!s.serverIds?.has(serverId)));
    // A server enabled, moved, renamed or deleted, or a whole project or workspace gone: drop what its workspace holds.
    this.lifecycle.on((e) => this.invalidate((s) => s.workspaceId === e.workspaceId || ('serverId' in e && !!s.serverIds?.has(e.serverId))));
  }

  /** Called (on every replica) with a predicate selecting the scopes whose tool list may have changed. */
  onChange(listener: (matches: ScopeMatcher) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async get(scope: GatewayScope): Promise<ScopeCatalogue> {
    const hit = this.cache.get(scope.id);
    if (hit) return hit;
    let pending = this.building.get(scope.id);
    if (!pending) {
      const gen = this.generation;
      pending = this.build(scope)
        .then((c) => {
          if (gen === this.generation) this.cache.set(scope.id, c);
          return c;
        })
        .finally(() => this.building.delete(scope.id));
      this.building.set(scope.id, pending);
    }
    return pending;
  }

  /** How long the scope's cached catalogue stays fresh (0 when none is cached): the 2026-07-28 `ttlMs` of tools/list. */
  remainingTtlMs(scope: GatewayScope): number {
    return Math.max(0, Math.floor(this.cache.getRemainingTTL(scope.id)));
  }

  private invalidate(matches: ScopeMatcher): void {
    this.generation++;
    for (const [id, c] of this.cache.entries()) if (matches({ id, workspaceId: c.workspaceId, serverIds: c.serverIds })) this.cache.delete(id);
    for (const l of this.listeners) {
      try {
        l(matches);
      } catch (e) {
        this.logger.warn(`scope listener failed: ${(e as Error).message}`);
      }
    }
  }

  private async build(scope: GatewayScope): Promise<ScopeCatalogue> {
    const projectId = scope.kind === 'project' ? scope.id : null;
    let rows = await this.rows.listEnabled(scope.tenant, projectId);
    const never = rows.filter((s) => !s.toolsRefreshedAt);
    if (never.length) {
      await Promise.all(never.map((s) => this.catalog.refreshById(s.id).catch((e: Error) => this.logger.warn(`listing ${s.id} for the gateway failed: ${e.message}`))));
      rows = await this.rows.listEnabled(scope.tenant, projectId);
    }
    const entries = [];
    for (const server of rows) {
      for (const tool of (await this.catalog.forServer(server)).list) {
        if (tool.enabled) entries.push({ serverId: server.id, serverName: server.name, toolName: tool.name, value: { server, tool } });
      }
    }
    const named = assignToolNames(entries);
    const byName = new Map<string, ScopeTool>();
    const tools: Tool[] = [];
    for (const [name, e] of [...named.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      byName.set(name, e.value);
      tools.push({ ...(e.value.tool.definition as unknown as Tool), name });
    }
    return { workspaceId: scope.workspaceId, serverIds: new Set(rows.map((s) => s.id)), tools, byName };
  }
}
