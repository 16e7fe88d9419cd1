import { ApiProperty } from '@nestjs/swagger';

/** The OAuth client ID metadata document (draft-ietf-oauth-client-id-metadata-document). */
export class ClientMetadataView {
  @ApiProperty() client_id!: string;
  @ApiProperty() client_name!: string;
  @ApiProperty() client_uri!: string;
  @ApiProperty({ type: [String] }) redirect_uris!: string[];
  @ApiProperty({ type: [String] }) grant_types!: string[];
  @ApiProperty({ type: [String] }) response_types!: string[];
  @ApiProperty({ enum: ['none'] }) token_endpoint_auth_method!: 'none';
  @ApiProperty({ enum: ['web'] }) application_type!: 'web';
}
