import { basename } from 'node:path';

/**
 * A stdio launch spec read the way the launcher itself reads it: long options (`--package x`, `--package=x`),
 * short options (`-p x`, `-p=x`, `-px`), combined short flags (`-yp x`), and `--` ending the options. Every option
 * and every value must match the launcher's allow-list below; anything not listed is refused.
 */

/** The shape an option's value (or a positional) must have. */
type Shape = 'npm-spec' | 'bin-name' | 'py-spec' | 'py-version' | 'py-module' | 'script' | 'int' | 'word';

export type Family = 'node' | 'python' | 'shell' | 'npx' | 'npm' | 'pnpm' | 'yarn' | 'uvx' | 'uv' | 'pipx' | 'other';

const FAMILIES: Record<string, Family> = {
  node: 'node', nodejs: 'node', deno: 'node', bun: 'node', tsx: 'node', 'ts-node': 'node',
  python: 'python', pypy: 'python',
  sh: 'shell', bash: 'shell', zsh: 'shell', dash: 'shell', ksh: 'shell', ash: 'shell', fish: 'shell',
  csh: 'shell', tcsh: 'shell', busybox: 'shell', pwsh: 'shell', powershell: 'shell', cmd: 'shell',
  perl: 'shell', ruby: 'shell', php: 'shell', lua: 'shell', env: 'shell', xargs: 'shell', awk: 'shell',
  npx: 'npx', pnpx: 'npx', bunx: 'npx', npm: 'npm', pnpm: 'pnpm', yarn: 'yarn', uvx: 'uvx', uv: 'uv', pipx: 'pipx',
};

/** `python3.12` -> `python`, `node20` -> `node`, `/usr/bin/bash` -> `bash`. */
export function commandFamilyName(command: string): string {
  return basename(command).toLowerCase().replace(/\.(exe|cmd|bat)$/, '').replace(/[\d.]+$/, '').replace(/-$/, '');
}

export function familyOf(command: string): Family {
  return FAMILIES[commandFamilyName(command)] ?? 'other';
}

interface Grammar {
  /** Options that may appear before the first positional, and the shape of their value (null: takes none). */
  options: Record<string, Shape | null>;
  /** Subcommands that must come first (npm exec, pnpm dlx...), when the launcher needs one. */
  subcommands?: string[];
  /** Shape of the first positional: the package or script that is run. */
  target: Shape;
  /** When set, this option's value is the package and the first positional is the bin it provides. */
  packageOption?: string;
  /** `-m module` also ends the options and names what runs (python). */
  moduleOption?: string;
}

const NPX: Grammar = {
  options: {
    '-y': null, '--yes': null, '--no': null, '-q': null, '--quiet': null, '--silent': null, '--no-install': null,
    '--prefer-offline': null, '--prefer-online': null, '--ignore-existing': null, '--bun': null,
    '-p': 'npm-spec', '--package': 'npm-spec', '--loglevel': 'word',
  },
  target: 'npm-spec',
  packageOption: '--package',
};
const UVX: Grammar = {
  options: {
    '-q': null, '--quiet': null, '--offline': null, '--no-cache': null, '--isolated': null, '--refresh': null,
    '--from': 'py-spec', '--with': 'py-spec', '--python': 'py-version', '-p': 'py-version',
  },
  target: 'py-spec',
};
const GRAMMARS: Record<Exclude<Family, 'other'>, Grammar> = {
  node: {
    options: { '--enable-source-maps': null, '--no-warnings': null, '--no-deprecation': null, '--trace-warnings': null, '--max-old-space-size': 'int' },
    target: 'script',
  },
  python: {
    options: { '-u': null, '-B': null, '-O': null, '-OO': null, '-E': null, '-I': null, '-s': null, '-S': null, '-q': null, '-X': 'word', '-W': 'word', '-m': 'py-module' },
    target: 'script',
    moduleOption: '-m',
  },
  shell: { options: {}, target: 'script' },
  npx: NPX,
  npm: { ...NPX, subcommands: ['exec', 'x'] },
  pnpm: { ...NPX, subcommands: ['dlx'] },
  yarn: { ...NPX, subcommands: ['dlx'] },
  uvx: UVX,
  uv: { ...UVX, subcommands: ['tool run'] },
  pipx: { options: { '--spec': 'py-spec', '-q': null, '--quiet': null }, subcommands: ['run'], target: 'py-spec' },
};

const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;
const NPM_VERSION = /^[A-Za-z0-9._^~<>=+*-]+$/;
const TARBALL = /\.(tgz|tar|tar\.gz)$/i;
const PY_SPEC = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?((==|>=|<=|~=|!=|>|<|@)[A-Za-z0-9.*+!_-]+)?$/;
const STDIN_PATHS = /^(-|\/dev\/stdin|\/dev\/fd\/\d+|\/proc\/self\/fd\/\d+|\/dev\/tty)$/;
/** python stdlib modules that evaluate code or open a REPL; `-m` may name any other module. */
const PYTHON_EVAL_MODULES = new Set(['code', 'codeop', 'pdb', 'timeit', 'trace', 'runpy', 'cProfile', 'profile', 'idlelib',
  'pydoc', 'http', 'pip', 'ensurepip', 'venv', 'site', 'compileall', 'py_compile', 'zipapp', 'doctest', 'unittest', 'asyncio', 'IPython']);

