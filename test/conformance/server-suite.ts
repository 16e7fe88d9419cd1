import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node22 } from './conformance-suite.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Node 22 (the suite needs 22; the repo runs on 20+): see scripts/node22.mjs. */
export const NODE22 = node22();
export const CONFORMANCE_CLI = join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

export interface ScenarioResult {
  scenario: string;
  /** The suite's own verdict: a scenario passes when none of its checks is a FAILURE (its summary's ✓). */
  passed: boolean;
  failures: string[];
  /** WARNING checks: the suite's summary still counts the scenario as passed; its baseline mode would not. */
  warnings: string[];
}

export interface SuiteRun {
  results: ScenarioResult[];
  passed: number;
  total: number;
  /** The suite's console output, for a failing assertion's message. */
  output: string;
}

/**
 * Runs `conformance server --url <url> --suite <suite>` on Node 22 and reads every scenario's checks.json
 * (the suite writes one directory per scenario under --output-dir).
 */
export async function runServerSuite(url: string, suite = 'all'): Promise<SuiteRun> {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(NODE22, [CONFORMANCE_CLI, 'server', '--url', url, '--suite', suite, '-o', out], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '' },
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
      child.once('error', reject);
      // Exit code 1 only says "something failed": the per-scenario files below say what.
      child.once('exit', () => resolve(text));
    });
    const results: ScenarioResult[] = [];
    for (const dir of readdirSync(out).sort()) {
      const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(dir)?.[1];
      if (!scenario) continue;
      const checks = JSON.parse(readFileSync(join(out, dir, 'checks.json'), 'utf8')) as Array<{ id: string; status: string; errorMessage?: string }>;
      const failures = checks.filter((c) => c.status === 'FAILURE').map((c) => `${c.id}: ${c.errorMessage ?? ''}`);
      const warnings = checks.filter((c) => c.status === 'WARNING').map((c) => `${c.id}: ${c.errorMessage ?? ''}`);
      results.push({ scenario, passed: failures.length === 0, failures, warnings });
    }
    return { results, passed: results.filter((r) => r.passed).length, total: results.length, output };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One row per scenario, one column per run: "pass", "pass (2 warnings)" or "FAIL". */
export function scoreTable(runs: Record<string, SuiteRun>): string {
  const names = Object.keys(runs);
  const scenarios = [...new Set(Object.values(runs).flatMap((r) => r.results.map((x) => x.scenario)))];
  const cell = (r: ScenarioResult | undefined) => (!r ? 'missing' : !r.passed ? 'FAIL' : r.warnings.length ? `pass (${r.warnings.length} warn)` : 'pass');
  const width = Math.max(...scenarios.map((s) => s.length), 8);
  const lines = [['scenario'.padEnd(width), ...names.map((n) => n.padEnd(18))].join(' | ')];
  for (const s of scenarios) lines.push([s.padEnd(width), ...names.map((n) => cell(runs[n].results.find((x) => x.scenario === s)).padEnd(18))].join(' | '));
  lines.push(['score'.padEnd(width), ...names.map((n) => `${runs[n].passed}/${runs[n].total}`.padEnd(18))].join(' | '));
  return lines.join('\n');
}
