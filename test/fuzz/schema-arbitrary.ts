import fc from 'fast-check';

/** The parts of an OpenAPI 3.1 schema the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
}

export type IdPools = Record<string, string[]>;

const PREFIXES = ['ws', 'proj', 'mcp', 'key', 'usr', 'tool', 'exec', 'evt', 'grant', 'cred'];

/** Which id pool a field's name points at (`workspaceId` -> ws, `projectId` -> proj...). */
export function poolFor(name: string): string | null {
  const n = name.toLowerCase();
  if (n === 'workspaceid' || n === 'scopeid') return 'ws';
  if (n === 'projectid' || n === 'x-project-id') return 'proj';
  if (n === 'serverid' || n === 'mcpserverid') return 'mcp';
  if (n === 'userid') return 'usr';
  if (n === 'toolid' || n === 'tool_id') return 'tool';
  if (n === 'cursor') return 'any';
  return null;
}

/**
 * A fast-check arbitrary for values of `schema`: mostly valid ones (so requests reach deep code), with ids drawn
 * from the tenants' real ids (ours and other tenants') so that authorisation is exercised, not just 404s.
 */
export function schemaArbitrary(schema: Schema, root: { components: { schemas: Record<string, Schema> } }, ids: IdPools, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = root.components.schemas[schema.$ref.split('/').pop()!];
    return target ? schemaArbitrary(target, root, ids, name, depth + 1) : fc.constant({});
  }
  if (schema.allOf?.length) return schemaArbitrary(Object.assign({}, ...schema.allOf.map((s) => resolve(s, root))), root, ids, name, depth);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => schemaArbitrary(s, root, ids, name, depth + 1)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : ['string'];
  const arbs = types.map((t) => typed(t, schema, root, ids, name, depth));
  return arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
}

function resolve(s: Schema, root: { components: { schemas: Record<string, Schema> } }): Schema {
  return s.$ref ? root.components.schemas[s.$ref.split('/').pop()!] ?? {} : s;
}

function idArbitrary(pool: string, ids: IdPools): fc.Arbitrary<string> {
  const known = pool === 'any' ? Object.values(ids).flat() : ids[pool] ?? [];
  const shaped = fc.constantFrom(...PREFIXES).map((p) => `${p}_01jd8x3v2qf8g6m3s0y1b4k7ze`);
  return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: shaped }) : shaped;
}

function typed(type: string, schema: Schema, root: { components: { schemas: Record<string, Schema> } }, ids: IdPools, name: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number': return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'array': {
      const items = schema.items ? schemaArbitrary(schema.items, root, ids, name, depth + 1) : fc.string();
      return depth > 4 ? fc.constant([]) : fc.array(items, { maxLength: 3 });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, s]) => [k, schemaArbitrary(s, root, ids, k, depth + 1)])),
        { requiredKeys: Object.keys(props).filter((k) => required.has(k)) },
      );
      if (!schema.additionalProperties || Object.keys(props).length) return record;
      const value = typeof schema.additionalProperties === 'object' ? schemaArbitrary(schema.additionalProperties, root, ids, '', depth + 1) : fc.string({ maxLength: 20 });
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value, { maxKeys: 3 });
    }
    default: {
      const pool = poolFor(name);
      if (pool) return idArbitrary(pool, ids);
      if (schema.pattern?.startsWith('^') && /^\^[a-z]+_$/.test(schema.pattern)) return idArbitrary(schema.pattern.slice(1, -1), ids);
      if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (/url|endpoint/i.test(name)) {
        return fc.constantFrom('https://mcp.example.com/mcp', 'http://127.0.0.1:1/mcp', 'http://[::127.0.0.1]/x', 'https://u:p@a.example.com/', 'ftp://x', 'not a url');
      }
      const max = Math.min(schema.maxLength ?? 40, 40);
      return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max });
    }
  }
}

/** Hostile replacements for one value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  fc.constantFrom(1e308, -1, -(2 ** 63), 2 ** 53 + 1, 0.5, true, false, 0),
  { weight: 3, arbitrary: fc.constantFrom('a\u0000b', 'lone \ud800 surrogate', '\udfff') },
  fc.constantFrom('x'.repeat(100_000), '', ' ', '../../etc/passwd', '%00', '${7*7}', '<script>'),
  fc.constant([]),
  fc.constant({}),
  fc.constant([[[[[[[[[[1]]]]]]]]]]),
  fc.string(),
  fc.object({ maxDepth: 2 }),
);

export type Mutation = { kind: 'none' } | { kind: 'field'; path: number; value: unknown } | { kind: 'fields'; edits: Array<{ path: number; value: unknown }> } | { kind: 'whole'; value: unknown }
  | { kind: 'raw'; text: string } | { kind: 'array' } | { kind: 'proto'; key: '__proto__' | 'constructor' | 'prototype' } | { kind: 'unknownField' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' } as const) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('field' as const), path: fc.nat(), value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fields' as const), edits: fc.array(fc.record({ path: fc.nat(), value: hostileValue }), { minLength: 2, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: hostileValue }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'array' } as const) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('proto' as const), key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unknownField' } as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, '{"name": "x"', 'null', '"str"', '[]', '{"name":"\\u0000"}',
      '{"name":"\\ud800"}', '{"args":{"a":"\\udc00"}}', 'x'.repeat(1_100_000),
    ).map((text) => ({ kind: 'raw' as const, text })),
  },
);

/** Every (object) field path of a value, so a mutation can pick one. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = [], depth = 0): Array<Array<string | number>> {
  if (depth > 5 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    const p = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(p);
    paths(v, p, out, depth + 1);
  }
  return out;
}

/** The body as JSON text after the mutation. */
export function applyMutation(body: unknown, m: Mutation): string {
  switch (m.kind) {
    case 'none': return JSON.stringify(body ?? {});
    case 'whole': return JSON.stringify(m.value);
    case 'raw': return m.text;
    case 'array': return JSON.stringify([body]);
    case 'unknownField': return JSON.stringify({ ...(body as object), zzUnknownField: 1 });
    case 'proto': {
      const text = JSON.stringify(body && typeof body === 'object' && !Array.isArray(body) ? body : {});
      return `{"${m.key}":{"isAdmin":true,"polluted":1},${text.slice(1)}`.replace(',}', '}');
    }
    case 'field':
      return applyMutation(body, { kind: 'fields', edits: [m] });
    case 'fields': {
      const clone = JSON.parse(JSON.stringify(body ?? {})) as Record<string | number, unknown>;
      for (const edit of m.edits) {
        const all = paths(clone);
        if (!all.length || typeof clone !== 'object') return JSON.stringify({ name: edit.value });
        const path = all[edit.path % all.length];
        let cur = clone as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
        // A copy: the hostile constants are shared instances, and one inserted into itself would be a cycle.
        if (cur && typeof cur === 'object') cur[path[path.length - 1]] = JSON.parse(JSON.stringify(edit.value ?? null)) as unknown;
      }
      return JSON.stringify(clone);
    }
  }
}
