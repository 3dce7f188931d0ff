import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { detectKind } from '../../server/src/core/kind';
import { lintDocument } from '../../server/src/core/lint';

const kindOf = (text: string, name = 'file:///x.yaml', globs?: Record<string, string[]>) => detectKind(parseTemplate(name, 1, text), { fileName: name, globs });

describe('kind detection', () => {
  it('recognises each kind from content', () => {
    assert.equal(kindOf('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'), 'cfn');
    assert.equal(kindOf('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'), 'cfn');
    assert.equal(kindOf('Transform: AWS::Serverless-2016-10-31\nResources: {}\n'), 'sam');
    assert.equal(kindOf('Resources:\n  F:\n    Type: AWS::Serverless::Function\n'), 'sam');
    assert.equal(kindOf('version: 0.0\nos: linux\nfiles: []\n'), 'appspec');
    assert.equal(kindOf('version: 0.0\nResources:\n  - f:\n      Type: AWS::Lambda::Function\n'), 'appspec');
    assert.equal(kindOf('version: 0.2\nphases:\n  build:\n    commands: [make]\n'), 'buildspec');
    assert.equal(kindOf('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', 'file:///x.json'), 'cfn');
  });

  it('uses the file name when content is not decisive', () => {
    assert.equal(kindOf('', 'file:///repo/buildspec.yml'), 'buildspec');
    assert.equal(kindOf('version: 0.0\n', 'file:///repo/appspec.yml'), 'appspec');
    assert.equal(kindOf('foo: bar\n', 'file:///repo/config.yml'), null);
  });

  it('lets a first-line comment and the globs setting override', () => {
    assert.equal(kindOf('# aws-notes: cfn\nfoo: bar\n'), 'cfn');
    assert.equal(kindOf('# aws-notes: off\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n'), null);
    assert.equal(kindOf('foo: 1\n', 'file:///w/infra/net.yaml', { cfn: ['**/infra/*.yaml'] }), 'cfn');
    assert.equal(kindOf('foo: 1\n', 'file:///w/ci/main.yml', { buildspec: ['main.yml'] }), 'buildspec');
  });

  it('gives unrelated YAML and JSON no diagnostics at all', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'other');
    for (const f of fs.readdirSync(dir)) {
      const file = path.join(dir, f);
      const doc = parseTemplate(file, 1, fs.readFileSync(file, 'utf8'));
      const r = lintDocument(doc, { fileName: file });
      assert.equal(r.kind, null, f);
      assert.deepEqual(r.findings, [], f);
    }
  });
});

describe('kind detection edge cases from real files', () => {
  it('does not take a Device Farm test spec for a buildspec', () => {
    assert.equal(kindOf('version: 0.1\nandroid_test_host: amazon_linux_2\nphases:\n  test:\n    commands: [run]\n'), null);
  });
  it('recognises a lower-case `resources:` Lambda appspec', () => {
    assert.equal(kindOf('version: 0.0\nresources:\n  - fn:\n      type: AWS::Lambda::Function\n'), 'appspec');
  });
});
