import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/**
 * A streamable-HTTP MCP server (SDK) behind bearer tokens from the test authorization server:
 * JWTs verified against the AS's JWKS with audience = this resource; a 401 carries
 * `WWW-Authenticate: Bearer resource_metadata="…"`; RFC 9728 metadata is served at the
 * path-aware and root well-known addresses. One tool, `whoami`.
 */
export interface ProtectedMcpServerOptions {
  issuer: string;
  jwksUri: string;
  /** Put `resource_metadata` in the 401 challenge. Default true (false: client must probe well-known). */
  advertiseResourceMetadata?: boolean;
  scopesSupported?: string[];
}

export interface ProtectedMcpServer {
  /** The MCP endpoint, also the RFC 8707 resource. */
  url: string;
  resourceMetadataUrl: string;
  counts: { unauthorized: number; authorized: number };
  close(): Promise<void>;
}

export async function startProtectedMcpServer(opts: ProtectedMcpServerOptions): Promise<ProtectedMcpServer> {
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const resource = `${base}/mcp`;
  const resourceMetadataUrl = `${base}/.well-known/oauth-protected-resource/mcp`;
  const jwks = createRemoteJWKSet(new URL(opts.jwksUri));
  const counts = { unauthorized: 0, authorized: 0 };
  const metadata = {
    resource,
    authorization_servers: [opts.issuer],
    scopes_supported: opts.scopesSupported ?? ['mcp:tools'],
    bearer_methods_supported: ['header'],
  };

  const unauthorized = (res: ServerResponse, error?: string): void => {
    counts.unauthorized++;
    const params = [
      opts.advertiseResourceMetadata === false ? undefined : `resource_metadata="${resourceMetadataUrl}"`,
      error ? `error="${error}"` : undefined,
    ].filter(Boolean);
    res.writeHead(401, {
      'content-type': 'application/json',
      'www-authenticate': `Bearer${params.length ? ` ${params.join(', ')}` : ''}`,
    });
    res.end(JSON.stringify({ error: error ?? 'unauthorized' }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', base).pathname;
    if (req.method === 'GET' && (path === '/.well-known/oauth-protected-resource/mcp' || path === '/.well-known/oauth-protected-resource')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(metadata));
      return;
    }
    if (path !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) return unauthorized(res);
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, { issuer: opts.issuer, audience: resource }));
    } catch {
      return unauthorized(res, 'invalid_token');
    }
    counts.authorized++;
    // Stateless: a fresh server + transport per request, the caller's claims in the closure.
    const server = new McpServer({ name: 'protected-test-server', version: '1.0.0' });
    server.registerTool('whoami', { description: 'Who the bearer token says the caller is' }, async () => ({
      content: [{ type: 'text', text: JSON.stringify({ sub: claims.sub, client_id: claims.client_id, scope: claims.scope }) }],
    }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  };

  http.on('request', (req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(err.message);
    });
  });

  return {
    url: resource,
    resourceMetadataUrl,
    counts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
