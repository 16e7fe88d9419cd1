import { Injectable } from '@nestjs/common';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { LRUCache } from 'lru-cache';
import { ValidationError } from '../common/errors/domain-error.js';
import { schemaErrors } from '../common/http/schema-errors.js';

// ajv-formats is CommonJS with a default export; under ESM the function sits on `.default`.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

/**
 * Checks tool arguments against the tool's inputSchema before anything goes upstream.
 * Validators are compiled once per definition hash. A schema ajv cannot compile is not the
 * caller's fault: such tools are passed through unchecked.
 */
@Injectable()
export class ArgsValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, allowUnionTypes: true });
  private readonly compiled = new LRUCache<string, ValidateFunction | 'unchecked'>({ max: 20_000 });

  constructor() {
    addFormats(this.ajv);
  }

  check(hash: string, schema: Record<string, unknown>, args: Record<string, unknown>): void {
    let fn = this.compiled.get(hash);
    if (!fn) {
      try {
        fn = this.ajv.compile({ ...schema, $id: undefined, $schema: undefined });
      } catch {
        fn = 'unchecked';
      }
      this.compiled.set(hash, fn);
    }
    if (fn === 'unchecked' || fn(args)) return;
    const errors = schemaErrors('args', fn.errors);
    throw new ValidationError(errors, `Arguments do not match the tool's input schema: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  }
}
