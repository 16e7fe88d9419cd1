import { createHash } from 'node:crypto';
import { stableJson } from '../common/stable-json.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of one tool's whole definition, as stored in `tools.definition_hash`. */
export function definitionHash(definition: object): string {
  return sha256(stableJson(definition));
}

/**
 * The hash of a whole tool list, as stored in `mcp_servers.tools_hash`: the sorted definition
 * hashes, hashed. The catalogue writes it on refresh; the monitor compares a fresh listing with it.
 */
export function toolSetHash(definitionHashes: readonly string[]): string {
  return sha256(stableJson([...definitionHashes].sort()));
}

/** `toolSetHash` of a list of whole definitions (what a fresh `tools/list` returned). */
export function toolListHash(tools: readonly object[]): string {
  return toolSetHash(tools.map(definitionHash));
}
