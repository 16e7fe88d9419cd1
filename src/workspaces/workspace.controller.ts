import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { type Page, PageQueryDto } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { MemberService } from './member.service.js';
import { AddMemberDto, CreateWorkspaceDto, MemberView, UpdateMemberDto, UpdateWorkspaceDto, WorkspaceView } from './workspace.dto.js';
import { WorkspaceService } from './workspace.service.js';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('api/workspaces')
export class WorkspaceController {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly members: MemberService,
  ) {}

  @Post()
  @RequireScope('write')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkspaceDto): Promise<WorkspaceView> {
    return this.workspaces.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  list(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<WorkspaceView>> {
    return this.workspaces.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('ws')) id: string): Promise<WorkspaceView> {
    return this.workspaces.get(p, id);
  }

  @Patch(':id')
  @RequireScope('admin')
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('ws')) id: string,
    @Body() dto: UpdateWorkspaceDto,
  ): Promise<WorkspaceView> {
    return this.workspaces.update(p, id, dto);
  }

  @Delete(':id')
  @RequireScope('admin')
  @HttpCode(204)
  remove(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('ws')) id: string): Promise<void> {
    return this.workspaces.remove(p, id);
  }

  @Get(':id/members')
  @RequireScope('read')
  listMembers(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('ws')) id: string): Promise<Page<MemberView>> {
    return this.members.list(p, id);
  }

  @Post(':id/members')
  @RequireScope('admin')
  addMember(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('ws')) id: string,
    @Body() dto: AddMemberDto,
  ): Promise<MemberView> {
    return this.members.add(p, id, dto);
  }

  @Patch(':id/members/:userId')
  @RequireScope('admin')
  updateMember(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('ws')) id: string,
    @Param('userId', new IdPipe('usr', 'userId')) userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.members.update(p, id, userId, dto);
  }

  @Delete(':id/members/:userId')
  @RequireScope('admin')
  @HttpCode(204)
  removeMember(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('ws')) id: string,
    @Param('userId', new IdPipe('usr', 'userId')) userId: string,
  ): Promise<void> {
    return this.members.remove(p, id, userId);
  }
}
