import assert from 'node:assert/strict';
import { matchesPattern } from '../../server/src/core/rules/jsonschema/pattern';
import { applyFirstFix, lint, tpl } from './helpers';

const res = (type: string, props: string, extra = '') => tpl(`  R:\n    Type: ${type}\n    Properties:\n${props}`, extra);
const found = (text: string, code: string) => lint(text).findings.filter((f) => f.code === code);
const lineOf = (text: string, code: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => f.code === code).map((f) => doc.lines.positionAt(f.start).line);
};

describe('resource properties from the registry schemas', () => {
  it('CFN3101 a number out of range, with a fix that clamps it', () => {
    const text = res('AWS::SQS::Queue', '      DelaySeconds: 1000\n      VisibilityTimeout: 30\n');
    const f = found(text, 'CFN3101');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /DelaySeconds is 1000; it must be at most 900 \(0 to 900\)/);
    assert.match(applyFirstFix(text, 'CFN3101'), /DelaySeconds: 900\n/);
    assert.match(applyFirstFix(res('AWS::SQS::Queue', '      MaximumMessageSize: 10\n'), 'CFN3101'), /MaximumMessageSize: 1024\n/);
  });

  it('CFN3006 enum at depth (a list of objects through $ref definitions), with did-you-mean first', () => {
    const text = res('AWS::DynamoDB::Table', '      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: Z\n        - AttributeName: sk\n          AttributeType: Sx\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n');
    const f = found(text, 'CFN3006');
    assert.deepEqual(f.map((x) => x.path?.slice(3)), [['AttributeDefinitions', 0, 'AttributeType'], ['AttributeDefinitions', 1, 'AttributeType']]);
    assert.match(applyFirstFix(text.replace('AttributeType: Z', 'AttributeType: S'), 'CFN3006'), /AttributeType: S\n/);
    const rules = res('AWS::S3::Bucket', '      LifecycleConfiguration:\n        Rules:\n          - Status: Enabled\n            ExpirationInDays: 3\n          - Status: Enabld\n            ExpirationInDays: 3\n');
    const s3 = found(rules, 'CFN3006');
    assert.deepEqual(s3.map((x) => x.path?.slice(3)), [['LifecycleConfiguration', 'Rules', 1, 'Status']]);
    assert.match(s3[0].message, /Did you mean 'Enabled'/);
    assert.match(applyFirstFix(rules, 'CFN3006'), /- Status: Enabled\n {12}ExpirationInDays: 3\n$/);
  });

  it('CFN3003 and CFN3004 in nested objects, with fixes', () => {
    const text = res('AWS::SQS::Queue', '      RedrivePolicy:\n        deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:dlq\n        maxReceiveCont: 3\n');
    const f = found(text, 'CFN3003');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /'maxReceiveCont' is not a property of RedrivePolicy\. Did you mean 'maxReceiveCount'\?/);
    assert.match(applyFirstFix(text, 'CFN3003'), /maxReceiveCount: 3/);
    const missing = res('AWS::EC2::SecurityGroup', '      GroupDescription: web\n      SecurityGroupIngress:\n        - CidrIp: 0.0.0.0/0\n          FromPort: 443\n          ToPort: 443\n');
    assert.match(found(missing, 'CFN3004')[0].message, /'IpProtocol'/);
    assert.match(applyFirstFix(missing, 'CFN3004'), /IpProtocol: /);
  });

  it('CFN3102 length, CFN3103 pattern, CFN3104 item counts, CFN3105 duplicates', () => {
    const arns = (n: number) => res('AWS::IAM::Role', `      AssumeRolePolicyDocument: {}\n      ManagedPolicyArns:\n${Array.from({ length: n }, (_, i) => `        - arn:aws:iam::aws:policy/P${i}\n`).join('')}`);
    assert.match(found(arns(21), 'CFN3104')[0].message, /21 items; at most 20/);
    assert.deepEqual(found(arns(20), 'CFN3104'), []);
    const long = res('AWS::Logs::LogGroup', `      LogGroupName: ${'a'.repeat(600)}\n`);
    assert.match(found(long, 'CFN3102')[0].message, /at most 512/);
    assert.equal(found(res('AWS::Logs::LogGroup', '      LogGroupName: "bad name!"\n'), 'CFN3103').length, 1);
    assert.equal(found(res('AWS::Logs::LogGroup', '      LogGroupName: /aws/lambda/fn\n'), 'CFN3103').length, 0);
    const dup = res('AWS::IAM::Role', '      AssumeRolePolicyDocument: {}\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n');
    assert.deepEqual(lineOf(dup, 'CFN3105'), [8]); // the second copy
  });

  it('CFN3106 exactly one of a group; a conditional one is not counted twice', () => {
    const two = res('AWS::EC2::SecurityGroupIngress', '      GroupId: sg-1\n      IpProtocol: tcp\n      CidrIp: 0.0.0.0/0\n      CidrIpv6: ::/0\n');
    assert.match(found(two, 'CFN3106')[0].message, /only one of 'CidrIp', 'CidrIpv6'/);
    // Each conflicting key is marked where it is written, and its fix removes that key.
    assert.deepEqual(found(two, 'CFN3106').map((f) => two.slice(f.start, f.end)), ['CidrIp', 'CidrIpv6']);
    assert.doesNotMatch(applyFirstFix(two, 'CFN3106'), /CidrIp: 0\.0\.0\.0\/0/);
    const none = res('AWS::EC2::SecurityGroupIngress', '      GroupId: sg-1\n      IpProtocol: tcp\n');
    assert.match(found(none, 'CFN3106')[0].message, /needs one of 'CidrIp'/);
    const cond = res('AWS::EC2::SecurityGroupIngress', '      GroupId: sg-1\n      IpProtocol: tcp\n      CidrIp: !If [V6, !Ref AWS::NoValue, 0.0.0.0/0]\n      CidrIpv6: !If [V6, ::/0, !Ref AWS::NoValue]\n', 'Conditions:\n  V6: !Equals [a, b]\n');
    assert.deepEqual(found(cond, 'CFN3106'), []);
  });

  it('CFN3107 properties that need or exclude each other', () => {
    const text = res('AWS::EC2::Instance', '      ImageId: ami-12345678\n      SubnetId: subnet-1\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          SubnetId: subnet-1\n');
    assert.equal(found(text, 'CFN3107').length, 2);
    const needs = res('AWS::DynamoDB::Table', '      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n      SSESpecification:\n        SSEEnabled: true\n        KMSMasterKeyId: alias/k\n');
    assert.match(found(needs, 'CFN3107')[0].message, /'KMSMasterKeyId' needs 'SSEType'/);
    assert.match(applyFirstFix(needs, 'CFN3107'), /SSEType: /);
  });

  it('CFN3108 read-only properties set in a template (warning), fix removes them', () => {
    const text = res('AWS::SQS::Queue', '      Arn: arn:aws:sqs:us-east-1:123456789012:q\n      DelaySeconds: 5\n');
    const f = found(text, 'CFN3108');
    assert.equal(f[0].severity, 'warning');
    assert.doesNotMatch(applyFirstFix(text, 'CFN3108'), /Arn:/);
  });

  it('intrinsics: Fn::If branches checked, Ref to a parameter checked per AllowedValues, other functions and ${} skipped', () => {
    const iff = res('AWS::SQS::Queue', '      DelaySeconds: !If [C, 5, 901]\n', 'Conditions:\n  C: !Equals [a, b]\n');
    assert.equal(found(iff, 'CFN3101').length, 1);
    const param = (values: string) => res('AWS::SQS::Queue', '      DelaySeconds: !Ref D\n', `Parameters:\n  D:\n    Type: Number\n    AllowedValues: [${values}]\n`);
    assert.match(found(param('0, 1000'), 'CFN3101')[0].message, /Parameter 'D' allows '1000'/);
    assert.deepEqual(found(param('0, 900'), 'CFN3101'), []);
    assert.deepEqual(found(res('AWS::SQS::Queue', '      DelaySeconds: !GetAtt X.Y\n      KmsMasterKeyId: !Sub "${AWS::AccountId}"\n'), 'CFN3101'), []);
    assert.deepEqual(found(res('AWS::Logs::LogGroup', '      LogGroupName: "bad name ${Env}"\n'), 'CFN3103'), []);
  });

  it('stays silent on a clean, realistic resource', () => {
    const text = res('AWS::EC2::SecurityGroup', '      GroupDescription: web\n      VpcId: vpc-0123abcd\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n      Tags:\n        - Key: Name\n          Value: web\n');
    assert.deepEqual(lint(text).findings.map((f) => f.code), []);
  });
});

