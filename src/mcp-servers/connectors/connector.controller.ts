import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/decorators.js';
import { CONNECTORS } from './connector-catalog.js';

@ApiTags('connectors')
@ApiBearerAuth()
@Controller('api/connectors')
export class ConnectorController {
  @Get()
  @RequireScope('read')
  list(): { data: Array<{ id: string; name: string; description: string; transport: string; configSchema: unknown }>; nextCursor: null } {
    return {
      data: CONNECTORS.map(({ id, name, description, transport, configSchema }) => ({ id, name, description, transport, configSchema })),
      nextCursor: null,
    };
  }
}
