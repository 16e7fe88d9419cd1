import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { ConnectController } from './connect.controller.js';
import { ConnectionCheckService } from './connection-check.service.js';
import { ServerStatusService } from './server-status.service.js';
import { StatusEventEntity } from './status-event.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([StatusEventEntity]), McpServersModule, ToolsModule],
  controllers: [ConnectController],
  providers: [ServerStatusService, ConnectionCheckService],
  exports: [ServerStatusService, ConnectionCheckService],
})
export class MonitorModule {}
