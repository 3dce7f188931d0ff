/**
 * `aws-notes lint`: walk → lint → fix → format. Each step is its own function; linting and fixing go
 * through the language service, like the editor's diagnostics and fix-all.
 */
import path = require('node:path');
import { createLanguageService, type LanguageService, type LintResult, type TemplateDocument } from '../core';
import { DEFAULT_MAX_BYTES, skippedDocument, tooLargeMessage } from '../core/document';
import { collectFiles, readRefusal, templateFileReader } from '../core/files';
import { fixesFor } from '../core/fixes';
import type { RefusedFix } from '../core/fixGuard';
import { KINDS, type Kind } from '../core/kind';
import type { Finding } from '../core/rules/types';
import { ruleDocsUrl } from '../core/rules/docs';
import { allRules } from '../core/rules/registry';
import { VERSION } from '../core/version';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';
import { readSource, writeFixed, type Source } from './write';

interface LintArgs {
  format: 'text' | 'json' | 'sarif';
  /** Forced kind; undefined detects each file's kind (and skips files that are not ours). */
  kind?: Kind;
  fix: boolean;
  quiet: boolean;
  inputs: string[];
  maxBytes?: number;
}

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
  /** `--fix` made fixes but did not write them, and why (read-only, changed on disk, encoding...). */
  notWritten?: string;
  /** Fixes not applied because they would add a finding. */
  refused?: RefusedFix[];
}

/** What `--fix` did to one file. */
interface FixReport {
  fixed: number;
  notWritten?: string;
  refused: RefusedFix[];
}

/** A document and its findings. */
interface Checked {
  doc: TemplateDocument;
  result: LintResult;
}

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const args = parseLintArgs(argv);
  const service = createLanguageService({
    incremental: false,
    readFile: templateFileReader(args.maxBytes ?? DEFAULT_MAX_BYTES),
    ...(args.maxBytes !== undefined ? { settings: { maxBytes: args.maxBytes } } : {}),
  });
  const { files, missing } = collectFiles(args.inputs, io.cwd);
  for (const m of missing) io.err(`aws-notes lint: ${m}: no such file or directory`);
  const reports: FileReport[] = [];
  let ioError = missing.length > 0;
  let internalError = false;
  const limit = args.maxBytes ?? DEFAULT_MAX_BYTES;
  const lintOne = (file: string): void => {
    let src: Source | undefined;
    let refusal: ReturnType<typeof readRefusal>;
    try {
      refusal = readRefusal(file, limit);
      if (refusal?.reason === 'type') throw new Error(refusal.message);
      if (!refusal) src = readSource(file);
    } catch (e) {
      io.err(`aws-notes lint: ${file}: ${(e as Error).message}`);
      ioError = true;
      return;
    }
    // A file above the limit is refused from its size alone, never read into memory.
    let checked = !src ? refusedFile(file, tooLargeMessage(refusal?.size ?? 0, limit), args.kind) : lintFile(service, file, 1, src.text, args.kind);
    // Files we did not read or parse (too large, binary) are reported so nothing is skipped silently.
    if (checked.result.kind === null && args.kind === undefined && !checked.doc.skipped) return;
    let fix: FixReport | undefined;
    if (args.fix && src) {
      ({ checked, fix } = fixFile(service, src, checked, args.kind));
      if (fix.notWritten) ioError = true;
    }
    reports.push(fileReport(io.cwd, file, checked, fix));
  };
  for (const file of files) {
    try {
      lintOne(file);
    } catch (e) {
      // One file our code cannot handle must not cost the results of every other file.
      internalError = true;
      const message = `Checking this file failed inside aws-notes (${e instanceof Error ? e.message : String(e)}); the other files were checked. Please report it with the file.`;
      reports.push({ file: relativeName(io.cwd, file), kind: null, diagnostics: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'DOC1022', message }] });
    } finally {
      service.close(file);
    }
  }
  const { out, summary } = formatReports(reports, args);
  for (const text of out) io.out(text);
  if (summary) io.err(summary);
  if (ioError || internalError) return EXIT.usage;
  const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

function parseLintArgs(argv: string[]): LintArgs {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'kind', 'max-size-mb'], booleans: ['fix', 'quiet'] });
  const format = (flags.format as string) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  const kindFlag = (flags.kind as string) ?? 'auto';
  if (kindFlag !== 'auto' && !KINDS.includes(kindFlag as Kind)) throw new UsageError(`--kind must be auto, ${KINDS.join(', ')}`);
  if (!positional.length) throw new UsageError('give at least one file or directory, e.g. aws-notes lint templates/');
  return {
    format: format as LintArgs['format'],
    kind: kindFlag === 'auto' ? undefined : (kindFlag as Kind),
    fix: !!flags.fix,
    quiet: !!flags.quiet,
    inputs: positional,
    maxBytes: flags['max-size-mb'] ? Number(flags['max-size-mb']) * 1048576 : undefined,
  };
}

