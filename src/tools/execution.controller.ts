import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../common/http/pagination.js';
import { IdPipe } from '../common/http/validation.js';
import { ExecutionService } from './execution.service.js';
import { ExecutionView, ListExecutionsQueryDto } from './tool.dto.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';

@ApiTags('executions')
@ApiBearerAuth()
@Controller('api/executions')
export class ExecutionController {
  constructor(private readonly executions: ExecutionService) {}

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(ExecutionView), summary: 'List executions', description: 'Records of tool runs from every surface (`via`), newest first, filtered by workspace, server or status.' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListExecutionsQueryDto): Promise<Page<ExecutionView>> {
    return this.executions.list(p, q);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiRoute({ kind: 'read', ok: ExecutionView, summary: 'Get an execution', description: 'One stored tool run by its exec_ id.' })
  get(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('exec')) id: string): Promise<ExecutionView> {
    return this.executions.get(p, id);
  }
}
