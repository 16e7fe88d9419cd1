import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (CI's .ci/run installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Screenshots land here (a CI artifact); the README shows copies committed under docs/screenshots/. */
export const SHOT_DIR = resolve(process.env.CONSOLE_SCREENSHOT_DIR ?? 'test-results/console');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Builds the console from its current source into a temporary folder (CONSOLE_DIR of the app under test). */
export function buildConsole(): string {
  const out = mkdtempSync(join(tmpdir(), 'patchbay-console-'));
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts', '--outDir', out, '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations (as `id: selector` lines). */
export async function axeSerious(page: Page): Promise<string[]> {
  // evaluated over the DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused)
  if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.evaluate(AXE);
  // a string, evaluated in the page: this program is type-checked without the DOM library
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOT_DIR, `console-${name}.png`), fullPage: true });
}
