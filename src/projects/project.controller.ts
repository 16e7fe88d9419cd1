import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { CreateProjectDto, ListProjectsQueryDto, ProjectView, UpdateProjectDto } from './project.dto.js';
import { ProjectService } from './project.service.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('api/projects')
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post()
  @RequireScope('write')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateProjectDto): Promise<ProjectView> {
    return this.projects.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListProjectsQueryDto): Promise<Page<ProjectView>> {
    return this.projects.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('proj')) id: string): Promise<ProjectView> {
    return this.projects.get(p, id);
  }

  @Patch(':id')
  @RequireScope('write')
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
  remove(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('proj')) id: string): Promise<void> {
    return this.projects.remove(p, id);
  }
}
