import { invalidTextField, MAX_JSON_DEPTH, nestedTooDeep } from './input-guards.js';

const nest = (levels: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

describe('input guards', () => {
  it('accepts nesting up to the limit and refuses one level more, however deep the input goes', () => {
    expect(nestedTooDeep(nest(MAX_JSON_DEPTH))).toBe(false);
    expect(nestedTooDeep(nest(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestedTooDeep(nest(100_000))).toBe(true);
    expect(nestedTooDeep('x')).toBe(false);
  });

  it('names the first string or key holding a NUL or an unpaired surrogate', () => {
    expect(invalidTextField({ name: 'ok', args: ['a', 'b\u0000'] }, '')).toBe('args[1]');
    expect(invalidTextField({ env: { K: 'x\ud800' } }, '')).toBe('env.K');
    expect(invalidTextField({ env: { 'K\u0000': 'x' } }, '')).toBe('env');
    expect(invalidTextField('\udc00', 'uri')).toBe('uri');
    expect(invalidTextField({ emoji: '\ud83d\ude00 ok', text: 'plain' }, '')).toBeNull();
  });
});
