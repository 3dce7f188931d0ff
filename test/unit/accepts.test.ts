import assert from 'node:assert/strict';
import { detectKind } from '../../server/src/core/kind';
import { get, parseTemplate } from '../../server/src/core/document';
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

  it('unquoted yes/no/on/off are Booleans, as PyYAML reads them', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      FifoQueue: yes\n      ContentBasedDeduplication: off\n';
    assert.deepEqual(lint(text).findings.filter((f) => f.severity === 'error'), []);
    const quoted = lint(text.replace('yes', "'yes'")).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(quoted.map((f) => f.code), ['CFN3005']);
  });

  it("registry patterns in Java's dialect (\\p{Print}) are read as meant, not as the letters p{Print}", () => {
    const text = 'Resources:\n  P:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n      PolicyName: AStepPolicy\n      PolicyType: StepScaling\n      ScalingTargetId: abc\n';
    assert.deepEqual(lint(text).findings.filter((f) => f.code === 'CFN3103'), []);
  });

  it('a dynamic reference is not held to the value constraints it will be replaced by', () => {
    const text = "Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: '{{resolve:ssm:/SQS_Queue/SQS_ARN}}'\n      FunctionName: f\n";
    assert.deepEqual(lint(text).findings.filter((f) => f.severity === 'error'), []);
    const bad = lint(text.replace("'{{resolve:ssm:/SQS_Queue/SQS_ARN}}'", 'not-an-arn')).findings.filter((f) => f.severity === 'error');
    assert.ok(bad.some((f) => /^CFN310[23]$/.test(f.code)), JSON.stringify(bad.map((f) => f.code)));
  });
});

describe('YAML anchors, aliases and merge keys (expanded by aws cloudformation package / sam deploy)', () => {
  const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: &p\n      DelaySeconds: 5\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *p\n      DelaySeconds: 7\n      VisibilityTimeout: 30\n';

  it('merges the anchored mapping (written keys win), with one DOC1010 warning and no error', () => {
    const { doc, findings } = lint(text);
    const b = get(get(get(doc.root, 'Resources'), 'B'), 'Properties');
    assert.ok(b?.kind === 'map');
    assert.deepEqual(b.pairs.map((p) => [p.key.value, p.value.kind === 'scalar' ? p.value.value : null]), [['DelaySeconds', 7], ['VisibilityTimeout', 30]]);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['DOC1010', 'warning']]);
  });

  it('checks what the merge brings in', () => {
    const bad = text.replace('DelaySeconds: 5', 'DelaySecondz: 5');
    const codes = lint(bad).findings.filter((f) => f.code === 'CFN3003').map((f) => bad.slice(f.start, f.end));
    assert.deepEqual(codes, ['DelaySecondz', 'DelaySecondz']); // in A, and merged into B
  });

  it('buildspec and appspec files may use aliases: no warning there', () => {
    const spec = 'version: 0.2\nenv:\n  variables: &v\n    A: "1"\nphases:\n  build:\n    commands:\n      - echo hi\nbatch:\n  build-list:\n    - identifier: x\n      env:\n        variables: *v\n';
    assert.deepEqual(lint(spec, { name: 'file:///buildspec.yml' }).findings.filter((f) => f.code === 'DOC1010'), []);
  });
});
