/**
 * Pieces every YAML front end (composer, CST, quick scanner) builds the tree with, so the three
 * give the same nodes: scalars resolved by the YAML 1.2 core schema, map entries with duplicate-key
 * tracking, and short-form tags turned into their one-pair long form.
 */
import type { DuplicateKey } from './model';
import type { MapNode, Node, Pair, ScalarNode, ScalarValue } from './nodes';
import { findTag, SHORT_TAGS } from './tags';

/** The core schema's resolution of a plain scalar (yaml's tags, in its order: null, bool, int 0o/dec/0x, float nan/exp/plain). */
export function coreValue(s: string): ScalarValue {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  // Fast exit: every non-string value starts with one of ~ n N t T f F digit + - .
  if (!(c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/** A map entry, noting a key already seen in this map (the duplicate-key finding reads these). */
export function addPair(pairs: Pair[], seen: Map<string, ScalarNode>, duplicates: DuplicateKey[], k: ScalarNode, v: Node): void {
  const name = k.value === null ? '' : String(k.value);
  const first = seen.get(name);
  if (first) duplicates.push({ key: name, first, second: k });
  seen.set(name, k);
  pairs.push({ key: k, value: v, start: k.start, end: Math.max(v.end, k.end) });
}

/** `!Sub x` as `{Fn::Sub: x}`, flagged short; the key's range is the tag's. `tag` must be one of SHORT_TAGS. */
export function shortTagNode(text: string, n: Node, tag: string): MapNode {
  const tagStart = findTag(text, tag, n.start);
  const key: ScalarNode = { kind: 'scalar', value: SHORT_TAGS[tag], quoted: false, start: tagStart, end: tagStart + tag.length };
  return { kind: 'map', short: true, pairs: [{ key, value: n, start: tagStart, end: n.end }], start: tagStart, end: Math.max(n.end, key.end) };
}

/** Back over whitespace (`/\s/`) from `end`, not before `start`: where a value's range ends. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** `/\s/` without a regex call per character: nested values can share long runs of trailing blanks. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && /\s/.test(String.fromCharCode(c)));
}
