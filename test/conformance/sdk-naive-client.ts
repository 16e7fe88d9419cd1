/**
 * For comparison only (not in CI): the MCP TypeScript SDK's own OAuth client used the way its
 * documentation shows, with nothing tuned to the conformance scenarios: an in-memory
 * OAuthClientProvider on StreamableHTTPClientTransport, dynamic registration, the approval
 * followed headless, `finishAuth(code)`, reconnect; then list tools and call the first one.
 * No pre-registered credentials, no client ID metadata document URL, no step-up handling
 * beyond what the SDK does itself.
 *
 *   N=$(node scripts/node22.mjs)
 *   $N node_modules/@modelcontextprotocol/conformance/dist/index.js client --suite auth \
 *     --command "$N test/conformance/sdk-naive-client.ts"        (and --suite backcompat)
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

class HeadlessProvider implements OAuthClientProvider {
  readonly redirectUrl = 'http://127.0.0.1:1/callback';
  readonly clientMetadata: OAuthClientMetadata = {
    client_name: 'sdk-naive-client',
    redirect_uris: ['http://127.0.0.1:1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = '';
  code?: string;

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
  saveCodeVerifier(v: string): void {
    this.verifier = v;
  }
  codeVerifier(): string {
    return this.verifier;
  }
  /** The "browser": the scenario's AS redirects at once; the code is read off the redirect. */
  async redirectToAuthorization(url: URL): Promise<void> {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from the authorization endpoint (HTTP ${res.status})`);
    this.code = new URL(location).searchParams.get('code') ?? undefined;
  }
}

async function main(): Promise<void> {
  const url = new URL(process.argv[process.argv.length - 1]);
  const provider = new HeadlessProvider();
  for (let attempt = 0; attempt < 3; attempt++) {
    const transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
    const client = new Client({ name: 'sdk-naive-client', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      await client.callTool({ name: tools[0].name, arguments: {} });
      await transport.close();
      return;
    } catch (err) {
      if (!(err instanceof UnauthorizedError) || !provider.code) throw err;
      const code = provider.code;
      provider.code = undefined;
      await transport.finishAuth(code);
      await transport.close();
    }
  }
  throw new Error('still unauthorized after 3 attempts');
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
