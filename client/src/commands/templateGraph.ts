import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TEMPLATE_VIEW, type TemplateView } from '@core/protocol';
import { request } from '../protocol';
import { graphHtml } from './graphHtml';

/** One panel per template; what the what-if controls chose survives edits. */
interface Shown {
  panel: vscode.WebviewPanel;
  uri: string;
  whatIf: { parameters?: Record<string, string>; region?: string };
  view?: TemplateView;
  seq: number;
}

const panels = new Map<string, Shown>();

/**
 * The editor whose template to show. The active editor can be an output channel or log (scheme
 * `output`) when the command runs from the palette after "Show Output"; those are never templates,
 * so fall back to a visible file editor.
 */
function templateEditor(): vscode.TextEditor | undefined {
  const isFile = (e: vscode.TextEditor | undefined) => !!e && (e.document.uri.scheme === 'file' || e.document.uri.scheme === 'untitled');
  const active = vscode.window.activeTextEditor;
  if (isFile(active)) return active;
  return vscode.window.visibleTextEditors.find(isFile);
}

/**
 * "AWS Notes: Show Template Graph": a webview beside the template with its resource graph and a
 * what-if panel. It follows edits (debounced; the layout runs in the webview, so typing never
 * waits for it), a click on a node reveals the entry, and the editor's selection highlights the
 * node. Returns the view it shows (for tests).
 */
export async function showTemplateGraph(context: vscode.ExtensionContext, client: LanguageClient): Promise<TemplateView | undefined> {
  const editor = templateEditor();
  if (!editor) {
    void vscode.window.showInformationMessage('Open a CloudFormation or SAM template first.');
    return undefined;
  }
  const uri = editor.document.uri.toString();
  const existing = panels.get(uri);
  if (existing) {
    existing.panel.reveal(vscode.ViewColumn.Beside, true);
    return refresh(client, existing);
  }
  const panel = vscode.window.createWebviewPanel('awsNotes.templateGraph', `Graph: ${editor.document.uri.path.split('/').pop()}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
    retainContextWhenHidden: true,
  });
  const shown: Shown = { panel, uri, whatIf: {}, seq: 0 };
  panels.set(uri, shown);
  panel.webview.html = graphHtml({
    nonce: randomBytes(16).toString('base64'),
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'graphView.js')).toString(),
    cspSource: panel.webview.cspSource,
    title: 'Template Graph',
  });
  let timer: NodeJS.Timeout | undefined;
  const disposables = [
    panel.webview.onDidReceiveMessage(async (m: { type: string; id?: string; parameters?: Record<string, string>; region?: string }) => {
      if (m.type === 'ready') void post(shown);
      else if (m.type === 'reveal' && m.id) await reveal(shown, m.id);
      else if (m.type === 'whatIf') {
        shown.whatIf = { parameters: m.parameters, region: m.region };
        await refresh(client, shown);
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== uri) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(client, shown), 300);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor.document.uri.toString() !== uri || !shown.view) return;
      const line = e.selections[0].active.line;
      // The innermost entry around the cursor: resources nest inside nothing, so the first hit is it.
      const node = shown.view.nodes.find((n) => !n.implicit && n.line <= line && line <= n.endLine);
      void panel.webview.postMessage({ type: 'select', id: node?.id });
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    panels.delete(uri);
    for (const d of disposables) d.dispose();
  });
  return refresh(client, shown);
}

async function refresh(client: LanguageClient, shown: Shown): Promise<TemplateView | undefined> {
  const mine = ++shown.seq;
  const view = await request(client, TEMPLATE_VIEW, { uri: shown.uri, ...shown.whatIf });
  if (mine !== shown.seq) return shown.view; // a newer request is on its way
  if (!view) {
    void vscode.window.showInformationMessage('This file is not a CloudFormation or SAM template.');
    return undefined;
  }
  shown.view = view;
  await post(shown);
  return view;
}

async function post(shown: Shown): Promise<void> {
  if (shown.view) await shown.panel.webview.postMessage({ type: 'view', view: shown.view });
}

async function reveal(shown: Shown, id: string): Promise<void> {
  const node = shown.view?.nodes.find((n) => n.id === id);
  if (!node) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.uri));
  const pos = new vscode.Position(node.line, node.character);
  // The logical ID selected, with the cursor at its start.
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.Selection(pos.translate(0, node.id.length), pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** For tests: the view shown for a template, and a what-if choice as if made in the panel. */
export async function templateGraphState(client: LanguageClient, args: { uri: string; parameters?: Record<string, string>; region?: string; reveal?: string }): Promise<TemplateView | undefined> {
  const shown = panels.get(args.uri);
  if (!shown) return undefined;
  if (args.reveal) await reveal(shown, args.reveal);
  if (args.parameters || args.region) {
    shown.whatIf = { parameters: args.parameters ?? shown.whatIf.parameters, region: args.region ?? shown.whatIf.region };
    return refresh(client, shown);
  }
  return shown.view;
}
