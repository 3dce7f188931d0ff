import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { VpcPlan } from '@core/calc';
import { makePlan, parsePlanInput, planCloudFormation, planMarkdownTable, planReport, planSummary, validateCidrInput } from '@core/calc/reports';
import { ask, check, showCalcError } from './calcUi';
import { planHtml } from './planHtml';

const PLAN_TITLE = 'AWS Notes: Plan VPC Subnets';

export interface PlanArgs {
  vpcCidr: string;
  azs: number | string;
  tiers: string[] | string;
  spare?: number | string;
}

/** The plan on screen and the editor that was active when it was made (where Insert goes). */
interface Shown {
  plan: VpcPlan;
  target?: vscode.Uri;
  panel: vscode.WebviewPanel;
}

let last: Shown | undefined;

/**
 * "AWS Notes: Plan VPC Subnets": VPC CIDR, AZ count, tiers and spare slots → a webview with the
 * subnet table and the buttons "Insert as CloudFormation" and "Copy as Markdown table". `args`
 * skips the input boxes (for tests); the plan's summary line is returned.
 */
export async function planVpcSubnetsCommand(context: vscode.ExtensionContext, args?: unknown): Promise<string | undefined> {
  const target = vscode.window.activeTextEditor?.document.uri;
  let plan: VpcPlan;
  try {
    const input = isPlanArgs(args) ? parsePlanInput(args.vpcCidr, args.azs, args.tiers, args.spare) : await askPlan();
    if (!input) return undefined;
    plan = makePlan(input);
  } catch (e) {
    showCalcError(e);
    return undefined;
  }
  show(context, plan, target);
  return planSummary(plan);
}

function isPlanArgs(a: unknown): a is PlanArgs {
  return !!a && typeof a === 'object' && typeof (a as PlanArgs).vpcCidr === 'string' && (a as PlanArgs).azs !== undefined && (a as PlanArgs).tiers !== undefined;
}

async function askPlan(): Promise<ReturnType<typeof parsePlanInput> | undefined> {
  const step = (n: number) => `${PLAN_TITLE} (${n}/4)`;
  const vpcCidr = await ask({
    title: step(1),
    prompt: 'VPC CIDR block to split (IPv4 /16–/28, or an IPv6 block)',
    placeHolder: '10.16.0.0/16',
    value: '10.16.0.0/16',
    validate: (v) => (v.trim().includes(' ') ? 'Type one CIDR block, e.g. 10.16.0.0/16' : validateCidrInput(v)),
  });
  if (vpcCidr === undefined) return undefined;
  const azs = await ask({
    title: step(2),
    prompt: 'How many Availability Zones? (1–26; subnets are named A, B, C…)',
    placeHolder: '3',
    value: '3',
    validate: (v) => check(() => parsePlanInput(vpcCidr, v, 'x')),
  });
  if (azs === undefined) return undefined;
  const tiers = await ask({
    title: step(3),
    prompt: 'Tier names in allocation order, comma-separated (one subnet per tier in every AZ)',
    placeHolder: 'reserved, db, app, web',
    value: 'reserved, db, app, web',
    validate: (v) => check(() => makePlan(parsePlanInput(vpcCidr, azs, v))),
  });
  if (tiers === undefined) return undefined;
  const spare = await ask({
    title: step(4),
    prompt: 'Spare slots to keep free for later (a whole number; 0 for none)',
    placeHolder: '0',
    value: '0',
    validate: (v) => check(() => makePlan(parsePlanInput(vpcCidr, azs, tiers, v))),
  });
  if (spare === undefined) return undefined;
  return parsePlanInput(vpcCidr, azs, tiers, spare);
}

