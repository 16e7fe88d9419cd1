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
  refresh(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<RefreshResultView> {
    return this.catalog.refresh(p, id);
  }

  @Get('tools')
  @RequireScope('read')
  list(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<{ data: ToolView[]; nextCursor: null }> {
    return this.catalog.list(p, id);
  }

  @Get('tools/:toolId')
  @RequireScope('read')
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
  ): Promise<ToolView> {
    return this.catalog.get(p, id, toolId);
  }

  @Patch('tools/:toolId')
  @RequireScope('write')
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
  run(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('toolId', ToolRefPipe) toolId: string,
    @Body(RunBodyPipe) body: RunBody,
  ): Promise<RunResultView> {
    return this.runner.run(p, id, toolId, body.args ?? {});
  }
}
