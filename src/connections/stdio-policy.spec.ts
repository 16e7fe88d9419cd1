import { ValidationError } from '../common/errors/domain-error.js';
import { assertStdioAllowed, buildChildEnv, commandFamilyName, type StdioPolicyOptions } from './stdio-policy.js';

const opts: StdioPolicyOptions = { stdioCommands: ['node', 'npx', 'npm', 'python3', 'uvx', 'sh', 'mcp-server-git'], catalogCommands: [] };

function fieldOf(cfg: Parameters<typeof assertStdioAllowed>[0], o: StdioPolicyOptions = opts): string | null {
  try {
    assertStdioAllowed(cfg, o);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).errors?.[0].field ?? '?';
  }
}

describe('stdio policy', () => {
  it('refuses stdio entirely when nothing is allowed, and commands outside the allow-list', () => {
    expect(fieldOf({ command: 'node', args: ['server.js'] }, { stdioCommands: [], catalogCommands: [] })).toBe('command');
    expect(fieldOf({ command: 'bash', args: ['x.sh'] })).toBe('command');
    expect(fieldOf({ command: '/tmp/evil/node', args: ['x.js'] })).toBe('command');
    expect(fieldOf({ command: 'node', args: ['x.js'] }, { stdioCommands: 'catalog', catalogCommands: ['npx'] })).toBe('command');
    expect(fieldOf({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] }, { stdioCommands: 'catalog', catalogCommands: ['npx'] })).toBeNull();
  });

  it.each([
    ['node', ['-e', 'require("child_process")']], ['node', ['--eval=1']], ['node', ['--eval', '1']], ['node', ['-p', '1']],
    ['node', ['-pe', '1']], ['node', ['--print', '1']], ['node', ['-r', './x', 's.js']], ['node', ['--require=./x', 's.js']],
    ['node', ['--import', 'data:text/javascript,1', 's.js']], ['node', ['--loader=./l.mjs', 's.js']], ['node', ['--experimental-loader', 'x', 's.js']],
    ['node', ['--inspect', 's.js']], ['node', ['--inspect-brk=0.0.0.0:9229', 's.js']], ['node', ['-i']], ['node', ['-']],
    ['node', ['/dev/stdin']], ['node', ['--env-file=.env', 's.js']], ['node', []],
    ['python3', ['-c', 'import os']], ['python3', ['-cimport os']], ['python3', ['-Ic', 'x']], ['python3', ['-m', 'code']],
    ['python3', ['-i', 's.py']],
    ['sh', ['-c', 'id']], ['sh', ['-ec', 'id']], ['sh', []], ['sh', ['-s']],
    ['npx', ['-y', 'node', '-e', '1']], ['npx', ['-c', 'id']], ['npx', ['--call=id']], ['npx', ['-y', 'node', '-pe', '1']],
    ['npx', ['-y', 'github:evil/pkg']], ['npx', ['https://evil.test/x.tgz']], ['npx', ['--node-options=--require=x', 'pkg']],
    ['uvx', ['python', '-c', 'x']], ['uvx', ['--python', '/bin/sh', 'pkg']], ['uvx', ['--from', 'git+https://evil/x', 'pkg']],
    ['mcp-server-git', ['--eval', 'x']], ['mcp-server-git', ['-c', 'x']], ['mcp-server-git', ['--inspect']],
    // issue 12: the `=` and cluster forms of npx's package option, and every non-registry package spec
    ['npx', ['--yes', '--package=/tmp/evil-dir', 'evil-bin']], ['npx', ['-y', '-p=/tmp/evil-dir', 'evil-bin']],
    ['npx', ['--package=http://host/x.tgz', 'x']], ['npx', ['-yp', '/tmp/evil-dir', 'evil-bin']], ['npx', ['-pfile:../x', 'b']],
    ['npx', ['-y', '--package', '../x', 'b']], ['npx', ['-y', './local-dir']], ['npx', ['-y', '/abs/dir']], ['npx', ['-y', 'pkg.tgz']],
    ['npx', ['-y', 'git+https://host/x.git']], ['npx', ['-y', 'pkg@file:../x']], ['npx', ['-y', 'pkg@github:a/b']],
    ['npx', ['-y', 'npm:evil@1']], ['npx', ['--registry=http://evil.test', 'pkg']], ['npx', ['-y', '--', '/tmp/x']],
    ['npx', ['--yes=1', 'pkg']], ['npx', ['-y']], ['npx', ['-p', 'pkg']], ['npx', ['-y', '-p', 'pkg', '../bin']],
    ['npx', ['-y', '-p', 'node', 'node', '--eval=1']], ['npm', ['run', 'x']], ['npm', ['exec', '--package=../x', 'b']],
    ['uvx', ['--from=git+https://host/x', 'pkg']], ['uvx', ['--from', './dir', 'pkg']], ['uvx', ['-p', '/bin/sh', 'pkg']],
    ['uvx', ['--with=/tmp/x.whl', 'pkg']], ['uvx', ['/tmp/x']], ['uvx', ['https://host/x.whl']], ['uvx', ['--index-url=http://e', 'pkg']],
    ['python3', ['-mcode']], ['python3', ['-um', 'pdb', 's.py']], ['node', ['data:text/javascript,1']], ['node', ['--max-old-space-size=lots', 's.js']],
  ])('refuses %s %j', (command, args) => {
    expect(fieldOf({ command, args })).toBe('args');
  });

  it.each([
    ['NODE_OPTIONS', '--require=/tmp/x.js'], ['LD_PRELOAD', '/tmp/x.so'], ['LD_LIBRARY_PATH', '/tmp'], ['DYLD_INSERT_LIBRARIES', 'x'],
    ['PATH', '/tmp'], ['PYTHONPATH', '/tmp'], ['PYTHONSTARTUP', '/tmp/x.py'], ['NODE_PATH', '/tmp'], ['BASH_ENV', '/tmp/x'],
    ['ENV', '/tmp/x'], ['node_options', 'x'], ['npm_config_node_options', 'x'], ['BASH_FUNC_x%%', '() { id; }'], ['1BAD', 'x'],
  ])('refuses env %s', (key, value) => {
    expect(fieldOf({ command: 'node', args: ['s.js'], env: { [key]: value } })).toBe('env');
  });

  it.each([
    ['node', ['server.js', '--port', '8080']], ['npx', ['-y', '@modelcontextprotocol/server-everything', 'stdio']],
    ['npx', ['-y', '-p', '@scope/pkg', 'bin-name']], ['python3', ['-u', 'server.py']], ['python3', ['-m', 'mcp_server_time']],
    ['uvx', ['mcp-server-fetch']], ['sh', ['./start.sh']], ['mcp-server-git', ['--repository', '/srv/repo']],
    ['npx', ['-y', '@modelcontextprotocol/server-everything@2025.1.1', 'stdio']], ['npx', ['--yes', '--package=@scope/pkg@^1.2.0', 'bin']],
    ['npx', ['-yp', 'pkg', 'bin']], ['npx', ['-p=pkg@latest', 'bin', '--flag', '/any/path']],
    ['npx', ['-y', '@modelcontextprotocol/server-filesystem', '--', '/srv/data']], ['npx', ['-y', '--', 'pkg', './x']],
    ['uvx', ['--from', 'mcp-server-fetch==1.0', 'mcp-server-fetch']], ['uvx', ['--python=3.12', 'mcp-server-time@latest']],
    ['python3', ['-um', 'mcp_server_time']], ['python3', ['-OO', '-u', 'server.py', '-c', 'config.toml']], ['node', ['--max-old-space-size=512', 'x.js']], ['node', ['s.js', '-e', 'x']], // after the script: the script's own args
  ])('allows %s %j', (command, args) => {
    expect(fieldOf({ command, args, env: { API_TOKEN: 'x', LOG_LEVEL: 'debug' } })).toBeNull();
  });

  it('normalises interpreter names', () => {
    expect(commandFamilyName('/usr/bin/python3.12')).toBe('python');
    expect(commandFamilyName('node20')).toBe('node');
    expect(commandFamilyName('NPX.cmd')).toBe('npx');
  });

  it('builds a child env from the declared env and a minimal PATH only', () => {
    process.env.DATABASE_URL = 'postgres://secret';
    const env = buildChildEnv('/opt/node/bin/node', { API_TOKEN: 't' }, '/tmp/home');
    expect(env).toEqual({ API_TOKEN: 't', PATH: '/opt/node/bin:/usr/local/bin:/usr/bin:/bin', HOME: '/tmp/home' });
    delete process.env.DATABASE_URL;
  });
});
