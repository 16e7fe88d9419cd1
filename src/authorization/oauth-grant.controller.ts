import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';
import type { Page } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { AuthorizationServer } from './authorization-server.js';
import { ListOAuthGrantsQueryDto, OAuthGrantView } from './oauth-grant.dto.js';
import { OAuthGrantService } from './oauth-grant.service.js';

/** What MCP clients hold on the gateway, for people and dashboards: list and revoke. */
@ApiTags('oauth-grants')
@ApiBearerAuth()
@Controller('api/oauth-grants')
export class OAuthGrantController {
  constructor(
    private readonly grants: OAuthGrantService,
    private readonly server: AuthorizationServer,
  ) {}

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(OAuthGrantView), summary: 'List MCP clients\' grants', description: 'The grants MCP clients hold on the gateway of a workspace (`workspaceId`): client, account, resource, scope, created and last used. Tokens are never shown.' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListOAuthGrantsQueryDto): Promise<Page<OAuthGrantView>> {
    return this.grants.list(p, q);
  }

  @Delete(':id')
  @RequireScope('read')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Revoke a grant', description: 'Revokes an MCP client\'s grant and every token issued under it, at once on every replica. The grant\'s own account or a workspace admin may revoke it.' })
  revoke(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('grant')) id: string): Promise<void> {
    return this.grants.revoke(p, id, (grantId) => this.server.dropGrantTokens(grantId));
  }
}
