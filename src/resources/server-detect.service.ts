import { Injectable } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { DomainError, UpstreamError } from '../common/errors/domain-error.js';
import { assertUrlAllowed, classifyFailure, ConnectionPool, createSafeFetch } from '../connections/index.js';
import type { OAuthDiscovery } from '../oauth/upstream-oauth.service.js';
import type { DetectResultView, OAuthMetadataView } from './resources.dto.js';
import { UpstreamOAuthService } from '../oauth/upstream-oauth.service.js';

type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;
type Probe =
  | { kind: 'mcp'; serverInfo: Record<string, unknown> | null; protocolVersion: string | null }
  | { kind: 'unauthorized' }
  | { kind: 'no'; status: number };

const PROBE_MS = 10_000;

/**
 * What an MCP URL speaks before anything is saved: streamable HTTP (an `initialize` POST), else
 * the old HTTP+SSE transport (a GET that opens an event stream with an `endpoint` event); and what
 * it wants: nothing, an API key (401 without OAuth metadata), or OAuth (with the discovered
 * protected-resource and authorization-server metadata). Every request goes through the SSRF-safe fetch.
 */
@Injectable()
export class ServerDetectService {
  constructor(
    private readonly pool: ConnectionPool,
    private readonly oauth: UpstreamOAuthService,
  ) {}

  async detect(url: string): Promise<DetectResultView> {
    const o = this.pool.config;
    await assertUrlAllowed(url, 'url', { allowPrivateNetworks: o.allowPrivateNetworks, resolver: this.pool.resolver });
    const http = createSafeFetch({
      allowPrivateNetworks: o.allowPrivateNetworks, connectTimeoutMs: o.connectTimeoutMs, maxMessageBytes: o.maxMessageBytes,
      resolver: this.pool.resolver,
    });
    try {
      const result: DetectResultView = { url, transport: null, authType: 'none', oauth: null, serverInfo: null, protocolVersion: null, error: null };
      let probe: Probe;
      try {
        probe = await this.guard(url, () => this.streamable(http.fetch, url));
      } catch (err) {
        // Nothing answered: that is what detect found, not a failure of the request (an address refused by the
        // SSRF policy stays a 400).
        if (err instanceof UpstreamError && err.code !== 'upstream_blocked') return { ...result, error: { code: err.code, message: err.message } };
        throw err;
      }
      if (probe.kind !== 'no') {
        result.transport = 'streamable_http';
      } else {
        const first = probe.status;
        probe = await this.guard(url, () => this.sse(http.fetch, url)).catch((err: unknown) => {
          if (err instanceof UpstreamError && err.code !== 'upstream_blocked') return { kind: 'no', status: 0 } as const;
          throw err;
        });
        if (probe.kind === 'no') {
          const message = `${url} speaks neither streamable HTTP (HTTP ${first}) nor SSE (HTTP ${probe.status || 'none'})`;
          return { ...result, error: { code: 'not_mcp', message } };
        }
        result.transport = 'sse';
      }
      if (probe.kind === 'mcp') {
        result.serverInfo = probe.serverInfo;
        result.protocolVersion = probe.protocolVersion;
      } else {
        Object.assign(result, await this.authOf(url));
      }
      return result;
    } finally {
      await http.close().catch(() => undefined);
    }
  }

  private async authOf(url: string): Promise<Pick<DetectResultView, 'authType' | 'oauth'>> {
    let d: OAuthDiscovery;
    try {
      d = await this.oauth.discover(url);
    } catch {
      return { authType: 'api_key', oauth: null }; // 401 and no authorization server to be found
    }
    const as = d.authorizationServer;
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const oauth: OAuthMetadataView = {
      resource: d.resource,
      authorizationServers: list(d.resourceMetadata?.authorization_servers).length ? list(d.resourceMetadata?.authorization_servers) : [d.authorizationServerUrl],
      issuer: d.issuer,
      authorizationEndpoint: as.authorization_endpoint ?? null,
      tokenEndpoint: as.token_endpoint ?? null,
      registrationEndpoint: as.registration_endpoint ?? null,
      scopesSupported: list(d.resourceMetadata?.scopes_supported).length ? list(d.resourceMetadata?.scopes_supported) : list(as.scopes_supported),
      codeChallengeMethodsSupported: list(as.code_challenge_methods_supported),
      supportsDynamicRegistration: d.supportsDynamicRegistration,
      supportsClientIdMetadataDocument: d.supportsClientIdMetadataDocument,
    };
    return { authType: 'oauth', oauth };
  }

