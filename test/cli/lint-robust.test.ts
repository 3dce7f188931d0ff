import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli/main';
import { fakeIO } from './fakeIO';


const BAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 3\n';

interface Report {
  file: string;
  kind: string | null;
  diagnostics: { code: string; severity: string; message: string }[];
}

describe('cli: aws-notes lint on hostile files', () => {
  let dir: string;
  const lint = async (...args: string[]) => {
    const io = fakeIO(dir);
    const code = await main(['lint', '--format', 'json', ...args], io);
    return { code, io, reports: io.stdout ? (JSON.parse(io.stdout) as Report[]) : [] };
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-lint-'));
    fs.writeFileSync(path.join(dir, 'ok.yaml'), BAD);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('deeply nested JSON and YAML files are reported without losing the other files', async () => {
    fs.writeFileSync(path.join(dir, 'data.json'), '['.repeat(6000) + ']'.repeat(6000));
    fs.writeFileSync(path.join(dir, 'seq.yaml'), 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        ' + '- '.repeat(6000) + 'x\n');
    const { code, reports } = await lint('data.json', 'seq.yaml', 'ok.yaml');
    assert.equal(code, 1);
    assert.deepEqual(reports.map((r) => r.file), ['seq.yaml', 'ok.yaml']);
    assert.ok(reports[0].diagnostics.some((d) => d.code === 'DOC1004'));
    assert.deepEqual(reports[1].diagnostics.map((d) => d.code), ['CFN3003']);
  });

  it('a device or a FIFO is skipped with a message, never read; the other files are still checked', async function () {
    const fifo = path.join(dir, 'pipe.yaml');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    const { code, io, reports } = await lint('/dev/zero', fifo, 'ok.yaml');
    assert.equal(code, 2);
    assert.match(io.stderr, /\/dev\/zero: not a regular file \(a character device\); skipped/);
    assert.match(io.stderr, /pipe\.yaml: not a regular file \(a named pipe\); skipped/);
    assert.deepEqual(reports.map((r) => r.file), ['ok.yaml']);
  });

  it('a file above the size limit is refused from its size (a sparse 1.5 GB file), with DOC1007', async () => {
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 1.5 * 1024 * 1024 * 1024);
    const { code, reports } = await lint('big.yaml', 'ok.yaml');
    assert.equal(code, 1);
    assert.equal(reports[0].file, 'big.yaml');
    assert.deepEqual(reports[0].diagnostics.map((d) => [d.code, d.severity]), [['DOC1007', 'info']]);
    assert.match(reports[0].diagnostics[0].message, /1536\.0 MB, above the 5\.0 MB limit/);
  });
});
