import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hoverAt } from '../../server/src/core/hover';
import { allRules } from '../../server/src/core/rules/registry';
import { applyFirstFix, codes, lint, tpl } from './helpers';

const queue = (props: string) => tpl(`  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n${props}`);

describe('CloudFormation rules', () => {
  it('finds nothing in a clean template using every kind of section', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cfn', 'good.yaml'), 'utf8');
    assert.deepEqual(codes(text), []);
  });

  it('reports each mistake in the bad fixture with the expected code', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cfn', 'bad.yaml'), 'utf8');
    assert.deepEqual(codes(text).sort(), ['CFN1001', 'CFN2001', 'CFN3001', 'CFN3002', 'CFN3003', 'CFN3005', 'CFN4001', 'CFN4003', 'CFN4004'].sort());
  });

  it('CFN1001 unknown section, with a did-you-mean fix', () => {
    const text = 'Resource:\n  Q:\n    Type: AWS::SQS::Queue\nOutput: {}\n';
    assert.deepEqual(codes(text, { kind: 'cfn' }).filter((c) => c === 'CFN1001').length, 2);
    assert.match(applyFirstFix(text, 'CFN1001', 0, { kind: 'cfn' }), /^Resources:/);
  });

  it('CFN1002 Resources missing; CFN1003 section shape; CFN1004 version', () => {
    assert.ok(codes('AWSTemplateFormatVersion: "2010-09-09"\nParameters: {}\n', { kind: 'cfn' }).includes('CFN1002'));
    assert.ok(codes(tpl('  Q:\n    Type: AWS::SQS::Queue\n', 'Parameters: [a]\n')).includes('CFN1003'));
    const v = 'AWSTemplateFormatVersion: "2010-09-10"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    assert.ok(codes(v).includes('CFN1004'));
    assert.match(applyFirstFix(v, 'CFN1004'), /AWSTemplateFormatVersion: "2010-09-09"/);
  });

  it('CFN2xxx parameters: type, default constraints, keys, values', () => {
    const p = (body: string) => tpl('  Q:\n    Type: AWS::SQS::Queue\n', `Parameters:\n  P:\n${body}`);
    assert.ok(codes(p('    Type: Strng\n')).includes('CFN2001'));
    assert.ok(codes(p('    Description: x\n')).includes('CFN2001'));
    assert.ok(codes(p('    Type: String\n    Default: c\n    AllowedValues: [a, b]\n')).includes('CFN2002'));
    assert.ok(codes(p('    Type: String\n    Default: ABC\n    AllowedPattern: "[a-z]+"\n')).includes('CFN2002'));
    assert.ok(codes(p('    Type: Number\n    Default: 11\n    MaxValue: 10\n')).includes('CFN2002'));
    assert.ok(codes(p('    Type: String\n    Defualt: a\n')).includes('CFN2003'));
    assert.ok(codes(p('    Type: String\n    Default: !Ref AWS::Region\n')).includes('CFN2004'));
    assert.ok(codes(p('    Type: String\n    NoEcho: 123\n')).includes('CFN2006'));
    assert.deepEqual(codes(p('    Type: List<AWS::EC2::Subnet::Id>\n')), []);
    assert.deepEqual(codes(p('    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>\n    Default: /aws/service/ami\n')), []);
  });

  it('CFN3001 catches Type:AWS::X written without a space, and fixes it', () => {
    const text = tpl('  I:\n    Type:AWS::EC2::Instance\n');
    assert.ok(codes(text).includes('CFN3001'));
    assert.match(applyFirstFix(text, 'CFN3001'), /    Type: AWS::EC2::Instance\n/);
  });

  it('CFN3002 unknown type with did-you-mean; custom resources and modules are fine', () => {
    const text = tpl('  B:\n    Type: AWS::S3::Bucke\n');
    assert.match(lint(text).findings[0].message, /Did you mean 'AWS::S3::Bucket'/);
    assert.match(applyFirstFix(text, 'CFN3002'), /Type: AWS::S3::Bucket\n/);
    assert.deepEqual(codes(tpl('  C:\n    Type: Custom::Thing\n    Properties:\n      ServiceToken: arn:aws:lambda:x\n      Anything: 1\n')), []);
    assert.deepEqual(codes(tpl('  M:\n    Type: My::Org::Thing::MODULE\n    Properties:\n      X: 1\n')), []);
  });

  it('CFN3003 unknown property, CFN3004 required, CFN3005 types, CFN3006 enums', () => {
    assert.ok(codes(queue('      VisibilityTimout: 30\n')).includes('CFN3003'));
    const role = tpl('  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: /\n');
    assert.ok(codes(role).includes('CFN3004'));
    const fixed = applyFirstFix(role, 'CFN3004');
    assert.match(fixed, /      Path: \/\n      AssumeRolePolicyDocument: ""/);
    assert.ok(codes(queue('      DelaySeconds: soon\n')).includes('CFN3005'));
    assert.ok(codes(queue('      FifoQueue: maybe\n')).includes('CFN3005'));
    // A list or mapping where a value of another kind belongs is marked on the key holding it.
    const blockList = tpl('  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: r\n      Code: { ZipFile: x }\n      Environment:\n        Variables:\n          - Key: A\n            Value: B\n');
    const typeFinding = lint(blockList).findings.find((f) => f.code === 'CFN3005')!;
    assert.equal(blockList.slice(typeFinding.start, typeFinding.end), 'Variables');
    assert.match(typeFinding.message, /Variables must be a mapping, but it is a list/);
    assert.ok(codes(queue('      Tags: { a: b }\n')).includes('CFN3005'));
    assert.deepEqual(codes(queue('      DelaySeconds: "5"\n      FifoQueue: "true"\n      QueueName: 123\n')), []);
    const bucket = tpl('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Privat\n');
    assert.ok(codes(bucket).includes('CFN3006'));
    assert.match(applyFirstFix(bucket, 'CFN3006'), /AccessControl: Private\n/);
  });

  it('checks both branches of Fn::If and skips AWS::NoValue', () => {
    const t = queue('      DelaySeconds: !If [C, 5, soon]\n      QueueName: !If [C, a, !Ref AWS::NoValue]\n').replace('Resources:', 'Conditions:\n  C: !Equals [a, a]\nResources:');
    assert.deepEqual(codes(t), ['CFN3005']);
  });

  it('CFN3007 resource-level keys, CFN3008 DependsOn, CFN3009 Condition, CFN3010 policies', () => {
    // A policy attribute given as a function that yields a string: reported on the function; Fn::If is fine.
    const wait = (v: string) => lint(tpl(`  W:\n    Type: AWS::CloudFormation::WaitCondition\n    CreationPolicy: ${v}\n`, 'Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [a, b]\n')).findings.filter((f) => f.code === 'CFN3010');
    assert.match(wait('!Ref P')[0].message, /CreationPolicy must be a mapping .*Ref gives a string/);
    assert.equal(wait('!Sub "${P}"').length, 1);
    assert.deepEqual(wait('!If [C, { ResourceSignal: { Count: 1 } }, !Ref AWS::NoValue]'), []);
    assert.ok(codes(tpl('  Q:\n    Type: AWS::SQS::Queue\n    Propertes: {}\n')).includes('CFN3007'));
    assert.ok(codes(tpl('  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: Nope\n')).includes('CFN3008'));
    assert.ok(codes(tpl('  Q:\n    Type: AWS::SQS::Queue\n    Condition: Nope\n')).includes('CFN3009'));
    const pol = tpl('  Q:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retian\n');
    assert.ok(codes(pol).includes('CFN3010'));
    assert.match(applyFirstFix(pol, 'CFN3010'), /DeletionPolicy: Retain/);
  });

  it('CFN3011 logical IDs, CFN3012 custom resource ServiceToken', () => {
    assert.ok(codes(tpl('  my-queue:\n    Type: AWS::SQS::Queue\n')).includes('CFN3011'));
    assert.ok(codes(tpl('  C:\n    Type: Custom::X\n    Properties:\n      A: 1\n')).includes('CFN3012'));
  });

  it('CFN4001-4009 intrinsic functions', () => {
    const base = (v: string) => queue(`      QueueName: ${v}\n`).replace('Resources:', 'Parameters:\n  Env:\n    Type: String\nMappings:\n  M:\n    a: { b: c }\nConditions:\n  C: !Equals [!Ref Env, x]\nResources:');
    assert.deepEqual(codes(base('!Ref Env')), []);
    assert.ok(codes(base('!Ref Nope')).includes('CFN4001'));
    assert.ok(codes(base('!GetAtt Nope.Arn')).includes('CFN4002'));
    assert.ok(codes(base('!GetAtt Q.Nope')).includes('CFN4003'));
    assert.ok(codes(base('!Sub "${Nope}-x"')).includes('CFN4004'));
    // Every variable is known; Q naming its own attribute is a loop (CFN3200), not a Sub problem.
    assert.deepEqual(codes(base('!Sub ["${A}-${Env}-${AWS::Region}-${Q.Arn}-${!Lit}", { A: b }]')), ['CFN3200']);
    assert.ok(codes(base('!FindInMap [Nope, a, b]')).includes('CFN4005'));
    assert.ok(codes(base('!FindInMap [M, z, b]')).includes('CFN4005'));
    assert.ok(codes(base('!If [Nope, a, b]')).includes('CFN4006'));
    assert.ok(codes(base('!If [C, a]')).includes('CFN4007'));
    assert.ok(codes(base('{ "Fn::Joint": ["", [a]] }')).includes('CFN4008'));
    // A local YAML tag CloudFormation does not know (a rain directive) is reported on the tag, with the nearest real tag as the fix.
    const rain = queue('      QueueName: !Rain::Embed name.txt\n      RedrivePolicy: !Jion ["", [a]]\n');
    const tags = lint(rain).findings.filter((f) => f.code === 'CFN4008');
    assert.deepEqual(tags.map((f) => rain.slice(f.start, f.end)), ['!Rain::Embed', '!Jion']);
    assert.match(applyFirstFix(rain.replace('!Rain::Embed name.txt', 'x'), 'CFN4008'), /RedrivePolicy: !Join \[/);
    // YAML's own tags are not CloudFormation's concern, and cfn-lint's ignore_checks for E3012 covers it.
    assert.ok(!codes(queue('      DelaySeconds: !!int 5\n')).includes('CFN4008'));
    const ignored = rain.replace('    Properties:', '    Metadata:\n      cfn-lint:\n        config:\n          ignore_checks: [E3012]\n    Properties:');
    assert.ok(!codes(ignored).includes('CFN4008'));
    // Fn::Equals with a list-typed parameter: Ref gives a list, not a string.
    const listEq = (type: string) => tpl('  Q:\n    Type: AWS::SQS::Queue\n', `Parameters:\n  Envs:\n    Type: ${type}\nConditions:\n  C: !Equals [!Ref Envs, prod]\n`);
    const eq = lint(listEq('CommaDelimitedList')).findings.filter((f) => f.code === 'CFN4007');
    assert.equal(eq.length, 1);
    assert.match(eq[0].message, /parameter 'Envs' is a CommaDelimitedList, which Ref gives as a list/);
    assert.deepEqual(lint(listEq('String')).findings.filter((f) => f.code === 'CFN4007'), []);
    const inCond = tpl('  Q:\n    Type: AWS::SQS::Queue\n', 'Conditions:\n  C: !If [X, a, b]\n');
    assert.ok(codes(inCond).includes('CFN4009'));
  });

  it('points the Sub finding at the variable and fixes it', () => {
    const text = queue('      QueueName: !Sub "${Q}-${Envv}"\n').replace('Resources:', 'Parameters:\n  Env:\n    Type: String\nResources:');
    const f = lint(text).findings.find((x) => x.code === 'CFN4004')!;
    assert.equal(text.slice(f.start, f.end), 'Envv');
    assert.match(applyFirstFix(text, 'CFN4004'), /\$\{Q\}-\$\{Env\}/);
  });

  it('CFN5xxx outputs, CFN6001 mappings, CFN7001 conditions, CFN8001 rules', () => {
    const r = '  Q:\n    Type: AWS::SQS::Queue\n';
    assert.ok(codes(tpl(r) + 'Outputs:\n  O:\n    Description: x\n').includes('CFN5001'));
    assert.ok(codes(tpl(r) + 'Outputs:\n  O:\n    Value: 1\n    Export: {}\n').includes('CFN5002'));
    assert.ok(codes(tpl(r, 'Mappings:\n  M:\n    a: b\n')).includes('CFN6001'));
    assert.ok(codes(tpl(r, 'Conditions:\n  C: !Ref X\n')).includes('CFN7001'));
    assert.ok(codes(tpl(r, 'Rules:\n  R:\n    Asserts: []\n')).includes('CFN8001'));
  });

  it('accepts SAM-generated names as Ref and GetAtt targets', () => {
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: a.b\n      Runtime: python3.12\n      Events:\n        Api:\n          Type: Api\n          Properties: { Path: /, Method: get }\nOutputs:\n  Role:\n    Value: !GetAtt FnRole.Arn\n  Api:\n    Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/"\n  Alias:\n    Value: !Ref Fn.Alias\n';
    assert.deepEqual(codes(sam), []);
  });

  it('suppresses by cfn-lint ignore_checks and by our comments', () => {
    const text = queue('      VisibilityTimout: 30\n');
    assert.ok(codes(text).includes('CFN3003'));
    assert.deepEqual(codes(text.replace('Resources:', 'Metadata:\n  cfn-lint:\n    config:\n      ignore_checks: [E3002]\nResources:')), []);
    assert.deepEqual(codes(text.replace('      VisibilityTimout', '      # aws-notes-disable-next-line CFN3003\n      VisibilityTimout')), []);
    assert.deepEqual(codes(text.replace('VisibilityTimout: 30', 'VisibilityTimout: 30 # aws-notes-disable-line')), []);
    assert.deepEqual(codes('# aws-notes-disable CFN3003\n' + text), []);
    assert.ok(codes(text.replace('      VisibilityTimout', '      # aws-notes-disable-next-line CFN3005\n      VisibilityTimout')).includes('CFN3003'));
  });

  it('every rule has a unique code documented in docs/rules.md', () => {
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    const seen = new Set<string>();
    for (const r of allRules) {
      assert.ok(!seen.has(r.code), `duplicate ${r.code}`);
      seen.add(r.code);
      assert.match(docs, new RegExp(`^### ${r.code}\\b`, 'm'), `${r.code} not documented`);
    }
  });
});