function lintFile(service: LanguageService, file: string, version: number, text: string, kind: Kind | undefined): Checked {
  const source = { uri: file, version, getText: () => text };
  return { doc: service.parse(source), result: service.lint(source, { kind }) };
}

/** A file refused before reading: only the reason, as the one DOC1007 finding. */
function refusedFile(file: string, reason: string, kind: Kind | undefined): Checked {
  const doc = skippedDocument(file, reason);
  return { doc, result: { kind: kind ?? null, findings: [{ code: 'DOC1007', severity: 'info', message: reason, start: 0, end: 0 }] } };
}

function relativeName(cwd: string, file: string): string {
  const rel = path.relative(cwd, file) || file;
  return rel.startsWith('..') ? file : rel;
}

/**
 * Fix-all through the language service (each fix re-checked by the fix guard), then write the file
 * back byte-safely; when it cannot be written, the report keeps the original findings and says why.
 */
function fixFile(service: LanguageService, src: Source, start: Checked, kind: Kind | undefined): { checked: Checked; fix: FixReport } {
  const r = service.fixAll({ uri: start.doc.uri, version: start.doc.version, getText: () => start.doc.text }, { kind: kind ?? start.result.kind ?? undefined });
  if (r.doc.text === src.text) return { checked: start, fix: { fixed: 0, refused: r.refused } };
  const notWritten = writeFixed(src, r.doc.text);
  if (notWritten) return { checked: start, fix: { fixed: 0, notWritten, refused: r.refused } };
  return { checked: { doc: r.doc, result: { kind: start.result.kind, findings: r.findings } }, fix: { fixed: r.applied.length, refused: r.refused } };
}

/** Findings as 1-based lines and columns, with the first fix of each. */
function fileReport(cwd: string, file: string, { doc, result }: Checked, fix: FixReport | undefined): FileReport {
  const at = (start: number, end: number) => {
    const a = doc.lines.positionAt(start);
    const b = doc.lines.positionAt(end);
    return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  };
  return {
    file: relativeName(cwd, file),
    kind: result.kind,
    fixed: fix?.fixed,
    ...(fix?.notWritten ? { notWritten: fix.notWritten } : {}),
    ...(fix?.refused.length ? { refused: fix.refused } : {}),
    diagnostics: result.findings.map((f) => {
      const fix = fixesFor(doc, f)[0];
      return {
        ...at(f.start, f.end),
        severity: f.severity,
        code: f.code,
        message: f.message,
        ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((ed) => ({ ...at(ed.start, ed.end), text: ed.text })) } } : {}),
      };
    }),
  };
}

/** What goes to stdout, and for text output the summary line for stderr. */
function formatReports(reports: FileReport[], args: LintArgs): { out: string[]; summary?: string } {
  if (args.format === 'json') return { out: [JSON.stringify(reports, null, 2)] };
  if (args.format === 'sarif') return { out: [JSON.stringify(toSarif(reports), null, 2)] };
  const out = reports.flatMap((r) => r.diagnostics.map((d) => `${r.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`));
  // What --fix could not do is said even with --quiet: which file, which fix, and why.
  const notes = reports.flatMap((r) => [
    ...(r.notWritten ? [`${r.file}: fixes not written: ${r.notWritten}`] : []),
    ...(r.refused ?? []).map((x) => `${r.file}: ${x.code} fix "${x.title}" skipped: ${x.reason}`),
  ]);
  if (args.quiet) return { out, summary: notes.join('\n') || undefined };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const d of r.diagnostics) counts[d.severity]++;
  const line = `${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info${args.fix ? `; ${fixSummary(reports)}` : ''}`;
  return { out, summary: [...notes, line].join('\n') };
}

function fixSummary(reports: FileReport[]): string {
  const fixed = reports.reduce((n, r) => n + (r.fixed ?? 0), 0);
  const files = reports.filter((r) => r.fixed).length;
  const parts = [`${fixed} fixed${fixed ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}`];
  const notWritten = reports.filter((r) => r.notWritten).length;
  if (notWritten) parts.push(`${notWritten} file${notWritten === 1 ? '' : 's'} not written`);
  const refused = reports.reduce((n, r) => n + (r.refused?.length ?? 0), 0);
  if (refused) parts.push(`${refused} fix${refused === 1 ? ' was' : 'es were'} skipped because applying ${refused === 1 ? 'it' : 'them'} would add a problem`);
  return parts.join(', ');
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
            version: VERSION,
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

