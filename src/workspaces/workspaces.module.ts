import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../auth/users/user.entity.js';
import { MemberService } from './member.service.js';
import { MembershipEntity } from '../auth/users/membership.entity.js';
import { WorkspaceController } from './workspace.controller.js';
import { WorkspaceEntity } from './workspace.entity.js';
import { WorkspaceService } from './workspace.service.js';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([WorkspaceEntity, MembershipEntity, UserEntity])],
  controllers: [WorkspaceController],
  providers: [WorkspaceService, MemberService],
  exports: [WorkspaceService],
})
export class WorkspacesModule {}
