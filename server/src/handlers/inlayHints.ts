import type { InlayHint, InlayHintParams, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core';

/** Inlay hints for the visible range: CIDR ranges in templates, hook run order in AppSpec files. */
export function onInlayHints(service: LanguageService, documents: TextDocuments<TextDocument>, params: InlayHintParams): InlayHint[] {
  const td = documents.get(params.textDocument.uri);
  if (!td) return [];
  const doc = service.parse(td);
  const range = { start: doc.lines.offsetAt(params.range.start), end: doc.lines.offsetAt(params.range.end) };
  return service.hints(td, range).map((h) => ({
    position: doc.lines.positionAt(h.offset),
    label: h.label,
    paddingLeft: true,
    ...(h.tooltip ? { tooltip: { kind: MarkupKind.Markdown, value: h.tooltip } } : {}),
  }));
}
