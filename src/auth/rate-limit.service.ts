import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import type { Principal } from './principal.js';

/**
 * Request rate limits per API key (or user) and per workspace, per minute.
 * In-process counters (rate-limiter-flexible): with N replicas behind a round-robin balancer a
 * client can reach up to N times the limit. The README says so; RateLimiterPostgres is the
 * drop-in when exact cross-replica limits matter more than a round trip per request.
 */
@Injectable()
export class RateLimitService {
  private readonly perKey: RateLimiterMemory;
  private readonly perWorkspace: RateLimiterMemory;

  constructor(config: AppConfig) {
    this.perKey = new RateLimiterMemory({ keyPrefix: 'k', points: config.rateLimit.perKeyPerMinute, duration: 60 });
    this.perWorkspace = new RateLimiterMemory({ keyPrefix: 'w', points: config.rateLimit.perWorkspacePerMinute, duration: 60 });
  }

  async consume(principal: Principal): Promise<void> {
    if (principal.kind === 'admin' && !principal.grantId) return;
    try {
      // an MCP client's grant is limited as a key of its own, apart from its account's other credentials
      await this.perKey.consume(principal.grantId ?? principal.id);
      if (principal.kind === 'api_key') await this.perWorkspace.consume(principal.workspaceId);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new TooManyRequestsError('Rate limit exceeded; retry later', e.msBeforeNext / 1000);
      }
      throw e;
    }
  }
}
