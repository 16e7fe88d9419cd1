import { Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AdapterPayload } from 'oidc-provider';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

const MAX_BYTES = 64 * 1024;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * OAuth client ID metadata documents (draft-ietf-oauth-client-id-metadata-document, the MCP
 * spec's preferred client identification): the `client_id` is an https URL whose JSON names the
 * client and its redirect URIs. Fetched through Patchbay's SSRF-safe fetch (no redirects, 64 KiB),
 * checked, cached for the document's max-age (1 min to 1 day). oidc-provider then matches the
 * redirect URI exactly against the document's list. `http://localhost` ids are accepted only when
 * MCP_ALLOW_PRIVATE_NETWORKS is true (tests, local development).
 */
export class ClientMetadataDocuments {
  private readonly logger = new Logger('ClientMetadataDocuments');
  private readonly cache = new LRUCache<string, AdapterPayload>({ max: 1000, ttl: 60_000 });
  /** Refused documents are not fetched again for a minute (an unknown client_id costs one fetch, not one per request). */
  private readonly refused = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });

  constructor(
    private readonly fetch: FetchLike,
    private readonly allowLoopbackHttp: boolean,
  ) {}

  /** True for a client_id that names a metadata document Patchbay would fetch. */
  isDocumentUrl(id: string): boolean {
    let url: URL;
    try {
      url = new URL(id);
    } catch {
      return false;
    }
    if (url.hash || url.username || url.password || url.pathname === '/') return false;
    // dot segments, checked on the raw string: URL() would have resolved them away
    if (/\/(\.|%2e){1,2}(\/|\?|$)/i.test(id.split('#')[0])) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && this.allowLoopbackHttp && LOOPBACK.has(url.hostname);
  }

  async resolve(id: string): Promise<AdapterPayload | undefined> {
    if (!this.isDocumentUrl(id)) return undefined;
    const hit = this.cache.get(id);
    if (hit) return hit;
    if (this.refused.has(id)) return undefined;
    try {
      const { metadata, maxAgeMs } = await this.load(id);
      this.cache.set(id, metadata, { ttl: maxAgeMs });
      return metadata;
    } catch (e) {
      this.refused.set(id, true);
      this.logger.warn(`client metadata document ${id} refused: ${(e as Error).message}`);
      return undefined;
    }
  }

  private async load(id: string): Promise<{ metadata: AdapterPayload; maxAgeMs: number }> {
    const res = await this.fetch(id, { headers: { accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_BYTES) throw new Error('document too large');
    const doc = JSON.parse(text) as Record<string, unknown>;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a JSON object');
    if (doc.client_id !== id) throw new Error('client_id does not match the document URL');
    if ('client_secret' in doc || 'client_secret_expires_at' in doc) throw new Error('a metadata document must not carry a client secret');
    const auth = doc.token_endpoint_auth_method ?? 'none';
    if (auth !== 'none') throw new Error('token_endpoint_auth_method must be none');
    const redirects = doc.redirect_uris;
    if (!Array.isArray(redirects) || redirects.length === 0 || !redirects.every((r) => typeof r === 'string')) {
      throw new Error('redirect_uris must be a non-empty list of URLs');
    }
    const metadata: AdapterPayload = {
      client_id: id,
      redirect_uris: redirects as string[],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      application_type: doc.application_type === 'native' ? 'native' : 'web',
    };
    for (const k of ['client_name', 'client_uri', 'logo_uri'] as const) if (typeof doc[k] === 'string') metadata[k] = doc[k];
    return { metadata, maxAgeMs: maxAge(res.headers.get('cache-control')) };
  }
}

function maxAge(cacheControl: string | null): number {
  const m = /(?:^|,)\s*max-age\s*=\s*(\d+)/i.exec(cacheControl ?? '');
  const seconds = m ? Number(m[1]) : 300;
  return Math.min(86_400, Math.max(60, seconds)) * 1000;
}
