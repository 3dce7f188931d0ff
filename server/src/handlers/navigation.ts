import {
  DocumentHighlightKind,
  LSPErrorCodes,
  ResponseError,
  type DefinitionParams,
  type DocumentHighlight,
  type DocumentHighlightParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TemplateDocument } from '../core/document';
import { definitionAt, highlightsAt, prepareRename, referencesAt, renameAt } from '../core/editing/references';
import type { Workspace } from '../workspace';
import { toRange } from './convert';

/** Templates only: AppSpec and buildspec files define no names that are referenced elsewhere. */
function template(ws: Workspace, documents: TextDocuments<TextDocument>, uri: string): TemplateDocument | undefined {
  const td = documents.get(uri);
  if (!td) return undefined;
  const { doc, kind } = ws.kindOf(td);
  return kind === 'cfn' || kind === 'sam' ? doc : undefined;
}

export function onDefinition(ws: Workspace, documents: TextDocuments<TextDocument>, p: DefinitionParams): Location | null {
  const doc = template(ws, documents, p.textDocument.uri);
  if (!doc) return null;
  const d = definitionAt(doc, doc.lines.offsetAt(p.position));
  return d ? { uri: p.textDocument.uri, range: toRange(doc, d.start, d.end) } : null;
}

export function onReferences(ws: Workspace, documents: TextDocuments<TextDocument>, p: ReferenceParams): Location[] {
  const doc = template(ws, documents, p.textDocument.uri);
  if (!doc) return [];
  return referencesAt(doc, doc.lines.offsetAt(p.position), p.context.includeDeclaration).map((o) => ({ uri: p.textDocument.uri, range: toRange(doc, o.start, o.end) }));
}

export function onDocumentHighlight(ws: Workspace, documents: TextDocuments<TextDocument>, p: DocumentHighlightParams): DocumentHighlight[] {
  const doc = template(ws, documents, p.textDocument.uri);
  if (!doc) return [];
  return highlightsAt(doc, doc.lines.offsetAt(p.position)).map((o) => ({ range: toRange(doc, o.start, o.end), kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function onPrepareRename(ws: Workspace, documents: TextDocuments<TextDocument>, p: PrepareRenameParams): { range: Range; placeholder: string } | ResponseError<void> | null {
  const doc = template(ws, documents, p.textDocument.uri);
  if (!doc) return null;
  const r = prepareRename(doc, doc.lines.offsetAt(p.position));
  if ('error' in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
  return { range: toRange(doc, r.start, r.end), placeholder: r.placeholder };
}

export function onRename(ws: Workspace, documents: TextDocuments<TextDocument>, p: RenameParams): WorkspaceEdit | ResponseError<void> | null {
  const doc = template(ws, documents, p.textDocument.uri);
  if (!doc) return null;
  const r = renameAt(doc, doc.lines.offsetAt(p.position), p.newName);
  if ('error' in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
  return { changes: { [p.textDocument.uri]: r.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.text })) } };
}
