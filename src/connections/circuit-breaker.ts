import { UpstreamError } from '../common/errors/domain-error.js';
import type { CircuitOptions } from './connections.options.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

/**
 * Per-server breaker: opens after N consecutive failures and fails fast while open. After `openMs` one probe
 * is let through; each failed probe doubles the wait, up to `maxOpenMs`, so a dead upstream costs one call per
 * wait and a restarted one serves again within one (capped) wait of coming back.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private waitMs = 0;
  private probing = false;

  constructor(
    private readonly opts: CircuitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.failures < this.opts.failureThreshold) return 'closed';
    return this.now() - this.openedAt >= this.waitMs ? 'half_open' : 'open';
  }

  /** Throws UpstreamError.circuitOpen (503 + Retry-After) when calls must fail fast; returns whether this call is the probe. */
  admit(label: string): boolean {
    const state = this.state;
    if (state === 'closed') return false;
    if (state === 'half_open' && !this.probing) {
      this.probing = true;
      return true;
    }
    const waitMs = state === 'open' ? this.waitMs - (this.now() - this.openedAt) : this.waitMs;
    throw UpstreamError.circuitOpen(`${label} is failing; calls are paused`, Math.max(1, Math.ceil(waitMs / 1000)));
  }

  success(): void {
    this.failures = 0;
    this.waitMs = 0;
    this.probing = false;
  }

  failure(): void {
    const wasOpen = this.failures >= this.opts.failureThreshold;
    this.probing = false;
    this.failures++;
    if (this.failures < this.opts.failureThreshold) return;
    // opening: the first wait; a failed probe (or a failure racing it): the next, longer one
    this.waitMs = wasOpen ? Math.min(this.opts.maxOpenMs ?? this.opts.openMs, Math.max(this.waitMs, 1) * 2) : this.opts.openMs;
    this.openedAt = this.now();
  }

  /** A probe that ended without a verdict (e.g. the caller aborted) frees the slot for the next one. */
  release(): void {
    this.probing = false;
  }
}
