import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { ConnectController } from './connect.controller.js';
import { ConnectionCheckService } from './connection-check.service.js';
import { ConnectionEventsRecorder } from './connection-events.service.js';
import { EventStreamService } from './event-stream.service.js';
import { MonitorMetrics } from './monitor-metrics.js';
import { MonitorScheduler } from './monitor-scheduler.service.js';
import { ServerLeases } from './server-leases.js';
import { ServerStatusService } from './server-status.service.js';
import { EventsController, StatusEventController } from './status-event.controller.js';
import { StatusEventEntity } from './status-event.entity.js';
import { StatusEventService } from './status-event.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([StatusEventEntity]), McpServersModule, ToolsModule],
  controllers: [ConnectController, StatusEventController, EventsController],
  providers: [
    ServerStatusService,
    ConnectionCheckService,
    ServerLeases,
    MonitorMetrics,
    MonitorScheduler,
    StatusEventService,
    EventStreamService,
    ConnectionEventsRecorder,
  ],
  exports: [ServerStatusService, ConnectionCheckService, MonitorScheduler, EventStreamService],
})
export class MonitorModule {}
