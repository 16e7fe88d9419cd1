/** Share of the delay added or removed at random, so servers registered together spread out. */
export const JITTER = 0.1;

/**
 * When to check a server again: one interval after a success, doubling per consecutive failure
 * (`failures` counts this check), never longer than `maxMs`; then ±10% jitter.
 */
export function nextDelayMs(failures: number, intervalMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = failures <= 1 ? intervalMs : Math.min(intervalMs * 2 ** Math.min(failures - 1, 30), Math.max(maxMs, intervalMs));
  return Math.max(1, Math.round(base * (1 - JITTER + 2 * JITTER * random())));
}

/** How often an idle replica looks for due servers: a quarter interval, between 50 ms and 2 s, jittered. */
export function pollDelayMs(intervalMs: number, random: () => number = Math.random): number {
  const base = Math.min(2_000, Math.max(50, intervalMs / 4));
  return Math.round(base * (0.8 + 0.4 * random()));
}
