import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, onCodeAction } from './handlers/codeActions';
import { DiagnosticsScheduler } from './handlers/diagnostics';
import { onHover } from './handlers/hover';
import { Workspace, type Settings } from './workspace';

/** Wire a connection to the handlers. Exported so tests can run the server over in-memory streams. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace();
  const diagnostics = new DiagnosticsScheduler(connection, documents, ws);
  ws.onRuleError = (code, e) => connection.console.error(`rule ${code} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  let canPullConfig = false;

  connection.onInitialize((params) => {
    canPullConfig = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as { settings?: Partial<Settings> } | undefined;
    if (init?.settings) ws.updateSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'aws-notes', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      void pullSettings();
    }
  });

  async function pullSettings(): Promise<void> {
    try {
      const s = (await connection.workspace.getConfiguration('awsNotes')) as Partial<Settings> | null;
      if (s) ws.updateSettings(s);
      diagnostics.revalidateAll();
    } catch {
      // Clients without configuration support keep the defaults.
    }
  }

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { awsNotes?: Partial<Settings> } | undefined)?.awsNotes;
    if (s) {
      ws.updateSettings(s);
      diagnostics.revalidateAll();
    } else void pullSettings();
  });

  documents.onDidOpen((e) => diagnostics.schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    ws.close(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  connection.onHover((p) => onHover(ws, documents, p));
  connection.onCodeAction((p) => onCodeAction(ws, documents, p));
  connection.onRequest('awsNotes/documentKind', (p: { uri: string }) => {
    const td = documents.get(p.uri);
    return td ? ws.lint(td).kind : null;
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
