import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotifyBus } from './notify-bus.js';

const CHANNEL = 'patchbay_lifecycle';

/**
 * What happened to a tenant's resources. `server.changed.reconnect`: what the live connection depends
 * on changed (URL, credential, enabled), so pooled connections must go.
 */
export type LifecycleEvent =
  | { kind: 'server.changed'; workspaceId: string; serverId: string; reconnect: boolean }
  | { kind: 'server.deleted'; workspaceId: string; serverId: string; projectId: string | null }
  | { kind: 'project.deleted'; workspaceId: string; projectId: string }
  | { kind: 'workspace.deleted'; workspaceId: string };

type Listener = (event: LifecycleEvent) => void | Promise<void>;

/**
 * The one place lifecycle events travel through. `publish` runs this replica's listeners before it
 * returns (so the request that deleted something answers only once every cache, connection and child
 * process of this replica has let go of it), then tells every other replica over NOTIFY, where the same
 * listeners run on arrival. A replica ignores the echo of its own events.
 */
@Injectable()
export class LifecycleEvents implements OnModuleInit {
  private readonly logger = new Logger('Lifecycle');
  private readonly origin = randomUUID();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly bus: NotifyBus) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(CHANNEL, (payload) => {
      let msg: { origin?: string; event?: LifecycleEvent };
      try {
        msg = JSON.parse(payload) as typeof msg;
      } catch {
        return;
      }
      if (msg.origin !== this.origin && msg.event) void this.dispatch(msg.event);
    });
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(event: LifecycleEvent): Promise<void> {
    await this.dispatch(event);
    await this.bus.publish(CHANNEL, JSON.stringify({ origin: this.origin, event })).catch((e: Error) => {
      // Other replicas then rely on their caches' TTLs; the local effect has happened.
      this.logger.warn(`could not announce ${event.kind}: ${e.message}`);
    });
  }

  private async dispatch(event: LifecycleEvent): Promise<void> {
    await Promise.all(
      [...this.listeners].map(async (l) => {
        try {
          await l(event);
        } catch (e) {
          this.logger.warn(`a ${event.kind} listener failed: ${(e as Error).message}`);
        }
      }),
    );
  }
}

/** Does the event end the existence of something in (workspace, project)? */
export function endsScope(event: LifecycleEvent, workspaceId: string, projectId: string | null): boolean {
  switch (event.kind) {
    case 'workspace.deleted':
      return event.workspaceId === workspaceId;
    case 'project.deleted':
      return event.workspaceId === workspaceId && event.projectId === projectId;
    default:
      return false;
  }
}
