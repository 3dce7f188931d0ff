import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectHeading, findNotesFiles, discoverNotes, NotesIndex, parseNotes, tokenize } from '../../server/src/core/notes';

const fixtures = path.join(__dirname, '..', 'fixtures', 'notes');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** Every passage must quote the file faithfully: its first line is the file's line `line`. */
function assertLinesMatch(file: string, text: string) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const s of parseNotes(file, text)) {
    assert.ok(s.line >= 1 && s.endLine >= s.line && s.endLine <= lines.length, `${file}: bad range ${s.line}-${s.endLine}`);
    const first = s.text.split('\n')[0].trim();
    assert.equal(lines[s.line - 1].trim(), first, `${file}:${s.line}`);
  }
}

describe('notes parsing', () => {
  it('detects heading styles from the content', () => {
    assert.deepEqual(detectHeading('## SQS'), { level: 2, title: 'SQS' });
    assert.deepEqual(detectHeading('--AWS Regions--'), { level: 2, title: 'AWS Regions' });
    assert.deepEqual(detectHeading('===EC2===='), { level: 1, title: 'EC2' });
    assert.deepEqual(detectHeading('\t-------EBS---------\t\tElastic Block Store'), { level: 4, title: 'EBS (Elastic Block Store)' });
    assert.deepEqual(detectHeading('**Indexes**'), { level: 7, title: 'Indexes' });
    assert.deepEqual(detectHeading('- **ELB:**'), { level: 7, title: 'ELB' });
    for (const notHeading of ['#AZ  10.16.0.0/20', '--> like users', '-- single instance for dev.', '- **SQS**: a queue', '================', '|---|---|'])
      assert.equal(detectHeading(notHeading), undefined, notHeading);
  });

  it('splits markdown into passages under their headings', () => {
    const sections = parseNotes('messaging.md', read('messaging.md'));
    const fifo = sections.find((s) => s.text.includes('3000 msg/s'));
    assert.ok(fifo);
    assert.deepEqual(fifo.headingPath, ['Messaging and streaming', 'SQS', 'FIFO']);
    assert.equal(fifo.title, 'FIFO');
    assert.equal(fifo.kind, 'text');
    assertLinesMatch('messaging.md', read('messaging.md'));
  });

  it('uses **bold** pseudo-headings', () => {
    const sections = parseNotes('dynamo-study.txt', read('dynamo-study.txt'));
    const lsi = sections.find((s) => s.text.includes('alternative sort key'));
    assert.deepEqual(lsi?.headingPath, ['Indexes']);
    assertLinesMatch('dynamo-study.txt', read('dynamo-study.txt'));
  });

  it('follows --Topic-- / ===Topic=== headings and tab-indented outlines', () => {
    const text = read('networking-outline.txt');
    const sections = parseNotes('networking-outline.txt', text);
    const nacl = sections.find((s) => s.text.includes('ephemeral ports'));
    assert.deepEqual(nacl?.headingPath, ['Firewalls', 'NACL']);
    const subnet = sections.find((s) => s.text.includes('+1 VPC router'));
    assert.deepEqual(subnet?.headingPath.slice(0, 2), ['VPC', 'Subnets']);
    assertLinesMatch('networking-outline.txt', text);
  });

  it('keeps bullet outlines and code blocks together, never reading # inside code as headings', () => {
    const text = read('devops.txt');
    const sections = parseNotes('devops.txt', text);
    const code = sections.find((s) => s.text.includes('version: 0.2'));
    assert.equal(code?.kind, 'code');
    assert.deepEqual(code?.headingPath, ['DevOps exam prep', 'CodeBuild']);
    assert.ok(sections.every((s) => !s.headingPath.includes('log in to ECR here')));
    assertLinesMatch('devops.txt', text);
    assertLinesMatch('compute-notes.md', read('compute-notes.md'));
    assertLinesMatch('security-storage.md', read('security-storage.md'));
  });

  it('splits big sections into passages of a few lines', () => {
    const big = ['# Big', ...Array.from({ length: 60 }, (_, i) => `- fact number ${i} about SQS queues and retention`)].join('\n');
    const sections = parseNotes('big.md', big);
    assert.ok(sections.length >= 10);
    for (const s of sections) assert.ok(s.endLine - s.line + 1 <= 6);
    const outline = ['Topic', ...Array.from({ length: 30 }, (_, i) => `\tchild ${i} line with words`)].join('\n');
    const parts = parseNotes('outline.txt', outline);
    assert.ok(parts.length > 1);
    assert.ok(parts.slice(1).every((p) => p.headingPath.includes('Topic')), 'children remember their outline parent');
  });

  it('handles CRLF, BOM, empty, binary and huge input without throwing', () => {
    const crlf = '\ufeff# A\r\n- one fact about queues\r\n- two facts about topics\r\n';
    const s = parseNotes('crlf.md', crlf);
    assert.equal(s[0].line, 2);
    assert.equal(s[0].text, '- one fact about queues\n- two facts about topics');
    assert.deepEqual(parseNotes('empty.md', ''), []);
    assert.deepEqual(parseNotes('bin.dat', 'PK\u0003\u0004\u0000\u0000binary\u0000data'), []);
    const started = Date.now();
    const huge = parseNotes('huge.txt', 'x'.repeat(3_000_000) + '\nSQS retention notes here\n' + 'y '.repeat(200_000));
    assert.ok(Date.now() - started < 2000);
    assert.ok(huge.length >= 1);
    assert.deepEqual(parseNotes('weird.txt', undefined as unknown as string), []);
  });
});

