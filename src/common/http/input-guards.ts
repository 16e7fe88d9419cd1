import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error.js';

/** Deepest JSON nesting accepted (objects and arrays); validation and storage recurse, so deeper is refused up front. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests objects/arrays deeper than `limit`; stops descending at the limit, so it is safe on any input. */
export function nestedTooDeep(value: unknown, limit = MAX_JSON_DEPTH, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= limit) return true;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (nestedTooDeep(v, limit, depth + 1)) return true;
  return false;
}

// A NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair (not text at all).
const INVALID_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (`args[2]`, `env.KEY`) of the first string or key holding invalid text, or null. */
export function invalidTextField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return INVALID_TEXT.test(value) ? path || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = invalidTextField(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (INVALID_TEXT.test(key)) return path || 'body';
    const hit = invalidTextField(v, field, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * The first global pipe, before DTO validation: on every route argument read from the request (body, query, path
 * parameters), nesting deeper than MAX_JSON_DEPTH is a 400 (validation and storage recurse), and so is a NUL or a
 * lone surrogate in any string or key, naming the field. Errors go through the route's own filter, so compatible
 * surfaces answer in their own shape.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'body' && meta.type !== 'query' && meta.type !== 'param') return value;
    if (nestedTooDeep(value)) {
      throw new ValidationError([{ field: meta.data ?? 'body', message: `nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep` }],
        `${meta.data ?? 'Body'} nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`);
    }
    const field = invalidTextField(value, meta.data ?? '');
    if (field) throw ValidationError.field(field, 'must be valid text (no NUL characters or unpaired UTF-16 surrogates)');
    return value;
  }
}
