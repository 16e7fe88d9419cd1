import { definitionHash, toolListHash, toolSetHash } from './tool-hash.js';

describe('tool hashes', () => {
  it('hashes a tool list independently of order and key order', () => {
    const a = { name: 'a', inputSchema: { type: 'object', properties: { x: { type: 'string' } } } };
    const b = { name: 'b', inputSchema: { type: 'object' } };
    const a2 = { inputSchema: { properties: { x: { type: 'string' } }, type: 'object' }, name: 'a' };
    expect(toolListHash([a, b])).toBe(toolListHash([b, a2]));
    expect(toolListHash([a])).not.toBe(toolListHash([a, b]));
  });

  it('hashes a list as the catalogue stores it: the set of definition hashes', () => {
    const a = { name: 'a', inputSchema: { type: 'object' } };
    const b = { name: 'b', description: 'x', inputSchema: { type: 'object' } };
    expect(toolListHash([a, b])).toBe(toolSetHash([definitionHash(b), definitionHash(a)]));
    expect(definitionHash(b)).not.toBe(definitionHash({ ...b, description: 'y' }));
  });
});
