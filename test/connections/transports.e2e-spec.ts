import { startEverything, type EverythingPeer, type EverythingTransport } from '../peers/index.js';
import { startHttpPeer } from '../peers/index.js';
import type { ConnectionPool } from '../../src/connections/connection-pool.js';
import { target, testPool, textOf } from './helpers.js';

describe.each<EverythingTransport>(['stdio', 'sse', 'streamable_http'])('server-everything over %s', (transport) => {
  let peer: EverythingPeer;
  let pool: ConnectionPool;
  beforeAll(async () => {
    peer = await startEverything(transport);
    pool = testPool();
  });
  afterAll(async () => {
    await pool.closeAll();
    await peer.close();
  });

  it('connects, lists all tools, calls echo, reads resources and prompts on one connection', async () => {
    const t = target({ transport, url: peer.url, command: peer.command, args: peer.args });
    const tools = await pool.listTools(t);
    expect(tools.map((x) => x.name)).toEqual(expect.arrayContaining(['echo', 'get-sum']));
    const result = await pool.callTool(t, 'echo', { message: `hi over ${transport}` });
    expect(textOf(result)).toContain(`hi over ${transport}`);
    const prompts = await pool.listPrompts(t);
    expect(prompts.length).toBeGreaterThan(0);
    const resources = await pool.listResources(t);
    expect(resources.length).toBeGreaterThan(0);
    const read = await pool.readResource(t, resources[0].uri);
    expect(read.contents.length).toBeGreaterThan(0);
    await pool.ping(t);
    expect(pool.stats()).toMatchObject({ clients: 1, handshakes: 1 });
  });
});

describe('pagination', () => {
  it('follows nextCursor through every page of tools/list', async () => {
    const peer = await startHttpPeer({ pageSize: 2, tools: Array.from({ length: 5 }, (_, i) => ({ name: `extra_${i}`, run: () => ({ content: [] }) })) });
    const pool = testPool();
    try {
      const tools = await pool.listTools(target({ url: peer.url }));
      expect(tools).toHaveLength(10); // 5 built-ins + 5 extras, 2 per page
      expect(new Set(tools.map((t) => t.name)).size).toBe(10);
    } finally {
      await pool.closeAll();
      await peer.close();
    }
  });
});
