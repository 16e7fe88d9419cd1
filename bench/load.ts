// The closed-loop load and its statistics, free of the application so a loader process stays light.

export interface LoadStats {
  /** requests per second (mean over the run) */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  /** milliseconds */
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

/**
 * A closed loop for anything that is not a plain HTTP request (MCP clients, services): `fn`
 * runs with `concurrency` callers until `seconds` pass or `count` calls are done.
 */
export async function loadLoop(opts: { concurrency: number; seconds: number; count?: number; fn: (i: number) => Promise<unknown> }): Promise<LoadStats> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const max = opts.count ?? Number.POSITIVE_INFINITY;
  const start = performance.now();
  const until = start + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < until && next < max) {
        const i = next++;
        const t = performance.now();
        try {
          await opts.fn(i);
          samples.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const p = percentiles(samples, [50, 90, 99]);
  return {
    rps: Math.round(samples.length / seconds),
    p50: round(p[50], 2),
    p90: round(p[90], 2),
    p99: round(p[99], 2),
    mean: round(samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length), 2),
    requests: samples.length + errors,
    non2xx: 0,
    errors,
    seconds: round(seconds, 2),
  };
}

/** Nearest-rank percentiles of `samples` (any unit). */
export function percentiles(samples: number[], ps: number[]): Record<number, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const out: Record<number, number> = {};
  for (const p of ps) {
    out[p] = sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : Number.NaN;
  }
  return out;
}

export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

