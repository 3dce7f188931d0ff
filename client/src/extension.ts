import { KIND_LABELS, type Kind } from '@core/kindNames';
import { DOCUMENT_KIND, EXPLAIN_FINDING_COMMAND, NOTES_CONFIG, NOTES_PROGRESS, READ_NOTES_CONFIG, type NotesConfig } from '@core/protocol';
import { serverEnvironment } from '@core/serverEnv';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { capacityCalculator } from './commands/capacity';
import { cidrCalculator } from './commands/cidr';
import { explainFinding, explainSelection, searchNotes } from './commands/notes';
import { showTemplateGraph, templateGraphState } from './commands/templateGraph';
import { copyLastPlan, insertLastPlan, planVpcSubnetsCommand } from './commands/vpcPlan';
import { effectiveNotesPaths } from './notesPaths';
import { stringList } from './settingValues';
import { notify, onNotification, onRequest } from './protocol';
import { StatusItem } from './status';

let client: LanguageClient | undefined;
let log: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  log = vscode.window.createOutputChannel('AWS Notes', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(log, status);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Notes files changing on disk keep the server's notes index current.
  const notesWatcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt}');
  context.subscriptions.push(notesWatcher);
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      // Notes files get hovers for AWS terms (never diagnostics).
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
    ],
    synchronize: {
      configurationSection: 'awsNotes',
      fileEvents: notesWatcher,
    },
    outputChannel: log,
    initializationOptions: { settings: vscode.workspace.getConfiguration('awsNotes'), notes: notesConfig() },
  };
  client = new LanguageClient('awsNotes', 'AWS Notes', serverOptions, clientOptions);
  // The server asks on every start, so a restart sees the settings as they are now.
  onRequest(client, READ_NOTES_CONFIG, () => notesConfig());
  onNotification(client, NOTES_PROGRESS, (p) => status.notesProgress(p.done, p.total));

  const kinds = new Map<string, Kind | null>();
  const refreshStatus = () => {
    const ed = vscode.window.activeTextEditor;
    const kind = ed ? kinds.get(ed.document.uri.toString()) : undefined;
    status.show(kind ? KIND_LABELS[kind].short : undefined, client?.isRunning() ? 'running' : 'starting');
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('awsNotes.showOutput', () => log.show()),
    vscode.commands.registerCommand('awsNotes.restartServer', async () => {
      await client?.restart();
      log.info('language server restarted');
    }),
    vscode.commands.registerCommand('awsNotes.searchNotes', () => searchNotes(client!)),
    vscode.commands.registerCommand('awsNotes.explainSelection', () => explainSelection(client!)),
    vscode.commands.registerCommand(EXPLAIN_FINDING_COMMAND, (code: unknown) => explainFinding(client!, code)),
    vscode.commands.registerCommand('awsNotes.showTemplateGraph', () => showTemplateGraph(context, client!)),
    // For the real-editor tests: what the graph view shows, a what-if choice, a click on a node.
    vscode.commands.registerCommand('awsNotes.templateGraphState', (args: Parameters<typeof templateGraphState>[1]) => templateGraphState(client!, args)),
    // Calculators run here in the client (the core modules are bundled in); no server round trip.
    vscode.commands.registerCommand('awsNotes.cidrCalculator', (input?: unknown) => cidrCalculator(input)),
    vscode.commands.registerCommand('awsNotes.planVpcSubnets', (args?: unknown) => planVpcSubnetsCommand(context, args)),
    vscode.commands.registerCommand('awsNotes.capacityCalculator', (args?: unknown) => capacityCalculator(args)),
    vscode.commands.registerCommand('awsNotes.vpcPlan.insertCloudFormation', () => insertLastPlan()),
    vscode.commands.registerCommand('awsNotes.vpcPlan.copyMarkdown', () => copyLastPlan()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('awsNotes.notes')) notify(client, NOTES_CONFIG, notesConfig());
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => notify(client, NOTES_CONFIG, notesConfig())),
    vscode.workspace.onDidGrantWorkspaceTrust(() => notify(client, NOTES_CONFIG, notesConfig())),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    client.onDidChangeState(refreshStatus),
  );

  // The server is started without blocking activation; diagnostics arrive when it is up.
  client.start().then(
    () => {
      onNotification(client!, DOCUMENT_KIND, (p) => {
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

/** Bad setting values already shown to the user (each is said once). */
const reportedSettings = new Set<string>();

/**
 * Notes roots and patterns for the server. Workspace-provided paths are pre-filtered here and
 * confined again by the server after resolving links and globs; user paths go separately, as written.
 */
function notesConfig(): NotesConfig {
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const config = vscode.workspace.getConfiguration('awsNotes');
  const inspected = config.inspect<unknown>('notes.paths');
  const [user, ws, folder] = [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].map((v) => stringList(v, 'awsNotes.notes.paths'));
  for (const p of [user, ws, folder].map((x) => x.problem)) {
    if (!p || reportedSettings.has(p)) continue;
    reportedSettings.add(p);
    log?.warn(p);
    void vscode.window.showWarningMessage(`AWS Notes: ${p}`);
  }
  const { patterns, rejected } = effectiveNotesPaths({
    workspace: [...ws.list, ...folder.list],
    roots,
    trusted: vscode.workspace.isTrusted,
  });
  if (rejected.length) log?.warn(`ignored notes paths from workspace settings outside the workspace (or in an untrusted workspace): ${rejected.join(', ')}`);
  const userPatterns = Array.isArray(inspected?.globalValue) ? inspected.globalValue : [];
  return { roots, patterns, userPatterns, maxFiles: config.get<number>('notes.maxFiles'), maxFileSizeMB: config.get<number>('notes.maxFileSizeMB') };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
