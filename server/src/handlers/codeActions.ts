import type { CodeAction, CodeActionParams, TextDocuments, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core';
import { EXPLAIN_FINDING_COMMAND } from '../core/protocol';
import { toRange } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.awsNotes`;

/**
 * Quick fixes come from the findings of the current version (cached), so a fix is never built
 * from offsets of an older text; each finding's `data` decides the edits.
 */
export function onCodeAction(service: LanguageService, documents: TextDocuments<TextDocument>, params: CodeActionParams): CodeAction[] {
  const td = documents.get(params.textDocument.uri);
  if (!td) return [];
  const doc = service.parse(td);
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const out: CodeAction[] = [];
  const uri = td.uri;
  if (wantsQuickFix) {
    const range = { start: doc.lines.offsetAt(params.range.start), end: doc.lines.offsetAt(params.range.end) };
    for (const { finding: f, fixes } of service.fixes(td, range)) {
      const diagnostic = params.context.diagnostics.find((d) => d.code === f.code && doc.lines.offsetAt(d.range.start) === f.start);
      for (const fix of fixes) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.preferred,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          edit: { changes: { [uri]: fix.edits.map((e): TextEdit => ({ range: toRange(doc, e.start, e.end), newText: e.text })) } },
        });
      }
      // Next to the fixes: what the user's notes say about the finding's topic, when they say something.
      if (service.explainFinding(f.code)?.passages.length) {
        out.push({
          title: `Explain ${f.code} from my notes`,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          command: { title: 'Explain from my notes', command: EXPLAIN_FINDING_COMMAND, arguments: [f.code] },
        });
      }
    }
  }
  if (wantsFixAll) {
    // The preferred fix of each finding, applied and re-checked pass by pass, as a single edit.
    const { applied, doc: fixed } = service.fixAll(td);
    if (applied.length && fixed.text !== doc.text) {
      const text = fixed.text;
      out.push({
        title: 'Fix all AWS Notes problems',
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: [{ range: toRange(doc, 0, doc.text.length), newText: text }] } },
      });
    }
  }
  return out;
}
