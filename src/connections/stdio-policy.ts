import { accessSync, constants as fsConstants } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join } from 'node:path';
import { ValidationError } from '../common/errors/domain-error.js';

export interface StdioPolicyOptions {
  stdioCommands: string[] | 'catalog';
  catalogCommands: string[];
}

export interface StdioConfig {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
}

type Family = 'node' | 'python' | 'shell' | 'launcher' | 'other';

const FAMILIES: Record<string, Family> = {
  node: 'node', nodejs: 'node', deno: 'node', bun: 'node', tsx: 'node', 'ts-node': 'node',
  python: 'python', pypy: 'python',
  sh: 'shell', bash: 'shell', zsh: 'shell', dash: 'shell', ksh: 'shell', ash: 'shell', fish: 'shell',
  csh: 'shell', tcsh: 'shell', busybox: 'shell', pwsh: 'shell', powershell: 'shell', cmd: 'shell',
  perl: 'shell', ruby: 'shell', php: 'shell', lua: 'shell', env: 'shell', xargs: 'shell', awk: 'shell',
  npx: 'launcher', pnpx: 'launcher', bunx: 'launcher', uvx: 'launcher', pipx: 'launcher', npm: 'launcher',
  pnpm: 'launcher', yarn: 'launcher', uv: 'launcher',
};

/** Options that make any launcher evaluate code or load extra code, refused whatever the command. */
const UNIVERSAL_FLAGS = ['-c', '-e', '--eval', '--exec', '--print', '--require', '--import', '--loader',
  '--experimental-loader', '--node-options', '--call', '--env-file', '--env-file-if-exists', '--interactive'];
const FAMILY_FLAGS: Record<Family, string[]> = {
  node: ['-p', '-r', '-i', '--run', '--experimental-policy', '--eval-file'],
  python: ['-i'],
  shell: ['-s', '-i', '--rcfile', '--init-file'],
  launcher: ['--python', '--shell', '--script-shell'],
  other: [],
};
/** Letters of a short-option cluster (`-pe`, `-Ic`, `-ec`) that evaluate code. */
const CLUSTER_LETTERS: Record<Family, string> = { node: 'eprci', python: 'ci', shell: 'cesi', launcher: 'c', other: '' };
/** `python -m <module>` is how servers are launched, but these stdlib modules evaluate code or open a REPL. */
const PYTHON_EVAL_MODULES = new Set(['code', 'codeop', 'pdb', 'timeit', 'trace', 'runpy', 'cProfile', 'profile', 'idlelib',
  'pydoc', 'http', 'pip', 'ensurepip', 'venv', 'site', 'compileall', 'py_compile', 'zipapp', 'doctest', 'unittest', 'asyncio', 'IPython']);
/** Package specs that bypass the registry (git, URLs, local paths). */
const REMOTE_SPEC = /^(git\+|git:|github:|gitlab:|bitbucket:|gist:|file:|https?:|\.{0,2}\/)/i;
const STDIN_PATHS = /^(-|\/dev\/stdin|\/dev\/fd\/\d+|\/proc\/self\/fd\/\d+|\/dev\/tty)$/;

/** Env keys that change how programs load or run, refused (case-insensitively, prefixes end in `*`). */
const FORBIDDEN_ENV = ['NODE_OPTIONS', 'NODE_PATH', 'NODE_REPL_EXTERNAL_MODULE', 'NODE_EXTRA_CA_CERTS', 'LD_*', 'DYLD_*',
  'PATH', 'PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONHOME', 'PYTHONINSPECT', 'PYTHONWARNINGS', 'PYTHONEXECUTABLE',
  'PYTHONUSERBASE', 'PYTHONSAFEPATH', 'BASH_ENV', 'ENV', 'BASH_FUNC_*', 'SHELLOPTS', 'BASHOPTS', 'PS4',
  'PROMPT_COMMAND', 'IFS', 'CDPATH', 'GCONV_PATH', 'PERL5OPT', 'PERL5LIB', 'PERLLIB', 'RUBYOPT', 'RUBYLIB',
  'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'CLASSPATH', 'NPM_CONFIG_*', 'YARN_*', 'PNPM_*',
  'UV_PYTHON', 'BUN_OPTIONS', 'DENO_*', 'HOME', 'TMPDIR', 'GIT_*', 'SSLKEYLOGFILE', 'MALLOC_*', 'GLIBC_TUNABLES'];
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `python3.12` -> `python`, `node20` -> `node`, `/usr/bin/bash` -> `bash`. */
export function commandFamilyName(command: string): string {
  return basename(command).toLowerCase().replace(/\.(exe|cmd|bat)$/, '').replace(/[\d.]+$/, '').replace(/-$/, '');
}