function show(context: vscode.ExtensionContext, plan: VpcPlan, target: vscode.Uri | undefined): void {
  const panel = vscode.window.createWebviewPanel('awsNotes.vpcPlan', `VPC plan ${plan.vpc.cidr}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
    enableScripts: true,
    // Nothing is loaded from disk or the network: styles and the script are inline, under a nonce.
    localResourceRoots: [],
    enableCommandUris: false,
  });
  const shown: Shown = { plan, target, panel };
  last = shown;
  panel.webview.html = planHtml(planReport(plan), nonce());
  // The page can only ask for these two actions; anything else it posts is ignored.
  const messages = panel.webview.onDidReceiveMessage((msg: unknown) => {
    const type = typeof msg === 'object' && msg !== null ? (msg as { type?: unknown }).type : undefined;
    if (type === 'insert') void insertCloudFormation(shown);
    else if (type === 'copy') void copyMarkdown(shown);
  });
  const disposed = panel.onDidDispose(() => {
    messages.dispose();
    disposed.dispose();
    if (last === shown) last = undefined;
  });
  context.subscriptions.push(panel);
}

/** "Insert as CloudFormation" for the plan shown last (also a command, for keyboard use and tests). */
export async function insertLastPlan(): Promise<string | undefined> {
  if (!last) {
    void vscode.window.showWarningMessage('AWS Notes: no VPC plan is open. Run "AWS Notes: Plan VPC Subnets" first.');
    return undefined;
  }
  return insertCloudFormation(last);
}

/** "Copy as Markdown table" for the plan shown last. */
export async function copyLastPlan(): Promise<string | undefined> {
  if (!last) {
    void vscode.window.showWarningMessage('AWS Notes: no VPC plan is open. Run "AWS Notes: Plan VPC Subnets" first.');
    return undefined;
  }
  return copyMarkdown(last);
}

async function copyMarkdown(shown: Shown): Promise<string> {
  const md = planMarkdownTable(shown.plan);
  await vscode.env.clipboard.writeText(md);
  void vscode.window.showInformationMessage(`Copied the subnet plan (${shown.plan.subnets.length + shown.plan.spare.length} rows) as a Markdown table.`);
  return md;
}

/** Logical IDs already in a YAML document (keys indented two spaces, as under Resources). */
function takenIds(text: string): Set<string> {
  return new Set([...text.matchAll(/^ {2}([A-Za-z0-9]+):/gm)].map((m) => m[1]));
}

/**
 * Insert the plan at the cursor of the editor that was active when it was made (resource entries
 * if it already has a Resources section, a whole template if it is empty), or into a new untitled
 * YAML document. Returns the inserted text.
 */
async function insertCloudFormation(shown: Shown): Promise<string | undefined> {
  const { plan } = shown;
  try {
    const editor = shown.target && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === shown.target!.toString());
    const yamlEditor = editor && editor.document.languageId !== 'json' && editor.document.languageId !== 'jsonc' ? editor : undefined;
    if (!yamlEditor) {
      const text = planCloudFormation(plan, { fullTemplate: true });
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
      void vscode.window.showInformationMessage(`Opened a new CloudFormation template with the VPC and ${plan.subnets.length} subnets.`);
      return text;
    }
    const doc = yamlEditor.document;
    const all = doc.getText();
    const pos = yamlEditor.selection.active;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    let text: string;
    if (all.trim() === '') {
      text = planCloudFormation(plan, { fullTemplate: true });
    } else {
      const hasResources = /^Resources\s*:/m.test(all);
      const entries = planCloudFormation(plan, { fullTemplate: false, taken: takenIds(all) }).replace(/\n$/, '').split('\n');
      const block = hasResources ? entries : ['Resources:', ...entries.map((l) => `  ${l}`)];
      if (hasResources && /^\s+$/.test(before)) {
        // The cursor is already indented: the first line goes there, the rest at the same column.
        text = block.map((l, i) => (i === 0 ? l : before + l)).join('\n') + '\n';
      } else {
        const pad = hasResources ? '  ' : '';
        text = (before.trim() ? '\n' : '') + block.map((l) => pad + l).join('\n') + '\n';
      }
    }
    await yamlEditor.edit((eb) => eb.insert(pos, text));
    await vscode.window.showTextDocument(doc, { viewColumn: yamlEditor.viewColumn, preview: false });
    void vscode.window.showInformationMessage(`Inserted the VPC and ${plan.subnets.length} subnets into ${vscode.workspace.asRelativePath(doc.uri)}.`);
    return text;
  } catch (e) {
    showCalcError(e);
    return undefined;
  }
}

function nonce(): string {
  return randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}
