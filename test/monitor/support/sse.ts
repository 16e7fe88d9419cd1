/** One Server-Sent Event as received. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface SseClient {
  status: number;
  headers: Headers;
  events: SseEvent[];
  /** Comment lines received (heartbeats). */
  comments: string[];
  /** Resolves once an event matching `pred` has arrived (or rejects after `timeoutMs`). */
  waitFor(pred: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  waitForComment(pred: (c: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A minimal SSE client over fetch (EventSource cannot send a bearer). */
export async function openSse(url: string, opts: { token?: string; lastEventId?: string } = {}): Promise<SseClient> {
  const ac = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.lastEventId) headers['last-event-id'] = opts.lastEventId;
  const res = await fetch(url, { headers, signal: ac.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  let ended!: () => void;
  const endedP = new Promise<void>((r) => (ended = r));
  void (async () => {
    if (!res.body || res.status !== 200) return ended();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev: SseEvent = { data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              comments.push(line.slice(1).trim());
              continue;
            }
            const [field, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)];
            if (field === 'id') ev.id = value;
            else if (field === 'event') ev.event = value;
            else if (field === 'data') ev.data += value;
            else continue;
            isEvent = true;
          }
          if (isEvent) events.push(ev);
          notify();
        }
      }
    } catch {
      // aborted by close()
    }
    ended();
    notify();
  })();
  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const tryIt = () => {
        const hit = check();
        if (hit !== undefined) {
          waiters.delete(tryIt);
          clearTimeout(t);
          resolve(hit);
        }
      };
      const t = setTimeout(() => (waiters.delete(tryIt), reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(events)}`))), timeoutMs);
      waiters.add(tryIt);
      tryIt();
    });
  return {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    waitFor: (pred, timeoutMs = 10_000) => waitUntil(() => events.find(pred), timeoutMs, 'matching event'),
    waitForComment: (pred, timeoutMs = 10_000) => waitUntil(() => comments.find(pred), timeoutMs, 'matching comment'),
    ended: endedP,
    close: () => ac.abort(),
  };
}

export function dataOf(e: SseEvent): Record<string, unknown> {
  return JSON.parse(e.data) as Record<string, unknown>;
}
