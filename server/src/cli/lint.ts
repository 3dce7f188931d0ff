import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate } from '../core/document';
import { collectFiles, readText } from '../core/files';
import { applyEdits, fixesFor } from '../core/fixes';
import { KINDS, type Kind } from '../core/kind';
import { lintDocument } from '../core/lint';
import type { Finding } from '../core/rules/types';
import { ruleDocsUrl } from '../core/rules/docs';
import { allRules } from '../core/rules/registry';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';

interface FileReport {
  file: string;
  kind: Kind | null;
  diagnostics: {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Finding['severity'];
    code: string;
    message: string;
    fix?: { title: string; edits: { line: number; column: number; endLine: number; endColumn: number; text: string }[] };
  }[];
  fixed?: number;
}

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'kind', 'max-size-mb'], booleans: ['fix', 'quiet'] });
  const format = (flags.format as string) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  const kindFlag = (flags.kind as string) ?? 'auto';
  if (kindFlag !== 'auto' && !KINDS.includes(kindFlag as Kind)) throw new UsageError(`--kind must be auto, ${KINDS.join(', ')}`);
  if (!positional.length) throw new UsageError('give at least one file or directory, e.g. aws-notes lint templates/');
  const maxBytes = flags['max-size-mb'] ? Number(flags['max-size-mb']) * 1048576 : undefined;

  const { files, missing } = collectFiles(positional, io.cwd);
  for (const m of missing) io.err(`aws-notes lint: ${m}: no such file or directory`);
  const reports: FileReport[] = [];
  let errors = 0;
  let ioError = missing.length > 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      io.err(`aws-notes lint: ${file}: ${(e as Error).message}`);
      ioError = true;
      continue;
    }
    const opts = { fileName: file, kind: kindFlag === 'auto' ? undefined : (kindFlag as Kind) };
    let doc = parseTemplate(file, 1, text, { maxBytes });
    let result = lintDocument(doc, opts);
    if (result.kind === null && kindFlag === 'auto') continue;
    let fixed = 0;
    if (flags.fix) {
      // Apply the preferred fix of each finding, re-lint, repeat: later fixes see earlier ones.
      for (let pass = 0; pass < 5; pass++) {
        const edits = result.findings.flatMap((f) => fixesFor(doc, f).filter((a) => a.preferred).slice(0, 1).flatMap((a) => a.edits));
        if (!edits.length) break;
        const next = applyEdits(doc.text, edits);
        if (next === doc.text) break;
        const nextDoc = parseTemplate(file, pass + 2, next, { maxBytes });
        const nextResult = lintDocument(nextDoc, opts);
        // Never write a file that no longer parses.
        if (nextResult.findings.some((f) => f.code === 'DOC1001') && !result.findings.some((f) => f.code === 'DOC1001')) break;
        fixed += result.findings.length - nextResult.findings.length;
        doc = nextDoc;
        result = nextResult;
      }
      if (doc.text !== text) fs.writeFileSync(file, doc.text);
    }
    const rel = path.relative(io.cwd, file) || file;
    reports.push({
      file: rel.startsWith('..') ? file : rel,
      kind: result.kind,
      fixed: flags.fix ? fixed : undefined,
      diagnostics: result.findings.map((f) => {
        const s = doc.lines.positionAt(f.start);
        const e = doc.lines.positionAt(f.end);
        const fix = fixesFor(doc, f)[0];
        return {
          line: s.line + 1,
          column: s.character + 1,
          endLine: e.line + 1,
          endColumn: e.character + 1,
          severity: f.severity,
          code: f.code,
          message: f.message,
          ...(fix
            ? {
                fix: {
                  title: fix.title,
                  edits: fix.edits.map((ed) => {
                    const a = doc.lines.positionAt(ed.start);
                    const b = doc.lines.positionAt(ed.end);
                    return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, text: ed.text };
                  }),
                },
              }
            : {}),
        };
      }),
    });
    errors += result.findings.filter((f) => f.severity === 'error').length;
  }

  if (format === 'json') io.out(JSON.stringify(reports, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(reports), null, 2));
  else {
    for (const r of reports) {
      for (const d of r.diagnostics) io.out(`${r.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
    }
    if (!flags.quiet) {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const r of reports) for (const d of r.diagnostics) counts[d.severity]++;
      const fixedTotal = reports.reduce((n, r) => n + (r.fixed ?? 0), 0);
      io.err(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info${flags.fix ? `; ${fixedTotal} fixed` : ''}`);
    }
  }
  if (ioError) return EXIT.usage;
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

function toSarif(reports: FileReport[]) {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)));
  const rules = allRules.filter((r) => used.has(r.code));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-notes',
            version: '0.1.0',
            rules: [...used].sort().map((code) => {
              const r = rules.find((x) => x.code === code);
              return { id: code, shortDescription: { text: r?.title ?? code }, helpUri: ruleDocsUrl(code) };
            }),
          },
        },
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: d.severity === 'info' ? 'note' : d.severity,
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split(path.sep).join('/') },
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
