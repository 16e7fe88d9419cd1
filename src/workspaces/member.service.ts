import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { assertId } from '../common/http/validation.js';
import { AccessService, type Tenant } from '../auth/access.service.js';
import { AuthCache } from '../auth/auth-cache.js';
import type { Principal } from '../auth/principal.js';
import { ROLES_CACHE } from '../auth/users/oidc-user.service.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { AddMemberDto, MemberView, UpdateMemberDto } from './workspace.dto.js';
import { MembershipEntity, type Role } from '../auth/users/membership.entity.js';

/** Owners and admins manage members; only an owner grants or removes ownership; a workspace keeps one owner. */
@Injectable()
export class MemberService {
  constructor(
    @InjectRepository(MembershipEntity) private readonly members: Repository<MembershipEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly access: AccessService,
    private readonly authCache: AuthCache,
  ) {}

  async list(principal: Principal, workspaceId: string): Promise<{ data: MemberView[]; nextCursor: null }> {
    const tenant = await this.access.tenant(principal, workspaceId, 'read');
    const rows = await this.members.find({
      where: { workspaceId: tenant.workspaceId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    return { data: rows.map(view), nextCursor: null };
  }

  async add(principal: Principal, workspaceId: string, dto: AddMemberDto): Promise<MemberView> {
    assertId(dto.userId, 'usr', 'userId');
    const tenant = await this.access.tenant(principal, workspaceId, 'admin');
    this.assertMayGrant(principal, tenant, dto.role);
    const user = await this.users.findOne({ where: { id: dto.userId } });
    if (!user) throw ValidationError.field('userId', 'no such user (users appear after their first sign-in)');
    if (await this.members.exists({ where: { workspaceId: tenant.workspaceId, userId: user.id } })) {
      throw new ConflictError('This user is already a member; PATCH the member to change the role');
    }
    await this.members.insert({ workspaceId: tenant.workspaceId, userId: user.id, role: dto.role });
    await this.authCache.invalidate(ROLES_CACHE, user.id);
    return this.get(tenant, user.id);
  }

  async update(principal: Principal, workspaceId: string, userId: string, dto: UpdateMemberDto): Promise<MemberView> {
    const tenant = await this.access.tenant(principal, workspaceId, 'admin');
    const m = await this.load(tenant, userId);
    if (m.role === dto.role) return view(m);
    this.assertMayGrant(principal, tenant, dto.role);
    if (m.role === 'owner') {
      this.assertMayGrant(principal, tenant, 'owner');
      await this.assertAnotherOwner(tenant, userId);
    }
    await this.members.update({ workspaceId: tenant.workspaceId, userId }, { role: dto.role });
    await this.authCache.invalidate(ROLES_CACHE, userId);
    return this.get(tenant, userId);
  }

  async remove(principal: Principal, workspaceId: string, userId: string): Promise<void> {
    const tenant = await this.access.tenant(principal, workspaceId, 'admin');
    const m = await this.load(tenant, userId);
    if (m.role === 'owner') {
      this.assertMayGrant(principal, tenant, 'owner');
      await this.assertAnotherOwner(tenant, userId);
    }
    await this.members.delete({ workspaceId: tenant.workspaceId, userId });
    await this.authCache.invalidate(ROLES_CACHE, userId);
  }

  private async get(tenant: Tenant, userId: string): Promise<MemberView> {
    return view(await this.load(tenant, userId));
  }

  private async load(tenant: Tenant, userId: string): Promise<MembershipEntity> {
    const m = await this.members.findOne({ where: { workspaceId: tenant.workspaceId, userId }, relations: { user: true } });
    if (!m) throw new NotFoundError('Member');
    return m;
  }

  private assertMayGrant(principal: Principal, tenant: Tenant, role: Role): void {
    if (role !== 'owner' || principal.kind === 'admin') return;
    if (principal.kind === 'user' && principal.roles.get(tenant.workspaceId) === 'owner') return;
    throw new ForbiddenError('Only an owner can grant or remove the owner role');
  }

  private async assertAnotherOwner(tenant: Tenant, userId: string): Promise<void> {
    const owners = await this.members.count({ where: { workspaceId: tenant.workspaceId, role: 'owner' } });
    if (owners <= 1) throw new ConflictError(`User ${userId} is the last owner; make someone else owner first`);
  }
}

function view(m: MembershipEntity): MemberView {
  return {
    workspaceId: m.workspaceId,
    userId: m.userId,
    email: m.user?.email ?? null,
    name: m.user?.name ?? null,
    role: m.role,
    createdAt: m.createdAt.toISOString(),
  };
}
