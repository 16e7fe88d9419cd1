import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { signInAndDecide, type ApprovalResult } from './browser.js';

export const REDIRECT_URI = 'http://127.0.0.1:9/callback';

/**
 * The SDK's own OAuth client (auth.js) with a provider whose "browser" is HeadlessBrowser: it
 * signs in with a Patchbay key and answers the consent page, then hands the code back.
 */
export class HeadlessOAuthProvider implements OAuthClientProvider {
  info?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier?: string;
  approval?: ApprovalResult;
  readonly stateValue = `st-${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly key: string,
    private readonly opts: { decision?: 'approve' | 'deny'; clientMetadataUrl?: string; name?: string } = {},
  ) {}

  get clientMetadataUrl(): string | undefined {
    return this.opts.clientMetadataUrl;
  }
  get redirectUrl(): string {
    return REDIRECT_URI;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.opts.name ?? 'SDK test client',
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  state(): string {
    return this.stateValue;
  }
  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.info = info;
  }
  tokens(): OAuthTokens | undefined {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
  }
  async redirectToAuthorization(url: URL): Promise<void> {
    this.approval = await signInAndDecide(url.toString(), REDIRECT_URI, this.key, this.opts.decision ?? 'approve');
  }
  saveCodeVerifier(v: string): void {
    this.verifier = v;
  }
  codeVerifier(): string {
    if (!this.verifier) throw new Error('no code verifier');
    return this.verifier;
  }
}

/** Connects an SDK client to the gateway URL with nothing but the provider: 401 -> discovery -> sign-in -> code -> tokens. */
export async function connectWithOAuth(gatewayUrl: string, provider: HeadlessOAuthProvider): Promise<Client> {
  const first = new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider });
  const probe = new Client({ name: 'oauth-test', version: '1.0.0' });
  try {
    await probe.connect(first);
    return probe; // already had tokens
  } catch (e) {
    if (!(e instanceof UnauthorizedError)) throw e;
  }
  const code = provider.approval?.callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${provider.approval?.callback.toString()}`);
  await first.finishAuth(code);
  const client = new Client({ name: 'oauth-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider }));
  return client;
}
