import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { explain, focusExcerpt, quoteUntrusted } from '../../server/src/core/explain';
import { NotesIndex } from '../../server/src/core/notes';

const fixtures = path.join(__dirname, '..', 'fixtures', 'notes');

function fixtureIndex(): NotesIndex {
  const index = new NotesIndex();
  for (const f of fs.readdirSync(fixtures)) index.addFile(path.join(fixtures, f), fs.readFileSync(path.join(fixtures, f), 'utf8'));
  return index;
}

describe('explain', () => {
  const notes = fixtureIndex();

  it('shows the knowledge-base explanation, then quoted notes passages with file:line', () => {
    const r = explain('VisibilityTimeout', { notes, displayPath: (f) => path.basename(f) });
    assert.equal(r.term, 'VisibilityTimeout');
    assert.equal(r.entryId, 'sqs.visibility-timeout');
    assert.match(r.markdown, /^\*\*SQS visibility timeout\*\* · Amazon SQS/);
    assert.match(r.markdown, /- Default 30 seconds/);
    assert.match(r.markdown, /\*\*From your notes\*\*/);
    assert.ok(r.passages.length >= 1 && r.passages.length <= 3);
    const p = r.passages[0];
    assert.equal(path.basename(p.file), 'messaging.md');
    const fileLine = fs.readFileSync(p.file, 'utf8').split('\n')[p.line - 1];
    assert.equal(fileLine.trim(), p.text.split('\n')[0].trim());
    assert.ok(r.markdown.includes(`\`messaging.md:${p.line}\``));
    assert.ok(r.markdown.indexOf('From your notes') > r.markdown.indexOf('Default 30 seconds'));
  });

  it('says so when nothing is known', () => {
    const r = explain('Flibbertigibbet', { notes });
    assert.equal(r.entryId, undefined);
    assert.match(r.markdown, /No entry for `Flibbertigibbet` in the bundled knowledge base/);
    assert.match(r.markdown, /Not in your notes/);
    assert.deepEqual(r.passages, []);
    assert.equal(explain('   ').markdown, 'Nothing to explain.');
    assert.equal(explain(undefined as unknown as string).passages.length, 0);
  });

  it('works without a notes index and with the short tag forms', () => {
    const r = explain('!GetAtt');
    assert.equal(r.entryId, 'cfn.fn-getatt');
    assert.doesNotMatch(r.markdown, /From your notes|in your notes/);
    assert.equal(explain('Fn::GetAtt').markdown, r.markdown);
  });

  it('accepts a fuzzy match only when it covers the whole term', () => {
    assert.equal(explain('sqs dead letter queue').entryId, 'sqs.dlq');
    const r = explain('quantum queue widgets');
    assert.equal(r.entryId, undefined);
    assert.match(r.markdown, /Related: /);
  });

  it('limits passages and builds links with the caller’s function', () => {
    const r = explain('RCU', { notes, maxPassages: 1, linkFor: (f, l) => `command:awsNotes.openNote?${encodeURIComponent(JSON.stringify([f, l]))}` });
    assert.equal(r.passages.length, 1);
    assert.match(r.markdown, /— \[[^\]]+:\d+\]\(command:awsNotes\.openNote\?/);
  });

  it('uses the context to pick the entry and steer the notes search', () => {
    assert.equal(explain('EphemeralStorage', { context: 'AWS::Lambda::Function' }).entryId, 'lambda');
    assert.equal(explain('ephemeral storage').entryId, 'ebs.instance-store');
  });

  it('treats notes as untrusted markdown: no HTML, no links, no images', () => {
    const index = new NotesIndex();
    index.addFile('evil.md', [
      '# SQS',
      '- retention <script>alert(1)</script> is 4 days [click](command:workbench.action.terminal.new)',
      '- ![x](https://tracker.example/p.png) <img src=x onerror=alert(1)> \\<b>',
      '# heading inside? ``` fence',
      '    - indented child line',
    ].join('\n'));
    const md = explain('SQS retention', { notes: index }).markdown;
    const notesPart = md.slice(md.indexOf('From your notes'));
    assert.doesNotMatch(notesPart, /(^|[^\\])<(script|img|b)/);
    assert.doesNotMatch(notesPart, /[^\\]\]\(command:/);
    assert.doesNotMatch(notesPart, /[^\\]!\[x\]/);
    assert.match(notesPart, /> \\- retention \\<script\\>alert\(1\)\\<\/script\\> is 4 days/);
    assert.doesNotMatch(notesPart, /\n> {4}/, 'indentation must not become a code block');
  });

  it('quotes line structure with hard breaks and escapes block markers', () => {
    assert.equal(quoteUntrusted('a\n# b\n1. c\n---'), '> a  \n> \\# b  \n> 1\\. c  \n> \\---');
    assert.equal(quoteUntrusted('\tx'), '> \u00a0\u00a0\u00a0\u00a0x');
  });

  it('focuses long passages on the lines that mention the term', () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i === 30 ? 'the visibility timeout is 30 seconds' : `unrelated filler line ${i} with words`));
    const hit = { file: 'f.md', line: 10, endLine: 49, text: lines.join('\n'), title: '', headingPath: [], score: 1 };
    const p = focusExcerpt(hit, new Set(['visibility', 'timeout']), 200);
    assert.ok(p.text.includes('visibility timeout'));
    assert.ok(p.text.length <= 200);
    assert.equal(p.line, 10 + lines.indexOf(p.text.split('\n')[0]), 'line points at the first quoted line');
    const long = { ...hit, text: 'x '.repeat(2000) + ' the DLQ moves here ' + 'y '.repeat(2000) };
    const q = focusExcerpt(long, new Set(['dlq']), 300);
    assert.ok(q.text.includes('DLQ') && q.text.length <= 302);
  });
});
