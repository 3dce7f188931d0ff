/**
 * The one module of the server that takes values (enums, classes, functions) from
 * vscode-languageserver. The package is CommonJS: esbuild copies its whole export object (hundreds
 * of getters) into every bundled module that imports a value from it, so nine importers made nine
 * copies on every start. Types may still come from the package directly (they are erased).
 * test/unit/architecture.test.ts keeps it that way.
 */
export {
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
} from 'vscode-languageserver/node';
