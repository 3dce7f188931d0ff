/**
 * The format-neutral tree every rule reads. YAML and JSON both become this shape, with
 * CloudFormation short-form tags already turned into their long form (`!Ref X` is a one-pair map
 * `{Ref: X}` flagged `short`), so rules never care which spelling the author used.
 * Offsets are UTF-16 code units into the original text (what JS strings and LSP use).
 */
export type Node = MapNode | SeqNode | ScalarNode;

interface NodeBase {
  start: number;
  end: number;
  /** A tag that is not a CloudFormation intrinsic (e.g. `!!str`, `!Custom`), kept as written. */
  tag?: string;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** The value was written in quotes (so `"1"` is a string, not a number). */
  quoted: boolean;
  /** For plain YAML scalars, the text as written (`0.0` stays "0.0" here while value is 0). */
  source?: string;
}

export interface Pair {
  key: ScalarNode;
  value: Node;
  start: number;
  end: number;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Pair[];
  /** Built from a short-form tag such as `!Sub`; the single key's range is the tag's range. */
  short?: boolean;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}

export function isMap(n: Node | null | undefined): n is MapNode {
  return !!n && n.kind === 'map';
}
export function isSeq(n: Node | null | undefined): n is SeqNode {
  return !!n && n.kind === 'seq';
}
export function isScalar(n: Node | null | undefined): n is ScalarNode {
  return !!n && n.kind === 'scalar';
}

/** Value of a key in a map, or undefined. With duplicate keys the last one wins (as CloudFormation does). */
export function get(map: Node | null | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    if (map.pairs[i].key.value === key) return map.pairs[i].value;
  }
  return undefined;
}

export function getPair(map: Node | null | undefined, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    if (map.pairs[i].key.value === key) return map.pairs[i];
  }
  return undefined;
}

export function keyText(p: Pair): string {
  return p.key.value === null ? '' : String(p.key.value);
}

/** A scalar read as text (numbers and booleans as written by String()); undefined for collections. */
export function str(n: Node | null | undefined): string | undefined {
  if (!isScalar(n) || n.value === null) return undefined;
  return String(n.value);
}

/** The intrinsic function a node is, if it is a one-key map whose key is `Ref`, `Condition` or `Fn::*`. */
export function intrinsicName(n: Node | null | undefined): string | undefined {
  if (!isMap(n) || n.pairs.length !== 1) return undefined;
  const k = n.pairs[0].key.value;
  if (typeof k !== 'string') return undefined;
  if (k === 'Ref' || k.startsWith('Fn::')) return k;
  if (k === 'Condition' && n.short) return k;
  return undefined;
}

/** Walk every node depth-first, with the path of keys/indexes from the root. Stop descending when fn returns false. */
export function walk(
  n: Node,
  fn: (node: Node, path: (string | number)[], parent?: Node) => boolean | void,
  path: (string | number)[] = [],
  parent?: Node,
): void {
  if (fn(n, path, parent) === false) return;
  if (n.kind === 'map') {
    for (const p of n.pairs) walk(p.value, fn, [...path, keyText(p)], n);
  } else if (n.kind === 'seq') {
    n.items.forEach((it, i) => walk(it, fn, [...path, i], n));
  }
}

/** One string per value, equal for equal values (key order ignored): duplicates detection. */
export function canonical(n: Node): string {
  if (isScalar(n)) return `s:${String(n.value)}`;
  if (isSeq(n)) return `[${n.items.map(canonical).join(',')}]`;
  return `{${(n as MapNode).pairs.map((p) => `${keyText(p)}:${canonical(p.value)}`).sort().join(',')}}`;
}
