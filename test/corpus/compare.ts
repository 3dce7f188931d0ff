import path from 'node:path';
import { DEFAULT_MAX_BYTES, parseTemplate } from '../../server/src/core/document';
import { readText, templateFileReader } from '../../server/src/core/files';
import { lintDocument } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/rules/types';
import { CORPUS, cfnLintResults } from './shared';

/** cfn-lint rule ids → our family, and the codes of ours that count for it. */
export const FAMILIES: { name: string; cfnLint: RegExp; ours: RegExp }[] = [
  { name: 'sections', cfnLint: /^E100[1-4]$/, ours: /^(CFN10\d\d|CFN7001|CFN4007|CFN2006)$/ },
  { name: 'types', cfnLint: /^E300[16]$/, ours: /^(CFN300[127]|SAM1001|CFN3011|CFN3010|CFN3009)$/ },
  { name: 'properties', cfnLint: /^E3002$/, ours: /^(CFN3003|CFN3007|SAM1002|CFN3005)$/ },
  { name: 'required', cfnLint: /^E3003$/, ours: /^(CFN3004|CFN3012|SAM1003)$/ },
  { name: 'value types', cfnLint: /^E30(12|30)$/, ours: /^CFN300[56]$/ },
  { name: 'Ref', cfnLint: /^E10(12|20)$/, ours: /^CFN400[17]$/ },
  { name: 'GetAtt', cfnLint: /^E1010$/, ours: /^CFN400[237]$/ },
  { name: 'Sub', cfnLint: /^E1019$/, ours: /^CFN400[47]$/ },
  { name: 'FindInMap', cfnLint: /^E1011$/, ours: /^CFN400[57]$/ },
  { name: 'If/Conditions', cfnLint: /^(E1028|E800[1-7])$/, ours: /^(CFN4006|CFN4007|CFN4009|CFN7001|CFN3009)$/ },
  { name: 'parameters', cfnLint: /^E20(01|02|03|10|15)$/, ours: /^(CFN20\d\d|CFN4009)$/ },
  { name: 'outputs', cfnLint: /^E60(01|02|03)|E610[12]$/, ours: /^(CFN50\d\d|CFN400\d)$/ },
  { name: 'mappings', cfnLint: /^E7001$/, ours: /^CFN6001$/ },
];

export interface Comparison {
  files: number;
  ms: number;
  crashes: { file: string; error: string }[];
  /** Our error findings on files where cfn-lint reports no error at all. */
  falsePositives: { file: string; line: number; code: string; message: string }[];
  recall: { family: string; expected: number; found: number; near: number }[];
  missed: { family: string; file: string; line: number; rule: string; message: string }[];
  /** Every cfn-lint error finding on any file, and whether we report an error on its line. */
  agreement: Agreement;
}

export interface Agreement {
  total: number;
  sameLine: number;
  byRule: { rule: string; count: number; sameLine: number }[];
  missed: { file: string; line: number; rule: string; message: string }[];
}

export function compareWithCfnLint(filter: (file: string) => boolean = () => true): Comparison {
  const results = cfnLintResults().filter((r) => filter(r.file));
  const cmp: Comparison = { files: 0, ms: 0, crashes: [], falsePositives: [], recall: [], missed: [], agreement: { total: 0, sameLine: 0, byRule: [], missed: [] } };
  const byRule = new Map<string, { count: number; sameLine: number }>();
  const counts = new Map(FAMILIES.map((f) => [f.name, { expected: 0, found: 0, near: 0 }]));
  const readFile = templateFileReader(DEFAULT_MAX_BYTES);
  const started = Date.now();
  for (const r of results) {
    const file = path.join(CORPUS, r.file);
    let findings: Finding[];
    try {
      const doc = parseTemplate(file, 1, readText(file));
      // As `aws-notes lint` runs it: nested stack templates beside the file are read too.
      findings = lintDocument(doc, { fileName: file, kind: undefined, readFile }).findings;
      // Rule failures become INTERNAL findings: count them as crashes.
      const internal = findings.find((f) => f.code === 'INTERNAL');
      if (internal) cmp.crashes.push({ file: r.file, error: internal.message });
      cmp.files++;
      const lineOf = (f: Finding) => doc.lines.positionAt(f.start).line + 1;
      const errors = findings.filter((f) => f.severity === 'error');
      if (!r.findings.some((f) => f.level === 'error')) {
        for (const f of errors) cmp.falsePositives.push({ file: r.file, line: lineOf(f), code: f.code, message: f.message });
      }
      const errorLines = new Set(errors.map(lineOf));
      for (const f of r.findings) {
        if (f.level !== 'error') continue;
        const rule = byRule.get(f.rule) ?? { count: 0, sameLine: 0 };
        byRule.set(f.rule, rule);
        rule.count++;
        cmp.agreement.total++;
        if (errorLines.has(f.line)) {
          rule.sameLine++;
          cmp.agreement.sameLine++;
        } else cmp.agreement.missed.push({ file: r.file, line: f.line, rule: f.rule, message: f.message.slice(0, 160) });
      }
      if (r.file.startsWith('cfn-lint/templates/bad/')) {
        for (const fam of FAMILIES) {
          const expected = r.findings.filter((f) => f.level === 'error' && fam.cfnLint.test(f.rule));
          const lines = new Set(expected.map((f) => f.line));
          for (const line of lines) {
            const c = counts.get(fam.name)!;
            c.expected++;
            const ours = errors.filter((f) => fam.ours.test(f.code));
            if (ours.some((f) => lineOf(f) === line)) c.found++;
            // cfn-lint often points at the owning key; we point at the wrong token a line or two below.
            if (ours.some((f) => Math.abs(lineOf(f) - line) <= 2)) c.near++;
            else {
              const f = expected.find((x) => x.line === line)!;
              cmp.missed.push({ family: fam.name, file: r.file, line, rule: f.rule, message: f.message.slice(0, 140) });
            }
          }
        }
      }
    } catch (e) {
      cmp.crashes.push({ file: r.file, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
    }
  }
  cmp.ms = Date.now() - started;
  cmp.agreement.byRule = [...byRule].map(([rule, c]) => ({ rule, ...c })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  cmp.recall = FAMILIES.map((f) => ({ family: f.name, ...counts.get(f.name)! }));
  return cmp;
}
