import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpStatus, Logger } from '@nestjs/common';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { DomainError, TooManyRequestsError } from '../common/errors/domain-error.js';
import { buildChildEnv, resolveCommand } from './stdio-policy.js';

/** Process groups still alive; killed synchronously if Patchbay exits without closing them. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => liveGroups.forEach((g) => killGroup(g, 'SIGKILL')));
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal); // the whole process group: the child and every descendant that did not setsid()
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

export interface StdioLaunch {
  serverId: string;
  workspaceId: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  maxMessageBytes: number;
  /** Grace period between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

/**
 * Our own stdio transport (implements the SDK Transport interface): spawns without a shell in a new process group
 * (`detached`), with only the declared env + a minimal PATH, cwd in a per-workspace temp dir, and kills the whole
 * group on close or when the child exits. The SDK's StdioClientTransport inherits HOME/PATH/USER... from
 * process.env and only signals the direct child, which leaves `npx`-launched grandchildren behind.
 */
export class StdioProcessTransport implements Transport {
  private static readonly logger = new Logger('StdioProcess');
  private child?: ChildProcess;
  private readonly readBuffer: ReadBuffer;
  private stderrTail = '';
  private closed = false;
  private corked = false;
  private exited?: Promise<void>;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  constructor(private readonly launch: StdioLaunch) {
    this.readBuffer = new ReadBuffer({ maxBufferSize: launch.maxMessageBytes });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Last bytes the child wrote to stderr (for error messages to the server's owner; never logged). */
  get stderr(): string {
    return this.stderrTail;
  }

  async start(): Promise<void> {
    const { command, args, env, serverId, workspaceId } = this.launch;
    const resolved = resolveCommand(command);
    if (!resolved) throw new DomainError('upstream_unreachable', HttpStatus.BAD_GATEWAY, `command ${command} not found`);
    const home = join(tmpdir(), 'patchbay-stdio', workspaceId.replace(/[^A-Za-z0-9_-]/g, '_'));
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const child = spawn(resolved, args, {
      env: buildChildEnv(resolved, env, home),
      cwd: home,
      shell: false,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    const pid = child.pid as number;
    trackGroup(pid);
    // Only the command, arg count and env key names: arg and env values may carry secrets.
    StdioProcessTransport.logger.log(
      `launched stdio server ${serverId} (workspace ${workspaceId}): ${command} with ${args.length} args, ` +
        `env keys [${Object.keys(env).join(', ')}], pid ${pid}`,
    );
    child.on('error', (err) => this.onerror?.(err));
    child.stdin?.on('error', (err) => this.onerror?.(err));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2048);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      try {
        this.readBuffer.append(chunk);
      } catch (err) {
        this.onerror?.(err as Error); // over maxMessageBytes
        void this.close();
        return;
      }
      for (;;) {
        let message: JSONRPCMessage | null;
        try {
          message = this.readBuffer.readMessage();
        } catch (err) {
          this.onerror?.(err as Error);
          continue;
        }
        if (message === null) break;
        this.onmessage?.(message);
      }
    });
    child.once('exit', (code, signal) => {
      if (!this.closed) {
        StdioProcessTransport.logger.warn(`stdio server ${serverId} (pid ${pid}) exited code=${code} signal=${signal}`);
        this.onerror?.(new Error(`stdio process exited (code ${code ?? signal})`));
      }
      void this.close();
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.closed || !stdin.writable) throw new Error('Not connected: stdio process is gone');
    // Messages sent in one event-loop turn (concurrent calls) leave in one write: a pipe write is a syscall.
    if (!this.corked) {
      this.corked = true;
      stdin.cork();
      setImmediate(() => {
        this.corked = false;
        stdin.uncork();
      });
    }
    await new Promise<void>((resolve, reject) => {
      stdin.write(serializeMessage(message), (err) => (err ? reject(err) : resolve()));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return this.exited;
    this.closed = true;
    const child = this.child;
    if (child?.pid) {
      const pid = child.pid;
      child.stdin?.end();
      killGroup(pid, 'SIGTERM');
      const grace = this.launch.killGraceMs ?? 2000;
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, grace).unref())]);
      // Descendants may outlive the leader: SIGKILL whatever is left of the group.
      killGroup(pid, 'SIGKILL');
      await this.exited;
      liveGroups.delete(pid);
    }
    this.readBuffer.clear();
    this.onclose?.();
  }
}

/** Caps on live stdio processes, per workspace and in total. */
export class ProcessLimiter {
  private readonly perWorkspace = new Map<string, number>();
  private total = 0;
  constructor(private readonly maxPerWorkspace: number, private readonly maxTotal: number) {}

  acquire(workspaceId: string): () => void {
    const ws = this.perWorkspace.get(workspaceId) ?? 0;
    if (ws >= this.maxPerWorkspace) {
      throw new TooManyRequestsError(
        `workspace already runs ${ws} stdio servers (limit ${this.maxPerWorkspace}, set by MCP_STDIO_MAX_PER_WORKSPACE)`,
        30,
      );
    }
    if (this.total >= this.maxTotal) {
      throw new DomainError('stdio_capacity_exhausted', HttpStatus.SERVICE_UNAVAILABLE, 'no capacity for more stdio servers (limit set by MCP_STDIO_MAX_TOTAL)', undefined, {
        'retry-after': '30',
      });
    }
    this.perWorkspace.set(workspaceId, ws + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perWorkspace.get(workspaceId) ?? 1) - 1;
      if (left <= 0) this.perWorkspace.delete(workspaceId);
      else this.perWorkspace.set(workspaceId, left);
    };
  }

  stats(): { total: number; perWorkspace: Record<string, number> } {
    return { total: this.total, perWorkspace: Object.fromEntries(this.perWorkspace) };
  }
}
