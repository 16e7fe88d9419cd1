import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { McpServersModule } from '../mcp-servers/mcp-servers.module.js';
import { OAuthModule } from '../oauth/oauth.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ServerDetectService } from './server-detect.service.js';
import { ServerProbeController } from './server-probe.controller.js';
import { ServerResourcesController } from './server-resources.controller.js';
import { ServerResourcesService } from './server-resources.service.js';
import { ServerValidateService } from './server-validate.service.js';

/** A server's resources and prompts, and trying a server before it is saved (validate, detect). */
@Module({
  imports: [AuthModule, McpServersModule, ProjectsModule, OAuthModule],
  // Probe routes first: `validate`/`detect` are fixed segments beside the registry's `:id`.
  controllers: [ServerProbeController, ServerResourcesController],
  providers: [ServerResourcesService, ServerDetectService, ServerValidateService],
  exports: [ServerResourcesService, ServerDetectService, ServerValidateService],
})
export class ResourcesModule {}
