/**
 * The one module of the server that takes values (enums, classes, functions) from
 * vscode-languageserver. The package is CommonJS: an `import` of it makes esbuild copy its whole
 * export object (hundreds of getters, about 3 ms at every start) into an ES-module-shaped one, so
 * it is `require`d and only the names below are read from it. Types may still come from the
 * package directly (they are erased). test/unit/architecture.test.ts keeps it that way.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lsp = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');

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
export type CompletionItemKind = import('vscode-languageserver/node').CompletionItemKind;
export type DiagnosticSeverity = import('vscode-languageserver/node').DiagnosticSeverity;
export type SymbolKind = import('vscode-languageserver/node').SymbolKind;
export type ResponseError<D = void> = import('vscode-languageserver/node').ResponseError<D>;
