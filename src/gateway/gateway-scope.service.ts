import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { Repository } from 'typeorm';
import { AccessService, type Tenant } from '../auth/access.service.js';
import type { Principal } from '../auth/principal.js';
import { NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { idPrefixOf, isId } from '../common/ids/ids.js';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import { McpServerService, type UsableServer } from '../mcp-servers/mcp-server.service.js';
import { ProjectEntity } from '../projects/project.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';

export type ScopeKind = 'workspace' | 'project' | 'server';

export interface GatewayScope {
  kind: ScopeKind;
  id: string;
  workspaceId: string;
  /** The caller's right to execute in the scope's workspace. */
  tenant: Tenant;
  /** server scopes: the server, its tenant and its target. */
  usable?: UsableServer;
}

const KINDS: Record<string, ScopeKind> = { ws: 'workspace', proj: 'project', mcp: 'server' };

/**
 * What `/mcp/{scopeId}` names, and whether the caller may execute there. Another workspace's scope is a 404
 * identical to a missing one. Hot path: project -> workspace lookups are cached briefly; servers come from
 * McpServerService's cache.
 */
@Injectable()
export class GatewayScopeService implements OnModuleInit {
  private readonly projectWorkspace = new LRUCache<string, string>({ max: 20_000, ttl: 30_000 });
  private readonly workspaceExists = new LRUCache<string, true>({ max: 20_000, ttl: 30_000 });

  constructor(
    private readonly access: AccessService,
    private readonly servers: McpServerService,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  onModuleInit(): void {
    this.lifecycle.on((e) => {
      if (e.kind === 'project.deleted') this.projectWorkspace.delete(e.projectId);
      if (e.kind === 'workspace.deleted') {
        this.workspaceExists.delete(e.workspaceId);
        for (const [id, ws] of this.projectWorkspace.entries()) if (ws === e.workspaceId) this.projectWorkspace.delete(id);
      }
    });
  }

  /** Throws ValidationError (bad shape), NotFoundError or ForbiddenError. */
  async resolve(principal: Principal, scopeId: string): Promise<GatewayScope> {
    const kind = KINDS[idPrefixOf(scopeId) ?? ''];
    if (!kind || !isId(scopeId, idPrefixOf(scopeId) as 'ws' | 'proj' | 'mcp')) {
      throw ValidationError.field('scopeId', 'must be a ws_, proj_ or mcp_ id');
    }
    try {
      if (kind === 'server') {
        const usable = await this.servers.usable(principal, scopeId, 'execute');
        return { kind, id: scopeId, workspaceId: usable.server.workspaceId, tenant: usable.tenant, usable };
      }
      const workspaceId = kind === 'workspace' ? scopeId : await this.workspaceOfProject(scopeId);
      if (principal.kind === 'admin') await this.assertWorkspace(workspaceId);
      const tenant = this.access.tenantOf(principal, workspaceId, 'execute');
      return { kind, id: scopeId, workspaceId, tenant };
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('Gateway scope');
      throw e;
    }
  }

  private async workspaceOfProject(id: string): Promise<string> {
    let ws = this.projectWorkspace.get(id);
    if (!ws) {
      const p = await this.projects.findOne({ where: { id }, select: { id: true, workspaceId: true } });
      if (!p) throw new NotFoundError('Project');
      this.projectWorkspace.set(id, (ws = p.workspaceId));
    }
    return ws;
  }

  private async assertWorkspace(id: string): Promise<void> {
    if (this.workspaceExists.has(id)) return;
    if (!(await this.workspaces.exists({ where: { id } }))) throw new NotFoundError('Workspace');
    this.workspaceExists.set(id, true);
  }
}
