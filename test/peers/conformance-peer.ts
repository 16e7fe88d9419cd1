import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Path of the conformance upstream (`node CONFORMANCE_PEER --stdio | --http [--port=N]`). */
export const CONFORMANCE_PEER = join(dirname(fileURLToPath(import.meta.url)), 'conformance-server.cjs');

/** command/args to launch it over stdio (allow-list `node`). */
export function conformancePeerStdio(): { command: string; args: string[] } {
  return { command: 'node', args: [CONFORMANCE_PEER, '--stdio'] };
}

/** The conformance upstream over streamable HTTP on a free port; ready once it printed its URL. */
export async function startConformancePeerHttp(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, [CONFORMANCE_PEER, '--http'], { stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '' } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (l) => (l.startsWith('listening ') ? resolve(l.slice('listening '.length)) : reject(new Error(`peer said: ${l}`))));
    child.once('exit', (code) => reject(new Error(`conformance peer exited (${code})`)));
  });
  return {
    url,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