describe('schema fixes stay safe', () => {
  it('no duplicate key for a required property present as AWS::NoValue; no delete of a list item\'s first key', () => {
    const noValue = res('AWS::EC2::VPC', '      CidrBlock: 10.0.0.0/16\n      Tags:\n        - Key: !Ref AWS::NoValue\n          Value: v\n');
    const f = found(noValue, 'CFN3004');
    assert.equal(f.length, 1);
    assert.equal(f[0].data, undefined);
    const first = res('AWS::EC2::VPC', '      CidrBlock: 10.0.0.0/16\n      Tags:\n        - Zzzzzz: a\n          Key: k\n          Value: v\n');
    const u = found(first, 'CFN3003');
    assert.equal(u.length, 1);
    assert.equal(u[0].data, undefined);
  });
});

describe('candidate ranking: lint --fix applies the obvious one', () => {
  it('AWS::SQS::Queu becomes AWS::SQS::Queue (same service), not AWS::PCS::Queue', () => {
    const text = tpl('  Q:\n    Type: AWS::SQS::Queu\n');
    const f = found(text, 'CFN3002')[0];
    assert.deepEqual(f.data?.fix === 'replace' && f.data.candidates, ['AWS::SQS::Queue']);
    assert.match(applyFirstFix(text, 'CFN3002'), /Type: AWS::SQS::Queue\n/);
  });

  it('a misspelled service, or a right service with no near type in it, is compared with every type', () => {
    const cands = (type: string) => {
      const f = found(tpl(`  Q:\n    Type: ${type}\n`), 'CFN3002')[0];
      return f.data?.fix === 'replace' ? f.data.candidates : [];
    };
    assert.equal(cands('AWS::S4::Bucket')[0], 'AWS::S3::Bucket');
    assert.equal(cands('AWS::SQS::Bucket')[0], 'AWS::S3::Bucket');
    assert.equal(cands('AWS::Lambda::Functions')[0], 'AWS::Lambda::Function');
  });

  it('GetAtt Url becomes QueueUrl (the name it ends), in both the list and the dotted form', () => {
    const list = tpl('  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  U:\n    Value: !GetAtt [Q, Url]\n');
    assert.match(found(list, 'CFN4003')[0].message, /Did you mean 'QueueUrl'/);
    assert.match(applyFirstFix(list, 'CFN4003'), /!GetAtt \[Q, QueueUrl\]/);
    const dotted = tpl('  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  U:\n    Value: !GetAtt Q.Url\n');
    assert.match(applyFirstFix(dotted, 'CFN4003'), /!GetAtt Q\.QueueUrl\n/);
  });

  it('GetAtt reads the registry\'s read-only properties, nested ones included', () => {
    const ok = tpl('  D:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBInstanceClass: db.t3.micro, Engine: mysql }\nOutputs:\n  A:\n    Value: !GetAtt D.Endpoint.Address\n  Q:\n    Value: !GetAtt S.QueueName\n');
    assert.deepEqual(found(ok.replace('Resources:\n', 'Resources:\n  S:\n    Type: AWS::SQS::Queue\n'), 'CFN4003'), []);
  });

  it('GetAtt also reads the settable properties CloudFormation exposes on older types, and nothing the registry lacks', () => {
    const get = (type: string, attr: string) => found(tpl(`  R:\n    Type: ${type}\nOutputs:\n  O:\n    Value: !GetAtt R.${attr}\n`), 'CFN4003');
    // Every property of a type GetAtt reads whole, nested scalar leaves dotted.
    assert.deepEqual(get('AWS::SQS::Queue', 'RedrivePolicy.maxReceiveCount'), []);
    assert.deepEqual(get('AWS::EC2::CapacityReservation', 'InstanceCount'), []);
    // Named settable properties of the others.
    assert.deepEqual(get('AWS::SageMaker::Model', 'ModelName'), []);
    assert.deepEqual(get('AWS::EC2::Instance', 'AvailabilityZone'), []);
    assert.equal(get('AWS::Lambda::Function', 'Runtime').length, 1);
    // A provisioned product's outputs, like a nested stack's.
    assert.deepEqual(get('AWS::ServiceCatalog::CloudFormationProvisionedProduct', 'Outputs.BucketName'), []);
  });
});

