import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AggregateCatalogService } from './aggregate-catalog.service.js';
import type { GatewayScope } from './gateway-scope.service.js';

interface Listener {
  scope: GatewayScope;
  notify: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * Delivers `notifications/tools/list_changed` to the clients connected to a scope. Catalogue changes reach every
 * replica (NOTIFY), so a notification stream can be opened on any replica: nothing here is shared state.
 */
@Injectable()
export class GatewayNotifier implements OnModuleInit {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly catalogue: AggregateCatalogService) {}

  onModuleInit(): void {
    this.catalogue.onChange((matches) => {
      for (const l of this.listeners) {
        const { id, workspaceId, kind } = l.scope;
        if (matches({ id, workspaceId, serverIds: kind === 'server' ? new Set([id]) : undefined })) this.schedule(l);
      }
    });
  }

  /** Calls `notify` (debounced) whenever the scope's tool list may have changed; returns the unsubscribe function. */
  listen(scope: GatewayScope, notify: () => void): () => void {
    const l: Listener = { scope, notify };
    this.listeners.add(l);
    return () => {
      clearTimeout(l.timer);
      this.listeners.delete(l);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  private schedule(l: Listener): void {
    if (l.timer) return;
    l.timer = setTimeout(() => {
      l.timer = undefined;
      if (this.listeners.has(l)) l.notify();
    }, 50);
    l.timer.unref();
  }
}
