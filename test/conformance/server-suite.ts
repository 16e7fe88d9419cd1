import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node22 } from './conformance-suite.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Node 22 (the suite needs 22; the repo runs on 20+): see scripts/node22.mjs. */
export const NODE22 = node22();
export const CONFORMANCE_CLI = join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
/** The suite's next version (0.2.0-alpha.12), installed under the npm alias `conformance-next` beside 0.1.16. */
export const CONFORMANCE_NEXT_CLI = join(ROOT, 'node_modules/conformance-next/dist/index.js');

export interface ScenarioResult {
  scenario: string;
  /** The suite's own verdict: a scenario passes when none of its checks is a FAILURE (its summary's ✓). */
  passed: boolean;
  failures: string[];
  /** How many of the scenario's checks succeeded, of how many (as the suite's summary counts: SUCCESS and FAILURE only). */
  checksPassed: number;
  checksTotal: number;
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
export async function runServerSuite(url: string, suite = 'all', opts: { cli?: string; args?: string[] } = {}): Promise<SuiteRun> {
  const selection = opts.args ?? ['--suite', suite];
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(NODE22, [opts.cli ?? CONFORMANCE_CLI, 'server', '--url', url, ...selection, '-o', out], {
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
      // 0.2.0-alpha.12 writes no checks.json for a scenario that crashed before its first check: a failure.
      const file = join(out, dir, 'checks.json');
      const checks = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; status: string; errorMessage?: string }>)
        : [{ id: scenario, status: 'FAILURE', errorMessage: 'the scenario wrote no checks' }];
      const failures = checks.filter((c) => c.status === 'FAILURE').map((c) => `${c.id}: ${c.errorMessage ?? ''}`);
      const warnings = checks.filter((c) => c.status === 'WARNING').map((c) => `${c.id}: ${c.errorMessage ?? ''}`);
      const counted = checks.filter((c) => c.status === 'SUCCESS' || c.status === 'FAILURE');
      results.push({
        scenario, passed: failures.length === 0, failures, warnings,
        checksPassed: counted.filter((c) => c.status === 'SUCCESS').length, checksTotal: counted.length,
      });
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
