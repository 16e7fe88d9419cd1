import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal.js';
import { TooManyRequestsError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';

/**
 * Limits on tool runs: calls per minute and calls in flight, per caller (key or user) and per
 * workspace. In-process, like the request limits (see README).
 */
@Injectable()
export class RunLimiter {
  private readonly perCaller: RateLimiterMemory;
  private readonly perWorkspace: RateLimiterMemory;
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly config: AppConfig) {
    this.perCaller = new RateLimiterMemory({ keyPrefix: 'rc', points: config.runLimit.perKeyPerMinute, duration: 60 });
    this.perWorkspace = new RateLimiterMemory({ keyPrefix: 'rw', points: config.runLimit.perWorkspacePerMinute, duration: 60 });
  }

  /** Admits one run or throws 429; call the returned function when the run ends. */
  async acquire(principal: Principal, workspaceId: string): Promise<() => void> {
    const callerKey = `c:${principal.id}`;
    const wsKey = `w:${workspaceId}`;
    const { concurrentPerKey, concurrentPerWorkspace } = this.config.runLimit;
    if ((this.inFlight.get(callerKey) ?? 0) >= concurrentPerKey && principal.kind !== 'admin') {
      throw new TooManyRequestsError(`At most ${concurrentPerKey} tool runs at once per key`, 1);
    }
    if ((this.inFlight.get(wsKey) ?? 0) >= concurrentPerWorkspace) {
      throw new TooManyRequestsError(`At most ${concurrentPerWorkspace} tool runs at once per workspace`, 1);
    }
    try {
      if (principal.kind !== 'admin') await this.perCaller.consume(principal.id);
      await this.perWorkspace.consume(workspaceId);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new TooManyRequestsError('Tool run rate limit exceeded', e.msBeforeNext / 1000);
      throw e;
    }
    this.bump(callerKey, 1);
    this.bump(wsKey, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.bump(callerKey, -1);
      this.bump(wsKey, -1);
    };
  }

  private bump(key: string, by: number): void {
    const n = (this.inFlight.get(key) ?? 0) + by;
    if (n <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, n);
  }
}
