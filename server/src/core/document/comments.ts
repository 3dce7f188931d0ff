import { createScanner } from 'jsonc-parser';
import { Lexer } from 'yaml';
import { K as JSON_KIND } from './json';
import { parserText } from './lines';
import type { TemplateDocument } from './model';

export interface Comment {
  /** Offset of the comment marker (`#`, `//` or `/*`). */
  start: number;
  /** The comment's text, marker included. */
  text: string;
}

/** Lexer tokens that mark a mode and are not source text. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The real comments of a document, from the parsers' own tokens: a `#` inside a quoted string, a
 * block scalar or a plain scalar (`a#b`) is not a comment. YAML comments start with `#`; JSON files
 * (read as JSONC) have `//` and `/* … *\/` comments.
 */
export function commentsOf(doc: TemplateDocument): Comment[] {
  const out: Comment[] = [];
  if (doc.format === 'json') {
    const scanner = createScanner(doc.text, false);
    for (let k = scanner.scan(); k !== JSON_KIND.eof; k = scanner.scan()) {
      if (k === JSON_KIND.lineComment || k === JSON_KIND.blockComment) out.push({ start: scanner.getTokenOffset(), text: doc.text.substr(scanner.getTokenOffset(), scanner.getTokenLength()) });
    }
    return out;
  }
  let offset = 0;
  for (const token of new Lexer().lex(parserText(doc.text, 'yaml'))) {
    if (MARKERS.has(token)) continue;
    if (token[0] === '#') out.push({ start: offset, text: doc.text.slice(offset, offset + token.length) });
    offset += token.length;
  }
  return out;
}
