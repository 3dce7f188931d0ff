/**
 * Small text helpers for fixes that the generic FixData kinds cannot express (add a top-level key,
 * quote a command, turn a mapping into a list item). Shared by the appspec and buildspec rules.
 * Every helper returns undefined when the text is not in the plain block style it understands, so a
 * fix is offered only where it is sure to be right.
 */
import type { TemplateDocument } from '../document/model';
import { isScalar, type MapNode, type Node } from '../document/nodes';
import { eol, indentBefore, lineOf, oneLine } from '../document/text';
import type { FixData } from './types';

type Edit = { start: number; end: number; text: string };

/**
 * Add `key: value` as the first entry of the root mapping: before the first key in YAML (so leading
 * comments and `---` stay on top), right after `{` in JSON. `jsonValue` is the JSON spelling.
 */
export function addTopLevelKey(doc: TemplateDocument, root: MapNode, key: string, yamlValue: string, jsonValue: string, title: string): FixData | undefined {
  const nl = eol(doc.text);
  const first = root.pairs[0];
  if (doc.format === 'json') {
    if (doc.text[root.start] !== '{') return undefined;
    if (!first) return { fix: 'edits', title, edits: [{ start: root.start + 1, end: root.start + 1, text: `${nl}  "${key}": ${jsonValue}${nl}` }] };
    const indent = indentBefore(doc, first.key.start) ?? '  ';
    const sameLine = lineOf(doc, first.key.start).line === lineOf(doc, root.start).line;
    const text = sameLine ? ` "${key}": ${jsonValue},` : `${nl}${indent}"${key}": ${jsonValue},`;
    return { fix: 'edits', title, edits: [{ start: root.start + 1, end: root.start + 1, text }] };
  }
  if (!first) {
    // `{}` or an empty document: write the key on its own.
    if (doc.text.slice(root.start, root.end).trim() === '{}') return { fix: 'edits', title, edits: [{ start: root.start, end: root.end, text: `${key}: ${yamlValue}` }] };
    return undefined;
  }
  const indent = indentBefore(doc, first.key.start);
  if (indent !== '') return undefined; // flow mapping or indented root: leave it to the user
  const at = lineOf(doc, first.key.start).start;
  return { fix: 'edits', title, edits: [{ start: at, end: at, text: `${key}: ${yamlValue}${nl}` }] };
}

/** Insert `key: value` on a new line right after the entry `after` of a block mapping, at its indentation. */
export function addKeyAfter(doc: TemplateDocument, after: { key: { start: number }; end: number }, key: string, value: string, title: string): FixData | undefined {
  if (doc.format === 'json') return undefined;
  const indent = indentBefore(doc, after.key.start);
  if (indent === undefined) return undefined;
  const at = lineOf(doc, Math.max(after.key.start, after.end - 1)).end;
  return { fix: 'edits', title, edits: [{ start: at, end: at, text: `${eol(doc.text)}${indent}${key}: ${value}` }] };
}

/** YAML single-quoted form of `s`: only `'` needs escaping (doubled); backslashes stay literal. */
export function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Quote a one-line YAML node exactly as written, so YAML reads the whole text as one string
 * (`- echo a: b` becomes `- 'echo a: b'`). Undefined for multi-line text, JSON, or text that would
 * read differently once quoted.
 */
export function quoteNodeText(doc: TemplateDocument, n: Node): Edit | undefined {
  if (doc.format === 'json' || !oneLine(doc, n)) return undefined;
  const raw = doc.text.slice(n.start, n.end);
  if (!raw.trim() || /[\r\n]/.test(raw)) return undefined;
  // A trailing comment is outside the node's range; anything else odd (anchors, tags) we leave alone.
  if (/^[&!*]/.test(raw)) return undefined;
  return { start: n.start, end: n.end, text: singleQuoted(raw) };
}

/**
 * Turn a block mapping written without a dash into one list item:
 *   AfterInstall:            AfterInstall:
 *     location: a.sh    →      - location: a.sh
 *     timeout: 30                timeout: 30
 * Only for one-line entries in block style.
 */
