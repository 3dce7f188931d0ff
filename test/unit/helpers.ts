import { parseTemplate, type TemplateDocument } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import type { Kind } from '../../server/src/core/kind';
import { lintDocument } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/rules/types';

export function lint(text: string, opts: { name?: string; kind?: Kind } = {}): { doc: TemplateDocument; findings: Finding[] } {
  const name = opts.name ?? 'file:///t.yaml';
  const doc = parseTemplate(name, 1, text);
  return { doc, findings: lintDocument(doc, { fileName: name, kind: opts.kind }).findings };
}

export function codes(text: string, opts: { name?: string; kind?: Kind } = {}): string[] {
  return lint(text, opts).findings.map((f) => f.code);
}

/** Apply the first fix of the first finding with `code`; returns the new text. */
export function applyFirstFix(text: string, code: string, choice = 0, opts: { name?: string; kind?: Kind } = {}): string {
  const { doc, findings } = lint(text, opts);
  const f = findings.find((x) => x.code === code);
  if (!f) throw new Error(`no ${code} in ${JSON.stringify(findings.map((x) => x.code))}`);
  const fixes = fixesFor(doc, f);
  if (!fixes[choice]) throw new Error(`no fix #${choice} for ${code}`);
  return applyEdits(text, fixes[choice].edits);
}

export const tpl = (resources: string, extra = '') => `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n${resources}`;
