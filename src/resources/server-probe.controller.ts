import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { CreateMcpServerDto } from '../mcp-servers/mcp-server.dto.js';
import { DetectDto, DetectResultView, ValidateResultView } from './resources.dto.js';
import { ServerDetectService } from './server-detect.service.js';
import { ServerValidateService } from './server-validate.service.js';
import { ApiRoute } from '../common/http/api-docs.js';

/** Try a server before saving it: the whole create body (validate), or just its URL (detect). */
@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers')
export class ServerProbeController {
  constructor(
    private readonly validator: ServerValidateService,
    private readonly detector: ServerDetectService,
  ) {}

  @Post('validate')
  @RequireScope('write')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: ValidateResultView, okDescription: 'An unreachable or failing server is `ok: false` with the typed error; a bad body is a 400', summary: 'Try a server without saving it', description: 'Takes a create body, connects with it and lists its tools; nothing is stored.' })
  validate(@CurrentPrincipal() p: Principal, @Body() dto: CreateMcpServerDto): Promise<ValidateResultView> {
    return this.validator.validate(p, dto);
  }

  @Post('detect')
  @RequireScope('write')
  @HttpCode(200)
  @ApiRoute({ kind: 'upstream', ok: DetectResultView, summary: 'Detect transport and auth', description: 'Probes `url`: the transport it speaks and the auth it wants (none, API key, or OAuth with its discovered metadata).' })
  detect(@CurrentPrincipal() _p: Principal, @Body() dto: DetectDto): Promise<DetectResultView> {
    return this.detector.detect(dto.url);
  }
}
