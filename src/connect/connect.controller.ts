import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { IdPipe } from '../common/http/validation.js';
import type { AuthorizationOffer } from '../oauth/oauth-connect.service.js';
import { ApiRoute } from '../common/http/api-docs.js';
import { ConnectService } from './connect.service.js';
import { AuthorizationOfferView, CONNECT_ANSWER, ConnectResultView } from './connect.views.js';

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id')
export class ConnectController {
  constructor(private readonly connects: ConnectService) {}

  /**
   * Tests the connection now and records the outcome; lists the tools when the catalogue is empty or stale. An
   * OAuth server without a usable token answers `{ authorizationUrl }` for a person to approve instead.
   */
  @Post('connect')
  @RequireScope('write')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: CONNECT_ANSWER, models: [ConnectResultView, AuthorizationOfferView], summary: 'Test the connection now', description: 'Connects, records the outcome (status and status event) and lists the tools when the catalogue is empty or stale. An OAuth server without a usable token answers `{ authorizationUrl }` for a person to open instead.' })
  async connect(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
  ): Promise<{ connectorStatus: string; latencyMs: number | null; lastError: string | null; toolCount: number } | AuthorizationOffer> {
    const r = await this.connects.connect(p, id);
    if (r.kind === 'authorization') return { authorizationUrl: r.authorizationUrl };
    return {
      connectorStatus: r.outcome.ok ? 'connected' : r.outcome.status,
      latencyMs: r.outcome.latencyMs ?? null,
      lastError: r.outcome.ok ? null : r.outcome.error,
      toolCount: r.toolCount,
    };
  }
}
