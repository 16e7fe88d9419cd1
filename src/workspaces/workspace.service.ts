import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-error.js';
import { type Page, paginate } from '../common/http/pagination.js';
import { assertId } from '../common/http/validation.js';
import { newId } from '../common/ids/ids.js';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import { AccessService } from '../auth/access.service.js';
import { AuthCache } from '../auth/auth-cache.js';
import { actorId, type Principal } from '../auth/principal.js';
import { ROLES_CACHE } from '../auth/users/oidc-user.service.js';
import { PageQueryDto } from '../common/http/pagination.js';
import { CreateWorkspaceDto, UpdateWorkspaceDto, WorkspaceView } from './workspace.dto.js';
import { MembershipEntity } from '../auth/users/membership.entity.js';
import { WorkspaceEntity } from './workspace.entity.js';

@Injectable()
export class WorkspaceService {
  constructor(
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly authCache: AuthCache,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  async create(principal: Principal, dto: CreateWorkspaceDto): Promise<WorkspaceView> {
    if (principal.kind === 'api_key') throw new ForbiddenError('A workspace API key cannot create workspaces');
    const ws = await this.db.transaction(async (tx) => {
      const created = await tx.save(
        tx.create(WorkspaceEntity, { id: newId('ws'), name: dto.name, createdBy: actorId(principal) }),
      );
      if (principal.kind === 'user') {
        await tx.insert(MembershipEntity, { workspaceId: created.id, userId: principal.id, role: 'owner' });
      }
      return created;
    });
    if (principal.kind === 'user') await this.authCache.invalidate(ROLES_CACHE, principal.id);
    return view(ws, principal.kind === 'user' ? 'owner' : undefined);
  }

  async list(principal: Principal, q: PageQueryDto): Promise<Page<WorkspaceView>> {
    if (q.cursor !== undefined) assertId(q.cursor, 'ws', 'cursor');
    const ids = this.access.readable(principal).workspaceIds;
    const page = await paginate(this.workspaces, ids === null ? {} : { id: In([...ids]) }, q);
    return { data: page.data.map((w) => view(w, roleOf(principal, w.id))), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<WorkspaceView> {
    return view(await this.load(principal, id, 'read'), roleOf(principal, id));
  }

  async update(principal: Principal, id: string, dto: UpdateWorkspaceDto): Promise<WorkspaceView> {
    const ws = await this.load(principal, id, 'admin');
    ws.name = dto.name ?? ws.name;
    return view(await this.workspaces.save(ws), roleOf(principal, id));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.load(principal, id, 'admin');
    if (principal.kind === 'api_key') throw new ForbiddenError('A workspace API key cannot delete its workspace');
    if (principal.kind === 'user' && principal.roles.get(id) !== 'owner') {
      throw new ForbiddenError('Only an owner can delete a workspace');
    }
    await this.workspaces.delete({ id });
    // Everything in it went with it (foreign key cascades): servers, connections, children and its keys end now.
    await this.lifecycle.publish({ kind: 'workspace.deleted', workspaceId: id });
  }

  private async load(principal: Principal, id: string, scope: 'read' | 'admin'): Promise<WorkspaceEntity> {
    const ids = this.access.readable(principal).workspaceIds;
    if (ids !== null && !ids.includes(id)) throw new NotFoundError('Workspace');
    const ws = await this.workspaces.findOne({ where: { id } });
    if (!ws) throw new NotFoundError('Workspace');
    this.access.tenantOf(principal, id, scope);
    return ws;
  }
}

function roleOf(principal: Principal, workspaceId: string) {
  return principal.kind === 'user' ? principal.roles.get(workspaceId) : undefined;
}

function view(w: WorkspaceEntity, role?: WorkspaceView['role']): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    createdBy: w.createdBy,
    ...(role ? { role } : {}),
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}
