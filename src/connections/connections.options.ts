export const CONNECTIONS_OPTIONS = Symbol('CONNECTIONS_OPTIONS');

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before the first half-open probe is let through. */
  openMs: number;
  /** Each failed probe doubles the wait, up to this (default: openMs, i.e. no growth). */
  maxOpenMs?: number;
}

export interface ConnectionsOptions {
  /** Allow upstream URLs resolving to loopback/private/link-local/metadata addresses (MCP_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  /** Commands stdio servers may run, or 'catalog' for `catalogCommands` only. Empty = stdio refused. */
  stdioCommands: string[] | 'catalog';
  /** The connector templates' commands (used when stdioCommands = 'catalog'). */
  catalogCommands: string[];
  /** Live stdio processes per workspace / in total. */
  maxProcessesPerWorkspace: number;
  maxProcessesTotal: number;
  /** A client without calls for this long is closed (and its process reaped). */
  idleTimeoutMs: number;
  /** Deadline for transport start + MCP handshake. */
  connectTimeoutMs: number;
  /**
   * The same for a stdio server: its first start often includes its launcher downloading it
   * (`npx -y`, `uvx`; each workspace has its own cache), which takes longer than a handshake.
   */
  stdioStartTimeoutMs: number;
  /** Largest single upstream message accepted (bytes). */
  maxMessageBytes: number;
  /**
   * While a request is pending and nothing at all has arrived from the upstream for this long,
   * the connection is probed with a ping; no answer within `connectTimeoutMs` = broken stream.
   */
  streamIdleTimeoutMs: number;
  circuit: CircuitOptions;
}

export const DEFAULT_CONNECTIONS_OPTIONS: ConnectionsOptions = {
  allowPrivateNetworks: false,
  stdioCommands: [],
  catalogCommands: [],
  maxProcessesPerWorkspace: 10,
  maxProcessesTotal: 100,
  idleTimeoutMs: 10 * 60_000,
  connectTimeoutMs: 10_000,
  stdioStartTimeoutMs: 60_000,
  maxMessageBytes: 4 * 1024 * 1024,
  streamIdleTimeoutMs: 30_000,
  circuit: { failureThreshold: 5, openMs: 1_000, maxOpenMs: 4_000 },
};

export function resolveConnectionsOptions(partial?: Partial<ConnectionsOptions>): ConnectionsOptions {
  return {
    ...DEFAULT_CONNECTIONS_OPTIONS,
    ...partial,
    circuit: {
      ...DEFAULT_CONNECTIONS_OPTIONS.circuit,
      ...partial?.circuit,
      // an explicit openMs without a cap means a fixed wait
      maxOpenMs: partial?.circuit?.maxOpenMs ?? partial?.circuit?.openMs ?? DEFAULT_CONNECTIONS_OPTIONS.circuit.maxOpenMs,
    },
  };
}
