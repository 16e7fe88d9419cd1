import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path of the stdio test server (`node STDIO_PEER [--via-launcher] [--crash-once=<file>]`). */
export const STDIO_PEER = join(dirname(fileURLToPath(import.meta.url)), 'stdio-peer.cjs');

/** command/args to launch the stdio peer (allow-list `node` to run it). */
export function stdioPeerTarget(flags: string[] = []): { command: string; args: string[] } {
  return { command: 'node', args: [STDIO_PEER, ...flags] };
}
