import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api/client';
import type { StatusEventView } from './api/types';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ready'; value: T };

/** Loads once per `deps` change; `reload()` loads again; `set` updates the value in place (live events). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loadable<T>, () => void, (f: (v: T) => T) => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const lastDeps = useRef<string>('');
  useEffect(() => {
    let live = true;
    // a reload keeps showing what is there until the new value arrives; other changes show "loading"
    const key = JSON.stringify(deps);
    if (key !== lastDeps.current) setValue({ state: 'loading' });
    lastDeps.current = key;
    load().then(
      (v) => live && setValue({ state: 'ready', value: v }),
      (e: unknown) => live && setValue({ state: 'error', error: message(e) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const update = useCallback((f: (v: T) => T) => setValue((cur) => (cur.state === 'ready' ? { state: 'ready', value: f(cur.value) } : cur)), []);
  return [value, reload, update];
}

/** Runs an action, tracking busy and error (in words) for the button and the message next to it. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): {
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  error: string | null;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      return await fn(...args);
    } catch (e) {
      setError(message(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clear: () => setError(null) };
}

export function message(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = e.errors.map((f) => `${f.field}: ${f.message}`).filter((f) => !e.message.includes(f));
    return [e.message, ...fields].join(' · ');
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The workspace's live events (`/api/events`, Server-Sent Events with the session cookie): one
 * stream per page, closed when the page goes. No polling.
 */
export function useEvents(workspaceId: string | null, onEvent: (e: StatusEventView) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!workspaceId) return;
    const source = new EventSource(`/api/events?workspaceId=${encodeURIComponent(workspaceId)}`);
    const listen = (ev: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(ev.data) as StatusEventView);
      } catch {
        /* a malformed event is skipped */
      }
    };
    source.addEventListener('status_changed', listen);
    source.addEventListener('tools_changed', listen);
    return () => source.close();
  }, [workspaceId]);
}

/** The current hash route, e.g. `#/servers/mcp_...` -> ['servers', 'mcp_...']. */
export function useRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
