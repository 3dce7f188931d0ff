import type { DefinitionParams, DocumentHighlight, DocumentHighlightParams, Location, PrepareRenameParams, Range, ReferenceParams, RenameParams, TextDocuments, WorkspaceEdit } from 'vscode-languageserver';
import { DocumentHighlightKind, LSPErrorCodes, ResponseError } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, TemplateDocument } from '../core';
import { toRange } from './convert';

/** The open document and its parse, for the position conversions. */
function open(service: LanguageService, documents: TextDocuments<TextDocument>, uri: string): { td: TextDocument; doc: TemplateDocument } | undefined {
  const td = documents.get(uri);
  return td ? { td, doc: service.parse(td) } : undefined;
}

export function onDefinition(service: LanguageService, documents: TextDocuments<TextDocument>, p: DefinitionParams): Location | null {
  const o = open(service, documents, p.textDocument.uri);
  if (!o) return null;
  const { td, doc } = o;
  const d = service.definition(td, doc.lines.offsetAt(p.position));
  return d ? { uri: p.textDocument.uri, range: toRange(doc, d.start, d.end) } : null;
}

export function onReferences(service: LanguageService, documents: TextDocuments<TextDocument>, p: ReferenceParams): Location[] {
  const o = open(service, documents, p.textDocument.uri);
  if (!o) return [];
  const { td, doc } = o;
  return service.references(td, doc.lines.offsetAt(p.position), p.context.includeDeclaration).map((o) => ({ uri: p.textDocument.uri, range: toRange(doc, o.start, o.end) }));
}

export function onDocumentHighlight(service: LanguageService, documents: TextDocuments<TextDocument>, p: DocumentHighlightParams): DocumentHighlight[] {
  const o = open(service, documents, p.textDocument.uri);
  if (!o) return [];
  const { td, doc } = o;
  return service.highlights(td, doc.lines.offsetAt(p.position)).map((o) => ({ range: toRange(doc, o.start, o.end), kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function onPrepareRename(service: LanguageService, documents: TextDocuments<TextDocument>, p: PrepareRenameParams): { range: Range; placeholder: string } | ResponseError<void> | null {
  const o = open(service, documents, p.textDocument.uri);
  if (!o) return null;
  const { td, doc } = o;
  const r = service.prepareRename(td, doc.lines.offsetAt(p.position));
  if (!r) return null;
  if ('error' in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
  return { range: toRange(doc, r.start, r.end), placeholder: r.placeholder };
}

export function onRename(service: LanguageService, documents: TextDocuments<TextDocument>, p: RenameParams): WorkspaceEdit | ResponseError<void> | null {
  const o = open(service, documents, p.textDocument.uri);
  if (!o) return null;
  const { td, doc } = o;
  const r = service.rename(td, doc.lines.offsetAt(p.position), p.newName);
  if (!r) return null;
  if ('error' in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
  return { changes: { [p.textDocument.uri]: r.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.text })) } };
}
