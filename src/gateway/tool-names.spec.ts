import { assignToolNames, MAX_TOOL_NAME, type NamedTool } from './tool-names.js';

const t = (serverId: string, serverName: string, toolName: string): NamedTool<string> => ({ serverId, serverName, toolName, value: `${serverId}/${toolName}` });
const VALID = /^[A-Za-z0-9_-]{1,64}$/;

describe('assignToolNames', () => {
  it('names tools <server>__<tool> and sanitises other characters', () => {
    const names = assignToolNames([t('mcp_1', 'git hub', 'create.issue'), t('mcp_2', 'db', 'query')]);
    expect([...names.keys()].sort()).toEqual(['db__query', 'git_hub__create_issue']);
  });

  it('resolves collisions deterministically, whatever the input order', () => {
    const entries = [t('mcp_2', 'a.b', 'x'), t('mcp_1', 'a_b', 'x'), t('mcp_3', 'a b', 'x')];
    const one = assignToolNames(entries);
    const two = assignToolNames([...entries].reverse());
    expect([...one.entries()].map(([k, v]) => [k, v.value])).toEqual([...two.entries()].map(([k, v]) => [k, v.value]));
    expect(one.size).toBe(3);
    expect(one.get('a_b__x')?.serverId).toBe('mcp_1'); // the oldest id keeps the plain name
    for (const k of one.keys()) expect(k).toMatch(VALID);
  });

  it('keeps long names within 64 characters, distinct, with a stable hash suffix', () => {
    const long = 's'.repeat(70);
    const names = assignToolNames([t('mcp_1', long, 'tool_a'), t('mcp_1', long, 'tool_b')]);
    const keys = [...names.keys()];
    expect(keys).toHaveLength(2);
    for (const k of keys) {
      expect(k.length).toBeLessThanOrEqual(MAX_TOOL_NAME);
      expect(k).toMatch(/^s+_[0-9a-f]{8}$/);
    }
    expect([...assignToolNames([t('mcp_1', long, 'tool_b')]).keys()]).toContain(keys.find((k) => names.get(k)?.toolName === 'tool_b'));
  });

  it('never lets a hashed name take a plain one', () => {
    const names = assignToolNames([t('mcp_1', 'a', 'b'), t('mcp_2', 'a', 'b')]);
    expect(names.get('a__b')?.serverId).toBe('mcp_1');
    expect([...names.keys()].find((k) => k !== 'a__b')).toMatch(/^a__b_[0-9a-f]{8}$/);
  });
});
