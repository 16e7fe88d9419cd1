import { Injectable } from '@nestjs/common';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '../ops/metrics.service.js';
import type { ScopeKind } from './gateway-scope.service.js';

const METHODS = new Set(['initialize', 'ping', 'tools/list', 'tools/call', 'resources/list', 'resources/templates/list', 'resources/read',
  'resources/subscribe', 'resources/unsubscribe', 'prompts/list', 'prompts/get', 'completion/complete', 'logging/setLevel']);

/** Gateway metrics, labelled by scope kind (workspace, project, server) and MCP method. */
@Injectable()
export class GatewayMetrics {
  readonly sessions: Gauge<'kind'>;
  readonly calls: Counter<'kind' | 'method'>;
  readonly errors: Counter<'kind' | 'method'>;
  readonly latency: Histogram<'kind' | 'method'>;

  constructor(metrics: MetricsService) {
    this.sessions = metrics.gauge('patchbay_gateway_sessions', 'Open gateway sessions and notification streams', ['kind']);
    this.calls = metrics.counter('patchbay_gateway_requests_total', 'MCP requests answered by the gateway', ['kind', 'method']);
    this.errors = metrics.counter('patchbay_gateway_errors_total', 'Gateway MCP requests that failed (JSON-RPC error or isError result)', ['kind', 'method']);
    this.latency = metrics.histogram('patchbay_gateway_request_duration_seconds', 'Gateway MCP request latency', ['kind', 'method'],
      [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
  }

  /** Runs one MCP request handler, counting it. */
  async measure<T>(kind: ScopeKind, method: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const labels = { kind, method: METHODS.has(method) ? method : 'other' };
    this.calls.inc(labels);
    try {
      const out = await fn();
      if ((out as { isError?: unknown } | undefined)?.isError === true) this.errors.inc(labels);
      return out;
    } catch (e) {
      this.errors.inc(labels);
      throw e;
    } finally {
      this.latency.observe(labels, (performance.now() - t0) / 1000);
    }
  }
}
