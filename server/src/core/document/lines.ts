import { firstAtLeast } from '../sorted';

/** Offset ⇄ line/character conversion over the original text (0-based, UTF-16 units, like LSP). */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string, starts?: number[]) {
    this.starts = starts ?? lineStarts(text, 0, text.length, [0]);
  }

  /**
   * The index of `text`, which is this index's text with [from, oldEnd) replaced: a keystroke in a
   * long file rescans the edited lines only. A line start depends on the two characters around it
   * (CR, LF, CRLF), so starts before `from` stand and those after the edit move by the length change.
   */
  edited(text: string, from: number, oldEnd: number): LineIndex {
    const old = this.starts;
    const delta = text.length - this.text.length;
    const before = Math.max(1, firstAtLeast(old, from));
    const after = firstAtLeast(old, oldEnd + 1);
    const until = after < old.length ? old[after] + delta : Infinity;
    const starts = lineStarts(text, Math.max(0, from - 1), Math.min(text.length, until - 1), old.slice(0, before));
    while (starts[starts.length - 1] >= until) starts.pop(); // a CRLF at the boundary is counted below
    for (let i = after; i < old.length; i++) starts.push(old[i] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const lineEnd = this.lineEnd(pos.line);
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), lineEnd);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let e = next;
    if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 10) e--;
    if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** `starts` plus the start of every line after a line break at [from, to) of `text`. */
function lineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The text the parsers read: same length, so every offset is the document's. A lone CR is a line
 * break (YAML 1.2 and JSON say so; the parsers do not). A JSON file's BOM becomes a space; the YAML
 * parser reads a BOM itself, and a space there would indent the first line.
 */
export function parserText(text: string, format: 'yaml' | 'json'): string {
  let t = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  if (format === 'json' && t.charCodeAt(0) === 0xfeff) t = ' ' + t.slice(1);
  return t;
}

