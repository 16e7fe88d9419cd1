import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../../auth/decorators.js';
import type { Principal } from '../../auth/principal.js';
import { IdPipe } from '../../common/http/validation.js';
import { GetPromptDto, ReadResourceQueryDto } from '../../resources/resources.dto.js';
import { RunBodyPipe, type RunBody } from '../../tools/run-body.pipe.js';
import { RunToolDto } from '../../tools/tool.dto.js';
import { ToolRefPipe } from '../../tools/tool-ref.pipe.js';
import { ProjectStyleErrorFilter } from '../compat-error.filter.js';
import { CreateProjectServerDto, ListProjectServersQueryDto, UpdateProjectServerDto } from './project-server.dto.js';
import { ProjectServersService } from './project-servers.service.js';

type Json = Record<string, unknown>;
const id = () => new IdPipe('mcp');

/** The project-style MCP server API: `{ success, ... }` bodies, errors as `{ success: false, message }`. */
@ApiTags('project-style')
@ApiBearerAuth()
@UseFilters(ProjectStyleErrorFilter)
@Controller('api/mcp/servers')
export class ProjectServersController {
  constructor(private readonly svc: ProjectServersService) {}

  @Post()
  @RequireScope('write')
  @ApiOkResponse({ description: '{ success, message, serverId }' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateProjectServerDto): Promise<Json> {
    return this.svc.create(p, dto);
  }

  @Get()
  @RequireScope('read')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListProjectServersQueryDto): Promise<Json> {
    return this.svc.list(p, q.projectId);
  }

  @Get(':id')
  @RequireScope('read')
  get(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.get(p, sid);
  }

  @Put(':id')
  @RequireScope('write')
  replace(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Body() dto: UpdateProjectServerDto): Promise<Json> {
    return this.svc.update(p, sid, dto);
  }

  @Patch(':id')
  @RequireScope('write')
  update(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Body() dto: UpdateProjectServerDto): Promise<Json> {
    return this.svc.update(p, sid, dto);
  }

  @Delete(':id')
  @RequireScope('write')
  remove(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.remove(p, sid);
  }

  @Post(':id/connect')
  @RequireScope('write')
  @HttpCode(200)
  connect(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.connect(p, sid);
  }

  @Post(':id/disconnect')
  @RequireScope('write')
  @HttpCode(200)
  disconnect(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.disconnect(p, sid);
  }

  @Get(':id/tools')
  @RequireScope('read')
  tools(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.tools(p, sid);
  }

  @Post(':id/tools/:toolId/run')
  @RequireScope('execute')
  @HttpCode(200)
  @ApiBody({ type: RunToolDto })
  @ApiOkResponse({ description: '{ success, executionId, durationMs, result }: the MCP result as the server sent it' })
  runTool(
    @CurrentPrincipal() p: Principal,
    @Param('id', id()) sid: string,
    @Param('toolId', ToolRefPipe) toolId: string,
    @Body(RunBodyPipe) body: RunBody,
  ): Promise<Json> {
    return this.svc.runTool(p, sid, toolId, body.args ?? {});
  }

  @Get(':id/resources')
  @RequireScope('read')
  resources(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.resources(p, sid);
  }

  @Get(':id/resources/read')
  @RequireScope('read')
  readResource(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Query() q: ReadResourceQueryDto): Promise<Json> {
    return this.svc.readResource(p, sid, q.uri);
  }

  @Get(':id/prompts')
  @RequireScope('read')
  prompts(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.prompts(p, sid);
  }

  @Post(':id/prompts/:name/get')
  @RequireScope('read')
  @HttpCode(200)
  getPrompt(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Param('name') name: string, @Body() dto: GetPromptDto): Promise<Json> {
    return this.svc.getPrompt(p, sid, name, dto.arguments ?? {});
  }
}
