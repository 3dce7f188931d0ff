import type { CompletionItem, CompletionResult } from '../../server/src/core/editing/types';
import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { completeAt, resolveCompletion } from '../../server/src/core/editing/completion';
import { inlineContext } from '../../server/src/core/editing/cursor';
import { detectKind, type Kind } from '../../server/src/core/kind';

/** Complete at the `|` in `src` (the marker is removed first); `marker` for texts that need `|` themselves. */
function complete(src: string, opts: { name?: string; kind?: Kind; marker?: string } = {}): CompletionResult & { text: string; offset: number } {
  const offset = src.indexOf(opts.marker ?? '|');
  assert.ok(offset >= 0, 'no cursor marker');
  const text = src.slice(0, offset) + src.slice(offset + (opts.marker ?? '|').length);
  const name = opts.name ?? 'file:///t.yaml';
  const doc = parseTemplate(name, 1, text);
  const kind = opts.kind ?? detectKind(doc, { fileName: name }) ?? 'cfn';
  return { ...completeAt(doc, kind, offset), text, offset };
}

const labels = (r: { items: CompletionItem[] }) => r.items.map((i) => i.label);
/** Labels in the order the editor shows them (sortText, then label). */
const ranked = (r: { items: CompletionItem[] }) => [...r.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
/** A queue's own attributes come first; the settable properties GetAtt also reads follow. */
const assertQueueAttributes = (r: { items: CompletionItem[] }) => {
  assert.deepEqual(ranked(r).slice(0, 2), ['Arn', 'QueueUrl']);
  assert.ok(labels(r).includes('QueueName') && labels(r).includes('RedrivePolicy.deadLetterTargetArn'));
};
const item = (r: { items: CompletionItem[] }, label: string) => {
  const i = r.items.find((x) => x.label === label);
  assert.ok(i, `no item '${label}' in ${JSON.stringify(labels(r))}`);
  return i;
};
/** The text after applying an item's edit. */
function apply(r: ReturnType<typeof complete>, label: string): string {
  const i = item(r, label);
  const range = i.replace ?? { start: r.offset, end: r.offset };
  return r.text.slice(0, range.start) + (i.insertText ?? i.label) + r.text.slice(range.end);
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Description: Deployment stage
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  RegionMap:
    us-east-1:
      AMI: ami-1
    eu-west-1:
      AMI: ami-2
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
`;
const withResource = (body: string) => TEMPLATE + body;

describe('completion: CloudFormation structure', () => {
  it('offers the sections not yet in the template, in the usual order', () => {
    const r = complete('AWSTemplateFormatVersion: "2010-09-09"\nDes|\nResources:\n  A:\n    Type: AWS::SQS::Queue\n');
    assert.ok(!labels(r).includes('AWSTemplateFormatVersion'));
    assert.ok(!labels(r).includes('Globals'), 'Globals is SAM only');
    const d = item(r, 'Description');
    assert.equal(d.kind, 'section');
    assert.match(d.documentation!, /1,024 bytes/);
    assert.deepEqual(d.replace, { start: 39, end: 42 });
    assert.equal(apply(r, 'Outputs').split('\n')[1], 'Outputs:');
  });

  it('offers resource attributes with Type first and re-opens completion after it', () => {
    const r = complete(withResource('  Bucket:\n    |\n'));
    const t = r.items.find((i) => i.label === 'Type')!;
    assert.equal(t.sortText, '00Type');
    assert.equal(t.retrigger, true);
    assert.equal(item(r, 'DeletionPolicy').insertText, 'DeletionPolicy: ${1|Delete,Retain,RetainExceptOnCreate,Snapshot|}');
  });

  it('offers nothing where a new logical ID is typed', () => {
    assert.deepEqual(labels(complete(withResource('  Buck|\n'))), []);
  });

  it('leaves out resource attributes already written', () => {
    const r = complete(withResource('  Bucket:\n    Type: AWS::S3::Bucket\n    |\n'));
    assert.ok(!labels(r).includes('Type'));
    assert.ok(labels(r).includes('Properties'));
  });

  it('completes a half-typed resource type (`AWS::S3::`) by replacing the whole token', () => {
    const r = complete(withResource('  Bucket:\n    Type: AWS::S3::|\n'));
    assert.equal(r.items[0].label, 'AWS::S3::Bucket');
    assert.ok(r.items.every((i) => i.label.startsWith('AWS::S3::')));
    assert.match(apply(r, 'AWS::S3::Bucket'), /Type: AWS::S3::Bucket\n$/);
  });

  it('matches resource types fuzzily and documents them on resolve', () => {
    const r = complete(withResource('  Bucket:\n    Type: s3bucket|\n'));
    assert.equal(r.items[0].label, 'AWS::S3::Bucket');
    assert.ok(r.items[0].filterText!.startsWith('s3bucket'), 'the client must keep the fuzzy match');
    const ec2 = complete(withResource('  I:\n    Type: ec2inst|\n'));
    assert.equal(ec2.items[0].label, 'AWS::EC2::Instance');
    const resolved = resolveCompletion(r.items[0]);
    assert.match(resolved.documentation!, /S3/);
    assert.match(resolved.documentation!, /GetAtt attributes: .*`Arn`/);
  });

  it('sends a bounded list of types when nothing is typed and says there is more', () => {
    const r = complete(withResource('  Bucket:\n    Type: |\n'));
    assert.ok(r.items.length <= 100);
    assert.equal(r.isIncomplete, true);
  });

  it('offers SAM resource types', () => {
    const r = complete(withResource('  Fn:\n    Type: AWS::Serverless::Fu|\n'));
    assert.equal(r.items[0].label, 'AWS::Serverless::Function');
  });
});

describe('completion: properties', () => {
  it('offers the properties of the type at the cursor, required first, as snippets', () => {
    const r = complete(withResource('  T2:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      |\n'));
    assert.ok(!labels(r).includes('BillingMode'), 'already written');
    const ks = item(r, 'KeySchema');
    assert.equal(ks.kind, 'property');
    assert.match(ks.detail!, /required/);
    assert.ok(ks.sortText! < item(r, 'TableName').sortText!, 'required sorts first');
    assert.equal(ks.isSnippet, true);
    // Nested required keys in the registry table's (alphabetical) order.
    assert.equal(ks.insertText, 'KeySchema:\n  - AttributeName: ${1}\n    KeyType: ${2}');
    assert.equal(item(r, 'ProvisionedThroughput').insertText, 'ProvisionedThroughput:\n  ReadCapacityUnits: ${1}\n  WriteCapacityUnits: ${2}');
    assert.match(item(r, 'TableName').documentation!, /name/i);
  });

  it('puts allowed values in the snippet as a choice', () => {
    const r = complete(withResource('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Acc|\n'));
    assert.match(item(r, 'AccessControl').insertText!, /^AccessControl: \$\{1\|AuthenticatedRead,.*,Private,.*\|\}$/);
    assert.match(item(r, 'AccessControl').documentation!, /Allowed values: .*`Private`/);
    assert.deepEqual(item(r, 'AccessControl').replace, { start: r.offset - 3, end: r.offset });
  });

  it('completes a half-typed key on the line below another property', () => {
    const r = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 0\n      Visib|\n'));
    assert.ok(labels(r).includes('VisibilityTimeout'));
    assert.ok(!labels(r).includes('DelaySeconds'));
  });

  it('inserts only the name when the key already has its colon', () => {
    const r = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      Visib|: 30\n'));
    assert.equal(item(r, 'VisibilityTimeout').insertText, undefined);
  });

  it('follows nested property types and list items', () => {
    const nested = complete(withResource('  T2:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      ProvisionedThroughput:\n        |\n'));
    assert.deepEqual(labels(nested).sort(), ['ReadCapacityUnits', 'WriteCapacityUnits']);
    const inItem = complete(withResource('  T2:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: pk\n          |\n'));
    assert.deepEqual(labels(inItem), ['KeyType']);
    const secondItem = complete(withResource('  T2:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: pk\n          KeyType: HASH\n        - |\n'));
    assert.deepEqual(labels(secondItem).sort(), ['AttributeName', 'KeyType']);
  });

  it('offers Key and Value in a tag list entry', () => {
    const r = complete(withResource('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - K|\n'));
    assert.deepEqual(labels(r), ['Key', 'Value']);
  });

  it('offers enum and boolean values, then functions, for a property value', () => {
    const r = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      FifoQueue: |\n'));
    assert.deepEqual(labels(r).slice(0, 2), ['true', 'false']);
    assert.ok(labels(r).includes('!Ref'));
  });

  it('offers SAM properties and event source types', () => {
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n';
    const r = complete(sam + '      |\n');
    assert.ok(labels(r).includes('CodeUri'));
    assert.match(item(r, 'Runtime').documentation!, /python3/);
    const ev = complete(sam + '      Events:\n        Upload:\n          Type: |\n');
    assert.ok(labels(ev).includes('S3') && labels(ev).includes('SQS'));
    const globals = complete('Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Tim|\nResources: {}\n');
    assert.ok(labels(globals).includes('Timeout'));
  });

  it('offers parameter keys and types, output keys', () => {
    assert.ok(labels(complete(TEMPLATE.replace('    Type: String\n', '    Type: String\n    |\n'))).includes('AllowedValues'));
    const types = complete(TEMPLATE.replace('    Type: String', '    Type: |'));
    assert.ok(labels(types).includes('AWS::EC2::VPC::Id'));
    const out = complete(TEMPLATE + 'Outputs:\n  A:\n    |\n');
    assert.deepEqual(labels(out), ['Value', 'Description', 'Export', 'Condition']);
  });
});

describe('completion: intrinsic functions and their targets', () => {
  it('offers Ref targets: parameters, other resources, pseudo parameters', () => {
    const r = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref |\n'));
    assert.deepEqual(labels(r).slice(0, 3), ['Env', 'Queue', 'Table']);
    assert.ok(!labels(r).includes('B'), 'a resource cannot Ref itself');
    assert.equal(item(r, 'Env').detail, 'Parameter (String)');
    assert.equal(item(r, 'Env').documentation, 'Deployment stage');
    assert.match(item(r, 'AWS::Region').documentation!, /Region/);
    const long = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName:\n        Ref: |\n'));
    assert.ok(labels(long).includes('Env'));
  });

  it('offers GetAtt attributes after `Resource.` and resources before it', () => {
    const attrs = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !GetAtt Queue.|\n');
    assertQueueAttributes(attrs);
    assert.equal(item(attrs, 'Arn').replace!.start, attrs.offset);
    const res = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !GetAtt |\n');
    assert.equal(item(res, 'Queue').insertText, 'Queue.');
    assert.equal(item(res, 'Queue').retrigger, true);
    const list = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !GetAtt [Table, |]\n');
    assert.ok(labels(list).includes('StreamArn'));
    const partial = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !GetAtt Queue.Ar|\n');
    assert.deepEqual(item(partial, 'Arn').replace, { start: partial.offset - 2, end: partial.offset });
  });

  it('offers Sub variables after `${`, closing the brace when it is missing', () => {
    const r = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !Sub "arn:${AWS::|"\n');
    assert.ok(labels(r).includes('AWS::Region') && labels(r).includes('Env') && labels(r).includes('Queue'));
    assert.ok(!labels(r).includes('AWS::NoValue'));
    assert.match(apply(r, 'AWS::Region'), /!Sub "arn:\$\{AWS::Region\}"\n$/);
    const closed = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !Sub "arn:${Que|}"\n');
    assert.match(apply(closed, 'Queue'), /!Sub "arn:\$\{Queue\}"\n$/);
    const attr = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !Sub "${Queue.|}"\n');
    assertQueueAttributes(attr);
  });

  it('offers nothing inside a Sub string away from `${`, nor functions inside any quoted string', () => {
    assert.deepEqual(labels(complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !Sub "arn:aws:s3:::|"\n')), []);
    assert.deepEqual(labels(complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "orders-|"\n'))), []);
  });

  it('offers Sub variables inside a multi-line `!Sub |` script, including the variable map', () => {
    const r = complete(withResource('  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile: !Sub\n          - |\n            x = "${‸"\n          - Local: 1\n'), { marker: '‸' });
    assert.ok(labels(r).includes('Local') && labels(r).includes('Env'));
    assert.equal(item(r, 'Local').kind, 'variable');
    const plain = complete(withResource('  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Description: >\n        folded text |\n'));
    assert.deepEqual(labels(plain), [], 'nothing inside a plain multi-line string');
  });

  it('offers DependsOn targets, leaving out the resource itself and those listed', () => {
    const r = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    DependsOn: |\n'));
    assert.deepEqual(labels(r), ['Queue', 'Table']);
    const list = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    DependsOn:\n      - Queue\n      - |\n'));
    assert.deepEqual(labels(list), ['Table']);
    const flow = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    DependsOn: [Queue, |]\n'));
    assert.ok(labels(flow).includes('Table'));
  });

  it('offers condition names for Condition, Fn::If and !Condition', () => {
    assert.deepEqual(labels(complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Condition: |\n'))), ['IsProd']);
    assert.deepEqual(labels(complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !If [|\n'))), ['IsProd']);
    assert.deepEqual(labels(complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !If\n      - |\n')), ['IsProd']);
    const cond = complete(TEMPLATE.replace('  IsProd: !Equals [!Ref Env, prod]\n', '  IsProd: !Equals [!Ref Env, prod]\n  NotProd: !Not [!Condition |]\n'));
    assert.deepEqual(labels(cond), ['IsProd']);
  });

  it('offers FindInMap mapping names, top-level keys and second-level keys', () => {
    assert.deepEqual(labels(complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !FindInMap [|\n')), ['RegionMap']);
    const top = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !FindInMap [RegionMap, |\n');
    assert.deepEqual(labels(top).slice(0, 2), ['us-east-1', 'eu-west-1']);
    assert.deepEqual(labels(complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !FindInMap [RegionMap, !Ref "AWS::Region", |]\n')), ['AMI']);
    const block = complete(TEMPLATE + 'Outputs:\n  A:\n    Value:\n      Fn::FindInMap:\n        - RegionMap\n        - |\n');
    assert.ok(labels(block).includes('us-east-1'));
  });

  it('offers functions in short form as tags and in long form as keys', () => {
    const tags = complete(TEMPLATE + 'Outputs:\n  A:\n    Value: !Ge|\n');
    assert.equal(item(tags, '!GetAtt').insertText, '!GetAtt ');
    assert.deepEqual(item(tags, '!GetAtt').replace, { start: tags.offset - 3, end: tags.offset });
    assert.equal(item(tags, '!If').insertText, '!If [${1:Condition}, ${2}, ${3}]');
    assert.match(item(tags, '!Sub').documentation!, /Substitutes/);
    assert.ok(!labels(tags).includes('!Equals'), 'condition functions only in conditions');
    const long = complete(withResource('  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName:\n        Fn::|\n'));
    assert.equal(item(long, 'Fn::Sub').insertText, "Fn::Sub: '${1}'");
    assert.ok(labels(long).includes('Ref'));
  });

  it('offers only condition functions as the value of a named condition', () => {
    const r = complete(TEMPLATE.replace('  IsProd: !Equals [!Ref Env, prod]\n', '  IsProd: !Equals [!Ref Env, prod]\n  IsDev: |\n'));
    assert.deepEqual(labels(r), ['!Equals', '!And', '!Or', '!Not', '!Condition']);
  });
});

describe('completion: JSON templates', () => {
  const json = (body: string) => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}${body}}}`;
  it('completes types and properties inside quotes', () => {
    const t = complete(json(', "B": {"Type": "AWS::S3::Buck|"}'), { name: 'file:///t.json' });
    assert.equal(t.items[0].label, 'AWS::S3::Bucket');
    assert.equal(t.items[0].insertText, undefined, 'inside quotes only the name');
    const p = complete(json(', "B": {"Type": "AWS::S3::Bucket", "Properties": {"Bucket|"}}'), { name: 'file:///t.json' });
    assert.ok(labels(p).includes('BucketName'));
  });

  it('completes GetAtt attributes and Ref targets in long form', () => {
    const g = complete(json(', "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::GetAtt": ["Q", "|"]}}}'), { name: 'file:///t.json' });
    assertQueueAttributes(g);
    const r = complete(json(', "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": |}}}'), { name: 'file:///t.json' });
    assert.equal(item(r, 'Q').insertText, '"Q"');
  });
});

describe('completion: AppSpec and buildspec', () => {
  it('offers top-level AppSpec keys for the platform, minus those written', () => {
    const r = complete('version: 0.0\nos: linux\n|\n', { name: 'file:///appspec.yml' });
    assert.deepEqual(labels(r), ['files', 'file_exists_behavior', 'permissions', 'hooks']);
    assert.equal(item(r, 'file_exists_behavior').insertText, 'file_exists_behavior: ${1|DISALLOW,OVERWRITE,RETAIN|}');
  });

  it('offers EC2 hooks in the order CodeDeploy runs them, with that order in the detail', () => {
    const r = complete('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n  |\n', { name: 'file:///appspec.yml' });
    assert.ok(!labels(r).includes('BeforeInstall'));
    assert.ok(!labels(r).includes('Install'), 'reserved events take no scripts');
    const order = labels(r);
    assert.ok(order.indexOf('ApplicationStop') < order.indexOf('AfterInstall') && order.indexOf('AfterInstall') < order.indexOf('ValidateService'));
    assert.match(item(r, 'AfterInstall').detail!, /^Runs /);
    assert.equal(item(r, 'AfterInstall').insertText, 'AfterInstall:\n  - location: ${1}');
  });

  it('offers ECS hooks as list entries and allowed values', () => {
    const ecs = complete('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\nHooks:\n  - BeforeInstall: fn\n  - |\n', { name: 'file:///appspec.yml' });
    assert.deepEqual(labels(ecs), ['AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);
    assert.deepEqual(labels(complete('version: 0.0\nos: |\n', { name: 'file:///appspec.yml' })), ['linux', 'windows']);
  });

  it('offers buildspec phases in run order and the keys of a phase', () => {
    const r = complete('version: 0.2\nphases:\n  install:\n    commands:\n      - x\n  |\n', { name: 'file:///buildspec.yml' });
    assert.deepEqual(labels(r), ['pre_build', 'build', 'post_build']);
    assert.equal(item(r, 'build').insertText, 'build:\n  commands:\n    - ${1}');
    assert.equal(item(r, 'build').kind, 'phase');
    const keys = complete('version: 0.2\nphases:\n  build:\n    |\n', { name: 'file:///buildspec.yml' });
    assert.deepEqual(labels(keys), ['run-as', 'on-failure', 'commands', 'finally']);
    const rt = complete('version: 0.2\nphases:\n  install:\n    runtime-versions:\n      |\n', { name: 'file:///buildspec.yml' });
    assert.ok(labels(rt).includes('nodejs'));
  });
});

describe('inline value reader', () => {
  it('finds the function and argument position of the cursor at the end of a line', () => {
    assert.deepEqual(pick(inlineContext('!If [IsProd, !Ref A, ')), { fn: 'Fn::If', index: 2, word: '' });
    assert.deepEqual(pick(inlineContext('!Join ["", [!Ref A, !GetAtt B.')), { fn: 'Fn::GetAtt', index: 0, word: 'B.' });
    assert.deepEqual(pick(inlineContext('{ "Fn::GetAtt": ["Q", "A')), { fn: 'Fn::GetAtt', index: 1, word: 'A' });
    assert.deepEqual(pick(inlineContext("!Sub 'arn:${AWS::")), { fn: 'Fn::Sub', index: 0, word: 'arn:${AWS::' });
    assert.equal(inlineContext('!Ref').tag, true);
  });
});

function pick(i: ReturnType<typeof inlineContext>) {
  return { fn: i.fn, index: i.index, word: i.word };
}
