import type { TemplateDocument } from '../document/model';
import type { Kind } from '../kind';
import type { Finding } from './types';

/** Parse-level problems (shared by every kind): syntax errors, duplicate keys, alias bombs, depth. */
const CODES: Record<string, string> = {
  YAML: 'DOC1001',
  JSON: 'DOC1001',
  KEY: 'DOC1006',
  ALIAS: 'DOC1003',
  DEPTH: 'DOC1004',
  MULTIDOC: 'DOC1005',
  PYYAML: 'DOC1009',
  JSONCOMMA: 'DOC1009',
  ANCHOR: 'DOC1010',
};

export const DOCUMENT_CODES = [
  { code: 'DOC1001', title: 'YAML or JSON syntax error' },
  { code: 'DOC1002', title: 'Duplicate key' },
  { code: 'DOC1003', title: 'YAML alias expansion too large' },
  { code: 'DOC1004', title: 'Nesting too deep to check' },
  { code: 'DOC1005', title: 'More than one YAML document in the file' },
  { code: 'DOC1006', title: 'Mapping key is not a plain value' },
  { code: 'DOC1007', title: 'File not checked (too large or not text)' },
  { code: 'DOC1008', title: 'Top level is not a mapping' },
  { code: 'DOC1009', title: 'Syntax CloudFormation accepts but other YAML/JSON tools reject' },
  { code: 'DOC1010', title: 'YAML aliases or merge keys: only the CLI packaging expands them' },
  { code: 'DOC1020', title: 'Too many findings in one file; the rest are not listed' },
  { code: 'DOC1022', title: 'Checking the file failed (internal error)' },
];

export function documentRules(doc: TemplateDocument, kind?: Kind): Finding[] {
  const out: Finding[] = [];
  for (const p of doc.problems) {
    // Only CloudFormation refuses aliases; CodeDeploy and CodeBuild read them.
    if (p.code === 'ANCHOR' && kind !== 'cfn' && kind !== 'sam') continue;
    const data = p.fix ? ({ fix: 'insert', ...p.fix } as const) : undefined;
    out.push({ code: CODES[p.code] ?? 'DOC1001', severity: p.severity ?? 'error', message: p.message, start: p.start, end: p.end, ...(data ? { data } : {}) });
  }
  // The first occurrence of a repeated key is the value parsers drop: mark it too, once.
  const seconds = new Set(doc.duplicates.map((d) => d.second.start));
  for (const d of doc.duplicates) {
    const first = doc.lines.positionAt(d.first.start).line + 1;
    if (!seconds.has(d.first.start)) {
      out.push({
        code: 'DOC1002',
        severity: 'error',
        message: `Key '${d.key}' is repeated at line ${doc.lines.positionAt(d.second.start).line + 1}. Parsers keep only the last one, so this value is silently lost; remove or rename one.`,
        start: d.first.start,
        end: d.first.end,
      });
    }
    out.push({
      code: 'DOC1002',
      severity: 'error',
      message: `Duplicate key '${d.key}' (first at line ${first}). Parsers keep only the last one, so the earlier value is silently lost; remove or rename one.`,
      start: d.second.start,
      end: d.second.end,
    });
  }
  return out;
}
