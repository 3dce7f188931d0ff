import type { Range } from 'vscode-languageserver';
import { DiagnosticSeverity } from '../lsp';
import type { TemplateDocument } from '../core/document';
import type { Severity } from '../core/rules/types';

export function toRange(doc: TemplateDocument, start: number, end: number): Range {
  return { start: doc.lines.positionAt(start), end: doc.lines.positionAt(Math.max(start, end)) };
}

export function toSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}
