import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLanguageService } from '../../server/src/core';
import { NotesIndex, parseNotes } from '../../server/src/core/notes';
import { NotesService } from '../../server/src/notesService';

/** A temporary workspace `ws/` with a sibling `outside/` folder the workspace must not reach. */
function sandbox() {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-svc-')));
  const ws = path.join(top, 'ws');
  const write = (rel: string, text: string | Buffer) => {
    const f = path.join(top, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    return f;
  };
  fs.mkdirSync(ws);
  return { top, ws, write, cleanup: () => fs.rmSync(top, { recursive: true, force: true }) };
}

const indexedText = (svc: NotesService) => svc.index.files().flatMap((f) => svc.index.passagesOf(f).map((p) => p.text)).join('\n');

describe('notes service: confinement to the workspace (issue 16)', () => {
  let sb: ReturnType<typeof sandbox>;
  beforeEach(() => {
    sb = sandbox();
    sb.write('ws/notes/sqs.md', '# SQS\nVisibility timeout hides a received message from other consumers.\n');
    sb.write('outside/secret.md', '# Secret\nSECRET-OUTSIDE-TEXT private key material here.\n');
    sb.write('outside/.hidden/h.md', '# Hidden\nHIDDEN-OUTSIDE-TEXT do not index this file.\n');
    fs.symlinkSync(path.join(sb.top, 'outside'), path.join(sb.ws, 'notes', 'linked'));
    fs.symlinkSync(path.join(sb.top, 'outside', 'secret.md'), path.join(sb.ws, 'notes', 'also-notes.md'));
  });
  afterEach(() => sb.cleanup());

  it('indexes only files whose real path is inside the workspace folders', async () => {
    const svc = new NotesService();
    const log: string[] = [];
    svc.onLog = (m) => log.push(m);
    const hostile = ['notes', 'notes/also-notes.md', 'notes/linked/*.md', 'x[/../../../../etc/passwd', 'x{/../../outside/.hidden/*', '../outside/**/*.md'];
    await svc.configure({ roots: [sb.ws], patterns: hostile });
    const text = indexedText(svc);
    assert.match(text, /Visibility timeout/);
    assert.doesNotMatch(text, /SECRET-OUTSIDE|HIDDEN-OUTSIDE|root:/);
    for (const f of svc.index.files()) assert.ok(fs.realpathSync(f).startsWith(sb.ws + path.sep), f);
    assert.ok(log.some((l) => /outside the workspace/.test(l)), log.join('\n'));
  });

  it('still takes paths from the user settings as written', async () => {
    const svc = new NotesService();
    await svc.configure({ roots: [sb.ws], patterns: [], userPatterns: [path.join(sb.top, 'outside', 'secret.md')] });
    assert.match(indexedText(svc), /SECRET-OUTSIDE/);
  });
});

describe('notes service: file-watch events (issue 16)', () => {
  let sb: ReturnType<typeof sandbox>;
  beforeEach(() => {
    sb = sandbox();
    sb.write('ws/notes/a.md', '# A\nFirst note about NACL rules.\n');
  });
  afterEach(() => sb.cleanup());

  it('batches 2,000 events into incremental updates without a full rescan', async () => {
    const svc = new NotesService();
    await svc.configure({ roots: [sb.ws], patterns: [] });
    assert.equal(svc.fullScans, 1);
    const created = sb.write('ws/notes/new.md', '# New\nKinesis shards carry 1 MB/s of writes each.\n');
    const ignored = sb.write('ws/src/readme.md', '# Readme\nNot a notes file at all, about Kinesis.\n');
    for (let i = 0; i < 1000; i++) {
      svc.fileChanged(pathToFileURL(created).href, false);
      svc.fileChanged(pathToFileURL(ignored).href, false);
    }
    await svc.idle();
    assert.equal(svc.fullScans, 1, 'file events never start a full rescan');
    assert.ok(svc.index.has(created));
    assert.ok(!svc.index.has(ignored));
    fs.rmSync(created);
    svc.fileChanged(pathToFileURL(created).href, true);
    await svc.idle();
    assert.ok(!svc.index.has(created));
    assert.equal(svc.fullScans, 1);
  });
});

describe('notes service: links, encodings, caps and missing paths', () => {
  let sb: ReturnType<typeof sandbox>;
  beforeEach(() => (sb = sandbox()));
  afterEach(() => sb.cleanup());

  it('links a passage from a file whose name has parentheses (issue 16)', async () => {
    const file = sb.write('ws/notes/sqs (copy) ).md', '# SQS\nVisibilityTimeout defaults to 30 seconds and goes up to 12 hours.\n');
    const svc = new NotesService();
    await svc.configure({ roots: [sb.ws], patterns: [] });
    const service = createLanguageService({ notes: svc.index, linkFor: (f, l) => svc.linkFor(f, l) });
    const md = service.explain('VisibilityTimeout').markdown;
    const link = /\]\(([^)\s]+)\)/.exec(md);
    assert.ok(link, md);
    assert.equal(fileURLToPath(link[1].replace(/#L\d+$/, '')), file);
  });

  it('reads UTF-8 with BOM, UTF-16 with BOM and Latin-1 notes', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Kinesis\nUTF16MARK shards and partition keys.\n', 'utf16le')]);
    sb.write('ws/notes/u16.txt', utf16);
    sb.write('ws/notes/bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# EBS\nBOMMARK gp3 volumes.\n')]));
    sb.write('ws/notes/latin1.txt', Buffer.from('# Résumé\nLATINMARK déploiement © CloudFormation.\n', 'latin1'));
    const svc = new NotesService();
    await svc.configure({ roots: [sb.ws], patterns: [] });
    const text = indexedText(svc);
    assert.match(text, /UTF16MARK shards/);
    assert.match(text, /BOMMARK gp3/);
    assert.match(text, /LATINMARK déploiement ©/);
    assert.doesNotMatch(text, /\uFFFD/);
  });

  it('indexes big notes by default and names files a cap skipped, with the setting', async () => {
    const para = '- Lambda timeout can be set up to 900 seconds per invocation.\n';
    sb.write('ws/notes/big.md', '# Big\n' + para.repeat(Math.ceil((5.5 * 1024 * 1024) / para.length)));
    const svc = new NotesService();
    await svc.configure({ roots: [sb.ws], patterns: [] });
    assert.ok(svc.index.has(path.join(sb.ws, 'notes', 'big.md')), '5.5 MB is indexed by default');
    const log: string[] = [];
    svc.onLog = (m) => log.push(m);
    await svc.configure({ roots: [sb.ws], patterns: [], maxFileSizeMB: 1 });
    assert.ok(log.some((l) => l.includes('big.md') && l.includes('awsNotes.notes.maxFileSizeMB')), log.join('\n'));
  });

  it('reports a notes path that does not exist by name, next to good ones', async () => {
    sb.write('ws/notes/a.md', '# A\nSecurity groups are stateful.\n');
    const svc = new NotesService();
    const log: string[] = [];
    svc.onLog = (m) => log.push(m);
    await svc.configure({ roots: [sb.ws], patterns: ['notes', 'no-such-folder', 'gone.md'] });
    assert.equal(svc.index.files().length, 1);
    assert.ok(log.some((l) => l.includes('no-such-folder')));
    assert.ok(log.some((l) => l.includes('gone.md')));
  });

  it('falls back to defaults for malformed settings', async () => {
    sb.write('ws/notes/a.md', '# A\nSecurity groups are stateful.\n');
    const svc = new NotesService();
    await svc.configure({ roots: [sb.ws], patterns: null, userPatterns: 'x', maxFiles: 'many' } as never);
    assert.equal(svc.index.files().length, 1);
  });
});

