import assert from 'node:assert/strict';
import { parseTemplate, type TemplateDocument } from '../../server/src/core/document';
import { definitionAt, highlightsAt, prepareRename, referencesAt, renameAt } from '../../server/src/core/editing/references';
import { applyEdits } from '../../server/src/core/fixes';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Metadata:
  AWS::CloudFormation::Interface:
    ParameterGroups:
      - Parameters: [Env]
    ParameterLabels:
      Env: {default: Environment}
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Either:
    Fn::Or:
      - Condition: IsProd
      - !Condition NotProd
Mappings:
  RegionMap:
    us-east-1: {Size: small}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProd
    Properties:
      QueueName: !Sub "\${Env}-\${Queue.QueueName}-\${AWS::Region}-\${!Queue}"
  Dlq:
    Type: AWS::SQS::Queue
    DependsOn: [Queue]
    Properties:
      DelaySeconds: !If [IsProd, 1, 0]
      QueueName: !Sub
        - "\${Queue}-\${Local}"
        - Local: !GetAtt [Queue, Arn]
  Other:
    Type: AWS::SQS::Queue
    DependsOn: Queue
    Properties:
      QueueName: !FindInMap [RegionMap, !Ref "AWS::Region", Size]
      RedrivePolicy:
        deadLetterTargetArn: { "Fn::GetAtt": ["Queue", "Arn"] }
        maxReceiveCount: 3
Outputs:
  Url:
    Condition: IsProd
    Value: !Ref Queue
    Export:
      Name: !Sub '\${AWS::StackName}-\${Queue}'
  Arn:
    Value: !GetAtt Queue.Arn
`;

const doc = parseTemplate('file:///t.yaml', 1, TEMPLATE);
/** Offset of the `n`-th occurrence of `needle`, plus `delta`. */
function at(needle: string, n = 0, delta = 1, text = TEMPLATE): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `'${needle}' #${n} not found`);
  }
  return i + delta;
}
const lineOf = (d: TemplateDocument, o: number) => d.lines.positionAt(o).line;
const where = (d: TemplateDocument, offset: number) => referencesAt(d, offset).map((o) => `${d.text.slice(o.start, o.end)}@${lineOf(d, o.start)}${o.definition ? '*' : ''}`);

describe('references: definition and find references', () => {
  it('finds every use of a resource: Ref, both GetAtt forms, Sub, DependsOn (string and list)', () => {
    const refs = where(doc, at('!Ref Queue', 0, 6));
    assert.deepEqual(refs, ['Queue@21*', 'Queue@25', 'Queue@28', 'Queue@32', 'Queue@33', 'Queue@36', 'Queue@40', 'Queue@45', 'Queue@47', 'Queue@49']);
  });

  it('leaves out `${!Literal}` escapes and the Sub variable map keys', () => {
    const line25 = TEMPLATE.split('\n')[25];
    const refsOnLine = referencesAt(doc, at('  Queue:', 0, 3)).filter((o) => lineOf(doc, o.start) === 25);
    assert.equal(refsOnLine.length, 1, line25);
    assert.deepEqual(referencesAt(doc, at('${Local}', 0, 3)), []);
  });

  it('goes to the definition from a use inside a Sub string', () => {
    const d = definitionAt(doc, at('${Queue.QueueName}', 0, 4))!;
    assert.equal(d.what, 'resource');
    assert.equal(lineOf(doc, d.start), 21);
    assert.equal(TEMPLATE.slice(d.start, d.end), 'Queue');
  });

  it('finds a parameter through Ref, Sub and the console interface metadata', () => {
    assert.deepEqual(where(doc, at('!Ref Env', 0, 6)), ['Env@4', 'Env@6', 'Env@8*', 'Env@11', 'Env@25']);
  });

  it('finds a condition through Condition attributes, Fn::If, !Condition and {Condition: X}', () => {
    assert.deepEqual(where(doc, at('IsProd:', 0, 2)), ['IsProd@11*', 'IsProd@12', 'IsProd@15', 'IsProd@23', 'IsProd@30', 'IsProd@44']);
  });

  it('finds a mapping through FindInMap', () => {
    assert.deepEqual(where(doc, at('RegionMap,', 0, 2)), ['RegionMap@18*', 'RegionMap@38']);
    assert.equal(definitionAt(doc, at('RegionMap,', 0, 2))?.what, 'mapping');
  });

  it('can leave the declaration out', () => {
    assert.ok(referencesAt(doc, at('!Ref Env', 0, 6), false).every((o) => !o.definition));
  });

  it('marks the definition for highlighting', () => {
    const h = highlightsAt(doc, at('DependsOn: Queue', 0, 12));
    assert.equal(h.filter((o) => o.definition).length, 1);
    assert.equal(h.length, 10);
  });

  it('finds nothing on plain values and pseudo parameters', () => {
    assert.deepEqual(referencesAt(doc, at('AWS::SQS::Queue', 0, 3)), []);
    assert.deepEqual(referencesAt(doc, at('"AWS::Region"', 0, 3)), []);
  });

  it('works in JSON templates, inside quotes', () => {
    const json = '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}, "P": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": {"Fn::Sub": "${Q.Arn}"}}}}}';
    const d = parseTemplate('file:///t.json', 1, json);
    const refs = referencesAt(d, json.indexOf('"Q"') + 1);
    assert.equal(refs.length, 3);
    assert.ok(refs.every((o) => json.slice(o.start, o.end) === 'Q'));
  });

  it('counts names SAM generates from a serverless resource as uses of it', () => {
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: ., Handler: a.b, Runtime: python3.12}\nOutputs:\n  Role:\n    Value: !GetAtt FnRole.Arn\n';
    const d = parseTemplate('file:///t.yaml', 1, sam);
    const refs = referencesAt(d, sam.indexOf('Fn:') + 1);
    assert.equal(refs.length, 2);
    const r = renameAt(d, sam.indexOf('Fn:') + 1, 'Handler2');
    assert.ok('edits' in r);
    assert.match(applyEdits(sam, r.edits), /!GetAtt Handler2Role\.Arn/);
  });
});

