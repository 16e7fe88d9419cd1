import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { ConnectService, type ConnectResult } from '../../connect/connect.service.js';
import { McpServerService } from '../../mcp-servers/mcp-server.service.js';
import { toLettaTool } from './letta.mapper.js';

export type ConnectEvent = { event: 'connection_attempt' | 'oauth_required' | 'authorization_url' | 'waiting_for_auth' | 'success' | 'error' } & Record<string, unknown>;

export interface ConnectOptions {
  signal: AbortSignal;
  /** How long to wait for the user to finish the OAuth flow (default 5 minutes). */
  authWaitMs?: number;
  pollMs?: number;
}

/**
 * Letta's `GET /v1/mcp-servers/connect/{id}` as a stream of events over ConnectService: connect (tools listed on
 * success); an OAuth server without a token gets an authorization URL and the stream waits until the user has
 * approved (the callback, on any replica, saves the tokens), then connects again.
 */
@Injectable()
export class LettaConnectService {
  constructor(
    private readonly servers: McpServerService,
    private readonly connects: ConnectService,
  ) {}

  /** Access is checked here (before the stream opens), so a foreign id is an ordinary 404. */
  async open(p: Principal, id: string): Promise<{ name: string }> {
    const { server } = await this.servers.load(p, id, 'write');
    return { name: server.name };
  }

  /** `name`: the server's, as open() found it (the controller opens before the stream starts). */
  async *attempt(p: Principal, id: string, name: string, opts: ConnectOptions): AsyncGenerator<ConnectEvent> {
    yield { event: 'connection_attempt', server_name: name };
    let first: ConnectResult;
    try {
      first = await this.connects.connect(p, id, { refresh: 'always' });
    } catch (e) {
      yield { event: 'error', message: `could not connect: ${(e as Error).message}` };
      return;
    }
    if (first.kind === 'checked') {
      yield asEvent(first, name);
      return;
    }
    const started = new Date(Date.now() - 1000);
    yield { event: 'oauth_required', message: 'OAuth authorization required' };
    yield { event: 'authorization_url', url: first.authorizationUrl };
    yield { event: 'waiting_for_auth', message: 'waiting for the user to authorize' };
    if (!(await this.connects.waitForAuthorization(id, started, opts.signal, opts.authWaitMs ?? 5 * 60_000, opts.pollMs, first.owner))) {
      yield { event: 'error', message: opts.signal.aborted ? 'client went away' : 'timed out waiting for authorization' };
      return;
    }
    const second = await this.connects.connect(p, id, { refresh: 'always' });
    yield second.kind === 'checked' ? asEvent(second, name) : { event: 'error', message: 'authorization is still required' };
  }
}

function asEvent(r: Extract<ConnectResult, { kind: 'checked' }>, serverName: string): ConnectEvent {
  if (!r.outcome.ok) {
    const [, ...rest] = r.outcome.error.split(': ');
    return { event: 'error', message: rest.join(': ') || r.outcome.error };
  }
  return { event: 'success', tools: (r.tools ?? []).map((t) => toLettaTool(t, serverName)) };
}
