import { ApiProperty } from '@nestjs/swagger';
import { TRANSPORTS } from '../mcp-server.entity.js';

export class ConnectorView {
  @ApiProperty({ example: 'github' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TRANSPORTS }) transport!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of `connectorConfig`' }) configSchema!: unknown;
}