describe('references: rename', () => {
  it('renames a logical ID everywhere with minimal edits, including inside Sub strings', () => {
    const r = renameAt(doc, at('[Queue, Arn]', 0, 2), 'MainQueue');
    assert.ok('edits' in r, JSON.stringify(r));
    assert.equal(r.edits.length, 10);
    assert.ok(r.edits.every((e) => e.end - e.start === 'Queue'.length && e.text === 'MainQueue'));
    const out = applyEdits(TEMPLATE, r.edits);
    assert.match(out, /\$\{MainQueue\.QueueName\}/);
    assert.match(out, /\$\{!Queue\}/, 'escapes stay');
    assert.match(out, /"\$\{MainQueue\}-\$\{Local\}"/);
    assert.match(out, /\["MainQueue", "Arn"\]/);
    assert.match(out, /DependsOn: \[MainQueue\]/);
    assert.match(out, /DependsOn: MainQueue\n/);
    assert.match(out, /!GetAtt MainQueue\.Arn/);
    assert.match(out, /^ {2}MainQueue:$/m);
    // Everything else is untouched.
    assert.equal(out.replace(/MainQueue/g, 'Queue'), TEMPLATE);
  });

  it('renames a parameter, a condition and a mapping', () => {
    const p = renameAt(doc, at('  Env:', 1, 3), 'Stage');
    assert.ok('edits' in p);
    assert.equal(p.edits.length, 5);
    const c = renameAt(doc, at('!Condition IsProd', 0, 12), 'Production');
    assert.ok('edits' in c);
    const out = applyEdits(TEMPLATE, c.edits);
    assert.match(out, /- Condition: Production/);
    assert.match(out, /!If \[Production, 1, 0\]/);
    const m = renameAt(doc, at('RegionMap:', 0, 2), 'Sizes');
    assert.ok('edits' in m);
    assert.match(applyEdits(TEMPLATE, m.edits), /!FindInMap \[Sizes,/);
  });

  it('refuses names that are not alphanumeric or already taken', () => {
    const bad = renameAt(doc, at('!Ref Queue', 0, 6), 'my-queue');
    assert.ok('error' in bad);
    assert.match(bad.error, /letters A-Z, a-z and digits 0-9/);
    const taken = renameAt(doc, at('!Ref Queue', 0, 6), 'Env');
    assert.ok('error' in taken);
    assert.match(taken.error, /'Env' is already a parameter/);
    // Conditions have their own namespace: a condition may share a resource's name.
    assert.ok('edits' in renameAt(doc, at('IsProd:', 0, 2), 'Queue'));
    assert.ok('error' in renameAt(doc, at('IsProd:', 0, 2), 'NotProd'));
  });

  it('prepares a rename on the name under the cursor, and explains when it cannot', () => {
    const p = prepareRename(doc, at('${Queue}', 0, 3));
    assert.ok('placeholder' in p);
    assert.equal(p.placeholder, 'Queue');
    assert.equal(TEMPLATE.slice(p.start, p.end), 'Queue');
    const pseudo = prepareRename(doc, at('AWS::StackName', 0, 3));
    assert.ok('error' in pseudo);
    assert.match(pseudo.error, /pseudo parameter/);
    assert.ok('error' in prepareRename(doc, at('maxReceiveCount', 0, 3)));
  });

  it('returns no edits for the same name', () => {
    const r = renameAt(doc, at('!Ref Queue', 0, 6), 'Queue');
    assert.deepEqual(r, { edits: [] });
  });
});
