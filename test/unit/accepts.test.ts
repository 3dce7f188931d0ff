import assert from 'node:assert/strict';
import { detectKind } from '../../server/src/core/kind';
import { parseTemplate } from '../../server/src/core/document';
import { lint } from './helpers';

const sam = (fn: string, extra = '') =>
  `Transform: AWS::Serverless-2016-10-31\n${extra}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n${fn}`;

describe('what CloudFormation and SAM accept gets no error', () => {
  it('a SAM function without CodeUri, InlineCode or ImageUri (sam deploy packages the folder)', () => {
    const { findings } = lint(sam('    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n'));
    assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
  });

  it('a resource-level Description on AWS::Serverless::* is a warning (SAM drops it), elsewhere still an error', () => {
    const f = lint(sam('    Description: my function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n')).findings;
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['CFN3007', 'warning']]);
    assert.match(f[0].message, /SAM ignores/);
    const cfn = lint('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Description: q\n').findings;
    assert.deepEqual(cfn.map((x) => [x.code, x.severity]), [['CFN3007', 'error']]);
  });

  it('an Amplify build spec named buildspec.yml is not ours: no findings', () => {
    const text = 'version: 1\nfrontend:\n  phases:\n    build:\n      commands:\n        - npm run build\n  artifacts:\n    baseDirectory: dist\n    files:\n      - "**/*"\n';
    const doc = parseTemplate('file:///p/buildspec.yml', 1, text);
    assert.equal(detectKind(doc, { fileName: '/p/buildspec.yml' }), null);
    assert.deepEqual(lint(text, { name: 'file:///p/buildspec.yml' }).findings, []);
    // A CodeBuild buildspec with the same name still is one.
    assert.equal(detectKind(parseTemplate('file:///p/buildspec.yml', 1, 'version: 0.2\nphases:\n  build:\n    commands: [make]\n'), { fileName: '/p/buildspec.yml' }), 'buildspec');
  });
});
