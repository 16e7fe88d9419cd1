import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '../common/errors/domain-error.js';
import { idPrefixOf, isId } from '../common/ids/ids.js';

/** `toolId` is a tool_ id or a tool name; a malformed tool_ id or a foreign prefix is a 400. */
@Injectable()
export class ToolRefPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length === 0 || value.length > 256) throw ValidationError.field('toolId', 'must be a tool_ id or a tool name');
    const prefix = idPrefixOf(value);
    if (value.startsWith('tool_') && !isId(value, 'tool')) throw ValidationError.field('toolId', 'is not a valid tool_ id');
    if (prefix && prefix !== 'tool' && ['ws', 'proj', 'usr', 'key', 'mcp', 'exec', 'evt'].includes(prefix)) {
      throw ValidationError.field('toolId', 'must be a tool_ id or a tool name');
    }
    return value;
  }
}
