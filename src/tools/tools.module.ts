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
import { ToolRunService } from './tool-run.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ToolEntity, ExecutionEntity]), McpServersModule],
  controllers: [ToolController, ExecutionController],
  providers: [ToolCatalogService, ToolRunService, ArgsValidator, RunLimiter, ExecutionRecorder, ExecutionReconciler, ExecutionService],
  exports: [ToolCatalogService, ToolRunService, ExecutionRecorder],
})
export class ToolsModule {}