describe('GetAtt did-you-mean in the dotted form', () => {
  it('suggests the resource and rewrites Res.Attr whole', () => {
    const text = tpl('  OrdersQueue:\n    Type: AWS::SQS::Queue\n') + 'Outputs:\n  A:\n    Value: !GetAtt OrdersQeue.Arn\n';
    const f = lint(text).findings.find((x) => x.code === 'CFN4002')!;
    assert.match(f.message, /Did you mean 'OrdersQueue'/);
    assert.match(applyFirstFix(text, 'CFN4002'), /!GetAtt OrdersQueue\.Arn/);
  });
});

describe('CloudFormation hovers', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'template.yaml'), 'utf8');
  const at = (needle: string) => {
    const { doc } = lint(text);
    return hoverAt(doc, 'cfn', text.indexOf(needle) + 2);
  };
  it('explain types, properties, intrinsics, sections and parameter keys', () => {
    assert.match(at('AWS::SQS::Queue')!.markdown, /GetAtt attributes: `Arn`/);
    assert.match(at('MessageRetentionPeriod')!.markdown, /Integer/);
    assert.match(at('!GetAtt')!.markdown, /Fn::GetAtt/);
    assert.match(at('Parameters')!.markdown, /template section/);
    assert.match(at('AllowedValues')!.markdown, /parameter property/);
    assert.equal(at('Orders service'), null); // free text: nothing to explain
  });
});
