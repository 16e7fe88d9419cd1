import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { ProjectEntity } from '../projects/project.entity.js';
import { AuthorizationModule } from '../authorization/authorization.module.js';
import { OAuthModule } from '../oauth/oauth.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { AggregateCatalogService } from './aggregate-catalog.service.js';
import { AuthorizationElicitor } from './authorization-elicitation.js';
import { GatewayHttp } from './gateway-http.service.js';
import { GatewayModern } from './gateway-modern.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { GatewayNotifier } from './gateway-notifier.service.js';
import { GatewayScopeService } from './gateway-scope.service.js';
import { GatewayServers } from './gateway-servers.js';
import { PassthroughSessions } from './passthrough-sessions.service.js';
import { ProtectedResourceController } from './protected-resource.controller.js';

/** `/mcp/{scopeId}`: a project's or workspace's tools as one MCP server, or one server passed through. */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([ProjectEntity, WorkspaceEntity]), McpServersModule, ToolsModule, AuthorizationModule, OAuthModule],
  controllers: [ProtectedResourceController],
  providers: [GatewayHttp, GatewayModern, GatewayMetrics, GatewayNotifier, GatewayScopeService, GatewayServers, AggregateCatalogService, PassthroughSessions, AuthorizationElicitor],
})
export class GatewayModule {}