describe('schema patterns', () => {
  it('run in linear time, search anywhere like JSON Schema, and fall back for lookaround', () => {
    assert.equal(matchesPattern('^(a+)+$', `${'a'.repeat(5000).slice(0, 2000)}b`), false);
    assert.equal(matchesPattern('[0-9]+', 'abc123'), true);
    assert.equal(matchesPattern('^[a-z]+(?<!\\.git)$', 'repo'), true);
    assert.equal(matchesPattern('^x$', 'y'.repeat(3000)), undefined);
  });
});

describe('CFN3109 unique identifiers', () => {
  const roles = (a: string, b: string, cond = '') => tpl(`  A:\n    Type: AWS::IAM::Role\n${cond}    Properties:\n      AssumeRolePolicyDocument: {}\n      RoleName: ${a}\n  B:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n      RoleName: ${b}\n`, cond ? 'Conditions:\n  C: !Equals [a, b]\n' : '');

  it('reports both resources when two of a type set the same name (literal or the same expression)', () => {
    assert.deepEqual(lineOf(roles('app', 'app'), 'CFN3109'), [6, 11]); // each RoleName line
    assert.equal(found(roles('!Sub "${AWS::StackName}-r"', '!Sub "${AWS::StackName}-r"'), 'CFN3109').length, 2);
  });

  it('is silent for different names, a conditional resource, or types whose identifier CloudFormation generates', () => {
    assert.deepEqual(found(roles('app', 'web'), 'CFN3109'), []);
    assert.deepEqual(found(roles('app', 'app', '    Condition: C\n'), 'CFN3109'), []);
    assert.deepEqual(found(tpl('  A:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: 1 }\n  B:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySeconds: 1 }\n'), 'CFN3109'), []);
  });
});

