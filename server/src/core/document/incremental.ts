import { parserText } from './lines';
import type { TemplateDocument } from './model';
import type { MapNode, Node, Pair } from './nodes';
import { parseYamlCst } from './yamlCst';

/**
 * Re-parse after an edit by parsing only the second-level entry it touched (one resource, one
 * parameter, one output...) and reusing the rest of the tree, shifted. A 5,000-line template
 * costs ~50 ms to parse in full but a resource of a dozen lines well under 1 ms.
 * Returns undefined whenever the shortcut could be wrong; the caller then parses in full.
 * `keepOld`: `old` stays valid (entries after the edit are copied, not shifted in place), for a
 * trial text such as a quick fix's result while the editor still shows the old one.
 */
export function reparseIncrementally(old: TemplateDocument, text: string, version: number, keepOld = false): TemplateDocument | undefined {
  if (old.format !== 'yaml' || old.skipped || old.problems.length || old.duplicates.length) return undefined;
  const root = old.root;
  if (!root || root.kind !== 'map') return undefined;
  if (hasAnchors(old)) return undefined; // an alias elsewhere could point into the edited entry

  // The edited span, from the common prefix and suffix of the two texts.
  const a = old.text;
  const max = Math.min(a.length, text.length);
  let p = commonPrefix(a, text, max);
  const s = commonSuffix(a, text, max - p);
  let oldEnd = a.length - s;
  const delta = text.length - a.length;
  if (p === oldEnd) p = oldEnd = lineStartOfInsertion(text, p, delta);

  // The top-level section and its second-level entry that contain the whole edit.
  const secIndex = root.pairs.findIndex((x) => p >= x.start && oldEnd <= x.end);
  if (secIndex < 0) return undefined;
  const section = root.pairs[secIndex];
  const map = section.value;
  if (map.kind !== 'map' || map.short || p <= section.key.end) return undefined;
  const entryIndex = map.pairs.findIndex((x) => p >= x.start && oldEnd <= x.end + 1);
  if (entryIndex < 0) return undefined;
  const entry = map.pairs[entryIndex];

  // The entry's own lines: from its line start to the next sibling's line start (or the section's end).
  const lineStart = old.lines.lineStart(old.lines.positionAt(entry.key.start).line);
  if (a.slice(lineStart, entry.key.start).trim() !== '') return undefined; // flow or same-line layout
  const next = map.pairs[entryIndex + 1] ?? root.pairs[secIndex + 1];
  const regionEnd = next ? old.lines.lineStart(old.lines.positionAt(next.key.start).line) : a.length;
  // Lines inserted right after the entry (a quick fix adding keys) belong to it when they parse as part of it.
  const appended = p === oldEnd && p === regionEnd && /[\n\r]$/.test(text.slice(p, p + delta));
  if (p <= lineStart || (oldEnd >= regionEnd && !appended)) return undefined;

  const fragment = text.slice(lineStart, regionEnd + delta);
  if (/^[^\S\n\r\u2028\u2029]*(---|\.\.\.)/m.test(fragment)) return undefined; // (one line per try: linear)
  const parsed = parseYamlCst(parserText(fragment, 'yaml'));
  const fr = parsed.root;
  if (parsed.problems.length || parsed.duplicates.length || !fr || fr.kind !== 'map' || fr.pairs.length !== 1) return undefined;
  const newPair = shiftPair(fr.pairs[0], lineStart, false); // fragment offsets → document offsets
  const column = entry.key.start - lineStart;
  if (newPair.key.start - lineStart !== column) return undefined;
  const newKey = String(newPair.key.value ?? '');
  if (map.pairs.some((x, i) => i !== entryIndex && String(x.key.value ?? '') === newKey)) return undefined; // would be a duplicate

  const after = (n: { start: number }) => n.start >= oldEnd;
  const pairs = map.pairs.map((x, i) => (i === entryIndex ? newPair : i > entryIndex ? shiftPair(x, delta, keepOld) : x));
  const newMap: MapNode = { ...map, pairs, end: pairs[pairs.length - 1].end };
  const newSection: Pair = { ...section, value: newMap, end: newMap.end };
  const rootPairs = root.pairs.map((x, i) => (i === secIndex ? newSection : i > secIndex || after(x) ? shiftPair(x, delta, keepOld) : x));
  const newRoot: MapNode = { ...root, pairs: rootPairs, end: rootPairs[rootPairs.length - 1].end };
  return { ...old, version, text, lines: old.lines.edited(text, p, oldEnd), root: newRoot, problems: [], duplicates: [] };
}

/**
 * Lines inserted at a line start read as inserted after that line start's indentation too (the
 * common prefix takes the spaces both share); the same insertion moved back to the line start,
 * when it is one, lets the entry before it take the lines.
 */
function lineStartOfInsertion(text: string, p: number, delta: number): number {
  let q = p;
  while (q > 0 && text.charCodeAt(q - 1) === 32 && text.charCodeAt(q - 1) === text.charCodeAt(q - 1 + delta)) q--;
  const c = text.charCodeAt(q - 1);
  return q > 0 && q < p && (c === 10 || c === 13) ? q : p;
}

/**
 * Compared a block at a time (a native string compare), then character by character inside the
 * first block that differs: a keystroke in a 5,000-line file compares ~170,000 characters.
 */
const BLOCK = 512;

function commonPrefix(a: string, b: string, max: number): number {
  let p = 0;
  while (p + BLOCK <= max && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s + BLOCK <= max && a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

const anchored = new WeakMap<TemplateDocument, boolean>();

/** The text may define anchors (then aliases can tie entries together). Once per document: the lint asks too. */
export function hasAnchors(doc: TemplateDocument): boolean {
  let a = anchored.get(doc);
  if (a === undefined) anchored.set(doc, (a = /(^|[\s[{,:-])&[^\s&]/m.test(doc.text)));
  return a;
}

/**
 * Shift a subtree's offsets in place. The nodes belong to the previous version of the same
 * document, which the cache drops as this one replaces it; copying them instead doubled the
 * garbage per keystroke and showed up as GC pauses in the p95. `copy`: a shifted deep copy instead.
 */
function shiftPair(x: Pair, d: number, copy: boolean): Pair {
  if (d === 0) return x;
  if (copy) return copyPair(x, d);
  const stack: Node[] = [x.key, x.value];
  x.start += d;
  x.end += d;
  while (stack.length) {
    const n = stack.pop()!;
    n.start += d;
    n.end += d;
    if (n.kind === 'map') {
      for (const p of n.pairs) {
        p.start += d;
        p.end += d;
        stack.push(p.key, p.value);
      }
    } else if (n.kind === 'seq') for (const it of n.items) stack.push(it);
  }
  return x;
}

function copyPair(p: Pair, d: number): Pair {
  return { ...p, key: copyNode(p.key, d), value: copyNode(p.value, d), start: p.start + d, end: p.end + d };
}

function copyNode<N extends Node>(n: N, d: number): N {
  const c = { ...n, start: n.start + d, end: n.end + d };
  if (c.kind === 'map') c.pairs = c.pairs.map((p) => copyPair(p, d));
  else if (c.kind === 'seq') c.items = c.items.map((it) => copyNode(it, d));
  return c;
}
