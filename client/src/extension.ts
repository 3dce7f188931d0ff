import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusItem } from './status';

let client: LanguageClient | undefined;
let log: vscode.LogOutputChannel;

const KIND_LABEL: Record<string, string> = { cfn: 'CloudFormation', sam: 'SAM', appspec: 'AppSpec', buildspec: 'Buildspec' };

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  log = vscode.window.createOutputChannel('AWS Notes', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(log, status);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { configurationSection: 'awsNotes' },
    outputChannel: log,
    initializationOptions: { settings: vscode.workspace.getConfiguration('awsNotes') },
  };
  client = new LanguageClient('awsNotes', 'AWS Notes', serverOptions, clientOptions);

  const kinds = new Map<string, string | null>();
  const refreshStatus = () => {
    const ed = vscode.window.activeTextEditor;
    const kind = ed ? kinds.get(ed.document.uri.toString()) : undefined;
    status.show(kind ? KIND_LABEL[kind] ?? kind : undefined, client?.isRunning() ? 'running' : 'starting');
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('awsNotes.showOutput', () => log.show()),
    vscode.commands.registerCommand('awsNotes.restartServer', async () => {
      await client?.restart();
      log.info('language server restarted');
    }),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    client.onDidChangeState(refreshStatus),
  );

  // The server is started without blocking activation; diagnostics arrive when it is up.
  client.start().then(
    () => {
      client!.onNotification('awsNotes/documentKind', (p: { uri: string; kind: string | null }) => {
        kinds.set(p.uri, p.kind);
        refreshStatus();
      });
      log.info(`language server started (${Date.now() - started} ms after activation)`);
      refreshStatus();
    },
    (e: unknown) => log.error(`language server failed to start: ${String(e)}`),
  );
  log.info(`activated in ${Date.now() - started} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
