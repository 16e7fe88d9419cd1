import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { createSafeFetch, type SafeFetch } from '../connections/safe-fetch.js';
import type { FetchLike } from './oauth.types.js';

/**
 * Outbound HTTP of the OAuth protocol code (discovery, registration, token requests): the same
 * SSRF-safe fetch as MCP connections, so an authorization server advertised by an MCP server is
 * refused when it resolves to a private address (unless MCP_ALLOW_PRIVATE_NETWORKS).
 */
@Injectable()
export class OAuthHttp implements OnApplicationShutdown {
  private readonly safe: SafeFetch;

  constructor(config: AppConfig) {
    this.safe = createSafeFetch({
      allowPrivateNetworks: config.allowPrivateNetworks,
      connectTimeoutMs: 10_000,
      maxMessageBytes: 1024 * 1024,
    });
  }

  get fetch(): FetchLike {
    return this.safe.fetch;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.safe.close().catch(() => undefined);
  }
}
