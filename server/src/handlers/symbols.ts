import type { DocumentSymbol, DocumentSymbolParams, TextDocuments } from 'vscode-languageserver';
import { SymbolKind } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, OutlineSymbol, TemplateDocument } from '../core';
import type { SymbolKind as CoreKind } from '../core/editing/symbols';
import { toRange } from './convert';

const KINDS: Record<CoreKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  parameter: SymbolKind.Variable,
  resource: SymbolKind.Object,
  condition: SymbolKind.Boolean,
  mapping: SymbolKind.Struct,
  output: SymbolKind.Property,
  global: SymbolKind.Module,
  key: SymbolKind.Key,
  hook: SymbolKind.Event,
  phase: SymbolKind.Event,
  item: SymbolKind.Field,
};

export function onDocumentSymbol(service: LanguageService, documents: TextDocuments<TextDocument>, params: DocumentSymbolParams): DocumentSymbol[] | null {
  const td = documents.get(params.textDocument.uri);
  if (!td) return null;
  const doc = service.parse(td);
  return service.symbols(td)?.map((s) => toLsp(doc, s)) ?? null;
}

function toLsp(doc: TemplateDocument, s: OutlineSymbol): DocumentSymbol {
  const range = toRange(doc, s.start, s.end);
  // The selection must lie inside the range (clients reject symbols where it does not).
  const selStart = Math.max(s.start, Math.min(s.selectionStart, s.end));
  const selEnd = Math.max(selStart, Math.min(s.selectionEnd, s.end));
  return {
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: KINDS[s.kind],
    range,
    selectionRange: toRange(doc, selStart, selEnd),
    children: s.children.map((c) => toLsp(doc, c)),
  };
}
