import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from '../auth/api-keys/api-key.entity.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { AccountPrincipals } from './account-principals.js';
import { AuthorizationServer } from './authorization-server.js';
import { GatewayTokens } from './gateway-tokens.js';
import { IdpSignIn } from './idp-sign-in.js';
import { InteractionDeps } from './interaction-deps.js';
import { InteractionRoutes } from './interaction-routes.js';
import { OAuthGrantController } from './oauth-grant.controller.js';
import { OAuthGrantEntity } from './oauth-grant.entity.js';
import { OAuthGrantService } from './oauth-grant.service.js';

/** Patchbay as the OAuth 2.1 authorization server of its MCP gateway (issue 15). */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([OAuthGrantEntity, ApiKeyEntity, UserEntity])],
  controllers: [OAuthGrantController],
  providers: [AuthorizationServer, InteractionRoutes, InteractionDeps, IdpSignIn, AccountPrincipals, OAuthGrantService, GatewayTokens],
  exports: [GatewayTokens, AuthorizationServer],
})
export class AuthorizationModule {}
