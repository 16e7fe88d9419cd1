import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/decorators.js';
import { CONNECTORS } from './connector-catalog.js';
import { ApiRoute, PageOf } from '../../common/http/api-docs.js';
import { ConnectorView } from './connector.view.js';

@ApiTags('connectors')
@ApiBearerAuth()
@Controller('api/connectors')
export class ConnectorController {
  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(ConnectorView), summary: 'List connector templates', description: 'The catalogue of ready-made server templates; `connectorId` on create names one and `connectorConfig` fills its `configSchema`.' })
  list(): { data: Array<{ id: string; name: string; description: string; transport: string; configSchema: unknown }>; nextCursor: null } {
    return {
      data: CONNECTORS.map(({ id, name, description, transport, configSchema }) => ({ id, name, description, transport, configSchema })),
      nextCursor: null,
    };
  }
}
