import type { CompletionItem, CompletionList, CompletionParams, TextDocuments } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, TemplateDocument } from '../core';
import type { CompletionItem as CoreItem, CompletionKind } from '../core/editing/types';
import { toRange } from './convert';

/** Characters after which the editor asks for completion on its own. */
export const COMPLETION_TRIGGERS = [':', ' ', '!', '.', '$', '{', '[', ',', '-', '"'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  type: CompletionItemKind.Class,
  property: CompletionItemKind.Property,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  attribute: CompletionItemKind.Field,
  resource: CompletionItemKind.Reference,
  parameter: CompletionItemKind.Variable,
  condition: CompletionItemKind.Constant,
  mapping: CompletionItemKind.Struct,
  mapKey: CompletionItemKind.Field,
  function: CompletionItemKind.Function,
  pseudo: CompletionItemKind.Constant,
  variable: CompletionItemKind.Variable,
  hook: CompletionItemKind.Event,
  phase: CompletionItemKind.Event,
};

export function onCompletion(service: LanguageService, documents: TextDocuments<TextDocument>, params: CompletionParams): CompletionList | null {
  const td = documents.get(params.textDocument.uri);
  if (!td) return null;
  const doc = service.parse(td);
  const offset = doc.lines.offsetAt(params.position);
  const result = service.complete(td, offset);
  if (!result) return null;
  return { isIncomplete: result.isIncomplete, items: result.items.map((i) => toLspItem(doc, offset, i)) };
}

function toLspItem(doc: TemplateDocument, offset: number, i: CoreItem): CompletionItem {
  const newText = i.insertText ?? i.label;
  const item: CompletionItem = { label: i.label, kind: KINDS[i.kind] };
  if (i.detail) item.detail = i.detail;
  if (i.documentation) item.documentation = { kind: MarkupKind.Markdown, value: i.documentation };
  if (i.sortText) item.sortText = i.sortText;
  if (i.filterText) item.filterText = i.filterText;
  if (i.isSnippet) item.insertTextFormat = InsertTextFormat.Snippet;
  // A replace range must stay on the cursor's line and contain the cursor.
  const r = i.replace;
  if (r && r.start <= offset && r.end >= offset && !/[\r\n]/.test(doc.text.slice(r.start, r.end))) item.textEdit = { range: toRange(doc, r.start, r.end), newText };
  else item.insertText = newText;
  if (i.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  if (i.docRef) item.data = { docRef: i.docRef };
  return item;
}

/** Documentation that is costly to build for every item (resource types) comes when one is selected. */
export function onCompletionResolve(service: LanguageService, item: CompletionItem): CompletionItem {
  const ref = (item.data as { docRef?: string } | undefined)?.docRef;
  if (!ref || item.documentation) return item;
  const value = service.completionDocumentation(ref);
  return value ? { ...item, documentation: { kind: MarkupKind.Markdown, value } } : item;
}
