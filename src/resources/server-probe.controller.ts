import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { CreateMcpServerDto } from '../mcp-servers/mcp-server.dto.js';
import { DetectDto, DetectResultView, ValidateResultView } from './resources.dto.js';
import { ServerDetectService } from './server-detect.service.js';
import { ServerValidateService } from './server-validate.service.js';

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
  @ApiOkResponse({ type: ValidateResultView, description: 'an unreachable or failing server is `ok: false` with the typed error; a bad body is a 400' })
  validate(@CurrentPrincipal() p: Principal, @Body() dto: CreateMcpServerDto): Promise<ValidateResultView> {
    return this.validator.validate(p, dto);
  }

  @Post('detect')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOkResponse({ type: DetectResultView })
  detect(@CurrentPrincipal() _p: Principal, @Body() dto: DetectDto): Promise<DetectResultView> {
    return this.detector.detect(dto.url);
  }
}
