import { UpstreamError } from '../common/errors/domain-error.js';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, openMs: 10_000 }, () => now);

  it('opens after N consecutive failures, fails fast with 503 + Retry-After, then lets one probe through', () => {
    now = 0;
    const b = breaker();
    b.failure();
    b.failure();
    expect(b.admit('s')).toBe(false);
    b.failure();
    expect(b.state).toBe('open');
    now = 4_000;
    let err: UpstreamError | undefined;
    try {
      b.admit('s');
    } catch (e) {
      err = e as UpstreamError;
    }
    expect(err).toMatchObject({ code: 'upstream_circuit_open', status: 503, headers: { 'retry-after': '6' } });
    now = 10_000;
    expect(b.state).toBe('half_open');
    expect(b.admit('s')).toBe(true); // the probe
    expect(() => b.admit('s')).toThrow(UpstreamError); // others still fail fast while it runs
    b.failure(); // probe failed: open again for openMs
    expect(b.state).toBe('open');
    now = 20_000;
    expect(b.admit('s')).toBe(true);
    b.success();
    expect(b.state).toBe('closed');
    expect(b.admit('s')).toBe(false);
  });

  it('a success resets the count', () => {
    const b = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
  });

  it('each failed probe doubles the wait up to the cap; a success starts over at the first wait', () => {
    now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, openMs: 1_000, maxOpenMs: 3_000 }, () => now);
    const probeAt = (t: number) => {
      now = t - 1;
      expect(b.state).toBe('open');
      now = t;
      expect(b.admit('s')).toBe(true);
    };
    b.failure();
    probeAt(1_000);
    b.failure();
    probeAt(3_000); // waited 2 s
    b.failure();
    probeAt(6_000); // 4 s capped at 3 s
    b.failure();
    probeAt(9_000);
    b.success();
    b.failure();
    probeAt(10_000); // back to 1 s
  });
});