export function mappingToListItem(doc: TemplateDocument, map: MapNode): Edit[] | undefined {
  if (doc.format === 'json' || !map.pairs.length) return undefined;
  const indent = indentBefore(doc, map.pairs[0].key.start);
  if (indent === undefined) return undefined;
  const edits: Edit[] = [];
  for (const [i, p] of map.pairs.entries()) {
    if (!oneLine(doc, p) || indentBefore(doc, p.key.start) !== indent) return undefined;
    edits.push({ start: p.key.start, end: p.key.start, text: i === 0 ? '- ' : '  ' });
  }
  return edits;
}

/**
 * Make a whole block mapping (any depth) one list item: `- ` before its first key and two more
 * spaces before every following line of the block.
 *   Resources:              Resources:
 *     TargetService:    →     - TargetService:
 *       Type: X                   Type: X
 */
export function blockToListItem(doc: TemplateDocument, map: MapNode): Edit[] | undefined {
  if (doc.format === 'json' || !map.pairs.length) return undefined;
  const first = map.pairs[0].key;
  const indent = indentBefore(doc, first.start);
  if (indent === undefined || /\t/.test(indent)) return undefined;
  const edits: Edit[] = [{ start: first.start, end: first.start, text: '- ' }];
  const firstLine = lineOf(doc, first.start).line;
  const lastLine = lineOf(doc, Math.max(map.start, map.end - 1)).line;
  for (let l = firstLine + 1; l <= lastLine; l++) {
    const start = doc.lines.lineStart(l);
    const text = doc.text.slice(start, doc.lines.lineEnd(l));
    if (!text.trim()) continue;
    if (!text.startsWith(indent) || /^\t/.test(text.slice(indent.length))) return undefined;
    edits.push({ start, end: start, text: '  ' });
  }
  return edits;
}

/**
 * Turn each entry of a block mapping into its own one-key list item (ECS/Lambda hooks written as a
 * mapping): `BeforeInstall: fn` → `- BeforeInstall: fn`.
 */
export function mappingToListOfPairs(doc: TemplateDocument, map: MapNode): Edit[] | undefined {
  if (doc.format === 'json' || !map.pairs.length) return undefined;
  const indent = indentBefore(doc, map.pairs[0].key.start);
  if (indent === undefined) return undefined;
  const edits: Edit[] = [];
  for (const p of map.pairs) {
    if (!oneLine(doc, p) || indentBefore(doc, p.key.start) !== indent) return undefined;
    edits.push({ start: p.key.start, end: p.key.start, text: '- ' });
  }
  return edits;
}

/**
 * Make a one-line scalar value a one-item block list under its key:
 *   commands: npm test   →   commands:
 *                              - npm test
 */
export function scalarToList(doc: TemplateDocument, keyStart: number, value: Node): Edit | undefined {
  if (doc.format === 'json' || !isScalar(value) || value.value === null || !oneLine(doc, value)) return undefined;
  const indent = indentBefore(doc, keyStart);
  if (indent === undefined) return undefined;
  const raw = doc.text.slice(value.start, value.end);
  if (/^[|>]/.test(raw)) return undefined;
  let start = value.start;
  while (start > keyStart && /[ \t]/.test(doc.text[start - 1])) start--; // no trailing blank after the colon
  return { start, end: value.end, text: `${eol(doc.text)}${indent}  - ${raw}` };
}

/** Text of the whole lines a node covers, and the range of those lines including the line break. */
export function wholeLines(doc: TemplateDocument, start: number, end: number): { start: number; end: number; text: string } {
  const first = lineOf(doc, start);
  const last = lineOf(doc, Math.max(start, end - 1));
  const next = last.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(last.line + 1) : doc.text.length;
  return { start: first.start, end: next, text: doc.text.slice(first.start, next) };
}

/** Re-indent block lines from one indentation width to another (spaces only). */
export function reindent(text: string, from: number, to: number): string | undefined {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  for (const l of lines) {
    if (!l.trim()) {
      out.push(l);
      continue;
    }
    const lead = /^ */.exec(l)![0].length;
    if (lead < from || /^\t/.test(l)) return undefined;
    out.push(' '.repeat(to) + l.slice(from));
  }
  return out.join('');
}

/** A value that a pipeline or template engine fills in later: `<TASK_DEFINITION>`, `${VAR}`, `{{x}}`, `#{x}`. */
export function isPlaceholder(n: Node | null | undefined): boolean {
  if (!isScalar(n) || typeof n.value !== 'string') return false;
  return /^\s*(<[^<>]+>|\$\{[^}]+\}|\{\{[^}]+\}\}|#\{[^}]+\})\s*$/.test(n.value);
}
