/** Patchbay's public OAuth addresses and its client ID metadata document. */

export const CLIENT_METADATA_PATH = '/oauth/client-metadata.json';
export const OAUTH_CALLBACK_PATH = '/api/oauth/callback';

function base(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

export function clientMetadataUrl(publicUrl: string): string {
  return `${base(publicUrl)}${CLIENT_METADATA_PATH}`;
}

export function oauthRedirectUri(publicUrl: string): string {
  return `${base(publicUrl)}${OAUTH_CALLBACK_PATH}`;
}

/** RFC 7591 client metadata, as Patchbay presents itself. */
export interface PatchbayClientMetadata {
  client_id: string;
  client_name: string;
  client_uri: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: 'none';
  application_type: 'web';
}

/**
 * The document served (publicly) at `${PUBLIC_URL}/oauth/client-metadata.json`. Its URL is the
 * `client_id` (draft-ietf-oauth-client-id-metadata-document): a public client, PKCE only.
 */
export function buildClientMetadataDocument(
  publicUrl: string,
  clientName = 'Patchbay',
  clientId = clientMetadataUrl(publicUrl),
): PatchbayClientMetadata {
  return {
    client_id: clientId,
    client_name: clientName,
    client_uri: base(publicUrl),
    redirect_uris: [oauthRedirectUri(publicUrl)],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    application_type: 'web',
  };
}
