import { Module } from '@nestjs/common';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { MonitorModule } from '../monitor/monitor.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { CompatTenancy } from './compat-tenancy.js';
import { LettaConnectService } from './letta/letta-connect.service.js';
import { LettaController } from './letta/letta.controller.js';
import { LettaService } from './letta/letta.service.js';
import { ProjectServersController } from './project/project-servers.controller.js';
import { ProjectServersService } from './project/project-servers.service.js';

/** Letta's and the project-style MCP server APIs: thin mappers onto the registry, tools, monitor and resources. */
@Module({
  imports: [McpServersModule, ToolsModule, MonitorModule, ProjectsModule, ResourcesModule],
  controllers: [LettaController, ProjectServersController],
  providers: [CompatTenancy, LettaService, LettaConnectService, ProjectServersService],
})
export class CompatModule {}