/** A registry package: `name`, `@scope/name`, either with `@version|tag|range`. Never a path, URL, git spec or tarball. */
export function isRegistryPackage(spec: string): boolean {
  const at = spec.indexOf('@', 1);
  const name = at < 0 ? spec : spec.slice(0, at);
  const version = at < 0 ? null : spec.slice(at + 1);
  return NPM_NAME.test(name) && !TARBALL.test(name) && (version === null || NPM_VERSION.test(version));
}

function fits(shape: Shape, value: string): boolean {
  switch (shape) {
    case 'npm-spec': return isRegistryPackage(value);
    case 'bin-name': return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value);
    case 'py-spec': return PY_SPEC.test(value) && !TARBALL.test(value);
    case 'py-version': return /^(cpython|pypy)?[-@]?\d+(\.\d+){0,2}$/i.test(value);
    case 'py-module': return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(value) && !PYTHON_EVAL_MODULES.has(value.split('.')[0]);
    // A file to run: not stdin, not a URL or data: scheme, not an option, and path-like (a slash or an extension).
    case 'script': return !STDIN_PATHS.test(value) && !value.startsWith('-') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && /[/.]/.test(value);
    case 'int': return /^\d{1,9}$/.test(value);
    case 'word': return /^[A-Za-z0-9_.=-]{1,64}$/.test(value);
  }
}

const WHAT: Record<Shape, string> = {
  'npm-spec': 'a registry package name (optionally @version); paths, URLs, git specs and tarballs are not allowed',
  'bin-name': 'a command name',
  'py-spec': 'a registry package name (optionally with a version); paths, URLs and git specs are not allowed',
  'py-version': 'a Python version such as 3.12',
  'py-module': 'a module name (not one that evaluates code)',
  script: 'a script file path',
  int: 'a whole number',
  word: 'a plain word',
};

/** Thrown with the offending argument and the reason; the policy turns it into a 400 naming `args`. */
export class LaunchSpecError extends Error {}

const refuse = (arg: string, why: string): never => {
  throw new LaunchSpecError(`argument "${arg.slice(0, 60)}" is not allowed: ${why}`);
};

export interface ParsedLaunch {
  /** What runs: the package, script, module or bin. */
  target: string;
  /** The arguments after it, which belong to the launched program. */
  rest: string[];
}

/**
 * Reads `args` with `family`'s grammar and returns what runs and the program's own arguments,
 * or throws LaunchSpecError at the first option or value that is not on the allow-list.
 */
export function parseLaunch(family: Exclude<Family, 'other'>, args: string[], command: string): ParsedLaunch {
  const g = GRAMMARS[family];
  let i = 0;
  if (g.subcommands) {
    const sub = g.subcommands.find((s) => s.split(' ').every((w, k) => args[k] === w));
    if (!sub) refuse(args[0] ?? '', `${basename(command)} may only ${g.subcommands.join(' or ')} a registry package`);
    i = sub!.split(' ').length;
  }
  let packaged = false;
  let lastValue = '';
  const takeValue = (flag: string, shape: Shape, value: string | undefined): void => {
    if (value === undefined) refuse(flag, `${flag} needs a value`);
    lastValue = value!;
    if (!fits(shape, value!)) refuse(`${flag} ${value}`, `${flag} takes ${WHAT[shape]}`);
    if (flag === g.packageOption || (g.packageOption === '--package' && flag === '-p')) packaged = true;
  };
  while (i < args.length) {
    const arg = args[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq < 0 ? arg : arg.slice(0, eq);
      if (!(flag in g.options)) refuse(arg, `${flag} is not an allowed option of ${basename(command)}`);
      const shape = g.options[flag];
      if (shape === null) {
        if (eq >= 0) refuse(arg, `${flag} takes no value`);
        i++;
      } else if (eq >= 0) {
        takeValue(flag, shape, arg.slice(eq + 1));
        i++;
      } else {
        takeValue(flag, shape, args[i + 1]);
        i += 2;
      }
      continue;
    }
    if (arg in g.options && g.options[arg] === null) {
      i++; // a whole short option such as python's `-OO`
      continue;
    }
    // A short option or a cluster of them: `-y`, `-yp x`, `-p=x`, `-pname`, `-um module`.
    let consumedNext = false;
    let endsOptions = false;
    for (let k = 1; k < arg.length; k++) {
      const flag = `-${arg[k]}`;
      if (!(flag in g.options)) refuse(arg, `${flag} is not an allowed option of ${basename(command)}`);
      const shape = g.options[flag];
      if (shape === null) continue;
      const joined = arg.slice(k + 1).replace(/^=/, '');
      if (joined) takeValue(flag, shape, joined);
      else {
        takeValue(flag, shape, args[i + 1]);
        consumedNext = true;
      }
      if (flag === g.moduleOption) endsOptions = true;
      break;
    }
    i += consumedNext ? 2 : 1;
    if (endsOptions) return { target: lastValue, rest: args.slice(i) };
  }
  const target = args[i];
  if (target === undefined) {
    if (packaged) refuse(args.join(' '), 'name the command the package provides');
    refuse(args.join(' '), `${basename(command)} needs ${WHAT[g.target]}; without one it may read a program from standard input`);
  }
  const shape: Shape = packaged ? 'bin-name' : g.target;
  if (!fits(shape, target)) refuse(target, `${basename(command)} runs ${WHAT[shape]}`);
  return { target, rest: args.slice(i + 1) };
}
