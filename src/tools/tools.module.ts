import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { ArgsValidator } from './args-validator.js';
import { ExecutionController } from './execution.controller.js';
import { ExecutionEntity } from './execution.entity.js';
import { ExecutionReconciler } from './execution-reconciler.service.js';
import { ExecutionRecorder } from './execution-recorder.service.js';
import { ExecutionService } from './execution.service.js';
import { RunLimiter } from './run-limiter.service.js';
import { ToolCatalogService } from './tool-catalog.service.js';
import { ToolController } from './tool.controller.js';
import { ToolEntity } from './tool.entity.js';
import { ToolCallService } from './tool-call.service.js';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([ToolEntity, ExecutionEntity]), McpServersModule],
  controllers: [ToolController, ExecutionController],
  providers: [ToolCatalogService, ToolCallService, ArgsValidator, RunLimiter, ExecutionRecorder, ExecutionReconciler, ExecutionService],
  exports: [ToolCatalogService, ToolCallService, ExecutionRecorder],
})
export class ToolsModule {}
