import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import { RunBodyPipe, type RunBody } from './run-body.pipe.js';
import { ToolRefPipe } from './tool-ref.pipe.js';
import { RefreshResultView, RunResultView, RunToolDto, ToolView, UpdateToolDto } from './tool.dto.js';
import { ToolCatalogService } from './tool-catalog.service.js';
import { ToolCallService } from './tool-call.service.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';

@ApiTags('tools')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class ToolController {
  constructor(
    private readonly catalog: ToolCatalogService,
    private readonly runner: ToolCallService,
  ) {}

  @Post('refresh')
  @RequireScope('write')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: RefreshResultView, summary: 'Refresh the tool list', description: 'Lists the upstream tools now, stores them and answers them with the names added, updated and removed since the last refresh.' })
  refresh(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<RefreshResultView> {
    return this.catalog.refresh(p, id);
  }

  @Get('tools')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: PageOf(ToolView), summary: 'List a server\'s tools', description: 'The stored tools of the server (as of its last refresh), enabled or not.' })
  list(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<{ data: ToolView[]; nextCursor: null }> {
    return this.catalog.list(p, id);
  }

  @Get('tools/:toolId')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: ToolView, summary: 'Get a tool', description: '`toolId` is a tool_ id or the tool\'s name.' })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
  ): Promise<ToolView> {
    return this.catalog.get(p, id, toolId);
  }

  @Patch('tools/:toolId')
  @RequireScope('write')
  @ApiRoute({ kind: 'update', ok: ToolView, summary: 'Enable or disable a tool', description: 'A disabled tool is refused on every surface (REST, Letta, project-style, gateway) and hidden from gateway lists.' })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
    @Body() dto: UpdateToolDto,
  ): Promise<ToolView> {
    return this.catalog.setEnabled(p, id, toolId, dto.enabled);
  }

  /**
   * The hot path: the body is checked by RunBodyPipe rather than the global class-validator pipe
   * (a tenth of a run's CPU under load went to class-transformer/class-validator for this one field).
   */
  @Post('tools/:toolId/run')
  @RequireScope('execute')
  @HttpCode(200)
  @ApiBody({ type: RunToolDto })
  @ApiRoute({ kind: 'upstream', ok: RunResultView, summary: 'Run a tool', description: 'Calls the tool with `args`, checked against its input schema first (400 naming the field). A tool that reports an error is still a 200 with `status: "error"`; every run is recorded (`GET /api/executions/{id}`).' })
  run(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
    @Body(RunBodyPipe) body: RunBody,
  ): Promise<RunResultView> {
    return this.runner.run(p, id, toolId, body.args ?? {});
  }
}
