import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ValidationError } from '../common/errors/domain-error.js';

/** One resolved address, as `dns.lookup(host, { all: true })` yields it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses. Injectable so tests can simulate DNS answers. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

export interface OutboundPolicy {
  allowPrivateNetworks: boolean;
  resolver?: HostResolver;
}

/** IPv6 ranges that embed or route to IPv4 space we cannot see into: refused unless private networks are allowed. */
const OPAQUE_V6_RANGES = new Set(['rfc6145', 'rfc6052', '6to4', 'teredo']);

/**
 * Why `ip` may not be contacted, or null when it is a public unicast address.
 * Covers loopback, 0/8, 10/8, 172.16/12, 192.168/16, 169.254/16 (cloud metadata), 100.64/10, multicast,
 * broadcast, reserved, ::1, ::, fc00::/7, fe80::/10, and IPv4-mapped / translated forms of all of them.
 */
export function blockedAddressReason(ip: string): string | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  let addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) addr = v6.toIPv4Address();
  }
  const range = addr.range();
  if (range === 'unicast') return null;
  if (addr.kind() === 'ipv6' && OPAQUE_V6_RANGES.has(range)) return `IPv6 ${range} address`;
  return `${range} address`;
}

export function isIpLiteral(hostname: string): boolean {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) !== 0;
}

/** Parses and checks the scheme; WHATWG URL already normalises decimal/hex/octal IPv4 spellings to dotted quads. */
export function parseHttpUrl(raw: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw ValidationError.field(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw ValidationError.field(field, `scheme ${url.protocol.replace(/:$/, '')} is not allowed; use http or https`);
  }
  if (!url.hostname) throw ValidationError.field(field, 'must name a host');
  return url;
}

/**
 * Resolves `hostname` and returns the reason the first refused address is refused, or null when every address is allowed.
 * Throws the resolver's error when the name does not resolve.
 */
export async function hostBlockedReason(hostname: string, policy: OutboundPolicy): Promise<string | null> {
  if (policy.allowPrivateNetworks) return null;
  if (isIpLiteral(hostname)) return blockedAddressReason(hostname);
  const addresses = await (policy.resolver ?? systemResolver)(hostname);
  if (addresses.length === 0) throw new Error(`${hostname} did not resolve`);
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address);
    if (reason) return `${hostname} resolves to a ${reason}`;
  }
  return null;
}

/**
 * Save-time check of a URL Patchbay will contact: http/https only, and (unless private networks are allowed)
 * every address the host resolves to must be public. Throws ValidationError naming `field`.
 */
export async function assertUrlAllowed(raw: string, field: string, policy: OutboundPolicy): Promise<URL> {
  const url = parseHttpUrl(raw, field);
  let reason: string | null;
  try {
    reason = await hostBlockedReason(url.hostname, policy);
  } catch {
    // A name that does not resolve today is not refused at save time (DNS may be down, or the
    // host not live yet); every connection re-checks the addresses it actually connects to.
    return url;
  }
  if (reason) {
    throw ValidationError.field(field, `refers to a non-public address (${reason}); private networks are not allowed`);
  }
  return url;
}
