import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentCache, parseTemplate } from '../../server/src/core/document';
import { lintDocument } from '../../server/src/core/lint';
import { LintCache } from '../../server/src/core/rules/entryCache';
import { resourceRule } from '../../server/src/core/rules/define';
import { rulesFor } from '../../server/src/core/rules/registry';
import type { Rule } from '../../server/src/core/rules/types';
import { symbolTable } from '../../server/src/core/editing/references';

const fixture = (...p: string[]) => fs.readFileSync(path.join(__dirname, '..', '..', ...p), 'utf8');

/** Findings of every per-entry kind: schema errors at depth, read-only, custom resources, policies, AllowedValues. */
const schemaHeavy = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Timeout:
    Type: String
    AllowedValues: ["30", "99999"]
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retian
    Properties:
      VisibilityTimeout: !Ref Timeout
      DelaySeconds: 901
      RedrivePolicy:
        maxReceiveCount: 5
      Arn: x
  Table:
    Type: AWS::DynamoDB::Table
    UpdatePolicy:
      AutoScalingRollingUpdat: {}
    Properties:
      BillingMode: PROVISIONED_X
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: Q
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
  Custom:
    Type: Custom::Thing
    Properties:
      Size: 1
  Fn:
    Type: AWS::Lambda::Function
    Metadat: {}
    Properties:
      Runtime: !If [IsProd, python3.12, nodejs99.x]
      Handler: index.handler
      Role: !GetAtt Queue.Arn
      Code: { ZipFile: "x" }
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: Not_Valid
      Tags: [{ Key: a }]
  Topic:
    Type: AWS::SNS::Topc
Outputs:
  Q:
    Value: !Ref Queue
`;

/** Checks that read several resources: CIDR blocks of a VPC and its subnets, !Cidr, references and cycles. */
const network = `Parameters:
  Cidr:
    Type: String
    Default: 10.0.0.0/16
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref Cidr
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 300, 8]]
  SubnetB:
    Type: AWS::EC2::Subnet
    DependsOn: SubnetC
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.1.0.0/24
  SubnetC:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref SubnetB
      CidrBlock: 10.0.0.0/24
Outputs:
  Net:
    Value: !Select [9, !Cidr [10.0.0.0/16, 2, 8]]
