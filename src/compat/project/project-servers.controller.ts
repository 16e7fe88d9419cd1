import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../../auth/decorators.js';
import type { Principal } from '../../auth/principal.js';
import { IdPipe } from '../../common/http/validation.js';
import { AppConfig } from '../../config/app-config.js';
import { GetPromptDto, ReadResourceQueryDto } from '../../resources/resources.dto.js';
import { RunBodyPipe, type RunBody } from '../../tools/run-body.pipe.js';
import { RunToolDto } from '../../tools/tool.dto.js';
import { ToolRefPipe } from '../../tools/tool-ref.pipe.js';
import { ProjectStyleErrorFilter } from '../compat-error.filter.js';
import { CreateProjectServerDto, ListProjectServersQueryDto, UpdateProjectServerDto } from './project-server.dto.js';
import { ProjectServersService } from './project-servers.service.js';
import { ApiRoute } from '../../common/http/api-docs.js';
import { PROJECT_CREATE_EXAMPLE, PROJECT_ERROR, ProjectConnectAnswer, ProjectRunAnswer, ProjectCreatedView, ProjectMessageView, ProjectPromptAnswer, ProjectPromptsAnswer, ProjectReadResourceAnswer, ProjectResourcesAnswer, ProjectServerAnswer, ProjectServerListAnswer, ProjectToolsAnswer } from './project-server.views.js';

type Json = Record<string, unknown>;
const id = () => new IdPipe('mcp');

/** The project-style MCP server API: `{ success, ... }` bodies, errors as `{ success: false, message }`. */
@ApiTags('project-style')
@ApiBearerAuth()
@UseFilters(ProjectStyleErrorFilter)
@Controller('api/mcp/servers')
export class ProjectServersController {
  constructor(
    private readonly svc: ProjectServersService,
    private readonly config: AppConfig,
  ) {}

  /** Where MCP clients reach a server through Patchbay (connectionType proxy). */
  private gatewayUrl(serverId: string): string {
    return `${this.config.publicUrl}/mcp/${serverId}`;
  }

  private withGateway(answer: Json): Json {
    const server = answer.server as Json | undefined;
    if (server && typeof server.id === 'string') server.gatewayUrl = this.gatewayUrl(server.id);
    return answer;
  }

  @Post()
  @RequireScope('write')
  @ApiRoute({ kind: 'create', status: 201, ok: ProjectCreatedView, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: add an MCP server', description: 'Adds a server to the project (`projectId`). `connectionType` defaults to `proxy`: clients reach the server through Patchbay\'s gateway (`gatewayUrl`); `proxyUrl` (with `proxyAuthToken`, `proxyAuthHeader`) is an optional outbound HTTP proxy for Patchbay\'s own connection.' })
  @ApiBody({ type: CreateProjectServerDto, examples: { documented: { summary: 'the documented example', value: PROJECT_CREATE_EXAMPLE } } })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateProjectServerDto): Promise<Json> {
    const answer = await this.svc.create(p, dto);
    return { ...answer, gatewayUrl: this.gatewayUrl(answer.serverId as string) };
  }

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: ProjectServerListAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: list servers', description: 'Every server the caller can read, or those of `projectId`.' })
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListProjectServersQueryDto): Promise<Json> {
    const answer = await this.svc.list(p, q.projectId);
    for (const server of answer.servers as Json[]) this.withGateway({ server });
    return answer;
  }

  @Get(':id')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: ProjectServerAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: get a server', description: 'One server in the project-style shape, secrets masked.' })
  async get(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.withGateway(await this.svc.get(p, sid));
  }

  @Put(':id')
  @RequireScope('write')
  @ApiRoute({ kind: 'update', ok: ProjectServerAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: update a server (PUT)', description: 'Same as PATCH: the given fields change, the others stay.' })
  async replace(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Body() dto: UpdateProjectServerDto): Promise<Json> {
    return this.withGateway(await this.svc.update(p, sid, dto));
  }

  @Patch(':id')
  @RequireScope('write')
  @ApiRoute({ kind: 'update', ok: ProjectServerAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: update a server', description: 'The given fields change, the others stay.' })
  async update(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Body() dto: UpdateProjectServerDto): Promise<Json> {
    return this.withGateway(await this.svc.update(p, sid, dto));
  }

  @Delete(':id')
  @RequireScope('write')
  @ApiRoute({ kind: 'delete', ok: ProjectMessageView, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: delete a server', description: 'Deletes the server with its tools and credentials.' })
  remove(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.remove(p, sid);
  }

  @Post(':id/connect')
  @RequireScope('write')
  @HttpCode(200)
@ApiRoute({ kind: 'upstream', ok: ProjectConnectAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: connect', description: 'Tests the connection now; `success: false` with the error when it fails. Lists the tools on the first success.' })
  connect(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.connect(p, sid);
  }

  @Post(':id/disconnect')
  @RequireScope('write')
  @HttpCode(200)
  @ApiRoute({ kind: 'update', ok: ProjectConnectAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: disconnect', description: 'Closes the live connection (and any child process) and records the server as disconnected.' })
  disconnect(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.disconnect(p, sid);
  }

  @Get(':id/tools')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: ProjectToolsAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: list tools', description: 'The stored tools of the server.' })
  tools(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.tools(p, sid);
  }

  @Post(':id/tools/:toolId/run')
  @RequireScope('execute')
  @HttpCode(200)
  @ApiBody({ type: RunToolDto })
  @ApiRoute({ kind: 'upstream', ok: ProjectRunAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: run a tool', description: 'Runs a tool through the same path as every surface: a disabled tool is a 409, arguments are checked against its input schema (400 naming the field), and an execution record (surface `project`) is written. Answers the MCP result unchanged.' })
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
@ApiRoute({ kind: 'upstream', ok: ProjectResourcesAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: list resources', description: 'Resources and resource templates, asked live.' })
  resources(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.resources(p, sid);
  }

  @Get(':id/resources/read')
  @RequireScope('read')
  @ApiRoute({ kind: 'upstream', ok: ProjectReadResourceAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: read a resource', description: 'Reads one resource by `uri`.' })
  readResource(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Query() q: ReadResourceQueryDto): Promise<Json> {
    return this.svc.readResource(p, sid, q.uri);
  }

  @Get(':id/prompts')
  @RequireScope('read')
@ApiRoute({ kind: 'upstream', ok: ProjectPromptsAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: list prompts', description: 'The server\'s prompts, asked live.' })
  prompts(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string): Promise<Json> {
    return this.svc.prompts(p, sid);
  }

  @Post(':id/prompts/:name/get')
  @RequireScope('read')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: ProjectPromptAnswer, errors: { schema: PROJECT_ERROR }, summary: 'Project-style: get a prompt', description: 'Renders prompt `name` with `arguments`.' })
  getPrompt(@CurrentPrincipal() p: Principal, @Param('id', id()) sid: string, @Param('name') name: string, @Body() dto: GetPromptDto): Promise<Json> {
    return this.svc.getPrompt(p, sid, name, dto.arguments ?? {});
  }
}
