import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, ProxyAgent, buildConnector, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { blockedAddressReason, hostBlockedReason, isIpLiteral, type HostResolver } from './ssrf.js';

/** Raised (at connect time) when an upstream host resolves to an address the policy refuses. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_UPSTREAM_BLOCKED';
  constructor(message: string) {
    super(message);
    this.name = 'BlockedAddressError';
  }
}

/** Raised when one upstream message (a JSON body, or one SSE event) exceeds the size cap. */
export class MessageTooLargeError extends Error {
  readonly code = 'ERR_UPSTREAM_MESSAGE_TOO_LARGE';
  constructor(limit: number) {
    super(`upstream message exceeds ${limit} bytes`);
    this.name = 'MessageTooLargeError';
  }
}

export interface SafeFetchOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  maxMessageBytes: number;
  maxRedirects?: number;
  proxy?: { url: string; headers?: Record<string, string> };
  /** Test hook: DNS answers used both for connect-time and pre-flight checks. */
  resolver?: HostResolver;
  /** Test hook: which addresses are refused (default blockedAddressReason). */
  addressPolicy?: (ip: string) => string | null;
}

export interface SafeFetch {
  fetch: FetchLike;
  close(): Promise<void>;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `net.connect` lookup that resolves all addresses and refuses the connection if any is non-public (defeats DNS rebinding). */
function guardedLookup(resolver: HostResolver | undefined, blocked: (ip: string) => string | null) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const resolved: Promise<LookupAddress[]> = resolver
      ? resolver(hostname)
      : new Promise((res, rej) => dnsLookup(hostname, { ...options, all: true }, (e, a) => (e ? rej(e) : res(a))));
    resolved.then(
      (addresses) => {
        for (const a of addresses) {
          const reason = blocked(a.address);
          if (reason) return callback(new BlockedAddressError(`${hostname} resolves to a ${reason}`), '', 0);
        }
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

function guardedConnector(opts: SafeFetchOptions): buildConnector.connector {
  const blocked = opts.addressPolicy ?? blockedAddressReason;
  const base = buildConnector({
    timeout: opts.connectTimeoutMs,
    ...(opts.allowPrivateNetworks ? {} : { lookup: guardedLookup(opts.resolver, blocked) }),
  });
  if (opts.allowPrivateNetworks) return base;
  return (connectOpts, callback) => {
    // net.connect skips `lookup` for IP literals, so those are checked here.
    if (isIpLiteral(connectOpts.hostname)) {
      const reason = blocked(connectOpts.hostname.replace(/^\[|\]$/g, ''));
      if (reason) return callback(new BlockedAddressError(`${connectOpts.hostname} is a ${reason}`), null);
    }
    base(connectOpts, callback);
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers kept on a cross-origin redirect; credentials and custom headers are dropped. */
const CROSS_ORIGIN_SAFE_HEADERS = new Set(['accept', 'content-type', 'mcp-protocol-version', 'last-event-id', 'user-agent']);

function headersToRecord(headers: RequestInit['headers']): Record<string, string> {
  return Object.fromEntries(new Headers(headers ?? {}).entries());
}

/**
 * A `fetch` for the SDK transports: every connection's resolved addresses are re-checked, redirects are followed by hand
 * (at most `maxRedirects`, http/https only, each hop re-checked, credentials dropped when the origin changes), and
 * bodies are capped per message. Blocked connects surface as BlockedAddressError (mapped to UpstreamError.blocked).
 */
export function createSafeFetch(opts: SafeFetchOptions): SafeFetch {
  const connect = guardedConnector(opts);
  const dispatcher: Dispatcher = opts.proxy
    ? new ProxyAgent({ uri: opts.proxy.url, headers: opts.proxy.headers, proxyTunnel: true })
    : new Agent({ connect });
  const maxRedirects = opts.maxRedirects ?? 5;

  const preflight = async (url: URL): Promise<void> => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new BlockedAddressError(`redirect to scheme ${url.protocol} refused`);
    }
    // Through a proxy, undici connects to the proxy with its own connector and the proxy resolves the target:
    // both the proxy host and the target are checked against our own resolution before each request.
    if (opts.proxy && !opts.allowPrivateNetworks) {
      const policy = { allowPrivateNetworks: false, resolver: opts.resolver };
      const reason =
        (await hostBlockedReason(new URL(opts.proxy.url).hostname, policy)) ?? (await hostBlockedReason(url.hostname, policy));
      if (reason) throw new BlockedAddressError(reason);
    }
  };

  const safeFetch: FetchLike = async (input, init) => {
    let url = new URL(typeof input === 'string' ? input : input.href);
    let method = (init?.method ?? 'GET').toUpperCase();
    let body = init?.body;
    let headers = headersToRecord(init?.headers);
    const mode = init?.redirect ?? 'follow';
    for (let hop = 0; ; hop++) {
      await preflight(url);
      const link = linkSignal(init?.signal ?? undefined);
      let response: Response;
      try {
        // undici's RequestInit differs from the DOM lib's only in types; the values are the same web objects.
        response = (await undiciFetch(url, {
          method,
          headers,
          body: body as never,
          signal: link.signal,
          redirect: 'manual',
          dispatcher,
        } as never)) as unknown as Response;
      } catch (e) {
        link.done();
        throw e;
      }
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (!location || mode === 'manual') return capBody(response, opts.maxMessageBytes, link.done);
      link.done();
      await response.body?.cancel();
      if (mode === 'error') throw new TypeError(`redirect to ${location} refused`);
      if (hop >= maxRedirects) throw new TypeError('too many redirects');
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(Object.entries(headers).filter(([k]) => CROSS_ORIGIN_SAFE_HEADERS.has(k.toLowerCase())));
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      url = next;
    }
  };
  return { fetch: safeFetch, close: () => dispatcher.close() };
}

/**
 * The SDK hands one long-lived signal (its transport's) to every request. Given to undici as is,
 * each request leaves an abort listener on it until garbage collection (thousands under load,
 * and a MaxListenersExceeded warning). Each request gets its own signal instead, linked to the
 * caller's and unlinked as soon as the response body ends.
 */
function linkSignal(parent?: AbortSignal): { signal?: AbortSignal; done: () => void } {
  if (!parent || parent.aborted) return { signal: parent, done: () => undefined };
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { signal: ctrl.signal, done: () => parent.removeEventListener('abort', onAbort) };
}

/** Wraps a response body so one message (a whole JSON body, or one SSE event) over `limit` bytes errors the stream. */
export function capBody(response: Response, limit: number, onDone: () => void = () => undefined): Response {
  if (!response.body) {
    onDone();
    return response;
  }
  const isEventStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  let size = 0;
  let lastWasNewline = false;
  const limiter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (!isEventStream) {
        size += chunk.byteLength;
      } else {
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i];
          if (b === 0x0d) continue;
          if (b === 0x0a) {
            if (lastWasNewline) size = 0; // blank line: end of one SSE event
            lastWasNewline = true;
          } else {
            lastWasNewline = false;
            size++;
          }
          if (size > limit) break;
        }
      }
      if (size > limit) {
        onDone();
        return controller.error(new MessageTooLargeError(limit));
      }
      controller.enqueue(chunk);
    },
    flush: () => onDone(),
  });
  // A body cancelled before its end (the SDK's SSE transport cancels every POST response) must unlink too, or its
  // listener stays on the transport's signal for the connection's life: one per request. TransformStream has no
  // cancel hook on Node 20, so the capped stream is re-exposed through a ReadableStream that has one.
  const reader = response.body.pipeThrough(limiter).getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          onDone();
          controller.close();
        } else controller.enqueue(value);
      } catch (e) {
        onDone();
        controller.error(e);
      }
    },
    cancel(reason) {
      onDone();
      return reader.cancel(reason);
    },
  });
  const capped = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(capped, 'url', { value: response.url });
  return capped;
}
