/**
 * The one redactor for text that leaves Patchbay or is kept: log lines, a server's `lastError`, status event
 * reasons, execution records and problem details. It removes credentials in the forms they take in error text:
 * Authorization / Proxy-Authorization values (any scheme), bare `Bearer`/`Basic` credentials, userinfo in URLs,
 * credential-named parameters (`client_secret=`, `"access_token": "..."`), and the known secret values of the
 * server concerned (with their base64 and URL-encoded forms) when the caller passes them.
 */
export const REDACTED = '[redacted]';

const AUTH_HEADER = /(?<![A-Za-z])((?:proxy-)?authorization|x-api-key|api-key|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?:[A-Za-z][\w.-]*\s+)?[^\s"',;}\]]+/gi;
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Negotiate|Token|Bot)(\s+)[A-Za-z0-9._~+/=-]{6,}/g;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi;
const SECRET_PARAM =
  /(?<![A-Za-z])((?:access|refresh|id)_token|client_secret|client_assertion|code_verifier|api[_-]?key|password|passwd|secret|token)(?![A-Za-z])(["']?\s*[:=]\s*["']?)[^\s"'&,;}\]]+/gi;

/** Secret values shorter than this are not searched for (they would match ordinary words). */
const MIN_SECRET = 6;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret takes in error text: itself, URL-encoded, base64 (alone and as `id:secret` basic credentials). */
function forms(secret: string, ids: string[]): string[] {
  const out = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
  for (const id of ids) out.add(Buffer.from(`${id}:${secret}`).toString('base64'));
  return [...out].filter((f) => f.length >= MIN_SECRET);
}

export interface KnownSecrets {
  /** Secret values (api key, client secret, header values, tokens, env values). */
  values?: Iterable<string | null | undefined>;
  /** Identifiers paired with a secret in basic credentials (the OAuth client id). */
  ids?: Iterable<string | null | undefined>;
}

export function redact(text: string, known: KnownSecrets = {}): string {
  let out = text;
  const ids = [...(known.ids ?? [])].filter((x): x is string => typeof x === 'string' && x.length > 0);
  const values = [...(known.values ?? [])].filter((x): x is string => typeof x === 'string' && x.length >= MIN_SECRET);
  // Longest first, so a secret containing another is removed whole.
  for (const f of values.flatMap((v) => forms(v, ids)).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(f), 'g'), REDACTED);
  }
  return out
    .replace(AUTH_HEADER, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(AUTH_SCHEME, (_m, scheme: string, sp: string) => `${scheme}${sp}${REDACTED}`)
    .replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(SECRET_PARAM, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
}

/** `redact` for a value that may not be a string (log arguments): strings redacted, plain objects one level deep. */
export function redactValue<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (depth > 2 || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message), stack: value.stack ? redact(value.stack) : undefined } as T;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, depth + 1)])) as T;
}
