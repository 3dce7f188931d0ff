import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { explain } from '../../server/src/core/explain';
import { NotesIndex, parseNotes } from '../../server/src/core/notes';
import { termAt } from '../../server/src/core/termAt';

/** Notes in styles the sample notes do not use: a cheat-sheet of tables, terse Q&A, lecture prose. */
const dir = path.join(__dirname, '..', 'fixtures', 'notes-styles');
const SQS_NOTE = '# SQS\n\nThe visibility timeout hides a received message; a queue keeps messages 4 days by default.\n';

function indexOf(...extra: [string, string][]): NotesIndex {
  const index = new NotesIndex();
  for (const f of fs.readdirSync(dir)) index.addFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const [name, text] of extra) index.addFile(name, text);
  return index;
}

const first = (r: ReturnType<typeof explain>) => r.passages[0]?.text ?? '';

describe('notes retrieval: context and precision (issue 14)', () => {
  const index = indexOf(['sqs.md', SQS_NOTE]);

  it('brings the Lambda passage first for the Timeout of an AWS::Lambda::Function', () => {
    const r = explain('Timeout', { notes: index, context: 'AWS::Lambda::Function' });
    assert.match(first(r), /Lambda|function/i);
    assert.doesNotMatch(first(r), /visibility/i);
  });

  it('treats IAM-style names as one term, in the tokenizer and under the cursor', () => {
    assert.equal(termAt('Action: iam:PassRole', 12), 'iam:PassRole');
    assert.equal(termAt('Bool: {aws:SecureTransport: false}', 12), 'aws:SecureTransport');
    assert.match(first(explain('iam:PassRole', { notes: index })), /Handing an existing role/);
    assert.match(first(explain('aws:SecureTransport', { notes: index })), /TLS/);
    // No passage is about dynamodb:LeadingKeys: "dynamodb" alone is not the term.
    assert.deepEqual(explain('dynamodb:LeadingKeys', { notes: index }).passages, []);
  });

  it('never matches from one fragment of a split name', () => {
    for (const term of ['BeforeAllowTestTraffic', 'NatGateway', 'AWS::Batch::JobQueue', 'AWS::EC2::TransitGateway']) {
      const r = explain(term, { notes: index });
      assert.deepEqual(r.passages, [], `${term}: ${first(r)}`);
    }
    // The whole name still matches.
    assert.match(first(explain('BeforeInstall', { notes: index, context: 'CodeDeploy AppSpec' })), /BeforeInstall hook/);
  });

  it('takes a one-word resource type as its service (AWS::SQS::Queue is SQS itself)', () => {
    const idx = new NotesIndex();
    idx.addFile('sqs.md', '# SQS study notes\n\n## Visibility timeout\n\n- A received message becomes invisible to the other consumers for a while.\n');
    assert.match(first(explain('AWS::SQS::Queue', { notes: idx })), /invisible to the other consumers/);
  });

  it('says "Not in your notes" in one line when the notes are silent', () => {
    const r = explain('AWS::EC2::TransitGateway', { notes: index });
    assert.equal(r.markdown.match(/Not in your notes/g)?.length, 1);
  });

  it('matches synonyms where the notes say it differently', () => {
    assert.match(first(explain('ONEZONE_IA', { notes: index })), /One Zone-IA/);
    assert.match(first(explain('MapPublicIpOnLaunch', { notes: index })), /auto-assign public IP/);
    assert.match(first(explain('ProvisionedThroughputExceededException', { notes: index })), /ProvisionedThroughputExceeded/);
  });

  it('ranks a passage under a heading naming the term above a passing mention', () => {
    const idx = new NotesIndex();
    idx.addFile('a.md', '# Misc\n\nWe talked about caching, then someone mentioned Kinesis in passing while discussing dashboards.\n');
    idx.addFile('b.md', '# Kinesis\n\nShards carry 1 MB/s in and 2 MB/s out each.\n');
    assert.equal(idx.search('Kinesis', 2)[0].file, 'b.md');
  });
});

describe('notes passages: kept and readable (issue 14)', () => {
  it('keeps short flashcards and non-Latin passages, drops image-only and TOC-only ones', () => {
    const texts = parseNotes('cards.md', '# Cards\n\n- 1 RCU = 4 KB.\n\n## Заметки\n\nОчередь хранит сообщения.\n\n## Links\n\n- [Intro](#intro)\n- [SQS](#sqs)\n\n## Pic\n\n![diagram](x.png)\n').map((p) => p.text);
    assert.ok(texts.some((t) => t.includes('1 RCU = 4 KB')));
    assert.ok(texts.some((t) => t.includes('Очередь')));
    assert.ok(!texts.some((t) => /\(#intro\)|x\.png/.test(t)), texts.join('\n---\n'));
  });

  it('gives every piece of a long table its header row and renders it as a table', () => {
    const index = indexOf();
    const r = explain('GLACIER', { notes: index, maxPassages: 5 });
    const table = r.passages.find((p) => p.text.includes('Deep Archive'));
    assert.ok(table, r.markdown);
    assert.match(table.text.split('\n')[0], /\| Class \| Availability/);
    assert.match(r.markdown, /> \| Class \| Availability \| Min storage days \|\n> \|---/);
  });

  it('cuts a long line at word boundaries', () => {
    const index = new NotesIndex();
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    words[200] = 'Kinesis';
    index.addFile('long.txt', words.join(' '));
    const text = explain('Kinesis', { notes: index }).passages[0].text;
    assert.match(text, /Kinesis/);
    assert.match(text, /^…word\d+ /);
    assert.match(text, / word\d+…$/);
  });
});