`;

const TEMPLATES = [schemaHeavy, network, fixture('test', 'fixtures', 'cfn', 'bad.yaml'), fixture('test', 'fixtures', 'cfn', 'good.yaml'), fixture('samples', 'template.yaml'), fixture('samples', 'sam-app.yaml')];

/** What users type: values, keys, whole entries, indentation, syntax that breaks the parse, parameter and transform changes. */
const INSERTS = [
  'a', '1', ' ', '\n', ':', '-', '"', '#', '!Ref Env', '900', '  ', '\n      DelaySeconds: 5', '\n    Properties:\n      Foo: 1',
  '\n  Extra:\n    Type: AWS::SQS::Queue\n', 'AllowedValues: [x]\n    ', 'Transform: AWS::Serverless-2016-10-31\n', '&a ', '*a',
  'Timeout', 'Queue', '{', '[', ']', '}', '${Env}', '${Queue.Arn}', 'Fn::Sub: ',
];

/**
 * Random chains of up to 12 edits (INSERTS at random places) of each template: `check` sees the
 * document the editor's cache holds after each version (`first` for the unedited one).
 */
function editChains(check: (doc: ReturnType<DocumentCache['get']>, first: boolean) => void, seed: number): void {
  fc.assert(
    fc.property(
      fc.constantFrom(...TEMPLATES.keys()),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 8 }), fc.constantFrom(...INSERTS)), { minLength: 1, maxLength: 12 }),
      (which, edits) => {
        const docs = new DocumentCache();
        let text = TEMPLATES[which];
        check(docs.get('u', 0, () => text), true);
        edits.forEach(([where, del, ins], i) => {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
          check(docs.get('u', i + 1, () => text), false);
        });
      },
    ),
    { numRuns: 150, seed },
  );
}

describe('incremental lint (per-entry findings reused across edits)', () => {
  it('reports exactly what a lint from scratch reports, after every edit of a chain (property test)', function () {
    this.timeout(120_000); // ~1,000 lints of each kind; a loaded machine takes a while
    let cache = new LintCache();
    editChains(
      (doc, first) => {
        if (first) lintDocument(doc, { cache: (cache = new LintCache()) });
        else assert.deepEqual(lintDocument(doc, { cache }), lintDocument(parseTemplate('u', doc.version, doc.text)), `after an edit:\n${doc.text}`);
      },
      13,
    );
  });

  it('reuses the findings of unchanged entries, at their new offsets', () => {
    const docs = new DocumentCache();
    const cache = new LintCache();
    const before = lintDocument(docs.get('u', 1, () => schemaHeavy), { cache }).findings;
    // Three characters added to the first resource move every later finding.
    const text = schemaHeavy.replace('DelaySeconds: 901', 'DelaySeconds: 901000');
    const after = lintDocument(docs.get('u', 2, () => text), { cache }).findings;
    assert.deepEqual(after, lintDocument(parseTemplate('u', 2, text)).findings);
    const pattern = (fs: typeof before) => fs.find((f) => f.code === 'CFN3103')!;
    assert.equal(pattern(after).start, pattern(before).start + 3);
    // The UpdatePolicy key of Table, after the edit (its DeletionPolicy finding is before it).
    const fixData = (fs: typeof before) => fs.filter((f) => f.code === 'CFN3010').at(-1)!.data as { start: number };
    assert.equal(fixData(after).start, fixData(before).start + 3);
  });

  it('re-runs checks that read other resources when only those change (a function and its log group)', () => {
    const docs = new DocumentCache();
    const cache = new LintCache();
    const withGroup = schemaHeavy.replace('Resources:\n', 'Resources:\n  FnLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: !Sub /aws/lambda/${Fn}\n');
    const steps = [withGroup, withGroup.replace('${Fn}\n', '${Fn}\n      RetentionInDays: 30\n')];
    steps.forEach((text, i) => {
      const incremental = lintDocument(docs.get('u', i, () => text), { cache }).findings;
      assert.deepEqual(incremental, lintDocument(parseTemplate('u', i, text)).findings);
    });
    const retention = (text: string) => lintDocument(parseTemplate('u', 9, text)).findings.filter((f) => f.code === 'BP1012').length;
    assert.equal(retention(steps[0]) - retention(steps[1]), 1); // the edit changed the function's finding
  });

  it('runs the per-entry rules (ours and added ones) again for the edited entry only', () => {
    const calls: string[] = [];
    const spy = (code: string): Rule =>
      resourceRule(code, 'spy', [], (_ctx, r, out) => {
        calls.push(r.name);
        if (r.type === 'AWS::SNS::Topc') out.push({ message: `${code} on ${r.name}`, start: r.pair.key.start, end: r.pair.key.end });
      });
    const rules = [...rulesFor('cfn'), spy('TEST1'), spy('TEST2')];
    const docs = new DocumentCache();
    const cache = new LintCache();
    lintDocument(docs.get('u', 1, () => schemaHeavy), { cache, rules });
    assert.equal(calls.length, 2 * 6); // two spies, six resources
    calls.length = 0;
    const text = schemaHeavy.replace('DelaySeconds: 901', 'DelaySeconds: 90');
    const after = lintDocument(docs.get('u', 2, () => text), { cache, rules }).findings;
    assert.deepEqual(calls, ['Queue', 'Queue']);
    assert.deepEqual(after, lintDocument(parseTemplate('u', 2, text), { rules }).findings);
    assert.deepEqual(after.filter((f) => f.code.startsWith('TEST')).map((f) => f.message), ['TEST1 on Topic', 'TEST2 on Topic']);
  });

  it('reports a per-entry rule that throws once, as a lint from scratch does, and keeps the others', () => {
    const failing = resourceRule('TEST3', 'throws', [], (_ctx, r) => {
      if (r.name === 'Bucket') throw new Error('boom');
    });
    const rules = [...rulesFor('cfn'), failing];
    const errors: string[] = [];
    const docs = new DocumentCache();
    const cache = new LintCache();
    const incremental = lintDocument(docs.get('u', 1, () => schemaHeavy), { cache, rules, onRuleError: (r) => errors.push(r.code) });
    assert.deepEqual(incremental, lintDocument(parseTemplate('u', 1, schemaHeavy), { rules }));
    assert.deepEqual(errors, ['TEST3']);
    assert.equal(incremental.findings.filter((f) => f.code === 'INTERNAL').length, 1);
    assert.ok(incremental.findings.some((f) => f.code === 'CFN3002')); // the unknown SNS type is still reported
  });

  it('keeps the symbol table (rename, references, dependency cycles) exact after every edit of a chain', function () {
    this.timeout(120_000);
    editChains((doc, first) => {
      const incremental = symbolTable(doc);
      if (!first) assert.deepEqual(incremental.occurrences, symbolTable(parseTemplate('u', doc.version, doc.text)).occurrences, `after an edit:\n${doc.text}`);
    }, 17);
  });

  it('finds the uses in unchanged resources again when a definition is renamed elsewhere', () => {
    const docs = new DocumentCache();
    symbolTable(docs.get('u', 0, () => network));
    const renamed = network.replace('  Cidr:\n    Type: String', '  Cidrx:\n    Type: String');
    const after = symbolTable(docs.get('u', 1, () => renamed));
    assert.deepEqual(after.occurrences, symbolTable(parseTemplate('u', 1, renamed)).occurrences);
    assert.ok(!after.occurrences.some((o) => o.name === 'Cidr'));
    const back = symbolTable(docs.get('u', 2, () => network));
    assert.equal(back.occurrences.filter((o) => o.name === 'Cidr').length, 2); // the definition and Vpc's !Ref
  });
});
