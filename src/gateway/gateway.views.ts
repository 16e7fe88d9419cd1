import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9728 protected resource metadata of one gateway scope. */
export class ProtectedResourceMetadataView {
  @ApiProperty({ example: 'https://patchbay.example.com/mcp/proj_01jd8x3v2qf8g6m3s0y1b4k7ze' }) resource!: string;
  @ApiProperty({ type: [String], example: ['header'] }) bearer_methods_supported!: string[];
  @ApiProperty({ type: [String], example: ['execute'] }) scopes_supported!: string[];
  @ApiProperty() resource_name!: string;
  @ApiPropertyOptional({ type: [String] }) authorization_servers?: string[];
}
