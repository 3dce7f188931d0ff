import type { Hover, HoverParams, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/hover';
import type { Workspace } from '../workspace';
import { toRange } from './convert';

export function onHover(ws: Workspace, documents: TextDocuments<TextDocument>, params: HoverParams): Hover | null {
  const td = documents.get(params.textDocument.uri);
  if (!td) return null;
  const kind = ws.lint(td).kind;
  if (!kind) return null;
  const doc = ws.parsed(td);
  const h = hoverAt(doc, kind, doc.lines.offsetAt(params.position));
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.start, h.end) };
}
