import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { ConnectionCheckService } from './connection-check.service.js';
import { EventStreamService } from './event-stream.service.js';
import { MonitorMetrics } from './monitor-metrics.js';
import { MonitorScheduler } from './monitor-scheduler.service.js';
import { EventsController, StatusEventController } from './status-event.controller.js';
import { StatusEventEntity } from './status-event.entity.js';
import { StatusEventService } from './status-event.service.js';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([StatusEventEntity]), McpServersModule, ToolsModule],
  controllers: [StatusEventController, EventsController],
  providers: [
    ConnectionCheckService,
    MonitorMetrics,
    MonitorScheduler,
    StatusEventService,
    EventStreamService,
  ],
  exports: [ConnectionCheckService, MonitorScheduler, EventStreamService],
})
export class MonitorModule {}
