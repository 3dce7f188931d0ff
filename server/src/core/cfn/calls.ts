/**
 * Every intrinsic function call in a template, in document order, per top-level section: what the
 * checks of function arguments and targets read, built once per parsed version.
 */
import type { TemplateDocument } from '../document/model';
import { intrinsicName, isMap, keyText, type MapNode, type Node, type Pair } from '../document/nodes';
import { INTRINSICS } from '../document/tags';

/** One intrinsic function call found in the template. */
export interface Call {
  fn: string;
  node: MapNode;
  arg: Node;
  /** Top-level section it stands in. */
  section: string;
  /** Inside a `Fn::ForEach` body, where loop identifiers make names unknowable. */
  inLoop: boolean;
  /** Nesting depth below the section's value (which is 0). */
  depth: number;
}

export interface TemplateCalls {
  calls: Call[];
  /** Calls of functions CloudFormation does not have (`Fn::Foo`). */
  unknown: { node: MapNode; name: string }[];
  /** Values with a local YAML tag that is not CloudFormation's (`!Rain::Embed x`); `!!str` and friends are YAML's own. */
  tags: Node[];
  /** The calls under each top-level entry, by its index in the root mapping (a duplicate section has its own). */
  bySection: Call[][];
}

type Collected = { calls: Call[]; unknown: { node: MapNode; name: string }[]; tags: Node[] };
const cache = new WeakMap<TemplateDocument, TemplateCalls>();
/**
 * The calls inside one resource entry. An entry the incremental parse kept is the same object,
 * offsets shifted in place, so its calls (which hold nodes, not offsets) are still right.
 */
const byEntry = new WeakMap<Pair, Collected>();

/** Sections that hold no functions to check (plain data or text). */
const SKIPPED = new Set(['Metadata', 'Mappings', 'Rules', 'Description', 'AWSTemplateFormatVersion']);

export function intrinsicCalls(doc: TemplateDocument, root: MapNode): TemplateCalls {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: TemplateCalls = { calls: [], unknown: [], tags: [], bySection: [] };
  const visit = (into: Collected, n: Node, section: string, inLoop: boolean, depth: number) => {
    if (depth > 200) return;
    if (n.tag?.startsWith('!') && !n.tag.startsWith('!!')) into.tags.push(n);
    if (n.kind === 'map') {
      const fn = intrinsicName(n);
      if (fn && !fn.startsWith('Fn::ForEach::')) {
        if (!INTRINSICS.has(fn) && fn !== 'Ref' && fn !== 'Condition') into.unknown.push({ node: n, name: fn });
        else into.calls.push({ fn, node: n, arg: n.pairs[0].value, section, inLoop, depth });
      }
      for (const p of n.pairs) visit(into, p.value, section, inLoop || keyText(p).startsWith('Fn::ForEach'), depth + 1);
    } else if (n.kind === 'seq') {
      for (const it of n.items) visit(into, it, section, inLoop, depth + 1);
    }
  };
  for (const p of root.pairs) {
    const s = keyText(p);
    const mine: Collected = { calls: [], unknown: [], tags: [] };
    out.bySection.push(mine.calls);
    if (SKIPPED.has(s)) continue;
    if (s !== 'Resources' || !isMap(p.value) || intrinsicName(p.value)) visit(mine, p.value, s, false, 0);
    else {
      // What visit does for the section mapping itself, then each entry (depth 1) from its own list.
      for (const e of p.value.pairs) {
        let entry = byEntry.get(e);
        if (!entry) {
          entry = { calls: [], unknown: [], tags: [] };
          visit(entry, e.value, s, keyText(e).startsWith('Fn::ForEach'), 1);
          byEntry.set(e, entry);
        }
        for (const c of entry.calls) mine.calls.push(c);
        for (const u of entry.unknown) mine.unknown.push(u);
        for (const t of entry.tags) mine.tags.push(t);
      }
    }
    for (const c of mine.calls) out.calls.push(c);
    for (const u of mine.unknown) out.unknown.push(u);
    for (const t of mine.tags) out.tags.push(t);
  }
  cache.set(doc, out);
  return out;
}
