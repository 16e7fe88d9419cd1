import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CATALOG_COMMANDS } from './connectors/connector-catalog.js';
import { ConnectorController } from './connectors/connector.controller.js';
import { AppConfig } from '../config/app-config.js';
import { ConnectionsModule } from '../connections/index.js';
import { ProjectEntity } from '../projects/project.entity.js';
import { McpServerController } from './mcp-server.controller.js';
import { McpServerEntity } from './mcp-server.entity.js';
import { McpServerService } from './mcp-server.service.js';
import { ServerConfigValidator } from './server-config.js';
import { ConnectionEventsRecorder } from './connection-events.listener.js';
import { ServerHealth } from './server-health.service.js';
import { ServerConnectionsListener } from './server-connections.listener.js';
import { ServerRepository } from './server.repository.js';

/** The pool, configured from AppConfig; one instance for the whole app. */
export const connectionsModule = ConnectionsModule.registerAsync({
  inject: [AppConfig],
  useFactory: (...args: never[]) => {
    const config = args[0] as unknown as AppConfig;
    return {
      allowPrivateNetworks: config.allowPrivateNetworks,
      stdioCommands: config.stdioCommands,
      catalogCommands: CATALOG_COMMANDS,
      circuit: { failureThreshold: 5, openMs: config.circuitProbe.initialMs, maxOpenMs: config.circuitProbe.maxMs },
      maxProcessesPerWorkspace: config.stdioMaxPerWorkspace,
      maxProcessesTotal: config.stdioMaxTotal,
    };
  },
});

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([McpServerEntity, ProjectEntity]), connectionsModule],
  controllers: [McpServerController, ConnectorController],
  providers: [McpServerService, ServerRepository, ServerHealth, ServerConfigValidator, ServerConnectionsListener, ConnectionEventsRecorder],
  exports: [McpServerService, ServerRepository, ServerHealth, ServerConfigValidator, connectionsModule],
})
export class McpServersModule {}
