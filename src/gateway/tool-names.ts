import { createHash } from 'node:crypto';

export const MAX_TOOL_NAME = 64;
export const SEPARATOR = '__';

export interface NamedTool<T> {
  serverId: string;
  serverName: string;
  toolName: string;
  value: T;
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

function suffix(serverId: string, toolName: string): string {
  return createHash('sha256').update(`${serverId}\u0000${toolName}`).digest('hex').slice(0, 8);
}

/**
 * Gives every (server, tool) a public name `<server>__<tool>`: characters outside [A-Za-z0-9_-] become `_`,
 * and a name that is too long or already taken becomes `<prefix up to 55 chars>_<8 hex of sha256(serverId, tool)>`.
 * Deterministic: entries are considered by (plain name, serverId, tool name), so the oldest server keeps the plain
 * name and the result does not depend on the order the caller passes them in.
 */
export function assignToolNames<T>(entries: readonly NamedTool<T>[]): Map<string, NamedTool<T>> {
  const planned = entries
    .map((e) => ({ e, plain: `${sanitize(e.serverName)}${SEPARATOR}${sanitize(e.toolName)}` }))
    .sort((a, b) => cmp(a.plain, b.plain) || cmp(a.e.serverId, b.e.serverId) || cmp(a.e.toolName, b.e.toolName));
  const out = new Map<string, NamedTool<T>>();
  const hashed: typeof planned = [];
  // Plain names first, so a hashed name can never take a plain name that a later entry needed.
  for (const p of planned) {
    if (p.plain.length <= MAX_TOOL_NAME && !out.has(p.plain)) out.set(p.plain, p.e);
    else hashed.push(p);
  }
  for (const p of hashed) {
    const h = suffix(p.e.serverId, p.e.toolName);
    let name = `${p.plain.slice(0, MAX_TOOL_NAME - h.length - 1)}_${h}`;
    for (let i = 2; out.has(name); i++) {
      const tail = `${h}${i}`;
      name = `${p.plain.slice(0, MAX_TOOL_NAME - tail.length - 1)}_${tail}`;
    }
    out.set(name, p.e);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
