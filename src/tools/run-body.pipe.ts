import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '../common/errors/domain-error.js';

/** `{ args?: object }` — the run body (an interface, so the global DTO pipe leaves it alone). */
export interface RunBody {
  args?: Record<string, unknown>;
}

/** Same rules and error shape as the DTO pipe: an object body, `args` an object, no other field. */
@Injectable()
export class RunBodyPipe implements PipeTransform<unknown, RunBody> {
  transform(value: unknown): RunBody {
    if (value === undefined || value === null || value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw ValidationError.field('body', 'must be a JSON object');
    const errors: Array<{ field: string; message: string }> = [];
    for (const key of Object.keys(value)) if (key !== 'args') errors.push({ field: key, message: 'unknown field' });
    const args = (value as RunBody).args;
    if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
      errors.push({ field: 'args', message: 'must be an object' });
    }
    if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    return { args };
  }
}
