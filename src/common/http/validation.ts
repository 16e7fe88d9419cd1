import { type ArgumentMetadata, Injectable, type PipeTransform, type ValidationError as CvError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { type FieldError, ValidationError } from '../errors/domain-error.js';
import { type IdPrefix, isId } from '../ids/ids.js';

function flatten(errors: CvError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        message: rule === 'whitelistValidation' ? 'unknown field' : stripName(message, e.property),
      });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** class-validator says "name must be a string"; the field is named apart, so say "must be a string". */
function stripName(message: string, property: string): string {
  if (message.startsWith(`property ${property} `)) return message.slice(property.length + 10);
  if (message.startsWith(`${property} `)) return message.slice(property.length + 1);
  return message;
}

/** Global DTO validation: unknown fields refused, each bad field named in `errors[]`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ValidationError(fields, fields.map((f) => `${f.field}: ${f.message}`).join('; '));
    },
  });
}

/** `@Param('id', new IdPipe('ws', 'id'))`: a wrong prefix or shape is a 400 naming the field. */
@Injectable()
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly prefix: IdPrefix,
    private readonly field = 'id',
  ) {}

  transform(value: unknown, _meta: ArgumentMetadata): string {
    if (!isId(value, this.prefix)) {
      throw ValidationError.field(this.field, `must be a ${this.prefix}_ id`);
    }
    return value;
  }
}

export function assertId(value: unknown, prefix: IdPrefix, field: string): string {
  if (!isId(value, prefix)) throw ValidationError.field(field, `must be a ${prefix}_ id`);
  return value;
}

/**
 * `@IsOptional()` for a field that may be left out but not set to `null`: class-validator's IsOptional skips
 * `null` too, which let `{"name": null}` through to a NOT NULL column. Here `null` is validated like any value,
 * so the field's own type rule answers 400 naming it.
 */
export function IsOptionalNonNull(): PropertyDecorator {
  return ValidateIf((_obj: object, value: unknown) => value !== undefined);
}
