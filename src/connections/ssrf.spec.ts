import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { DomainError } from '../common/errors/domain-error.js';
import { BlockedAddressError, createSafeFetch } from './safe-fetch.js';
import { assertUrlAllowed, blockedAddressReason, type HostResolver } from './ssrf.js';

const fakeDns: Record<string, string[]> = {
  'localhost.test': ['127.0.0.1'],
  'rebind.test': ['93.184.216.34', '127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'v6local.test': ['::1'],
  'public.test': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
};
const resolver: HostResolver = async (host) => {
  const ips = fakeDns[host];
  if (!ips) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return ips.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const strict = { allowPrivateNetworks: false, resolver };

async function refusal(url: string): Promise<DomainError> {
  try {
    await assertUrlAllowed(url, 'url', strict);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error(`${url} was allowed`);
}

describe('blockedAddressReason', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '255.255.255.255', '240.0.0.1', '::1', '::', 'fc00::1', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254',
    '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1', 'ff02::1',
    // issue 12: IPv4-compatible literals, every embedding with a private IPv4 inside, special-purpose blocks
    '::127.0.0.1', '::7f00:1', '::169.254.169.254', '::10.0.0.1', '::ffff:0:7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::a00:1',
    '2002:a9fe:a9fe::1', '2002:c0a8:101::', '2001:0:4136:e378:8000:63bf:80ff:fffe', '2001:0:7f00:1:0:0:6c0b:6bfc',
    '192.0.2.1', '198.18.0.1', '192.0.0.8', '100::1', '2001:db8::1', '2001:2::1', 'fec0::1', '3fff::1', 'fe80::1%eth0'])('refuses %s', (ip) => {
    expect(blockedAddressReason(ip)).not.toBeNull();
  });
  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34',
    '64:ff9b::5db8:d822', '2002:5db8:d822::1', '2001:0:4136:e378:8000:63bf:a247:29dd'])('allows %s', (ip) => {
    expect(blockedAddressReason(ip)).toBeNull();
  });
});

describe('assertUrlAllowed (save time)', () => {
  it.each([
    'http://127.0.0.1:8080/mcp', 'http://2130706433/', 'http://0x7f000001/', 'http://0177.0.0.1/', 'http://127.1/',
    'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:0:0:1]/', 'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/', 'http://[::127.0.0.1]/', 'http://[::169.254.169.254]/', 'http://[::10.0.0.1]/', 'http://[64:ff9b::127.0.0.1]/',
    'http://[2002:7f00:1::]/', 'http://localhost.test/', 'http://rebind.test/', 'http://metadata.test/', 'http://v6local.test/',
  ])('refuses %s with a 400 naming the field', async (url) => {
    const err = await refusal(url);
    expect(err.status).toBe(400);
    expect(err.errors).toEqual([{ field: 'url', message: expect.stringContaining('non-public') }]);
  });

  it.each(['https://user:s3cr3tpw@public.test/mcp', 'https://s3cr3tpw@public.test/', 'https://:s3cr3tpw@public.test/'])('refuses the userinfo in %s', async (url) => {
    const err = await refusal(url);
    expect(err.errors).toEqual([{ field: 'url', message: expect.stringContaining('user name or password') }]);
    expect(JSON.stringify(err)).not.toContain('s3cr3tpw');
  });

  it('refuses a real DNS name resolving to loopback (localhost)', async () => {
    await expect(assertUrlAllowed('http://localhost:1/', 'url', { allowPrivateNetworks: false })).rejects.toMatchObject({ status: 400 });
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/', 'gopher://x/', 'javascript:alert(1)', 'not a url'])('refuses %s', async (url) => {
    const err = await refusal(url);
    expect(err.errors?.[0].field).toBe('url');
  });

  it('accepts at save time a host that does not resolve yet (connect time re-checks)', async () => {
    await expect(assertUrlAllowed('http://nowhere.test/', 'url', strict)).resolves.toBeInstanceOf(URL);
  });

  it('allows public hosts, and loopback when private networks are allowed', async () => {
    await expect(assertUrlAllowed('https://public.test/mcp', 'url', strict)).resolves.toBeInstanceOf(URL);
    await expect(assertUrlAllowed('http://127.0.0.1:9/', 'url', { allowPrivateNetworks: true })).resolves.toBeInstanceOf(URL);
    await expect(assertUrlAllowed('http://[::1]:9/', 'url', { allowPrivateNetworks: true })).resolves.toBeInstanceOf(URL);
  });
});