describe('notes index: big files in batches (issue 14)', () => {
  it('answers searches from the passages indexed so far while a big file is still being indexed', async () => {
    const index = new NotesIndex();
    const text = Array.from({ length: 3000 }, (_, i) => `## Topic ${i}\n\n- Kinesis shard note number ${i} with enough words to be a passage.\n`).join('\n');
    const seen: number[] = [];
    const sizes: number[] = [];
    const total = await index.addFileInBatches(
      'big.md',
      text,
      async () => {
        seen.push(index.search('Kinesis shard', 3).length);
        sizes.push(index.size);
      },
      0, // yield at every chance: the test sees each pause, whatever the machine's speed
    );
    assert.equal(total, 3000);
    assert.ok(seen.length >= 2, 'the build yielded between batches');
    // Parsing pauses too: the first yield comes before the file has been read to its end.
    assert.ok(sizes[0] < 100, `first pause after ${sizes[0]} passages`);
    assert.ok(seen[0] > 0 && index.size > 0, 'a search during the build found passages');
    assert.ok(index.passagesOf('big.md').length === 3000);
  });

  it('answers a request that takes several event-loop turns within one slice of the build', async () => {
    // The language server reads a request in one turn and answers it in the next ones: the
    // build must leave it those turns, not run a slice between each of them.
    const index = new NotesIndex();
    const text = Array.from({ length: 2000 }, (_, i) => `## Topic ${i}\n\n- Kinesis shard note number ${i} with enough words to be a passage.\n`).join('\n');
    let slices = 0;
    let answeredAfter: number | undefined;
    const request = () => {
      const issuedAt = slices;
      const turn = (left: number) => (left ? setImmediate(() => turn(left - 1)) : (answeredAfter = slices - issuedAt));
      turn(3);
    };
    const build = index.addFileInBatches('big.md', text, undefined, 0, () => {
      slices++;
      if (slices === 5) request();
    });
    await build;
    assert.ok(slices > 10, `the build ran in ${slices} slices`);
    assert.equal(answeredAfter, 0, 'answered before the next slice of the build');
  });

  it('keeps passages as ranges of the file: the same text, lines and headings as parsing gives', () => {
    const index = new NotesIndex();
    const files: Record<string, string> = {
      'plain.md': '# SQS\n\nVisibility timeout hides a message.\n\n## Retention\n- Default 4 days\n- Max 14 days\n',
      'crlf.md': '\ufeff# Lambda\r\n\r\n  indented line one\r\n  indented line two\r\n\r\nTimeout is 15 minutes at most.\r\n',
      'table.md': `# Limits\n\n| Setting | Value |\n|---|---|\n${Array.from({ length: 14 }, (_, i) => `| row ${i} | ${i} s |`).join('\n')}\n`,
      'long.txt': `Topic\n${'word '.repeat(1200)}\n\n\tTabbed outline item\n\t\tchild of it\n`,
    };
    for (const [file, text] of Object.entries(files)) {
      index.addFile(file, text);
      const expected = parseNotes(file, text).map(({ offset: _offset, ...rest }) => rest);
      assert.ok(expected.length > 0, file);
      assert.deepEqual(index.passagesOf(file), expected, file);
    }
  });

  it('reads a text in pieces cut after line ends (as decoding gives big files) like the whole text', async () => {
    const text = Array.from({ length: 400 }, (_, i) =>
      i % 40 === 0 ? `# Part ${i}\r\n` : i % 7 === 0 ? `  indented ${i}\r\n    deeper ${i}\r\n` : `- fact number ${i} about Kinesis shards\r\n`,
    ).join('');
    const pieces: string[] = [];
    for (let at = 0; at < text.length; ) {
      const nl = text.indexOf('\n', at + 300);
      const end = nl < 0 ? text.length : nl + 1;
      pieces.push(text.slice(at, end));
      at = end;
    }
    assert.ok(pieces.length > 10);
    const index = new NotesIndex();
    await index.addFileInBatches('pieces.md', pieces, async () => undefined, 0);
    assert.deepEqual(index.passagesOf('pieces.md'), parseNotes('pieces.md', text).map(({ offset: _offset, ...rest }) => rest));
    assert.equal(index.search('Kinesis shard', 1)[0]?.file, 'pieces.md');
  });
});

