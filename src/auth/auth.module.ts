import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformSettingEntity } from '../database/platform-setting.entity.js';
import { MembershipEntity } from './users/membership.entity.js';
import { AccessService } from './access.service.js';
import { AdminKeyService } from './admin-key.service.js';
import { ApiKeyController } from './api-keys/api-key.controller.js';
import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuthCache } from './auth-cache.js';
import { AuthGuard } from './auth.guard.js';
import { RateLimitService } from './rate-limit.service.js';
import { SessionController } from './sessions/session.controller.js';
import { SessionEntity } from './sessions/session.entity.js';
import { SessionService } from './sessions/session.service.js';
import { OidcUserService } from './users/oidc-user.service.js';
import { UserEntity } from './users/user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity, UserEntity, MembershipEntity, PlatformSettingEntity, SessionEntity])],
  controllers: [ApiKeyController, SessionController],
  providers: [
    AccessService,
    AuthCache,
    ApiKeyService,
    AdminKeyService,
    OidcUserService,
    RateLimitService,
    SessionService,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [AccessService, AuthCache, AuthGuard, RateLimitService, OidcUserService],
})
export class AuthModule {}
