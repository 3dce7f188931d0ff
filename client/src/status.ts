import * as vscode from 'vscode';
import { notesProgressText } from './notesProgressText';

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

  private readonly notes = vscode.window.createStatusBarItem('awsNotes.notesIndex', vscode.StatusBarAlignment.Right, 99);

  /** Background notes indexing: visible while it runs, gone when done. */
  notesProgress(done: number, total: number): void {
    const text = notesProgressText(done, total);
    if (!text) {
      this.notes.hide();
      return;
    }
    this.notes.name = 'AWS Notes index';
    this.notes.text = text;
    this.notes.tooltip = 'AWS Notes: indexing your notes in the background; hovers use what is indexed so far.';
    this.notes.command = 'awsNotes.showOutput';
    this.notes.show();
  }

  dispose(): void {
    this.notes.dispose();
    this.item.dispose();
  }
}