describe('safe fetch (connect time)', () => {
  let target: Server;
  let hop: Server;
  let targetPort = 0;
  let hopPort = 0;
  beforeAll(async () => {
    target = createServer((_req, res) => res.end('secret internal data'));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    targetPort = (target.address() as { port: number }).port;
    // The "allowed" first hop lives on 127.0.0.2 and redirects to the loopback address 127.0.0.1.
    hop = createServer((req, res) => {
      const to = req.url === '/to-file' ? 'file:///etc/passwd' : `http://127.0.0.1:${targetPort}/`;
      res.writeHead(302, { location: to }).end();
    });
    await new Promise<void>((r) => hop.listen(0, '127.0.0.2', r));
    hopPort = (hop.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((r) => target.close(r));
    await new Promise((r) => hop.close(r));
  });

  const base = { connectTimeoutMs: 2000, maxMessageBytes: 1024 * 1024 };

  it('refuses IP literals and names resolving to loopback when connecting (DNS rebinding)', async () => {
    const safe = createSafeFetch({ ...base, allowPrivateNetworks: false, resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    await expect(safe.fetch(`http://127.0.0.1:${targetPort}/`)).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
    await expect(safe.fetch(`http://[::ffff:127.0.0.1]:${targetPort}/`)).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
    // Passed the save-time check once, now rebinds to loopback: refused at connect.
    await expect(safe.fetch(`http://rebinding.test:${targetPort}/`)).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
    await safe.close();
  });

  it.each(['::7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::', '::ffff:0:7f00:1'])(
    'refuses at connect a name whose AAAA record embeds loopback (%s)', async (address) => {
      const safe = createSafeFetch({ ...base, allowPrivateNetworks: false, resolver: async () => [{ address, family: 6 }] });
      await expect(safe.fetch(`http://embedded.test:${targetPort}/`)).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
      await expect(safe.fetch(`http://[::127.0.0.1]:${targetPort}/`)).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
      await safe.close();
    });

  it('re-checks every redirect hop: an allowed host redirecting to loopback is refused', async () => {
    // Only 127.0.0.1 counts as private here, so the first hop (127.0.0.2) is "public".
    const addressPolicy = (ip: string) => (ip === '127.0.0.1' ? 'loopback address' : null);
    const safe = createSafeFetch({ ...base, allowPrivateNetworks: false, addressPolicy });
    await expect(safe.fetch(`http://127.0.0.2:${hopPort}/`)).rejects.toMatchObject({ cause: expect.any(BlockedAddressError) });
    await expect(safe.fetch(`http://127.0.0.2:${hopPort}/to-file`)).rejects.toBeInstanceOf(BlockedAddressError);
    await safe.close();
  });

  it('connects to loopback when private networks are allowed, following the redirect', async () => {
    const safe = createSafeFetch({ ...base, allowPrivateNetworks: true });
    const res = await safe.fetch(`http://127.0.0.2:${hopPort}/`);
    expect(await res.text()).toBe('secret internal data');
    await safe.close();
  });

  it('leaves no abort listener on a shared signal once each response is read', async () => {
    const safe = createSafeFetch({ ...base, allowPrivateNetworks: true });
    const shared = new AbortController();
    for (let i = 0; i < 30; i++) {
      const res = await safe.fetch(`http://127.0.0.1:${targetPort}/`, { signal: shared.signal });
      expect(await res.text()).toBe('secret internal data');
    }
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
    await safe.close();
  });

  it('caps the size of a response body', async () => {
    const safe = createSafeFetch({ ...base, allowPrivateNetworks: true, maxMessageBytes: 8 });
    const res = await safe.fetch(`http://127.0.0.1:${targetPort}/`);
    await expect(res.text()).rejects.toThrow(/exceeds 8 bytes/);
    await safe.close();
  });
});
