import { UpstreamError } from '../common/errors/domain-error.js';
import type { CircuitOptions } from './connections.options.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Per-server breaker: opens after N consecutive failures, fails fast while open, lets one probe through after openMs. */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;

  constructor(
    private readonly opts: CircuitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.failures < this.opts.failureThreshold) return 'closed';
    return this.now() - this.openedAt >= this.opts.openMs ? 'half_open' : 'open';
  }

  /** Throws UpstreamError.circuitOpen (503 + Retry-After) when calls must fail fast; returns whether this call is the probe. */
  admit(label: string): boolean {
    const state = this.state;
    if (state === 'closed') return false;
    if (state === 'half_open' && !this.probing) {
      this.probing = true;
      return true;
    }
    const waitMs = state === 'open' ? this.opts.openMs - (this.now() - this.openedAt) : this.opts.openMs;
    throw UpstreamError.circuitOpen(`${label} is failing; calls are paused`, waitMs / 1000);
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
  }

  failure(): void {
    this.probing = false;
    this.failures++;
    if (this.failures >= this.opts.failureThreshold) this.openedAt = this.now();
  }

  /** A probe that ended without a verdict (e.g. the caller aborted) frees the slot for the next one. */
  release(): void {
    this.probing = false;
  }
}
