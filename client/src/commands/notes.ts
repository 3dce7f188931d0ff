import * as vscode from 'vscode';
import { EXPLAIN, EXPLAIN_FINDING, SEARCH_NOTES, type SearchItem } from '@core/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { request } from '../protocol';

/** "AWS Notes: Search Notes": live results from the notes index and the knowledge base. */
export async function searchNotes(client: LanguageClient): Promise<void> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { item: SearchItem }>();
  qp.title = 'AWS Notes: Search Notes';
  qp.placeholder = 'Search your notes and the AWS knowledge base (e.g. visibility timeout, RCU, NACL)';
  qp.matchOnDetail = true;
  let seq = 0;
  qp.onDidChangeValue(async (value) => {
    const mine = ++seq;
    qp.busy = true;
    const items = await request(client, SEARCH_NOTES, { query: value });
    if (mine !== seq) return; // a newer keystroke's results win
    qp.items = items.map((item) => ({ label: item.label, detail: item.detail, alwaysShow: true, item }));
    qp.busy = false;
  });
  qp.onDidAccept(async () => {
    const picked = qp.selectedItems[0]?.item;
    qp.hide();
    if (!picked) return;
    if (picked.uri) await openAt(picked.uri, picked.line ?? 1);
    else if (picked.term) await showExplanation(client, picked.term);
  });
  qp.onDidHide(() => qp.dispose());
  qp.show();
}

/** "AWS Notes: Explain Selection": the selected text (or the word at the cursor) explained. */
export async function explainSelection(client: LanguageClient): Promise<void> {
  const ed = vscode.window.activeTextEditor;
  let term = ed ? ed.document.getText(ed.selection).trim() : '';
  if (!term && ed) {
    const range = ed.document.getWordRangeAtPosition(ed.selection.active, /[!A-Za-z0-9:_.$-]+/);
    term = range ? ed.document.getText(range) : '';
  }
  if (!term) {
    term = (await vscode.window.showInputBox({ title: 'AWS Notes: Explain', prompt: 'Term to explain', placeHolder: 'e.g. AWS::SQS::Queue, !GetAtt, RCU' })) ?? '';
  }
  if (term) await showExplanation(client, term.slice(0, 200));
}

/** "Explain from my notes" on a finding: the notes passages about its topic, beside the editor. */
export async function explainFinding(client: LanguageClient, code: unknown): Promise<void> {
  if (typeof code !== 'string') return;
  const r = await request(client, EXPLAIN_FINDING, { code });
  if (r) await showMarkdown(r);
}

async function showExplanation(client: LanguageClient, term: string): Promise<void> {
  await showMarkdown(await request(client, EXPLAIN, { term }));
}

async function showMarkdown(r: { term: string; markdown: string }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# ${r.term}\n\n${r.markdown}\n` });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

async function openAt(uri: string, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}
