import type { ErrorObject } from 'ajv';
import type { FieldError } from '../errors/domain-error.js';

/** ajv's errors as `errors[]` entries, each naming its field under `root` (`args.items[2].name`). */
export function schemaErrors(root: string, errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => ({ field: fieldOf(root, e), message: e.message ?? 'is invalid' }));
}

function fieldOf(root: string, e: ErrorObject): string {
  const path = e.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('');
  const missing = e.keyword === 'required' ? `.${(e.params as { missingProperty: string }).missingProperty}` : '';
  const extra = e.keyword === 'additionalProperties' ? `.${(e.params as { additionalProperty: string }).additionalProperty}` : '';
  return `${root}${path}${missing}${extra}`;
}
