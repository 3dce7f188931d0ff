import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIO } from '../../server/src/cli/io';
import { runLint } from '../../server/src/cli/lint';

function fakeIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const io = { stdout: [] as string[], stderr: [] as string[], cwd, out: (t: string) => void io.stdout.push(t), err: (t: string) => void io.stderr.push(t) };
  return io;
}

const BAD = ['Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimout: 30', ''].join('\n');

describe('cli: aws-notes lint (walk → lint → fix → format)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-lint-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), BAD);
    fs.writeFileSync(path.join(dir, 'compose.yml'), 'services:\n  web:\n    image: nginx\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks a folder, skips files that are not ours, prints text findings and a summary', async () => {
    const io = fakeIO(dir);
    assert.equal(await runLint(['.'], io), 1);
    assert.deepEqual(io.stdout, ["bad.yaml:5:7: error CFN3003 'VisibilityTimout' is not a property of AWS::SQS::Queue. Did you mean 'VisibilityTimeout'?"]);
    assert.deepEqual(io.stderr, ['1 file checked: 1 error(s), 0 warning(s), 0 info']);
  });

  it('json carries positions and the fix; sarif names the rule', async () => {
    const io = fakeIO(dir);
    await runLint(['--format', 'json', 'bad.yaml'], io);
    const [report] = JSON.parse(io.stdout[0]) as { file: string; kind: string; diagnostics: { code: string; line: number; column: number; fix?: { edits: { text: string }[] } }[] }[];
    assert.equal(report.file, 'bad.yaml');
    assert.equal(report.kind, 'cfn');
    assert.equal(report.diagnostics[0].code, 'CFN3003');
    assert.deepEqual([report.diagnostics[0].line, report.diagnostics[0].column], [5, 7]);
    assert.equal(report.diagnostics[0].fix?.edits[0].text, 'VisibilityTimeout');
    const sarif = fakeIO(dir);
    await runLint(['--format', 'sarif', 'bad.yaml'], sarif);
    const run = (JSON.parse(sarif.stdout[0]) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] }).runs[0];
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['CFN3003']);
    assert.equal(run.results[0].ruleId, 'CFN3003');
  });

  it('--fix writes the fixed text, re-lints it and reports what it fixed', async () => {
    const io = fakeIO(dir);
    assert.equal(await runLint(['--fix', 'bad.yaml'], io), 0);
    assert.equal(fs.readFileSync(path.join(dir, 'bad.yaml'), 'utf8'), BAD.replace('VisibilityTimout', 'VisibilityTimeout'));
    assert.deepEqual(io.stdout, []);
    assert.match(io.stderr[0], /0 error\(s\).*; 1 fixed in 1 file$/);
  });

  it('--kind forces a kind on files it would skip; a missing path is an I/O error', async () => {
    const forced = fakeIO(dir);
    await runLint(['--kind', 'buildspec', '--format', 'json', 'compose.yml'], forced);
    assert.equal((JSON.parse(forced.stdout[0]) as { kind: string }[])[0].kind, 'buildspec');
    const missing = fakeIO(dir);
    assert.equal(await runLint(['nope.yaml'], missing), 2);
    assert.match(missing.stderr[0], /nope\.yaml: no such file or directory/);
  });
});
