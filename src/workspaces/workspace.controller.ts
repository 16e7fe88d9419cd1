import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { type Page, PageQueryDto } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { MemberService } from './member.service.js';
import { AddMemberDto, CreateWorkspaceDto, MemberView, UpdateMemberDto, UpdateWorkspaceDto, WorkspaceView } from './workspace.dto.js';
import { WorkspaceService } from './workspace.service.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';

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
  @ApiRoute({ kind: 'create', status: 201, ok: WorkspaceView, summary: 'Create a workspace', description: 'Creates a workspace; a dashboard user who creates one becomes its owner.' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkspaceDto): Promise<WorkspaceView> {
    return this.workspaces.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(WorkspaceView), summary: 'List workspaces', description: 'The workspaces the caller can read, oldest first, one page at a time.' })
  list(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<WorkspaceView>> {
    return this.workspaces.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: WorkspaceView, summary: 'Get a workspace', description: 'One workspace by its ws_ id; another tenant\'s workspace is a 404.' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('ws')) id: string): Promise<WorkspaceView> {
    return this.workspaces.get(p, id);
  }

  @Patch(':id')
  @RequireScope('admin')
  @ApiRoute({ kind: 'update', ok: WorkspaceView, summary: 'Rename a workspace', description: 'Changes the workspace name. Needs the admin scope or role.' })
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
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Delete a workspace', description: 'Deletes the workspace with its projects, servers, tools, keys and execution records.' })
  remove(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('ws')) id: string): Promise<void> {
    return this.workspaces.remove(p, id);
  }

  @Get(':id/members')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: PageOf(MemberView), summary: 'List members', description: 'The users of the workspace and their roles.' })
  listMembers(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('ws')) id: string): Promise<Page<MemberView>> {
    return this.members.list(p, id);
  }

  @Post(':id/members')
  @RequireScope('admin')
  @ApiRoute({ kind: 'create', status: 201, ok: MemberView, summary: 'Add a member', description: 'Gives a user (by usr_ id) a role in the workspace: owner, admin, member or viewer.' })
  addMember(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('ws')) id: string,
    @Body() dto: AddMemberDto,
  ): Promise<MemberView> {
    return this.members.add(p, id, dto);
  }

  @Patch(':id/members/:userId')
  @RequireScope('admin')
  @ApiRoute({ kind: 'update', ok: MemberView, summary: 'Change a member\'s role', description: 'Sets the role of one member; the last owner cannot be demoted (409).' })
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
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Remove a member', description: 'Takes the user out of the workspace; the last owner cannot be removed (409).' })
  removeMember(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('ws')) id: string,
    @Param('userId', new IdPipe('usr', 'userId')) userId: string,
  ): Promise<void> {
    return this.members.remove(p, id, userId);
  }
}
