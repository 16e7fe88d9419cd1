import { ServerRepository } from '../mcp-servers/server.repository.js';
import { Injectable, Logger } from '@nestjs/common';
import { Gauge, type Counter, type Histogram } from 'prom-client';
import { MetricsService } from '../ops/metrics.service.js';

const SERVERS_GAUGE = 'patchbay_monitor_servers';
const SNAPSHOT_TTL_MS = 5_000;

/** The monitor's Prometheus series. */
@Injectable()
export class MonitorMetrics {
  private readonly logger = new Logger('MonitorMetrics');
  /** Checks finished, by outcome (connected, disconnected, error). */
  readonly checks: Counter<'outcome'>;
  /** Failed checks, by status and error code. */
  readonly failures: Counter<'status' | 'code'>;
  /** Checks that could not even run or be recorded (database trouble, a bug): by stage. */
  readonly errors: Counter<'stage'>;
  readonly checkDuration: Histogram<'outcome'>;
  /** From claiming a batch of due servers to the last of its checks recorded. */
  readonly sweepDuration: Histogram;
  readonly inFlight: Gauge;
  private snapshot?: { at: number; counts: Map<string, number> };

  constructor(metrics: MetricsService, private readonly rows: ServerRepository) {
    this.checks = metrics.counter('patchbay_monitor_checks_total', 'Connection checks run by the monitor, by outcome', ['outcome']);
    this.failures = metrics.counter('patchbay_monitor_check_failures_total', 'Failed connection checks, by status and error code', ['status', 'code']);
    this.errors = metrics.counter('patchbay_monitor_errors_total', 'Monitor work that failed on our side, by stage', ['stage']);
    this.checkDuration = metrics.histogram('patchbay_monitor_check_duration_seconds', 'Duration of one connection check', ['outcome'],
      [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30]);
    this.sweepDuration = metrics.histogram('patchbay_monitor_sweep_duration_seconds', 'Duration of one claimed batch of checks', [],
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]);
    this.inFlight = metrics.gauge('patchbay_monitor_checks_in_flight', 'Checks this replica is running now');
    if (!metrics.registry.getSingleMetric(SERVERS_GAUGE)) {
      const countsByStatus = () => this.countsByStatus();
      new Gauge({
        name: SERVERS_GAUGE,
        help: 'Enabled MCP servers per connector status (all replicas report the same figure)',
        labelNames: ['status'],
        registers: [metrics.registry],
        async collect() {
          for (const [status, n] of await countsByStatus()) this.set({ status }, n);
        },
      });
    }
  }

  /** One small GROUP BY per scrape at most every 5 s; unchecked servers are reported as `unknown`. */
  private async countsByStatus(): Promise<Map<string, number>> {
    if (this.snapshot && Date.now() - this.snapshot.at < SNAPSHOT_TTL_MS) return this.snapshot.counts;
    const counts = new Map<string, number>(['connected', 'disconnected', 'error', 'unknown'].map((s) => [s, 0]));
    try {
      for (const r of await this.rows.system.countByStatus()) counts.set(r.status || 'unknown', r.n);
      this.snapshot = { at: Date.now(), counts };
    } catch (e) {
      this.logger.warn(`servers per status unavailable: ${(e as Error).message}`);
      return this.snapshot?.counts ?? counts;
    }
    return counts;
  }
}