  /** Network failures become typed upstream errors (unreachable, timeout, blocked). */
  private async guard(url: string, fn: () => Promise<Probe>): Promise<Probe> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw classifyFailure(err, url).error;
    }
  }

  private async streamable(fetch: Fetch, url: string): Promise<Probe> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': LATEST_PROTOCOL_VERSION },
      body: JSON.stringify({
        jsonrpc: '2.0', id: 0, method: 'initialize',
        params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'patchbay-detect', version: '1' } },
      }),
      signal: AbortSignal.timeout(PROBE_MS),
    });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'unauthorized' };
    }
    const type = res.headers.get('content-type') ?? '';
    let message: { result?: { serverInfo?: Record<string, unknown>; protocolVersion?: string } } | undefined;
    if (res.ok && type.includes('application/json')) message = (await res.json().catch(() => undefined)) as typeof message;
    else if (res.ok && type.includes('text/event-stream')) message = await firstSseData(res);
    else await res.body?.cancel().catch(() => undefined);
    if (!message?.result) return { kind: 'no', status: res.status };
    const session = res.headers.get('mcp-session-id');
    if (session) {
      // End the session the probe opened; a server that refuses is not our problem.
      await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': session }, signal: AbortSignal.timeout(2000) })
        .then((r) => r.body?.cancel())
        .catch(() => undefined);
    }
    return { kind: 'mcp', serverInfo: message.result.serverInfo ?? null, protocolVersion: message.result.protocolVersion ?? null };
  }

  private async sse(fetch: Fetch, url: string): Promise<Probe> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), PROBE_MS);
    try {
      const res = await fetch(url, { method: 'GET', headers: { accept: 'text/event-stream' }, signal: abort.signal });
      if (res.status === 401 || res.status === 403) return { kind: 'unauthorized' };
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('text/event-stream') || !res.body) {
        return { kind: 'no', status: res.status };
      }
      const sawEndpoint = await readUntil(res, (text) => /(^|\n)event:\s*endpoint\s*\n/.test(text));
      if (!sawEndpoint) return { kind: 'no', status: res.status };
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
    return { kind: 'mcp', ...(await this.sseServerInfo(fetch, url)) };
  }

  /** One short SDK handshake over SSE for the server's name and protocol version (best effort). */
  private async sseServerInfo(fetch: Fetch, url: string): Promise<{ serverInfo: Record<string, unknown> | null; protocolVersion: string | null }> {
    const client = new Client({ name: 'patchbay-detect', version: '1' });
    try {
      await client.connect(new SSEClientTransport(new URL(url), { fetch }), { timeout: PROBE_MS });
      return { serverInfo: (client.getServerVersion() as Record<string, unknown> | undefined) ?? null, protocolVersion: null };
    } catch {
      return { serverInfo: null, protocolVersion: null };
    } finally {
      await client.close().catch(() => undefined);
    }
  }
}

async function readUntil(res: Response, done: (text: string) => boolean, maxBytes = 64 * 1024): Promise<boolean> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < maxBytes) {
      const { value, done: end } = await reader.read();
      if (end) return done(text);
      text += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      if (done(text)) return true;
    }
    return false;
  } catch {
    return done(text);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function firstSseData<T>(res: Response): Promise<T | undefined> {
  let found: T | undefined;
  await readUntil(res, (text) => {
    for (const line of text.split('\n')) {
      if (!line.startsWith('data:')) continue;
      try {
        found = JSON.parse(line.slice(5).trim()) as T;
        return true;
      } catch {
        /* partial line: keep reading */
      }
    }
    return false;
  });
  return found;
}
