import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { ConnectionPool, createSafeFetch } from '../connections/index.js';
import type { SafeFetch } from '../connections/safe-fetch.js';
import { InMemoryOAuthStore } from '../oauth/in-memory-oauth.store.js';
import { UpstreamOAuthService } from '../oauth/upstream-oauth.service.js';

/**
 * The upstream OAuth service for discovery. The app's own (OAuthModule) when it is registered;
 * otherwise a private instance used for discovery only (its in-memory store is never written:
 * discover() reads metadata, nothing else), its HTTP going through the SSRF-safe fetch.
 */
@Injectable()
export class OAuthDiscoveryProvider implements OnModuleDestroy {
  private own?: { service: UpstreamOAuthService; http: SafeFetch };

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
    private readonly pool: ConnectionPool,
  ) {}

  /** The registered UpstreamOAuthService, or null when no OAuth module is in the app. */
  shared(): UpstreamOAuthService | null {
    try {
      return this.moduleRef.get(UpstreamOAuthService, { strict: false });
    } catch {
      return null;
    }
  }

  forDiscovery(): UpstreamOAuthService {
    const shared = this.shared();
    if (shared) return shared;
    if (!this.own) {
      const o = this.pool.config;
      const http = createSafeFetch({
        allowPrivateNetworks: o.allowPrivateNetworks, connectTimeoutMs: o.connectTimeoutMs, maxMessageBytes: o.maxMessageBytes,
      });
      const service = new UpstreamOAuthService(new InMemoryOAuthStore(), {
        publicUrl: this.config.publicUrl,
        fetch: (input, init) => http.fetch(input, init),
        // Plain-http authorization servers only where private networks are allowed (tests, private deployments).
        allowInsecureRequests: o.allowPrivateNetworks,
      });
      this.own = { service, http };
    }
    return this.own.service;
  }

  async onModuleDestroy(): Promise<void> {
    await this.own?.http.close().catch(() => undefined);
  }
}