describe('notes index', () => {
  const index = new NotesIndex();
  before(() => {
    for (const f of fs.readdirSync(fixtures)) index.addFile(path.join(fixtures, f), read(f));
  });

  it('indexes files and finds passages by words', () => {
    assert.ok(index.size > 20);
    const hits = index.search('visibility timeout', 3);
    assert.ok(hits.length > 0);
    assert.ok(hits[0].text.includes('30 sec'));
    assert.equal(path.basename(hits[0].file), 'messaging.md');
    assert.ok(hits[0].line > 0 && hits[0].score > 0);
  });

  it('expands synonyms and acronyms both ways', () => {
    const first = (q: string) => index.search(q, 1)[0]?.text ?? '';
    assert.match(first('RCU'), /read capacity unit/i);
    assert.match(first('read capacity units'), /read capacity unit/i);
    assert.match(first('network ACL'), /NACL|stateless/);
    assert.match(first('SG stateful'), /stateful/);
    assert.equal(first('AWS::DynamoDB::Table'), first('DynamoDB table'));
    assert.deepEqual(index.search('AWS::EC2::NatGateway', 1)[0]?.headingPath, ['VPC', 'NAT gateway']);
    assert.match(first('dead letter queue'), /DLQ/);
    assert.ok(tokenize('AWS::AutoScaling::AutoScalingGroup').includes('asg'));
    assert.ok(tokenize('Application Load Balancer').includes('alb'));
    assert.ok(tokenize('LocalSecondaryIndexes').includes('lsi'));
  });

  it('does not match camelCase fragments alone (GetAtt is not "get")', () => {
    assert.deepEqual(index.search('GetAtt', 3), []);
    assert.ok(index.search('ShardCount', 3).some((h) => h.text.includes('shard')));
  });

  it('uses context words only to rank, never to match', () => {
    const plain = index.search('alias', 3);
    const ranked = index.search('alias', 3, { context: 'Lambda version pointer' });
    assert.ok(ranked.length > 0 && plain.length > 0);
    assert.match(ranked[0].text, /pointer/);
    assert.deepEqual(index.search('zzzz', 3, { context: 'Lambda version pointer' }), []);
  });

  it('replaces and removes files', () => {
    const local = new NotesIndex();
    local.addFile('a.md', '# SQS\n- retention is 4 days by default');
    assert.equal(local.search('retention', 5).length, 1);
    local.addFile('a.md', '# SNS\n- topics push to subscribers');
    assert.equal(local.search('retention', 5).length, 0);
    assert.equal(local.search('topics', 5).length, 1);
    local.removeFile('a.md');
    assert.equal(local.size, 0);
    assert.deepEqual(local.files(), []);
    local.removeFile('never-added.md');
  });

  it('returns duplicated passages once', () => {
    const local = new NotesIndex();
    local.addFile('one.md', '# SQS\n- retention is 4 days by default');
    local.addFile('two.md', '# SQS\n- retention is 4 days by default');
    assert.equal(local.search('retention', 5).length, 1);
  });

  it('never throws on odd input and stays fast', () => {
    const local = new NotesIndex();
    assert.equal(local.addFile('bin', '\u0000\u0001\u0002'), 0);
    local.addFile('long', 'SQS '.repeat(100_000));
    assert.deepEqual(local.search('', 3), []);
    assert.deepEqual(local.search('!!!', 3), []);
    local.search('x'.repeat(10_000), 3);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) index.search('visibility timeout sqs', 3);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 / 50 < 20);
  });
});

