import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './free-port.js';

export type EverythingTransport = 'stdio' | 'sse' | 'streamable_http';

/** Path of the server-everything entry point (run it with `node`). */
export const EVERYTHING_BIN = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export interface EverythingPeer {
  transport: EverythingTransport;
  /** http(s) transports: the MCP endpoint (`/sse` or `/mcp`). */
  url?: string;
  /** stdio: what to launch (the pool spawns it; nothing runs until then). */
  command?: string;
  args?: string[];
  close(): Promise<void>;
}

/**
 * `@modelcontextprotocol/server-everything` as a peer. For sse / streamable_http a child process on a free port
 * (ready once the port accepts connections, killed on close); for stdio only the command line to launch.
 */
export async function startEverything(transport: EverythingTransport): Promise<EverythingPeer> {
  if (transport === 'stdio') {
    return { transport, command: 'node', args: [EVERYTHING_BIN, 'stdio'], close: async () => undefined };
  }
  const port = await freePort();
  const mode = transport === 'sse' ? 'sse' : 'streamableHttp';
  const child: ChildProcess = spawn(process.execPath, [EVERYTHING_BIN, mode], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    transport,
    url: `http://127.0.0.1:${port}/${transport === 'sse' ? 'sse' : 'mcp'}`,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(t);
    },
  };
}
