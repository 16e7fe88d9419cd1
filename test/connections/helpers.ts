import { ConnectionPool } from '../../src/connections/connection-pool.js';
import type { ConnectionsOptions } from '../../src/connections/connections.options.js';
import type { UpstreamTarget } from '../../src/connections/upstream-target.js';

let n = 0;
/** A target with test defaults: loopback peers need allowPrivateNetworks on the pool. */
export function target(partial: Partial<UpstreamTarget>): UpstreamTarget {
  n++;
  return {
    serverId: `mcp_test${n}`, workspaceId: 'ws_test', transport: 'streamable_http', requestTimeoutMs: 10_000,
    maxTotalTimeoutMs: 30_000, fingerprint: 'v1', ...partial,
  };
}

export function testPool(opts: Partial<ConnectionsOptions> = {}): ConnectionPool {
  return new ConnectionPool({ allowPrivateNetworks: true, stdioCommands: ['node'], connectTimeoutMs: 5000, ...opts });
}

export function textOf(result: { content?: unknown }): string {
  const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
  return content.map((c) => c.text ?? '').join('');
}
