/**
 * The one module of the server that takes values (enums, classes, functions) from
 * vscode-languageserver. The package is CommonJS: an `import` of it makes esbuild copy its whole
 * export object (hundreds of getters, about 3 ms at every start) into an ES-module-shaped one, so
 * it is taken whole (`import … = require`, as server code takes Node's modules) and only the names
 * below are read from it. Types may still come from the package directly (they are erased).
 * test/unit/architecture.test.ts keeps it that way.
 */
import lsp = require('vscode-languageserver/node');

export const {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentHighlightKind,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} = lsp;

// The names also used as types (a `const` carries no type).
export type CompletionItemKind = lsp.CompletionItemKind;
export type DiagnosticSeverity = lsp.DiagnosticSeverity;
export type SymbolKind = lsp.SymbolKind;
export type ResponseError<D = void> = lsp.ResponseError<D>;
