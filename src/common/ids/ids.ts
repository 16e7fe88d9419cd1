import { typeidUnboxed, fromString } from 'typeid-js';

/** Every public id is a TypeID: `<prefix>_<26 base32 chars>`, sortable by creation time (UUIDv7). */
export const ID_PREFIXES = {
  workspace: 'ws',
  project: 'proj',
  user: 'usr',
  apiKey: 'key',
  mcpServer: 'mcp',
  tool: 'tool',
  execution: 'exec',
  event: 'evt',
  grant: 'grant',
  credential: 'cred',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

export function newId(prefix: IdPrefix): string {
  return typeidUnboxed(prefix);
}

const SHAPE = /^([a-z]+)_([0-7][0-9a-hjkmnp-tv-z]{25})$/;

/** True when `value` is a well-formed TypeID with exactly this prefix. */
export function isId(value: unknown, prefix: IdPrefix): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  const m = SHAPE.exec(value);
  if (!m || m[1] !== prefix) return false;
  try {
    fromString(value, prefix);
    return true;
  } catch {
    return false;
  }
}

export function idPrefixOf(value: string): string | undefined {
  return SHAPE.exec(value)?.[1];
}