describe('notes file discovery', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-find-'));
    const write = (rel: string, text = '# notes\n') => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('notes/vpc.md');
    write('notes/deep/iam.txt');
    write('notes/image.png');
    write('study-notes.txt');
    write('docs/aws-notes.md');
    write('docs/readme.md');
    write('node_modules/pkg/notes.md');
    write('.git/notes.md');
    write('other/big-notes.md', 'x'.repeat(3 * 1024 * 1024));
    write('course/week1.txt');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort();

  it('uses notes/ folders and *notes*.md|txt by default, skipping node_modules and .git', async () => {
    assert.deepEqual(rel(await findNotesFiles(root)), ['docs/aws-notes.md', 'notes/deep/iam.txt', 'notes/vpc.md', 'other/big-notes.md', 'study-notes.txt']);
  });

  it('names the files a size cap skipped, with the setting, and paths that do not exist', async () => {
    const d = await discoverNotes(root, ['other', 'notes', 'missing-folder'], { maxBytes: 1024 * 1024 });
    assert.deepEqual(rel(d.files), ['notes/deep/iam.txt', 'notes/vpc.md']);
    assert.deepEqual(d.skipped.map((s) => [path.basename(s.file), s.setting]), [['big-notes.md', 'awsNotes.notes.maxFileSizeMB']]);
    assert.deepEqual(d.missing, ['missing-folder']);
  });

  it('accepts files, folders and globs, relative or absolute', async () => {
    assert.deepEqual(rel(await findNotesFiles(root, ['course'])), ['course/week1.txt']);
    assert.deepEqual(rel(await findNotesFiles(root, ['docs/readme.md'])), ['docs/readme.md']);
    assert.deepEqual(rel(await findNotesFiles(root, [path.join(root, 'notes', '**', '*.txt')])), ['notes/deep/iam.txt']);
    assert.deepEqual(rel(await findNotesFiles(root, ['missing/*.md', 'nope.txt'])), []);
  });

  it('caps the number of files', async () => {
    assert.equal((await findNotesFiles(root, undefined, { maxFiles: 2 })).length, 2);
  });
});

describe('notes tokens: how a word splits', () => {
  it('splits camelCase where a lowercase letter meets a capital or two capitals meet a lowercase letter, keeps IAM and snake_case names whole', () => {
    const cases: [string, string[]][] = [
      ['DBInstances', ['dbinstance', 'db', 'instance']],
      ['a1B', ['a1b']],
      ['ABCdef', ['abcdef', 'ab', 'cdef']],
      ['iPhone', ['iphone', 'phone']],
      ['S3Bucket', ['s3bucket']],
      ['HTTPSProxy', ['httpsproxy', 'http', 'proxy']],
      ['x2Y', ['x2y']],
      ['lowercase', ['lowercase']],
      ['UPPER', ['upper']],
      ['Ab', ['ab']],
      ['aB', ['ab', 'b']],
      ['ABc', ['abc', 'bc']],
      ['getAtt', ['getatt', 'get', 'att']],
      ['s3:GetObject', ['s3:getobject', 's3', 'getobject', 'get', 'object']],
      ['iam:PassRole:x', ['iam', 'passrole', 'pass', 'role', 'x']],
      ['post_build', ['post_build', 'post', 'build']],
      ['a_', []],
      ['x:y', ['x', 'y']],
      ['EC2Instance', ['ec2instance']],
      ['ipv6CidrBlock', ['ipv6cidrblock', 'ipv6', 'cidr', 'block']],
    ];
    for (const [word, tokens] of cases) assert.deepEqual(tokenize(word), tokens, word);
  });
});
