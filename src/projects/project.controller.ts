import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { CreateProjectDto, ListProjectsQueryDto, ProjectView, UpdateProjectDto } from './project.dto.js';
import { ProjectService } from './project.service.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/projects')
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post()
  @RequireScope('write')
  @ApiRoute({ kind: 'create', status: 201, ok: ProjectView, summary: 'Create a project', description: 'Creates a project in the workspace named by `workspaceId`. Projects group servers and are a gateway scope of their own (`/mcp/{proj_id}`).' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateProjectDto): Promise<ProjectView> {
    return this.projects.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(ProjectView), summary: 'List projects', description: 'The projects the caller can read, optionally of one workspace (`workspaceId`).' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListProjectsQueryDto): Promise<Page<ProjectView>> {
    return this.projects.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: ProjectView, summary: 'Get a project', description: 'One project by its proj_ id.' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('proj')) id: string): Promise<ProjectView> {
    return this.projects.get(p, id);
  }

  @Patch(':id')
  @RequireScope('write')
  @ApiRoute({ kind: 'update', ok: ProjectView, summary: 'Update a project', description: 'Changes the project\'s name or description.' })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('proj')) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectView> {
    return this.projects.update(p, id, dto);
  }

  @Delete(':id')
  @RequireScope('write')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Delete a project', description: 'Deletes the project together with its servers, their tools and credentials.' })
  remove(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('proj')) id: string): Promise<void> {
    return this.projects.remove(p, id);
  }
}
