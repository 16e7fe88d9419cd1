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

/**
 * The IPv4 addresses an IPv6 address carries inside it, by the embedding its prefix names: IPv4-compatible
 * (`::a.b.c.d`, ::/96), IPv4-mapped (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96 and the
 * local-use 64:ff9b:1::/48), 6to4 (2002::/16, bits 16-47) and Teredo (2001::/32: the server in bits 32-63 and the
 * client, inverted, in the last 32 bits). Empty for an IPv6 address that embeds nothing.
 */
export function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4[] {
  const b = v6.toByteArray();
  const v4 = (at: number, invert = false) => new ipaddr.IPv4(b.slice(at, at + 4).map((x) => (invert ? ~x & 0xff : x)));
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const w = v6.parts;
  if (zeros(0, 12)) return [v4(12)]; // IPv4-compatible (and :: / ::1, classified by their own range too)
  if (zeros(0, 10) && w[5] === 0xffff) return [v4(12)]; // IPv4-mapped
  if (zeros(0, 8) && w[4] === 0xffff && w[5] === 0) return [v4(12)]; // IPv4-translated
  if (w[0] === 0x64 && w[1] === 0xff9b) return [v4(12)]; // NAT64, well-known prefix and local use
  if (w[0] === 0x2002) return [v4(2)]; // 6to4
  if (w[0] === 0x2001 && w[1] === 0) return [v4(4), v4(12, true)]; // Teredo server, client
  return [];
}

/**
 * Why `ip` may not be contacted, or null when it is a public unicast address. The one classifier for every outbound
 * URL, at save and at connect: the address and every IPv4 address embedded in it must be in ipaddr.js's `unicast`
 * range, i.e. outside every special-purpose block of the IANA registries (loopback, private, link-local and cloud
 * metadata, CGNAT, multicast, reserved, documentation, benchmarking, discard-only...).
 */
export function blockedAddressReason(ip: string): string | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  const addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv4') {
    const range = addr.range();
    return range === 'unicast' ? null : `${range} address`;
  }
  const v6 = addr as ipaddr.IPv6;
  if (v6.zoneId) return 'scoped IPv6 address';
  for (const inner of embeddedIPv4(v6)) {
    const range = inner.range();
    if (range !== 'unicast') return `${range} address (${inner.toString()} inside ${v6.toString()})`;
  }
  const range = v6.range();
  // ipaddr.js names the embedding prefixes as ranges of their own; what they carry was classified above.
  if (range === 'unicast' || ['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo'].includes(range)) return null;
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
  if (url.username || url.password) {
    throw ValidationError.field(field, 'must not contain a user name or password; send credentials with apiKey or headers');
  }
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
