import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLint } from '../../server/src/cli/lint';
import { parseTemplate } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lintDocument } from '../../server/src/core/lint';
import { fakeIO } from '../cli/fakeIO';

const CHILD = 'Parameters:\n  VpcId:\n    Type: String\n  Env:\n    Type: String\n    Default: dev\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n';
const parent = (params: string, url = './child.yaml') =>
  `Resources:\n  Net:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${url}\n${params}`;

const nested = (text: string, files: Record<string, string>) => {
  const doc = parseTemplate('/work/stacks/parent.yaml', 1, text);
  const findings = lintDocument(doc, { fileName: doc.uri, readFile: (f) => files[f] }).findings.filter((f) => /^CFN320[12]$/.test(f.code));
  return { doc, findings, show: findings.map((f) => `${f.code} ${doc.text.slice(f.start, f.end)}`) };
};

describe('nested stacks with a local template (CFN3201, CFN3202)', () => {
  const files = { '/work/stacks/child.yaml': CHILD };

  it('accepts the required parameters passed, defaults left out, and remote or computed TemplateURLs', () => {
    assert.deepEqual(nested(parent('      Parameters:\n        VpcId: vpc-1\n'), files).show, []);
    assert.deepEqual(nested(parent('', 'https://s3.amazonaws.com/b/child.yaml'), files).show, []);
    assert.deepEqual(nested(parent('', '!Sub "https://${Bucket}.s3.amazonaws.com/c.yaml"'), files).show, []);
  });

  it('CFN3201: a required child parameter not passed (add fix), an unknown one (did-you-mean)', () => {
    const missing = nested(parent('      Parameters:\n        Env: prod\n'), files);
    assert.deepEqual(missing.show, ['CFN3201 Parameters']);
    assert.match(missing.findings[0].message, /needs 'VpcId'/);
    assert.match(applyEdits(missing.doc.text, fixesFor(missing.doc, missing.findings[0])[0].edits), /Env: prod\n {8}VpcId: ""/);
    const unknown = nested(parent('      Parameters:\n        VpcId: vpc-1\n        Evn: prod\n'), files);
    assert.deepEqual(unknown.show, ['CFN3201 Evn']);
    assert.match(unknown.findings[0].message, /Did you mean 'Env'/);
    assert.deepEqual(nested(parent(''), files).show, ['CFN3201 ./child.yaml']);
  });

  it('CFN3201: each Fn::If branch of Parameters is checked, only in scenarios some parameter values reach', () => {
    const conditions = 'Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsDev: !Equals [!Ref Env, dev]\n';
    const branchy = (inner: string) =>
      conditions + parent(`      Parameters:\n        Fn::If:\n          - IsProd\n          - VpcId: vpc-1\n            Evn: prod\n${inner}`);
    const r = nested(branchy('          - !If [IsDev, {Env: dev}, !Ref AWS::NoValue]\n'), files);
    // With Env dev or prod, IsProd false means IsDev true: the AWS::NoValue branch is never taken.
    assert.deepEqual(r.show, ['CFN3201 Parameters', 'CFN3201 Evn']);
    assert.match(r.findings[0].message, /needs 'VpcId'.* when IsProd is false and IsDev is true\./);
    // IsProd true inside IsProd false can't happen: nothing reported for that branch.
    const impossible = nested(branchy('          - !If [IsProd, {Bad: 1}, {VpcId: vpc-2}]\n'), files);
    assert.deepEqual(impossible.show, ['CFN3201 Evn']);
  });

  it('CFN3202: a local TemplateURL with no readable file is a warning; without a reader nothing is checked', () => {
    const r = nested(parent('', 'nope/child.yaml'), files);
    assert.deepEqual(r.show, ['CFN3202 nope/child.yaml']);
    assert.equal(r.findings[0].severity, 'warning');
    const doc = parseTemplate('/work/stacks/parent.yaml', 1, parent('', 'nope/child.yaml'));
    assert.deepEqual(lintDocument(doc, { fileName: doc.uri }).findings.filter((f) => f.code.startsWith('CFN320')), []);
  });

  it('the CLI reads the child template beside the parent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-nested-'));
    try {
      fs.mkdirSync(path.join(dir, 'stacks'));
      fs.writeFileSync(path.join(dir, 'stacks', 'child.yaml'), CHILD);
      fs.writeFileSync(path.join(dir, 'parent.yaml'), parent('      Parameters:\n        Env: prod\n', 'stacks/child.yaml'));
      const io = fakeIO(dir);
      await runLint(['parent.yaml'], io);
      assert.match(io.stdout, /parent\.yaml:6:7: error CFN3201 stacks\/child\.yaml needs 'VpcId'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
