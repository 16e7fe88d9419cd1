import { Module } from '@nestjs/common';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { OAuthModule } from '../oauth/oauth.module.js';
import { ToolsModule } from '../tools/tools.module.js';
import { ConnectController } from './connect.controller.js';
import { ConnectService } from './connect.service.js';
import { OAuthCallbackController } from './oauth-callback.controller.js';

/** Connecting a server: the one use case, its REST route and the OAuth callback page that ends in it. */
@Module({
  imports: [McpServersModule, ToolsModule, OAuthModule],
  controllers: [ConnectController, OAuthCallbackController],
  providers: [ConnectService],
  exports: [ConnectService],
})
export class ConnectModule {}
