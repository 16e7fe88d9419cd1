import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService, type Tenant, tenantWhere } from '../auth/access.service.js';
import { actorId, type Principal } from '../auth/principal.js';
import type { Scope } from '../auth/api-keys/api-key.entity.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { mapPage, type Page, paginate } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { newId } from '../common/ids/ids.js';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import { CreateProjectDto, ListProjectsQueryDto, ProjectView, UpdateProjectDto } from './project.dto.js';
import { ProjectEntity } from './project.entity.js';

@Injectable()
export class ProjectService {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly access: AccessService,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  async create(principal: Principal, dto: CreateProjectDto): Promise<ProjectView> {
    assertId(dto.workspaceId, 'ws', 'workspaceId');
    const tenant = await this.access.tenant(principal, dto.workspaceId, 'write');
    const p = await this.projects.save(
      this.projects.create({
        id: newId('proj'),
        workspaceId: tenant.workspaceId,
        name: dto.name,
        description: dto.description ?? null,
        createdBy: actorId(principal),
      }),
    );
    return view(p);
  }

  async list(principal: Principal, q: ListProjectsQueryDto): Promise<Page<ProjectView>> {
    if (q.workspaceId !== undefined) assertId(q.workspaceId, 'ws', 'workspaceId');
    if (q.cursor !== undefined) assertId(q.cursor, 'proj', 'cursor');
    const filter = this.access.readable(principal, q.workspaceId);
    return mapPage(await paginate(this.projects, tenantWhere<ProjectEntity>(filter), q), view);
  }

  async get(principal: Principal, id: string): Promise<ProjectView> {
    return view((await this.load(principal, id, 'read')).project);
  }

  async update(principal: Principal, id: string, dto: UpdateProjectDto): Promise<ProjectView> {
    const { project } = await this.load(principal, id, 'write');
    if (dto.name !== undefined) project.name = dto.name;
    if (dto.description !== undefined) project.description = dto.description;
    return view(await this.projects.save(project));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const { tenant } = await this.load(principal, id, 'write');
    await this.projects.delete({ id, workspaceId: tenant.workspaceId });
    // Its servers went with it (foreign key cascade): every replica drops their caches, connections and children.
    await this.lifecycle.publish({ kind: 'project.deleted', workspaceId: tenant.workspaceId, projectId: id });
  }

  /** A project the caller may act on with `scope`, with its tenant; 404 when not visible. */
  async load(principal: Principal, id: string, scope: Scope): Promise<{ project: ProjectEntity; tenant: Tenant }> {
    const project = await this.projects.findOne({
      where: { id, ...tenantWhere<ProjectEntity>(this.access.readable(principal)) },
    });
    if (!project) throw new NotFoundError('Project');
    return { project, tenant: this.access.tenantOf(principal, project.workspaceId, scope) };
  }

  /** For other modules: the project exists in this tenant. */
  async exists(tenant: Tenant, id: string): Promise<boolean> {
    return this.projects.exists({ where: { id, workspaceId: tenant.workspaceId } });
  }
}

function view(p: ProjectEntity): ProjectView {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    name: p.name,
    description: p.description,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
