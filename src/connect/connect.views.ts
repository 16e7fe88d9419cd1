import { ApiProperty } from '@nestjs/swagger';
import { getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { CONNECTOR_STATUSES } from '../mcp-servers/mcp-server.entity.js';

export class ConnectResultView {
  @ApiProperty({ enum: CONNECTOR_STATUSES }) connectorStatus!: string;
  @ApiProperty({ type: Number, nullable: true }) latencyMs!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() toolCount!: number;
}

export class AuthorizationOfferView {
  @ApiProperty({ description: 'open in a browser to authorize Patchbay at the upstream; the callback finishes the connection' })
  authorizationUrl!: string;
}

/** POST .../connect answers the outcome, or an authorization to approve first. */
export const CONNECT_ANSWER: SchemaObject = {
  oneOf: [{ $ref: getSchemaPath(ConnectResultView) }, { $ref: getSchemaPath(AuthorizationOfferView) }],
};
