const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * DNS-rebinding guard for the gateway: no Origin (non-browser clients) is fine; a browser Origin must be
 * PUBLIC_URL's own, or, when Patchbay runs on localhost, any loopback origin.
 */
export function originAllowed(origin: string | undefined, publicUrl: string): boolean {
  if (origin === undefined || origin === '') return true;
  let o: URL;
  let p: URL;
  try {
    o = new URL(origin);
    p = new URL(publicUrl);
  } catch {
    return false;
  }
  if (o.origin === p.origin) return true;
  return LOCAL_HOSTS.has(p.hostname) && LOCAL_HOSTS.has(o.hostname) && (o.protocol === 'http:' || o.protocol === 'https:');
}
