import * as vscode from 'vscode';

/** Status bar item: the detected kind of the active file and the server's state. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('awsNotes.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'AWS Notes';
    this.item.command = 'awsNotes.showOutput';
  }

  show(kind: string | undefined, state: 'running' | 'starting'): void {
    if (!kind) {
      this.item.hide();
      return;
    }
    this.item.text = state === 'running' ? `$(cloud) ${kind}` : `$(sync~spin) ${kind}`;
    this.item.tooltip = `AWS Notes: checking this file as ${kind} (server ${state}). Click for the log.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
