import type { Hover, HoverParams, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/hover';
import { termAt } from '../core/termAt';
import type { NotesService } from '../notesService';
import { isNotesLanguage, type Workspace } from '../workspace';
import { toRange } from './convert';

/**
 * Template hovers: the spec line from core, then the knowledge-base explanation and the best
 * passages of the user's notes. In notes files themselves: the explanation of the term under
 * the cursor.
 */
export function onHover(ws: Workspace, notes: NotesService, documents: TextDocuments<TextDocument>, params: HoverParams): Hover | null {
  const td = documents.get(params.textDocument.uri);
  if (!td) return null;
  if (isNotesLanguage(td.languageId)) {
    const text = td.getText();
    const offset = td.offsetAt(params.position);
    const term = termAt(text, offset);
    if (!term) return null;
    const ex = notes.explain(term);
    if (!ex.entryId) return null; // in prose, only terms the knowledge base knows deserve a hover
    return { contents: { kind: MarkupKind.Markdown, value: ex.markdown } };
  }
  const { doc, kind } = ws.kindOf(td);
  if (!kind) return null;
  const h = hoverAt(doc, kind, doc.lines.offsetAt(params.position));
  if (!h) return null;
  const ex = notes.explain(h.term, h.context);
  const extra = ex.entryId || ex.passages.length ? `\n\n---\n\n${ex.markdown}` : '';
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown + extra }, range: toRange(doc, h.start, h.end) };
}
