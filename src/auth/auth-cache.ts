import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig } from '../config/app-config.js';
import { LifecycleEvents } from '../database/lifecycle-events.js';
import { NotifyBus } from '../database/notify-bus.js';

const CHANNEL = 'patchbay_auth_invalidate';

/**
 * Short-lived caches of resolved bearers, so that a request costs no database round trip
 * for its key. Revocation (or a membership change) publishes an invalidation that every
 * replica applies at once; the TTL bounds staleness if a notification is ever lost.
 */
@Injectable()
export class AuthCache implements OnModuleInit {
  private readonly caches = new Map<string, LRUCache<string, object>>();

  constructor(
    private readonly config: AppConfig,
    private readonly bus: NotifyBus,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(CHANNEL, (payload) => {
      const [name, key] = splitOnce(payload);
      if (key === '*') this.caches.get(name)?.clear();
      else this.caches.get(name)?.delete(key);
    });
    // A deleted workspace takes its keys and memberships with it: no resolved bearer may outlive it, on any replica.
    this.lifecycle.on((e) => {
      if (e.kind === 'workspace.deleted') for (const c of this.caches.values()) c.clear();
    });
  }

  cache<T extends object>(name: string, ttlMs = this.config.keyCacheTtlMs): LRUCache<string, T> {
    let c = this.caches.get(name);
    if (!c) {
      c = new LRUCache<string, object>({ max: 10_000, ttl: Math.max(1, ttlMs), ttlAutopurge: false });
      this.caches.set(name, c);
    }
    return c as unknown as LRUCache<string, T>;
  }

  /** Drops an entry here and on every other replica. */
  async invalidate(name: string, key: string): Promise<void> {
    this.caches.get(name)?.delete(key);
    await this.bus.publish(CHANNEL, `${name}:${key}`);
  }
}

function splitOnce(s: string): [string, string] {
  const i = s.indexOf(':');
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
