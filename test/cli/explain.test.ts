import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExplain } from '../../server/src/cli/explain';
import { main } from '../../server/src/cli/main';
import { fakeIO } from './fakeIO';

const repoRoot = path.join(__dirname, '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'notes');


async function run(argv: string[], cwd = repoRoot) {
  const io = fakeIO(cwd);
  const code = await runExplain(argv, io);
  return { code, io, json: () => JSON.parse(io.stdout) as { term: string; markdown: string; passages: { file: string; line: number; text: string }[] } };
}

describe('cli: aws-notes explain', () => {
  let empty: string;
  before(() => {
    empty = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-explain-'));
  });
  after(() => fs.rmSync(empty, { recursive: true, force: true }));

  it('prints the documented JSON shape', async () => {
    const { code, json } = await run(['VisibilityTimeout', '--notes', 'test/fixtures/notes', '--json']);
    assert.equal(code, 0);
    const j = json();
    assert.deepEqual(Object.keys(j), ['term', 'markdown', 'passages']);
    assert.equal(j.term, 'VisibilityTimeout');
    assert.match(j.markdown, /SQS visibility timeout/);
    assert.ok(j.passages.length >= 1 && j.passages.length <= 3);
    for (const p of j.passages) {
      assert.deepEqual(Object.keys(p), ['file', 'line', 'text']);
      assert.ok(!path.isAbsolute(p.file), 'paths under the current directory are shown relative');
      const line = fs.readFileSync(path.join(repoRoot, p.file), 'utf8').split('\n')[p.line - 1];
      assert.equal(line.trim(), p.text.split('\n')[0].trim());
    }
  });

  it('prints markdown by default and accepts notes as files, folders and globs', async () => {
    const file = await run(['RCU', '--notes', path.join(fixtures, 'dynamo-study.txt')]);
    assert.equal(file.code, 0);
    assert.match(file.io.stdout, /read capacity unit/i);
    assert.match(file.io.stdout, /`test\/fixtures\/notes\/dynamo-study\.txt:\d+`/);
    const glob = await run(['NACL', '--notes', 'test/fixtures/notes/*.txt', '--json']);
    assert.ok(glob.json().passages.some((p) => p.file.endsWith('networking-outline.txt')));
    const multi = await run(['DLQ', '--notes', 'test/fixtures/notes/messaging.md', '--notes=test/fixtures/notes/devops.txt', '--json']);
    assert.ok(multi.json().passages.every((p) => /messaging\.md|devops\.txt/.test(p.file)));
  });

  it('explains the term at --file/--line/--column', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-explain-file-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'template.yaml'),
        ['Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: 60', '  Out: !GetAtt Q.Arn'].join('\n'),
      );
      const type = await run(['--file', 'template.yaml', '--line', '3', '--column', '16', '--json', '--notes', fixtures], dir);
      assert.equal(type.code, 0);
      assert.equal(type.json().term, 'AWS::SQS::Queue');
      const prop = await run(['--file', 'template.yaml', '--line', '5', '--column', '8', '--json', '--notes', fixtures], dir);
      assert.equal(prop.json().term, 'VisibilityTimeout');
      const fn = await run(['--file', path.join(dir, 'template.yaml'), '--line', '6', '--column', '9', '--json', '--notes', fixtures], empty);
      assert.equal(fn.json().term, 'Fn::GetAtt');
      const blank = await run(['--file', 'template.yaml', '--line', '2', '--column', '1', '--notes', fixtures], dir);
      assert.equal(blank.code, 1);
      assert.match(blank.io.stderr, /no term at template\.yaml:2:1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so and exits 1 when nothing is known', async () => {
    const { code, io } = await run(['Flibbertigibbet', '--notes', 'test/fixtures/notes']);
    assert.equal(code, 1);
    assert.match(io.stdout, /No entry for `Flibbertigibbet`/);
    assert.match(io.stdout, /Not in your notes/);
  });

  it('finds default notes under the current directory when --notes is not given', async () => {
    fs.mkdirSync(path.join(empty, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'notes', 'sqs.md'), '# SQS\n- my own words: retention defaults to 4 days\n');
    const { code, json } = await run(['MessageRetentionPeriod', '--json'], empty);
    assert.equal(code, 0);
    assert.deepEqual(json().passages.map((p) => p.file), ['notes/sqs.md']);
  });

  it('warns about notes paths that match nothing but still explains', async () => {
    const { code, io } = await run(['SQS', '--notes', 'no/such/dir'], empty);
    assert.equal(code, 0);
    assert.match(io.stderr, /notes path not found: no\/such\/dir/);
    assert.match(io.stdout, /Amazon SQS queue/);
  });

  it('rejects bad usage with exit 2', async () => {
    const cases: string[][] = [
      [],
      ['--file', 'x.yaml'],
      ['--file', 'x.yaml', '--line', '0', '--column', '1'],
      ['SQS', '--file', 'x.yaml', '--line', '1', '--column', '1'],
      ['SQS', '--bogus'],
    ];
    for (const argv of cases) {
      const io = fakeIO(empty);
      assert.equal(await main(['explain', ...argv], io), 2, argv.join(' '));
      assert.ok(io.stderr.length > 0);
    }
    const missing = await run(['--file', 'missing.yaml', '--line', '1', '--column', '1'], empty);
    assert.equal(missing.code, 2);
  });

  it('is registered as a subcommand and has --help', async () => {
    const io = fakeIO(empty);
    assert.equal(await main(['explain', '--help'], io), 0);
    assert.match(io.stdout, /aws-notes explain <term>/);
    const io2 = fakeIO(empty);
    assert.equal(await main(['explain', '!Ref', '--json'], io2), 0);
    assert.equal(JSON.parse(io2.stdout).term, '!Ref');
  });
});
