/** Offset ⇄ line/character conversion over the original text (0-based, UTF-16 units, like LSP). */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
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

