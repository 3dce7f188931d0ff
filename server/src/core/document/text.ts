/** Line and line-break facts of a document's text that edits need (where a line starts, its indentation). */
import type { TemplateDocument } from './model';

/** The line break the text already uses, so an edit does not mix styles. */
export function eol(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r'; // CR-only (classic Mac) files
  return '\n';
}

export function lineOf(doc: TemplateDocument, offset: number): { line: number; start: number; end: number } {
  const line = doc.lines.positionAt(offset).line;
  return { line, start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
}

/** The whitespace before `offset` on its line, or undefined when something else comes first. */
export function indentBefore(doc: TemplateDocument, offset: number): string | undefined {
  const l = lineOf(doc, offset);
  const before = doc.text.slice(l.start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** A node fits on one line (start and end on the same line). */
export function oneLine(doc: TemplateDocument, n: { start: number; end: number }): boolean {
  return doc.lines.positionAt(n.start).line === doc.lines.positionAt(Math.max(n.start, n.end - 1)).line;
}
