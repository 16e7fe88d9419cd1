import { JITTER, nextDelayMs, pollDelayMs } from './schedule.js';

describe('monitor schedule', () => {
  const mid = () => 0.5;

  it('waits one interval after a success or a first failure, with jitter', () => {
    expect(nextDelayMs(0, 1000, 10_000, mid)).toBe(1000);
    expect(nextDelayMs(1, 1000, 10_000, mid)).toBe(1000);
    expect(nextDelayMs(0, 1000, 10_000, () => 0)).toBe(1000 * (1 - JITTER));
    expect(nextDelayMs(0, 1000, 10_000, () => 1)).toBe(1000 * (1 + JITTER));
  });

  it('doubles per consecutive failure up to the cap', () => {
    expect([2, 3, 4, 5, 6, 50].map((f) => nextDelayMs(f, 1000, 10_000, mid))).toEqual([2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('never backs off below the interval even with a smaller cap', () => {
    expect(nextDelayMs(5, 1000, 100, mid)).toBe(1000);
  });

  it('polls a quarter interval, bounded', () => {
    expect(pollDelayMs(300, mid)).toBe(75);
    expect(pollDelayMs(60_000, mid)).toBe(2000);
    expect(pollDelayMs(100, mid)).toBe(50);
  });
});
