import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { OAuthClientMetadataController, OAuthTokenController } from './oauth.controller.js';
import { CredentialsController, CredentialsService } from './credentials.js';
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
 * fetch, the pool-target decorator and the client metadata route. The callback page is ConnectModule's.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OAuthClientEntity, OAuthTokenEntity, OAuthStateEntity]),
    McpServersModule,
  ],
  controllers: [OAuthClientMetadataController, OAuthTokenController, CredentialsController],
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
    CredentialsService,
  ],
  exports: [UpstreamOAuthService, OAuthConnectService, OAUTH_STORE],
})
export class OAuthModule {}