describe('notes service: progress (issue 14)', () => {
  it('reports progress within one big file, in bytes, ending at the total', async () => {
    const sb = sandbox();
    try {
      sb.write('ws/notes/big.md', Array.from({ length: 3000 }, (_, i) => `## Topic ${i}\n\n- Kinesis shard note number ${i} with enough words to be a passage.\n`).join('\n'));
      sb.write('ws/notes/small.md', '# SQS\nVisibility timeout hides a received message.\n');
      const total = fs.statSync(path.join(sb.ws, 'notes', 'big.md')).size + fs.statSync(path.join(sb.ws, 'notes', 'small.md')).size;
      const svc = new NotesService();
      const seen: { done: number; total: number }[] = [];
      svc.onProgress = (p) => seen.push(p);
      // A slice per batch of passages, whatever the machine's speed.
      const add = svc.index.addFileInBatches.bind(svc.index);
      svc.index.addFileInBatches = (file, text, pause, _slice, progress) => add(file, text, pause, 0, progress);
      await svc.configure({ roots: [sb.ws], patterns: ['notes'] });
      assert.ok(seen.every((p) => p.total === total), JSON.stringify(seen.slice(0, 3)));
      assert.deepEqual(seen[0], { done: 0, total });
      assert.deepEqual(seen[seen.length - 1], { done: total, total });
      const between = seen.filter((p) => p.done > 0 && p.done < total);
      assert.ok(between.length >= 5, `${between.length} intermediate reports`);
      assert.ok(between.every((p, i) => i === 0 || p.done >= between[i - 1].done), 'never goes back');
    } finally {
      sb.cleanup();
    }
  });
});
