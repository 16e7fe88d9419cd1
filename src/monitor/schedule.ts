import { createHash } from 'node:crypto';
import { stableJson } from '../openapi.js';

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

/**
 * The hash ToolCatalogService stores as `tools_hash` for a tool list: each whole definition hashed,
 * the sorted hashes hashed again. Equal hashes mean a refresh would change nothing.
 */
export function toolsHashOf(tools: readonly object[]): string {
  const hashes = tools.map((t) => sha256(stableJson(t))).sort();
  return sha256(stableJson(hashes));
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
