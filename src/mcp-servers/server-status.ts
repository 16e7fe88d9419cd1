import { DomainError } from '../common/errors/domain-error.js';
import { redact } from '../common/redact.js';
import type { ConnectorStatus } from './mcp-server.entity.js';

/** What one look at a server found: it answered, or why not. */
export type CheckOutcome =
  | { ok: true; latencyMs?: number }
  | { ok: false; status: Exclude<ConnectorStatus, 'connected' | ''>; error: string; latencyMs?: number };

/** Upstream failures that mean "cannot be reached" rather than "answers, but wrongly". */
const UNREACHABLE = new Set(['upstream_unreachable', 'upstream_timeout', 'upstream_circuit_open', 'stdio_capacity_exhausted']);

export function outcomeOf(error: unknown, latencyMs?: number): CheckOutcome {
  const code = error instanceof DomainError ? error.code : 'internal_error';
  const message = (error as Error)?.message ?? String(error);
  return { ok: false, status: UNREACHABLE.has(code) ? 'disconnected' : 'error', error: redact(`${code}: ${message}`).slice(0, 500), latencyMs };
}

/** The status an outcome stands for. */
export function statusOf(outcome: CheckOutcome): Exclude<ConnectorStatus, ''> {
  return outcome.ok ? 'connected' : outcome.status;
}

/** Channel of the workspace event stream: every stored status event (status change or tool list change). */
export const WORKSPACE_EVENTS = 'patchbay_workspace_events';

/** Published on WORKSPACE_EVENTS for every stored status event. */
export interface WorkspaceEventNotice {
  workspaceId: string;
  id: string;
}
