// `npm run bench` runs bench/floors.bench.ts (issue 18's figures against their floors, ~2 minutes);
// `npm run bench -- gateway foundation` only those; `npm run bench -- all` every bench/*.bench.ts;
// `npm run bench -- latest` only rewrites bench/results/latest.md and README's table from the stored results.
// Each bench runs in its own process (fresh heap, its own embedded PostgreSQL); its figures are
// printed, written to bench/results/<name>-<date>.json, and summarised in bench/results/latest.md.
import { execSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './lib.js';

interface StoredResult extends BenchResult {
  file: string;
  date: string;
  seconds: number;
  machine: { node: string; cpus: number; cpu: string };
  commit: string | null;
}

function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = repoRoot();
const RESULTS = join(ROOT, 'bench/results');
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 10 * 60_000);

/** Child mode: run one compiled bench file and send its result to the parent. */
async function child(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(file).href)) as { run?: () => Promise<BenchResult> };
  if (typeof mod.run !== 'function') throw new Error(`${basename(file)} does not export run()`);
  const result = await mod.run();
  // exit even if the bench left a handle open: its figures are in
  process.send!({ result }, () => process.exit(0));
}

function runOne(file: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const p = fork(import.meta.filename, ['--child', file], { stdio: 'inherit' });
    let result: BenchResult | undefined;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`${basename(file)} took longer than ${TIME_LIMIT_MS} ms`));
    }, TIME_LIMIT_MS);
    p.on('message', (m: { result?: BenchResult }) => (result = m.result));
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`${basename(file)} failed (exit ${code})`));
    });
  });
}

function commit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

function print(r: StoredResult): void {
  console.log(`\n== ${r.name} (${r.seconds}s) ==`);
  const width = Math.max(...Object.keys(r.figures).map((k) => k.length));
  for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
  for (const n of r.notes ?? []) console.log(`  - ${n}`);
}

/** latest.md: the newest stored result of every bench. */
function writeLatest(): void {
  const newest = new Map<string, StoredResult>();
  for (const f of readdirSync(RESULTS).filter((n) => n.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as StoredResult;
    const seen = newest.get(r.name);
    if (!seen || seen.date <= r.date) newest.set(r.name, r);
  }
  const lines = ['# Latest benchmark results', '', 'Written by `npm run bench`; one section per bench, its newest run.', ''];
  for (const r of [...newest.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`## ${r.name}`, '', `${r.date} · commit ${r.commit ?? 'n/a'} · Node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpu}`, '');
    lines.push('| figure | value |', '|---|---|');
    for (const [k, v] of Object.entries(r.figures)) lines.push(`| ${k} | ${v} |`);
    if (r.notes?.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
    lines.push('');
  }
  writeFileSync(join(RESULTS, 'latest.md'), lines.join('\n'));
  const floors = newest.get('floors');
  if (floors) writeReadmeTable(floors);
}

/** README.md's Benchmarks section shows the newest `floors` run: the figures users feel against their floors. */
function writeReadmeTable(r: StoredResult): void {
  const readme = join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:floors -->';
  const end = '<!-- /bench:floors -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const f = r.figures;
  const row = (what: string, ours: string, floor: string, ratio: string, goal: string) => `| ${what} | ${ours} | ${floor} | ${ratio} | ${goal} |`;
  const tp = (k: string) => `${f[`${k}.rps`]}/s, p50 ${f[`${k}.p50Ms`]} ms, p99 ${f[`${k}.p99Ms`]} ms`;
  const table = [
    `${r.date} · commit ${r.commit ?? 'n/a'} · Node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpu} (shared with other work: compare ratios, not absolute figures)`,
    '',
    '| what | Patchbay | floor / peer, same run | ratio | goal |',
    '|---|---|---|---|---|',
    row('REST tool run (echo, stdio), c=16', tp('a.c16.rest'), `direct SDK over stdio ${tp('a.c16.direct')}`, `${f['ratio.restVsDirect.c16']}x`, `>= 0.5x: ${f['goal.restVsDirect>=0.5']}`),
    row('REST tool run, c=1', tp('a.c1.rest'), `direct ${tp('a.c1.direct')}`, `+${f['ratio.restAddedP50Ms.c1']} ms p50`, `<= +1 ms: ${f['goal.restAddedP50<=1ms']}`),
    row('`GET /api/mcp-servers?limit=50` (200 servers), c=32', tp('b.c32.list'), `\`/health/live\` ${tp('b.c32.live')}`, `${f['ratio.listVsLive.c32']}x`, `>= 0.5x: ${f['goal.listVsLive>=0.5']}`),
    row('gateway `tools/call` (aggregate, stateless), c=16', tp('c.c16.gatewayAggregate'), `REST run above; supergateway ${tp('c.c16.supergateway')}`,
      `${f['ratio.gatewayAggregateVsRest.c16']}x REST, ${f['ratio.gatewayAggregateVsSupergateway.c16']}x supergateway`,
      `>= 0.9x: ${f['goal.gatewayVsRest>=0.9']}; >= 2x: ${f['goal.gatewayVsSupergateway>=2']}`),
    row('gateway `tools/call` (pass-through, stateless), c=16', tp('c.c16.gatewayPassthrough'), 'same', `${f['ratio.gatewayPassthroughVsRest.c16']}x REST, ${f['ratio.gatewayPassthroughVsSupergateway.c16']}x supergateway`, ''),
  ].join('\n');
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  if (wanted.length === 1 && wanted[0] === 'latest') return writeLatest(); // rewrite latest.md and README's table only
  const all = readdirSync(import.meta.dirname).filter((n) => n.endsWith('.bench.js')).sort();
  const files = wanted.includes('all') ? all : !wanted.length ? all.filter((n) => n === 'floors.bench.js') : all.filter((n) => wanted.some((w) => n === `${w}.bench.js` || n.replace('.bench.js', '').includes(w)));
  if (files.length === 0) {
    console.error(`no bench matches ${wanted.join(', ') || '(any)'}; have: ${all.map((n) => n.replace('.bench.js', '')).join(', ')}`);
    process.exit(1);
  }
  mkdirSync(RESULTS, { recursive: true });
  let failed = 0;
  for (const f of files) {
    const started = Date.now();
    console.log(`\n-- running ${f.replace('.bench.js', '')} --`);
    try {
      const result = await runOne(join(import.meta.dirname, f));
      const date = new Date().toISOString();
      const stored: StoredResult = {
        ...result,
        file: `bench/${f.replace(/\.js$/, '.ts')}`,
        date,
        seconds: Math.round((Date.now() - started) / 1000),
        machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
        commit: commit(),
      };
      const out = join(RESULTS, `${result.name}-${date.slice(0, 10)}.json`);
      writeFileSync(out, JSON.stringify(stored, null, 2) + '\n');
      print(stored);
      console.log(`  -> ${out.replace(ROOT + '/', '')}`);
    } catch (e) {
      failed++;
      console.error(`${f}: ${(e as Error).message}`);
    }
  }
  writeLatest();
  console.log(`\nsummary in bench/results/latest.md${failed ? `; ${failed} bench(es) failed` : ''}`);
  process.exitCode = failed ? 1 : 0;
}

const i = process.argv.indexOf('--child');
(i >= 0 ? child(process.argv[i + 1]) : main()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
