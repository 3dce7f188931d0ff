/**
 * Reuse of per-entry findings across versions of one document. The editor re-lints on every
 * keystroke and an edit touches one resource entry, so the findings of checks that read only one
 * entry (schema validation of its Properties, its own attributes) are taken from the previous lint
 * when the entry's text and everything outside the Resources section are unchanged, shifted to the
 * entry's new offset. Checks across entries (Ref targets, cycles) always run.
 */
import type { TemplateDocument } from '../document/model';
import type { MapNode, Pair } from '../document/nodes';
import type { EntryMemo, FixData, RawFinding } from './types';

interface Stored {
  /** Offset of the entry's key when the findings were computed (last moved). */
  base: number;
  findings: RawFinding[];
}

/** Entry text (from its line start, so the indentation counts) → check code → findings. */
type Entries = Map<string, Map<string, Stored>>;

interface Generation {
  prev: Entries;
  cur: Entries;
  /**
   * Entries the incremental parse kept (the same Pair, shifted in place, so the same text): their
   * text key, copied out of the document's text so an old version's text is not kept alive.
   */
  kept: WeakMap<Pair, { key: string; byCode: Map<string, Stored> }>;
}

/** How many contexts (texts outside Resources) are kept: the current text and a fix's result. */
const MAX_CONTEXTS = 2;

/** One per open document (the language service keeps one per uri); lintDocument fills and reads it. */
export class LintCache {
  private readonly contexts = new Map<string, Generation>();

  /**
   * A memo for one lint whose per-entry findings depend on `context` besides the entry itself.
   * Entries not used by this lint or the previous one (in the same context) are dropped.
   */
  memo(doc: TemplateDocument, section: MapNode, context: string): EntryMemo {
    let g = this.contexts.get(context);
    if (g) {
      this.contexts.delete(context); // re-inserted last: the map's order is least recently used first
      if (g.cur.size) g = { prev: g.cur, cur: new Map(), kept: g.kept };
    } else g = { prev: new Map(), cur: new Map(), kept: new WeakMap() };
    this.contexts.set(context, g);
    while (this.contexts.size > MAX_CONTEXTS) this.contexts.delete(this.contexts.keys().next().value!);
    return new SectionMemo(doc, section, g);
  }
}

class SectionMemo implements EntryMemo {
  /** Each entry's findings by check, and the offset of its first line. */
  private readonly entries = new Map<Pair, { byCode: Map<string, Stored>; base: number }>();
  private positions?: Map<Pair, number>;

  constructor(private readonly doc: TemplateDocument, private readonly section: MapNode, private readonly gen: Generation) {}

  each<I extends { pair: Pair }, T extends RawFinding>(code: string, items: Iterable<I>, compute: (item: I) => T[]): T[] {
    const out: T[] = [];
    for (const item of items) {
      const at = this.entries.get(item.pair) ?? this.lookUp(item.pair);
      const hit = at?.byCode.get(code);
      if (hit) {
        // Unmoved findings are handed out as stored (nothing downstream changes a finding or its
        // data); moved ones are stored moved, so the next lint hands them out as they are.
        const d = at!.base - hit.base;
        if (d) {
          hit.findings = hit.findings.map((f) => shifted(f, d));
          hit.base = at!.base;
        }
        for (const f of hit.findings) out.push(f as T);
        continue;
      }
      const found = compute(item);
      at?.byCode.set(code, { base: at.base, findings: found.map((f) => shifted(f, 0)) });
      for (const f of found) out.push(f);
    }
    return out;
  }

  /**
   * The entry's text runs from its line start to the next entry's line start (or the section's
   * end); looked up once per lint (comparing it with the stored text costs its length), and not at
   * all for an entry the incremental parse kept. Equal texts have their keys at the same column,
   * so the key's offset places the findings.
   */
  private lookUp(entry: Pair): { byCode: Map<string, Stored>; base: number } | undefined {
    let slot = this.gen.kept.get(entry);
    if (!slot) {
      const { pairs } = this.section;
      this.positions ??= new Map(pairs.map((p, i) => [p, i]));
      const i = this.positions.get(entry);
      if (i === undefined) return undefined;
      const lineStart = (offset: number) => this.doc.lines.lineStart(this.doc.lines.positionAt(offset).line);
      const end = i + 1 < pairs.length ? lineStart(pairs[i + 1].start) : this.section.end;
      const text = this.doc.text.slice(lineStart(entry.start), Math.max(end, entry.end));
      const byCode = this.gen.cur.get(text) ?? this.gen.prev.get(text) ?? new Map<string, Stored>();
      slot = { key: (' ' + text).slice(1), byCode }; // a copy: a slice would hold on to the whole text
      this.gen.kept.set(entry, slot);
    }
    this.gen.cur.set(slot.key, slot.byCode);
    const at = { byCode: slot.byCode, base: entry.start };
    this.entries.set(entry, at);
    return at;
  }
}

/** A copy of a finding moved by `d` characters (its range and every offset in its fix data). */
function shifted<T extends RawFinding>(f: T, d: number): T {
  const out = { ...f, start: f.start + d, end: f.end + d };
  if (f.data) out.data = shiftedData(f.data, d);
  return out;
}

function shiftedData(x: FixData, d: number): FixData {
  switch (x.fix) {
    case 'replace':
    case 'deletePair':
      return { ...x, start: x.start + d, end: x.end + d };
    case 'insert':
      return { ...x, at: x.at + d };
    case 'addKeys': {
      const out = { ...x };
      if (x.sibling !== undefined) out.sibling = x.sibling + d;
      if (x.parent !== undefined) out.parent = x.parent + d;
      if (x.lastEnd !== undefined) out.lastEnd = x.lastEnd + d;
      return out;
    }
    case 'edits':
      return { ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + d, end: e.end + d })) };
  }
}