describe('CFN3010 DeletionPolicy values', () => {
  const dp = (v: string) => tpl(`  H:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    DeletionPolicy:${v}`, 'Parameters:\n  P:\n    Type: String\n');
  it('a function other than Ref/If/FindInMap/Sub, or a mapping, is reported on the DeletionPolicy key', () => {
    assert.deepEqual(lineOf(dp('\n      Fn::Cidr: [192.168.0.0/24, 6, 5]\n'), 'CFN3010'), [7]);
    assert.deepEqual(lineOf(dp('\n      A: a1\n'), 'CFN3010'), [7]);
    assert.deepEqual(found(dp(' !Ref P\n'), 'CFN3010'), []);
  });
});

describe('Values chosen by Fn::If under a referenced definition', () => {
  it('reports an empty branch once, on the branch itself', () => {
    const text = tpl('  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior:\n          Fn::If:\n            - C\n            - !Ref AWS::NoValue\n            - {}\n', 'Conditions:\n  C: !Equals [a, b]\n');
    const f = found(text, 'CFN3004');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '{}');
  });
});

describe('Properties chosen by Fn::If', () => {
  it('checks each branch as a whole Properties mapping, reporting on the branch', () => {
    const text = tpl('  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      Fn::If:\n        - C\n        - PolicyName: p\n          PolicyDocument: {}\n        - PolicyName: p\n          PolicyDocument: {}\n          Users: [u]\n', 'Conditions:\n  C: !Equals [a, b]\n');
    assert.deepEqual(lineOf(text, 'CFN3106'), [9]); // the first branch names no Users, Groups or Roles
    assert.deepEqual(found(text.replace('        - PolicyName: p\n          PolicyDocument: {}\n        - ', '        - Roles: [r]\n          PolicyName: p\n          PolicyDocument: {}\n        - '), 'CFN3106'), []);
  });
});
