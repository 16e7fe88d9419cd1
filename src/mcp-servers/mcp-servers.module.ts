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

/** The pool, configured from AppConfig; one instance for the whole app. */
export const connectionsModule = ConnectionsModule.registerAsync({
  inject: [AppConfig],
  useFactory: (...args: never[]) => {
    const config = args[0] as unknown as AppConfig;
    return {
      allowPrivateNetworks: config.allowPrivateNetworks,
      stdioCommands: config.stdioCommands,
      catalogCommands: CATALOG_COMMANDS,
      maxProcessesPerWorkspace: config.stdioMaxPerWorkspace,
      maxProcessesTotal: config.stdioMaxTotal,
    };
  },
});

@Module({
  imports: [TypeOrmModule.forFeature([McpServerEntity, ProjectEntity]), connectionsModule],
  controllers: [McpServerController, ConnectorController],
  providers: [McpServerService, ServerConfigValidator],
  exports: [McpServerService, connectionsModule],
})
export class McpServersModule {}
