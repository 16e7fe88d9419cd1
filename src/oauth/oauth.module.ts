import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { MonitorModule } from '../monitor/monitor.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { OAuthCallbackController, OAuthTokenController } from './oauth.controller.js';
import { FlowStarterCheck } from './flow-starter.check.js';
import { OAuthConnectService } from './oauth-connect.service.js';
import { OAuthHttp } from './oauth-http.js';
import { OAuthTargetDecorator } from './oauth-target.decorator.js';
import { OAUTH_STORE, UPSTREAM_OAUTH_OPTIONS, type UpstreamOAuthOptions } from './oauth.types.js';
import { OAuthClientEntity, OAuthStateEntity, OAuthTokenEntity } from './store/oauth.entities.js';
import { PostgresOAuthStore } from './store/postgres-oauth.store.js';
import { UpstreamOAuthService } from './upstream-oauth.service.js';

/**
 * Upstream OAuth wired into the service: the Postgres store, the protocol service on the SSRF-safe
 * fetch, the pool-target decorator, the callback and client metadata routes.
 *
 * Global so that `/connect` (MonitorModule's controller) can offer an authorization URL while this
 * module uses MonitorModule's status services: importing each other would be a module cycle.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([OAuthClientEntity, OAuthTokenEntity, OAuthStateEntity, McpServerEntity]),
    McpServersModule,
    MonitorModule,
    ToolsModule,
  ],
  controllers: [OAuthCallbackController, OAuthTokenController],
  providers: [
    OAuthHttp,
    PostgresOAuthStore,
    { provide: OAUTH_STORE, useExisting: PostgresOAuthStore },
    {
      provide: UPSTREAM_OAUTH_OPTIONS,
      inject: [AppConfig, OAuthHttp],
      useFactory: (config: AppConfig, http: OAuthHttp): UpstreamOAuthOptions => ({
        publicUrl: config.publicUrl,
        clientMetadataUrl: config.oauthClientMetadataUrl,
        fetch: http.fetch,
        // http: authorization servers only where private networks are allowed (tests, private deployments).
        allowInsecureRequests: config.allowPrivateNetworks,
      }),
    },
    UpstreamOAuthService,
    OAuthTargetDecorator,
    OAuthConnectService,
    FlowStarterCheck,
  ],
  exports: [UpstreamOAuthService, OAuthConnectService, OAUTH_STORE],
})
export class OAuthModule {}
