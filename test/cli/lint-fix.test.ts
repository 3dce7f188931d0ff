import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLint } from '../../server/src/cli/lint';
import { readSource, writeFixed } from '../../server/src/cli/write';
import { fakeIO } from './fakeIO';

const BAD = 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: Café © 2024\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 5\n';
const GOOD = BAD.replace('VisibilityTimout', 'VisibilityTimeout');

describe('cli: aws-notes lint --fix never loses a byte', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-fix-'));
  });
  afterEach(() => {
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function fix(...args: string[]) {
    const io = fakeIO(dir);
    const code = await runLint(['--fix', ...args], io);
    return { code, io };
  }

  it('keeps Latin-1 bytes (é, ©) and changes only the fixed bytes', async () => {
    const file = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(file, Buffer.from(BAD, 'latin1'));
    const { code, io } = await fix('latin1.yaml');
    assert.equal(code, 0, io.stderr);
    assert.ok(fs.readFileSync(file).equals(Buffer.from(GOOD, 'latin1')));
    assert.match(io.stderr, /1 fixed in 1 file/);
  });

  it('keeps UTF-16 with a BOM, UTF-8 with a BOM and CRLF line breaks', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const variants: [string, (s: string) => Buffer][] = [
      ['utf16.yaml', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf(s), 'utf16le')])],
      ['bom.yaml', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(s), 'utf8')])],
    ];
    for (const [name, enc] of variants) fs.writeFileSync(path.join(dir, name), enc(BAD));
    const { code, io } = await fix('.');
    assert.equal(code, 0, io.stderr);
    for (const [name, enc] of variants) assert.ok(fs.readFileSync(path.join(dir, name)).equals(enc(GOOD)), name);
  });

  it('reports a read-only file and goes on fixing the others', async () => {
    for (const n of ['a.yaml', 'b.yaml', 'c.yaml']) fs.writeFileSync(path.join(dir, n), BAD);
    fs.chmodSync(path.join(dir, 'b.yaml'), 0o444);
    const { code, io } = await fix('.', '--format', 'json');
    assert.equal(code, 2, 'a file that could not be written is an I/O problem');
    assert.equal(fs.readFileSync(path.join(dir, 'a.yaml'), 'utf8'), GOOD);
    assert.equal(fs.readFileSync(path.join(dir, 'b.yaml'), 'utf8'), BAD);
    assert.equal(fs.readFileSync(path.join(dir, 'c.yaml'), 'utf8'), GOOD);
    const reports = JSON.parse(io.stdout) as { file: string; fixed: number; notWritten?: string; diagnostics: unknown[] }[];
    const b = reports.find((r) => r.file === 'b.yaml')!;
    assert.equal(b.fixed, 0);
    assert.match(b.notWritten!, /read-only/);
    assert.equal(b.diagnostics.length, 1, 'its finding is still reported');
    const text = await fix('.');
    assert.match(text.io.stderr, /b\.yaml: fixes not written: the file is read-only/);
    assert.match(text.io.stderr, /0 fixed, 1 file not written/);
  });

  it('writes through a temporary file renamed over the original, keeping its mode and symlinks', async () => {
    const file = path.join(dir, 't.yaml');
    fs.writeFileSync(file, BAD);
    fs.chmodSync(file, 0o640);
    fs.symlinkSync('t.yaml', path.join(dir, 'link.yaml'));
    const ino = fs.statSync(file).ino;
    const { code } = await fix('link.yaml');
    assert.equal(code, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(file, 'utf8'), GOOD);
    assert.notEqual(fs.statSync(file).ino, ino, 'a new file was renamed into place');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    if (process.getuid?.() === 0) {
      // Root fixing someone else's file leaves it theirs.
      fs.chownSync(file, 1234, 1234);
      fs.writeFileSync(file, BAD);
      await fix('t.yaml');
      assert.deepEqual([fs.statSync(file).uid, fs.statSync(file).gid], [1234, 1234]);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['link.yaml', 't.yaml'], 'no temporary file is left');
  });

  it('does not overwrite a file that changed on disk since it was read', () => {
    const file = path.join(dir, 't.yaml');
    fs.writeFileSync(file, BAD);
    const src = readSource(file);
    fs.writeFileSync(file, BAD + '# edited meanwhile\n');
    assert.match(writeFixed(src, GOOD)!, /changed on disk/);
    assert.equal(fs.readFileSync(file, 'utf8'), BAD + '# edited meanwhile\n');
    assert.deepEqual(fs.readdirSync(dir), ['t.yaml']);
  });

  it('reports fixes skipped because they would add a problem', async () => {
    const file = path.join(dir, 'cf.yaml');
    fs.writeFileSync(file, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n');
    const before = fs.readFileSync(file);
    const { io } = await fix('cf.yaml');
    assert.ok(fs.readFileSync(file).equals(before));
    assert.match(io.stderr, /CFN3004 fix "Add 'DefaultCacheBehavior'" skipped: it would add CFN3005/);
    assert.match(io.stderr, /; 0 fixed, 1 fix was skipped because applying it would add a problem/);
  });

  it('fixes an ECS AppSpec as an AppSpec and counts what it fixed', async () => {
    const file = path.join(dir, 'deploy.yaml');
    const target = (d: string) => `Resources:\n${d}TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:1"\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n`;
    fs.writeFileSync(file, target('  - '));
    const { io } = await fix('deploy.yaml');
    assert.equal(fs.readFileSync(file, 'utf8'), 'version: 0.0\n' + target('  - '));
    assert.match(io.stderr, /1 file checked: 0 error\(s\).*; 1 fixed in 1 file/);
  });
});
