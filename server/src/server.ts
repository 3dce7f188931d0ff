import type { Connection } from 'vscode-languageserver/node';
import { CodeActionKind, createConnection, DidChangeConfigurationNotification, MessageType, ShowMessageNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from './lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { FIX_ALL_KIND, onCodeAction } from './handlers/codeActions';
import { DiagnosticsScheduler } from './handlers/diagnostics';
import { onHover } from './handlers/hover';
import { COMPLETION_TRIGGERS, onCompletion, onCompletionResolve } from './handlers/completion';
import { onDefinition, onDocumentHighlight, onPrepareRename, onReferences, onRename } from './handlers/navigation';
import { onDocumentSymbol } from './handlers/symbols';
import { onInlayHints } from './handlers/inlayHints';
import { stdioConnection } from './stdio';
import { createLanguageService, templateFileReader } from './core';
import { DOCUMENT_KIND_REQUEST, EXPLAIN, EXPLAIN_FINDING, NOTES_CONFIG, NOTES_PROGRESS, READ_NOTES_CONFIG, SEARCH_NOTES, TEMPLATE_VIEW, type NotesConfig } from './core/protocol';
import { onTemplateView } from './handlers/templateView';
import { VERSION } from './core/version';
import { mark } from './startupTrace';
import { onNotification, onRequest, sendNotification } from './handlers/protocol';
import { NotesService } from './notesService';
import { checkNotesConfig, checkSettings, DEFAULT_SETTINGS, serviceSettings, type Settings } from './workspace';

/** Wire a connection to the handlers. Exported so tests can run the server over in-memory streams. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const notes = new NotesService();
  notes.onLog = (m) => connection.console.info(m);
  const service = createLanguageService({
    notes: notes.index,
    displayPath: (f) => notes.displayPath(f),
    linkFor: (f, line) => notes.linkFor(f, line),
    onRuleError: (code, e) => connection.console.error(`rule ${code} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
    // Nested stack templates beside the open one, under the same size limit as open files.
    readFile: (f) => templateFileReader(service.settings.maxBytes)(f),
  });
  let settings: Settings = DEFAULT_SETTINGS;
  const reported = new Set<string>();
  const updateSettings = (s: unknown) => {
    const checked = checkSettings(s);
    settings = checked.settings;
    service.configure(serviceSettings(settings));
    // Each bad value is said once (not on every configuration change), in the log and to the user.
    for (const p of checked.problems.filter((x) => !reported.has(x))) {
      reported.add(p);
      connection.console.warn(p);
      // A notification, not showWarningMessage's request: nothing to await, nothing to reject.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `AWS Notes: ${p}` });
    }
  };
  const diagnostics = new DiagnosticsScheduler(connection, documents, service, () => settings.validate.enable);
  notes.onProgress = (p) => sendNotification(connection, NOTES_PROGRESS, p);
  let canPullConfig = false;
  let initialNotes: NotesConfig = { roots: [], patterns: [] };

  connection.onInitialize((params) => {
    mark('initialize');
    canPullConfig = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as { settings?: Partial<Settings>; notes?: NotesConfig } | undefined;
    if (init?.settings) updateSettings(init.settings);
    // Without a notes configuration from the client, index the defaults under the workspace folders.
    const roots = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri && !params.workspaceFolders ? [params.rootUri] : []);
    initialNotes = checkNotesConfig(init?.notes) ?? { roots: roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)), patterns: [] };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'aws-notes', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    void pullNotesConfig();
    if (canPullConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      void pullSettings();
    }
  });

  async function pullSettings(): Promise<void> {
    try {
      const s = (await connection.workspace.getConfiguration('awsNotes')) as Partial<Settings> | null;
      if (s) updateSettings(s);
      diagnostics.revalidateAll();
    } catch {
      // Clients without configuration support keep the defaults.
    }
  }

  /**
   * Notes settings are read from the client on every start: initialization options are fixed when
   * the extension activates, so after a server restart they would be stale. Clients that do not
   * answer keep the initialization options.
   */
  async function pullNotesConfig(): Promise<void> {
    let config = initialNotes;
    try {
      config = checkNotesConfig(await connection.sendRequest(READ_NOTES_CONFIG.method, null)) ?? config;
    } catch {
      // not supported by this client
    }
    void notes.configure(config);
  }

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { awsNotes?: Partial<Settings> } | undefined)?.awsNotes;
    if (s) {
      updateSettings(s);
      diagnostics.revalidateAll();
    } else void pullSettings();
  });

  documents.onDidOpen((e) => {
    mark('open');
    diagnostics.schedule(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    service.close(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  connection.onHover((p) => onHover(service, documents, p));
  onNotification(connection, NOTES_CONFIG, (c) => {
    // Typed, but still whatever the client sent: check its shape.
    const config = checkNotesConfig(c);
    if (config) void notes.configure(config);
  });
  connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) notes.fileChanged(c.uri, c.type === 3);
  });
  onRequest(connection, SEARCH_NOTES, (p) => notes.search(p.query));
  onRequest(connection, EXPLAIN, (p) => service.explain(p.term));
  onRequest(connection, EXPLAIN_FINDING, (p) => (typeof p?.code === 'string' ? service.explainFinding(p.code) : null));
  onRequest(connection, TEMPLATE_VIEW, (p) => onTemplateView(service, documents, p));
  connection.onCodeAction((p) => onCodeAction(service, documents, p));
  connection.onCompletion((p) => onCompletion(service, documents, p));
  connection.onCompletionResolve((item) => onCompletionResolve(service, item));
  connection.onDocumentSymbol((p) => onDocumentSymbol(service, documents, p));
  connection.onDefinition((p) => onDefinition(service, documents, p));
  connection.onReferences((p) => onReferences(service, documents, p));
  connection.onDocumentHighlight((p) => onDocumentHighlight(service, documents, p));
  connection.onPrepareRename((p) => onPrepareRename(service, documents, p));
  connection.onRenameRequest((p) => onRename(service, documents, p));
  connection.languages.inlayHint.on((p) => onInlayHints(service, documents, p));
  onRequest(connection, DOCUMENT_KIND_REQUEST, (p) => {
    const td = documents.get(p.uri);
    return td ? service.lint(td).kind : null;
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * Start on stdio (`--stdio`) or the transport the editor gave the process; boot.ts calls it with
 * when it began and finished loading this bundle (for the start-up trace).
 */
export function main(loading?: [number, number]): void {
  if (loading) {
    mark('bundle load', loading[0]);
    mark('bundle loaded', loading[1]);
  }
  startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
}

if (require.main === module) main();
