import type { Hover, HoverParams, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core';
import { toRange } from './convert';

/**
 * The language service's explanation of the term under the cursor: in templates the spec line,
 * then the knowledge base and the user's notes; in notes files, the knowledge-base entry. The CLI's
 * `explain --file --line --column` prints the same `explainAt`.
 */
export function onHover(service: LanguageService, documents: TextDocuments<TextDocument>, params: HoverParams): Hover | null {
  const td = documents.get(params.textDocument.uri);
  if (!td) return null;
  const ex = service.explainAt(td, td.offsetAt(params.position));
  if (!ex) return null;
  const doc = service.parse(td);
  return { contents: { kind: MarkupKind.Markdown, value: ex.markdown }, ...(ex.start !== undefined ? { range: toRange(doc, ex.start, ex.end ?? ex.start) } : {}) };
}
