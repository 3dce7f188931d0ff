import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver';
import { runExplain } from '../../server/src/cli/explain';
import type { CliIO } from '../../server/src/cli/io';
import { createLanguageService, languageIdOf } from '../../server/src/core';
import { findNotesFiles, NotesIndex } from '../../server/src/core/notes';
import { LspClient } from './harness';

const fixtures = path.join(__dirname, '..', 'fixtures');
const TEMPLATE = [
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      VisibilityTimeout: 30',
  'Outputs:',
  '  Arn:',
  '    Value: !GetAtt Queue.Arn',
  '',
].join('\n');
/** 0-based positions: a resource type, a property, a short-form intrinsic, a section, blank space. */
const POSITIONS = [
  [2, 15],
  [4, 10],
  [7, 12],
  [5, 2],
  [1, 0],
];

function quietIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** The CLI prints a notes passage's place as code; the editor links it to the file. Same text otherwise. */
const unlink = (md: string) => md.replace(/\[([^\]]+)\]\(file:[^)]+\)/g, '`$1`');

async function hover(c: LspClient, uri: string, line: number, character: number): Promise<string | null> {
  const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return h ? (h.contents as { value: string }).value : null;
}

describe('explain at a position: the editor hover, the language service and the CLI agree', () => {
  let dir: string;
  let c: LspClient;
  const templateFile = () => path.join(dir, 'q.yaml');
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-parity-'));
    fs.writeFileSync(templateFile(), TEMPLATE);
    c = new LspClient();
    await c.initialize({}, { roots: [fixtures], patterns: ['notes'] });
    c.open(pathToFileURL(templateFile()).href, TEMPLATE);
    // The server indexes notes in the background: wait until a hover quotes them.
    const deadline = Date.now() + 5000;
    while (!/From your notes/.test((await hover(c, pathToFileURL(templateFile()).href, 4, 10)) ?? '') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  });
  after(() => {
    c.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('LSP hover and createLanguageService().explainAt give the same markdown', async () => {
    const notes = new NotesIndex();
    for (const f of await findNotesFiles(fixtures, ['notes'])) notes.addFile(f, fs.readFileSync(f, 'utf8'));
    const service = createLanguageService({
      notes,
      displayPath: (f) => path.relative(fixtures, f),
      linkFor: (f, line) => `${pathToFileURL(f).href}#L${line}`,
    });
    const uri = pathToFileURL(templateFile()).href;
    const file = { uri, version: 1, languageId: 'yaml', getText: () => TEMPLATE };
    const doc = service.parse(file);
    let compared = 0;
    for (const [line, character] of POSITIONS) {
      const viaLsp = await hover(c, uri, line, character);
      const viaService = service.explainAt(file, doc.lines.offsetAt({ line, character }));
      assert.equal(viaLsp, viaService?.markdown ?? null, `at ${line}:${character}`);
      if (viaLsp) compared++;
    }
    assert.ok(compared >= 4, 'most positions have a hover');
  });

  it('aws-notes explain --file --line --column prints what the hover shows', async () => {
    const uri = pathToFileURL(templateFile()).href;
    for (const [line, character] of POSITIONS) {
      const viaLsp = await hover(c, uri, line, character);
      const io = quietIO(fixtures);
      const code = await runExplain(['--file', templateFile(), '--line', String(line + 1), '--column', String(character + 1), '--notes', 'notes', '--json'], io);
      if (viaLsp === null) {
        assert.equal(code, 1, `no hover at ${line}:${character}, so nothing to explain`);
        continue;
      }
      assert.equal(code, 0, io.stderr);
      const printed = JSON.parse(io.stdout) as { markdown: string };
      assert.equal(printed.markdown, unlink(viaLsp), `at ${line}:${character}`);
    }
  });

  it('in a notes file too: only knowledge-base terms are explained, the same way', async () => {
    const notesFile = path.join(fixtures, 'notes', 'messaging.md');
    const text = fs.readFileSync(notesFile, 'utf8');
    const uri = pathToFileURL(notesFile).href;
    assert.equal(languageIdOf(notesFile), 'markdown');
    c.open(uri, text, 'markdown');
    const lines = text.split('\n');
    const fifo = lines.findIndex((l) => l.startsWith('### FIFO'));
    for (const [line, character] of [[fifo, 5], [0, 3]]) {
      const viaLsp = await hover(c, uri, line, character);
      const io = quietIO(fixtures);
      const code = await runExplain(['--file', notesFile, '--line', String(line + 1), '--column', String(character + 1), '--notes', 'notes', '--json'], io);
      if (viaLsp === null) assert.equal(code, 1);
      else assert.equal((JSON.parse(io.stdout) as { markdown: string }).markdown, unlink(viaLsp));
    }
    assert.ok(await hover(c, uri, fifo, 5), 'FIFO is in the knowledge base');
  });
});
