import { accessSync, constants as fsConstants } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join } from 'node:path';
import { ValidationError } from '../common/errors/domain-error.js';
import { commandFamilyName, familyOf, LaunchSpecError, parseLaunch } from './stdio-launch-spec.js';

export interface StdioPolicyOptions {
  stdioCommands: string[] | 'catalog';
  catalogCommands: string[];
}

export interface StdioConfig {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
}

/** Options that make an unknown program evaluate code or load extra code: its own arguments are otherwise its business. */
const OTHER_PROGRAM_FLAGS = ['-c', '-e', '--eval', '--exec', '--print', '--require', '--import', '--loader',
  '--experimental-loader', '--node-options', '--call', '--env-file', '--env-file-if-exists', '--interactive'];

/** Env keys that change how programs load or run, refused (case-insensitively, prefixes end in `*`). */
const FORBIDDEN_ENV = ['NODE_OPTIONS', 'NODE_PATH', 'NODE_REPL_EXTERNAL_MODULE', 'NODE_EXTRA_CA_CERTS', 'LD_*', 'DYLD_*',
  'PATH', 'PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONHOME', 'PYTHONINSPECT', 'PYTHONWARNINGS', 'PYTHONEXECUTABLE',
  'PYTHONUSERBASE', 'PYTHONSAFEPATH', 'BASH_ENV', 'ENV', 'BASH_FUNC_*', 'SHELLOPTS', 'BASHOPTS', 'PS4',
  'PROMPT_COMMAND', 'IFS', 'CDPATH', 'GCONV_PATH', 'PERL5OPT', 'PERL5LIB', 'PERLLIB', 'RUBYOPT', 'RUBYLIB',
  'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'CLASSPATH', 'NPM_CONFIG_*', 'YARN_*', 'PNPM_*',
  'UV_*', 'PIP_*', 'PIPX_*', 'BUN_OPTIONS', 'DENO_*', 'HOME', 'TMPDIR', 'GIT_*', 'SSLKEYLOGFILE', 'MALLOC_*', 'GLIBC_TUNABLES'];
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export { commandFamilyName };

export function allowedStdioCommands(opts: StdioPolicyOptions): string[] {
  return opts.stdioCommands === 'catalog' ? opts.catalogCommands : opts.stdioCommands;
}

/**
 * Launchers and interpreters are read with their own grammar (an allow-list of options and value shapes); what a
 * launcher runs is read again with its grammar when it is itself a launcher or interpreter (`npx -y node x.js`).
 * An unknown program's arguments are its own, apart from the options that make any runtime evaluate code.
 */
function checkArgs(command: string, args: string[], depth = 0): void {
  if (args.some((a) => a.includes('\0'))) throw ValidationError.field('args', 'arguments may not contain NUL bytes');
  const family = familyOf(command);
  if (family === 'other') {
    for (const arg of args) {
      const flag = arg.split('=')[0];
      if (OTHER_PROGRAM_FLAGS.includes(flag) || /^--(inspect|debug)/.test(arg)) {
        throw ValidationError.field('args', `argument "${arg.slice(0, 40)}" is not allowed: it makes a runtime evaluate or load code`);
      }
    }
    return;
  }
  let parsed;
  try {
    parsed = parseLaunch(family, args, command);
  } catch (err) {
    if (err instanceof LaunchSpecError) throw ValidationError.field('args', err.message);
    throw err;
  }
  const launched = parsed.target.replace(/(?<=.)@.*$/, '').replace(/(==|>=|<=|~=|!=|[<>]).*$/, '');
  if (depth < 3 && ['npx', 'npm', 'pnpm', 'yarn', 'uvx', 'uv', 'pipx'].includes(family) && familyOf(launched) !== 'other') {
    checkArgs(launched, parsed.rest, depth + 1);
  }
}

/**
 * Throws ValidationError naming `command`, `args` or `env` when this stdio configuration is not allowed:
 * command outside the allow-list, arguments outside the launcher's grammar (for npx/uvx-style launchers only a
 * registry package may be fetched), or env keys that change how programs load.
 */
export function assertStdioAllowed(cfg: StdioConfig, opts: StdioPolicyOptions): void {
  const allowed = allowedStdioCommands(opts);
  const command = cfg.command?.trim() ?? '';
  if (allowed.length === 0) throw ValidationError.field('command', 'stdio servers are disabled on this Patchbay (MCP_STDIO_COMMANDS)');
  if (!command) throw ValidationError.field('command', 'is required for stdio servers');
  if (!allowed.includes(command)) {
    throw ValidationError.field('command', `"${basename(command)}" is not an allowed stdio command (allowed: ${allowed.join(', ')})`);
  }
  const args = cfg.args ?? [];
  if (!Array.isArray(args) || args.some((a) => typeof a !== 'string')) throw ValidationError.field('args', 'must be an array of strings');
  checkArgs(command, args);
  for (const [key, value] of Object.entries(cfg.env ?? {})) {
    if (!ENV_KEY.test(key)) throw ValidationError.field('env', `"${key.slice(0, 40)}" is not a valid variable name`);
    if (typeof value !== 'string' || value.includes('\0')) throw ValidationError.field('env', `${key} must be a string without NUL bytes`);
    const upper = key.toUpperCase();
    const hit = FORBIDDEN_ENV.find((f) => (f.endsWith('*') ? upper.startsWith(f.slice(0, -1)) : upper === f));
    if (hit) throw ValidationError.field('env', `${key} changes how programs load and may not be set`);
  }
}

const MINIMAL_PATH = ['/usr/local/bin', '/usr/bin', '/bin'];

/** Absolute path of `command` found on Patchbay's own PATH (the operator's), or null. */
export function resolveCommand(command: string, searchPath = process.env.PATH ?? ''): string | null {
  const isExec = (p: string) => {
    try {
      accessSync(p, fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (isAbsolute(command)) return isExec(command) ? command : null;
  if (command.includes('/')) return null;
  for (const dir of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    if (isExec(candidate)) return candidate;
  }
  return null;
}

/**
 * The child's whole environment: its declared env plus a minimal PATH (the resolved command's directory first, so
 * `npx` finds the same `node`) and a per-workspace HOME for package caches. Never inherits Patchbay's process.env.
 */
export function buildChildEnv(resolvedCommand: string, env: Record<string, string> = {}, home?: string): Record<string, string> {
  const dirs = [dirname(resolvedCommand), ...MINIMAL_PATH.filter((d) => d !== dirname(resolvedCommand))];
  return { ...env, PATH: dirs.join(delimiter), ...(home ? { HOME: home } : {}) };
}
