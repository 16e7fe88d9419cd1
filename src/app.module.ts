import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { OpsModule } from './ops/ops.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { WorkspacesModule } from './workspaces/workspaces.module.js';
import { McpServersModule } from './mcp-servers/mcp-servers.module.js';
import { ToolsModule } from './tools/tools.module.js';
import { MonitorModule } from './monitor/monitor.module.js';
import { GatewayModule } from './gateway/gateway.module.js';
import { OAuthModule } from './oauth/oauth.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { AuthorizationModule } from './authorization/authorization.module.js';
import { CompatModule } from './compat/compat.module.js';
import { ConnectModule } from './connect/connect.module.js';
import { ConsoleModule } from './web-console/console.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        OpsModule,
        AuthModule,
        WorkspacesModule,
        ProjectsModule,
        McpServersModule,
        ToolsModule,
        MonitorModule,
        GatewayModule,
        OAuthModule,
        ConnectModule,
        ResourcesModule,
        CompatModule,
        AuthorizationModule,
        ConsoleModule,
      ],
    };
  }
}
