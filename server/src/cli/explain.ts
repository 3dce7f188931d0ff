import fs = require('node:fs');
import path = require('node:path');
import { createLanguageService, languageIdOf, type ExplainResult } from '../core';
import { NotesIndex, discoverNotes, decodeNotes, DEFAULT_NOTES_PATTERNS } from '../core/notes';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';

const USAGE = `Usage:
  aws-notes explain <term> [--notes <path>...] [--json]
  aws-notes explain --file F --line L --column C [--notes <path>...] [--json]

Explains an AWS term (resource type, property, intrinsic, hook, phase, acronym...) from the
bundled knowledge base and quotes the best passages of your notes. At a position in a file it
prints what the editor's hover shows there.
  --notes <path>   notes file, folder or glob (repeatable); default: notes/ folders and
                   *notes*.md|txt files under the current directory
  --file/--line/--column   explain the term at a 1-based position in a file
  --json           print {term, markdown, passages: [{file, line, text}]}

Exit codes: 0 explained, 1 nothing known about the term, 2 usage or I/O error.`;

function positiveInt(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

async function buildNotesIndex(io: CliIO, patterns: string[] | undefined): Promise<NotesIndex> {
  const index = new NotesIndex();
  const explicit = patterns && patterns.length > 0;
  const found = await discoverNotes(io.cwd, explicit ? patterns : DEFAULT_NOTES_PATTERNS);
  // What was not read is said by name: a missing path, a file over a cap (with the setting).
  for (const m of found.missing) io.err(`aws-notes explain: notes path not found: ${m}`);
  for (const s of found.skipped) io.err(`aws-notes explain: notes file not indexed: ${s.file} (${s.reason}${s.setting ? `; setting ${s.setting}` : ''})`);
  if (explicit && found.files.length === 0 && found.missing.length === 0) io.err(`aws-notes explain: no notes files found for ${patterns.join(', ')}`);
  for (const file of found.files) {
    try {
      index.addFile(file, decodeNotes(await fs.promises.readFile(file)).text);
    } catch (e) {
      io.err(`aws-notes explain: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return index;
}

export async function runExplain(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const { flags, positional } = parseArgs(argv, {
    values: ['file', 'line', 'column'],
    repeat: ['notes'],
    booleans: ['json'],
  });

  let position: { file: string; shown: string; line: number; column: number } | undefined;
  let term = '';
  if (flags.file !== undefined) {
    if (positional.length) throw new UsageError('give either a term or --file/--line/--column, not both');
    if (flags.line === undefined || flags.column === undefined) throw new UsageError('--file needs --line and --column');
    position = { file: path.resolve(io.cwd, String(flags.file)), shown: String(flags.file), line: positiveInt(flags.line, 'line'), column: positiveInt(flags.column, 'column') };
  } else {
    term = positional.join(' ').trim();
    if (!term) throw new UsageError(`missing term\n\n${USAGE}`);
  }

  const notes = await buildNotesIndex(io, flags.notes as string[] | undefined);
  const service = createLanguageService({ notes, displayPath: (f) => displayPath(io.cwd, f) });
  let result: ExplainResult | null;
  if (position) {
    let text: string;
    try {
      text = await fs.promises.readFile(position.file, 'utf8');
    } catch (e) {
      io.err(`aws-notes explain: cannot read ${position.shown}: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT.usage;
    }
    const file = { uri: position.file, version: 1, languageId: languageIdOf(position.file), getText: () => text };
    // The editor's line/column → offset conversion, so the position means what it means there.
    const offset = service.parse(file).lines.offsetAt({ line: position.line - 1, character: position.column - 1 });
    result = service.explainAt(file, offset);
    if (!result) {
      io.err(`aws-notes explain: no term at ${position.shown}:${position.line}:${position.column}`);
      return EXIT.findings;
    }
  } else result = service.explain(term);
  const passages = result.passages.map((p) => ({ file: displayPath(io.cwd, p.file), line: p.line, text: p.text }));
  if (flags.json) io.out(JSON.stringify({ term: result.term, markdown: result.markdown, passages }, null, 2));
  else io.out(result.markdown);
  return position || result.entryId || passages.length ? EXIT.ok : EXIT.findings;
}
