import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConnectionPool } from '../connections/index.js';
import { endsScope, LifecycleEvents } from '../database/lifecycle-events.js';

/**
 * Ends live connections (and their child processes) when what they serve changes or goes: a server's
 * connection settings changed, the server, its project or its workspace was deleted. On every replica.
 */
@Injectable()
export class ServerConnectionsListener implements OnModuleInit {
  constructor(
    private readonly lifecycle: LifecycleEvents,
    private readonly pool: ConnectionPool,
  ) {}

  onModuleInit(): void {
    this.lifecycle.on(async (e) => {
      switch (e.kind) {
        case 'server.changed':
          if (e.reconnect) await this.pool.closeServer(e.serverId);
          return;
        case 'server.deleted':
          await this.pool.closeServer(e.serverId);
          return;
        default:
          await this.pool.closeWhere((t) => endsScope(e, t.workspaceId, t.projectId ?? null));
      }
    });
  }
}
