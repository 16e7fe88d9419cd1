import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import { McpServerService } from '../mcp-servers/mcp-server.service.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';
import { ConnectionCheckService } from './connection-check.service.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class ConnectController {
  constructor(
    private readonly servers: McpServerService,
    private readonly checks: ConnectionCheckService,
    private readonly catalog: ToolCatalogService,
  ) {}

  /** Tests the connection now and records the outcome; lists the tools on first success. */
  @Post('connect')
  @RequireScope('write')
  @HttpCode(200)
  async connect(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
  ): Promise<{ connectorStatus: string; latencyMs: number | null; lastError: string | null; toolCount: number }> {
    const usable = await this.servers.usable(p, id, 'write');
    const outcome = await this.checks.check(usable);
    let toolCount = usable.server.toolCount;
    if (outcome.ok && !usable.server.toolsRefreshedAt) toolCount = (await this.catalog.refreshUsable(usable)).data.length;
    return {
      connectorStatus: outcome.ok ? 'connected' : outcome.status,
      latencyMs: outcome.latencyMs ?? null,
      lastError: outcome.ok ? null : outcome.error,
      toolCount,
    };
  }
}
