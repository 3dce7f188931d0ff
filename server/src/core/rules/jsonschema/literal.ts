import { isMap, isScalar, isSeq, type Node } from '../../document/nodes';
import type { JsonSchema } from '../../schema/registry';

/** The JSON types a schema accepts, stated or implied by its keywords; undefined when anything goes. */
export function expectedTypes(s: JsonSchema): string[] | undefined {
  if (s.type) return Array.isArray(s.type) ? s.type : [s.type];
  if (s.properties || s.additionalProperties === false) return ['object'];
  if (s.items) return ['array'];
  return undefined;
}

/**
 * Does a literal fit a JSON type, read as CloudFormation reads it: scalars convert freely to
 * strings, "5" is a fine integer and "true" a fine Boolean.
 */
const YAML11_BOOL = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

export function literalTypeOk(node: Node, t: string): boolean {
  switch (t) {
    case 'object':
      return isMap(node);
    case 'array':
      return isSeq(node);
    case 'null':
      return isScalar(node) && node.value === null;
  }
  if (!isScalar(node) || node.value === null) return false;
  const v = node.value;
  switch (t) {
    case 'string':
      return true;
    case 'integer':
      return typeof v === 'number' ? Number.isInteger(v) : typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v);
    case 'number':
      return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));
    case 'boolean':
      // Unquoted yes/no/on/off are Booleans to PyYAML (YAML 1.1), so to CloudFormation too.
      return typeof v === 'boolean' || (typeof v === 'string' && (/^(true|false)$/i.test(v) || (!node.quoted && YAML11_BOOL.test(v))));
    default:
      return true;
  }
}

export function describeValue(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `'${String(node.value)}'`;
  return 'this value';
}

export { canonical } from '../../document/nodes';
