import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import { McpServerService } from '../mcp-servers/mcp-server.service.js';
import { OAuthConnectService, type AuthorizationOffer } from '../oauth/oauth-connect.service.js';
import { ToolCatalogService } from '../tools/tool-catalog.service.js';
import { ConnectionCheckService } from './connection-check.service.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { AuthorizationOfferView, CONNECT_ANSWER, ConnectResultView } from './connect.views.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class ConnectController {
  constructor(
    private readonly servers: McpServerService,
    private readonly checks: ConnectionCheckService,
    private readonly catalog: ToolCatalogService,
    private readonly oauth: OAuthConnectService,
  ) {}

  /**
   * Tests the connection now and records the outcome; lists the tools on first success. An OAuth
   * server without a usable token answers `{ authorizationUrl }` for a person to approve instead.
   */
  @Post('connect')
  @RequireScope('write')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: CONNECT_ANSWER, models: [ConnectResultView, AuthorizationOfferView], summary: 'Test the connection now', description: 'Connects, records the outcome and lists the tools on the first success. An OAuth server without a usable token answers `{ authorizationUrl }` for a person to open instead.' })
  async connect(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
  ): Promise<{ connectorStatus: string; latencyMs: number | null; lastError: string | null; toolCount: number } | AuthorizationOffer> {
    const usable = await this.servers.usable(p, id, 'write');
    const offer = await this.oauth.authorizationNeeded(p, usable);
    if (offer) return offer;
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