function familyOf(command: string): Family {
  return FAMILIES[commandFamilyName(command)] ?? 'other';
}

export function allowedStdioCommands(opts: StdioPolicyOptions): string[] {
  return opts.stdioCommands === 'catalog' ? opts.catalogCommands : opts.stdioCommands;
}

function matchesFlag(arg: string, flag: string, family: Family): boolean {
  // `--eval=...`; for interpreters short flags also joined with their value (`-cprint(1)`, `-rmod`).
  if (flag.startsWith('--')) return arg === flag || arg.startsWith(`${flag}=`);
  const joins = family === 'node' || family === 'python' || family === 'shell';
  return arg === flag || (joins && arg.startsWith(flag) && !arg.startsWith('--'));
}

function checkArgs(args: string[], family: Family): void {
  const flags = [...UNIVERSAL_FLAGS, ...FAMILY_FLAGS[family]];
  const refuse = (arg: string, why: string) => {
    throw ValidationError.field('args', `argument "${arg.slice(0, 40)}" is not allowed: ${why}`);
  };
  // For launchers only the package position (the first positional, or a -p/--package value) names
  // a package; what follows it, or `--`, is the server's own arguments (paths, ports...).
  const dashDash = args.indexOf('--');
  const firstPositional = args.findIndex((a, j) => !a.startsWith('-') && !/^(-p|--package)$/.test(args[j - 1] ?? ''));
  const packageEnd = Math.min(dashDash < 0 ? args.length : dashDash, firstPositional < 0 ? args.length : firstPositional + 1);
  args.forEach((arg, i) => {
    if (family === 'python') {
      const m = /^-[A-Za-z]*m(.*)$/.exec(arg);
      const module = m && !arg.startsWith('--') ? m[1] || args[i + 1] || '' : null;
      if (module !== null && (module === '' || PYTHON_EVAL_MODULES.has(module.split('.')[0]))) refuse(arg, `module ${module} evaluates code`);
    }
    if (arg.includes('\0')) refuse('\\0', 'NUL byte');
    if (/^--inspect/.test(arg) || /^--debug/.test(arg)) refuse(arg, 'opens a debugger');
    for (const flag of flags) if (matchesFlag(arg, flag, family)) refuse(arg, 'turns the launcher into an evaluator or loads extra code');
    const cluster = /^-([A-Za-z]{2,})$/.exec(arg);
    const letters = CLUSTER_LETTERS[family];
    if (cluster && [...cluster[1]].some((ch) => letters.includes(ch))) refuse(arg, 'option cluster evaluates code');
    if (STDIN_PATHS.test(arg)) refuse(arg, 'reads a program from standard input');
    if (family === 'launcher' && i < packageEnd && REMOTE_SPEC.test(arg)) refuse(arg, 'packages must come from the registry by name');
  });
  if ((family === 'node' || family === 'python' || family === 'shell') && !args.some((a) => !a.startsWith('-'))) {
    throw ValidationError.field('args', `${family} needs a script argument; without one it would read a program from stdin`);
  }
}

/**
 * Throws ValidationError naming `command`, `args` or `env` when this stdio configuration is not allowed:
 * command outside the allow-list, arguments that evaluate code (checked for the command and, for launchers like
 * npx/uvx, for any interpreter they launch), or env keys that change how programs load.
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
  const family = familyOf(command);
  checkArgs(args, family);
  if (family === 'launcher') {
    // `npx -y node -e ...`, `uvx python -c ...`: the launched interpreter's own rules apply to what follows it.
    const idx = args.findIndex((a) => familyOf(a) !== 'other' && familyOf(a) !== 'launcher' && !a.startsWith('-'));
    if (idx >= 0) checkArgs(args.slice(idx + 1), familyOf(args[idx]));
    if (['npm', 'pnpm', 'yarn', 'uv'].includes(commandFamilyName(command))) {
      const sub = args.find((a) => !a.startsWith('-'));
      if (!sub || !['exec', 'x', 'dlx', 'run', 'tool'].includes(sub)) throw ValidationError.field('args', `${command} may only exec a package`);
    }
  }
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
