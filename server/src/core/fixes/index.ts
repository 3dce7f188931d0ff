import { locate } from '../document/locate';
import type { TemplateDocument } from '../document/model';
import { eol, lineOf } from '../document/text';
import type { Finding, FixData } from '../rules/types';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface FixAction {
  title: string;
  edits: TextEdit[];
  /** The single obvious fix (the only did-you-mean candidate): editors may apply it with one key. */
  preferred: boolean;
}

/** Build the text edits for a finding from its `data` alone (never from its message). */
export function fixesFor(doc: TemplateDocument, f: Pick<Finding, 'data'>): FixAction[] {
  const d = f.data;
  if (!d) return [];
  const actions = actionsFor(doc, d);
  return d.optIn ? actions.map((a) => ({ ...a, preferred: false })) : actions;
}

function actionsFor(doc: TemplateDocument, d: FixData): FixAction[] {
  switch (d.fix) {
    case 'replace': {
      // Renaming a key to one its mapping already has would make a duplicate key (the earlier value silently lost).
      const taken = siblingKeys(doc, d.start, d.end);
      return d.candidates.filter((c) => !taken.has(c)).map((c) => ({
        title: `Change to '${c}'`,
        edits: [replaceKeepingQuotes(doc.text, d.start, d.end, c)],
        preferred: d.candidates.length === 1,
      }));
    }
    case 'insert':
      return [{ title: d.title, edits: [{ start: d.at, end: d.at, text: d.text }], preferred: true }];
    case 'deletePair':
      return [{ title: `Remove '${d.key}'`, edits: [deletePair(doc, d.start, d.end)], preferred: false }];
    case 'addKeys': {
      const e = addKeys(doc, d);
      return e ? [{ title: `Add ${d.keys.map((k) => `'${k}'`).join(', ')}`, edits: [e], preferred: true }] : [];
    }
    case 'edits':
      return [{ title: d.title, edits: d.edits.map((e) => ({ ...e })), preferred: true }];
  }
}

/** Apply non-overlapping edits (later ones first so offsets stay valid). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.end > lastStart) continue; // overlapping: skip rather than corrupt
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

function replaceKeepingQuotes(text: string, start: number, end: number, value: string): TextEdit {
  const q = text[start];
  if ((q === '"' || q === "'") && text[end - 1] === q && end - start >= 2 && !/^['"]/.test(value)) {
    return { start: start + 1, end: end - 1, text: q === "'" ? value.replace(/'/g, "''") : value.replace(/["\\]/g, '\\$&') };
  }
  return { start, end, text: value };
}

/** The other keys of the mapping whose key spans [start, end) (empty when that range is not a key). */
function siblingKeys(doc: TemplateDocument, start: number, end: number): Set<string> {
  const { steps, onKey } = locate(doc.root, start);
  const pair = steps[steps.length - 1]?.pair;
  const parent = steps[steps.length - 2]?.node;
  if (!onKey || !pair || pair.key.start !== start || pair.key.end !== end || parent?.kind !== 'map') return new Set();
  return new Set(parent.pairs.filter((p) => p !== pair).map((p) => String(p.key.value ?? '')));
}

/** Remove a `key: value` entry. YAML: its whole lines. JSON: the member and one adjoining comma. */
function deletePair(doc: TemplateDocument, start: number, end: number): TextEdit {
  const text = doc.text;
  if (doc.format === 'json') {
    let e = end;
    while (e < text.length && /[ \t]/.test(text[e])) e++;
    if (text[e] === ',') {
      e++;
      while (e < text.length && /\s/.test(text[e])) e++;
      return { start, end: e, text: '' };
    }
    let s = start;
    while (s > 0 && /\s/.test(text[s - 1])) s--;
    if (text[s - 1] === ',') s--;
    return { start: s, end, text: '' };
  }
  const first = lineOf(doc, start);
  const last = lineOf(doc, Math.max(start, end - 1));
  const onlyOnLines = text.slice(first.start, start).trim() === '' || /^\s*-\s*$/.test(text.slice(first.start, start));
  if (!onlyOnLines) return { start, end, text: '' };
  const nextLineStart = last.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(last.line + 1) : text.length;
  return { start: first.start, end: nextLineStart, text: '' };
}

function addKeys(doc: TemplateDocument, d: Extract<FixData, { fix: 'addKeys' }>): TextEdit | undefined {
  const text = doc.text;
  const nl = eol(text);
  if (doc.format === 'json') {
    if (d.lastEnd === undefined || d.sibling === undefined) return undefined;
    const indent = text.slice(lineOf(doc, d.sibling).start, d.sibling);
    const pad = /^\s*$/.test(indent) ? indent : ' ';
    return { start: d.lastEnd, end: d.lastEnd, text: d.keys.map((k) => `,${nl}${pad}"${k}": ""`).join('') };
  }
  if (d.sibling !== undefined && d.lastEnd !== undefined) {
    const l = lineOf(doc, d.sibling);
    // The first key of a list item (`- Key: v`) sets the indentation of the item's other keys.
    const indent = text.slice(l.start, d.sibling).replace(/^(\s*)-(\s+)$/, (_, a: string, b: string) => `${a} ${b}`);
    if (!/^\s*$/.test(indent)) return undefined; // flow mapping on one line: leave it to the user
    const at = lineOf(doc, Math.max(d.sibling, d.lastEnd - 1)).end;
    return { start: at, end: at, text: d.keys.map((k) => `${nl}${indent}${k}: ""`).join('') };
  }
  if (d.parent !== undefined) {
    const l = lineOf(doc, d.parent);
    const indent = text.slice(l.start, d.parent).replace(/[^\s]/g, ' ') + '  ';
    const rest = text.slice(d.parent, l.end);
    const colon = rest.indexOf(':');
    if (colon < 0) return undefined;
    const afterColon = rest.slice(colon + 1).trim();
    if (afterColon !== '' && afterColon !== '{}' && !afterColon.startsWith('#')) return undefined;
    const start = afterColon === '{}' ? d.parent + rest.indexOf('{}') : l.end;
    const end = afterColon === '{}' ? start + 2 : l.end;
    return { start, end, text: d.keys.map((k) => `${nl}${indent}${k}: ""`).join('') };
  }
  return undefined;
}
