import { CalcError } from '@core/calc';
import { reportMarkdown, type CalcReport } from '@core/calc/report';
import * as vscode from 'vscode';

/** What a calculator command returns: the report and its Markdown rendering. */
export type ShownReport = CalcReport & { markdown: string };

/** One input box of a calculator; undefined when the user presses Escape. */
export async function ask(opts: {
  title: string;
  prompt: string;
  placeHolder?: string;
  value?: string;
  validate: (value: string) => string | undefined;
}): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: opts.title,
    prompt: opts.prompt,
    placeHolder: opts.placeHolder,
    value: opts.value,
    ignoreFocusOut: true,
    validateInput: (v) => safe(() => opts.validate(v)),
  });
}

/** A quick pick among fixed choices; the value of the picked item, or undefined on Escape. */
export async function choose<T extends string>(title: string, placeHolder: string, items: { label: string; description?: string; value: T }[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  return picked?.value;
}

/** Run a validation that may throw CalcError: its message is what the input box shows. */
export function safe(fn: () => string | undefined): string | undefined {
  try {
    return fn();
  } catch (e) {
    return e instanceof CalcError ? e.message : `Not valid: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Check a value the way the calculator will, returning its message on failure. */
export function check(fn: () => unknown): string | undefined {
  return safe(() => {
    fn();
    return undefined;
  });
}

/** Open Markdown text in a new untitled editor beside the current one. */
async function openMarkdown(markdown: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

/**
 * Show a result as a notification with a "Show working" button that opens the report. The
 * command does not wait for the button, so it returns (with the report) as soon as the
 * notification is up.
 */
export function showReport(report: CalcReport): ShownReport {
  const markdown = reportMarkdown(report);
  void vscode.window.showInformationMessage(report.summary, 'Show working').then((choice) => {
    if (choice === 'Show working') void openMarkdown(markdown);
  });
  return { ...report, markdown };
}

/** A calculator error as an error notification; anything else is a bug and is rethrown. */
export function showCalcError(e: unknown): void {
  if (e instanceof CalcError) {
    void vscode.window.showErrorMessage(`AWS Notes: ${e.message}`);
    return;
  }
  throw e;
}
