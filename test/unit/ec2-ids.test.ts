import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const found = (text: string, code: string) => lint(text).findings.filter((f) => f.code === code);
const slices = (text: string, code: string) => found(text, code).map((f) => text.slice(f.start, f.end));

describe('CFN5201 VPC, subnet and security group IDs', () => {
  const sg = (vpc: string) => tpl(`  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      VpcId: ${vpc}\n`);

  it('reports a literal that is not vpc-/subnet- and 8 or 17 hex digits, at any depth and in Fn::If branches', () => {
    assert.deepEqual(slices(sg('vpc-123456'), 'CFN5201'), ['vpc-123456']);
    const fn = tpl('  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: r\n      Code: { ZipFile: x }\n      VpcConfig:\n        SubnetIds: [subnet-0123abcd, abc-123456, !If [C, subnet-zz, !Ref AWS::NoValue]]\n', 'Conditions:\n  C: !Equals [a, b]\n');
    assert.deepEqual(slices(fn, 'CFN5201'), ['abc-123456', 'subnet-zz']);
  });

  it('accepts real IDs, functions, ${} text and custom resources', () => {
    assert.deepEqual(found(sg('vpc-0123abcd'), 'CFN5201'), []);
    assert.deepEqual(found(sg('vpc-0123456789abcdef0'), 'CFN5201'), []);
    assert.deepEqual(found(sg('!ImportValue shared-vpc'), 'CFN5201'), []);
    assert.deepEqual(found(sg("'{{resolve:ssm:/network/vpc}}'"), 'CFN5201'), []);
    assert.deepEqual(found(tpl('  C:\n    Type: Custom::Thing\n    Properties:\n      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f\n      VpcId: main\n'), 'CFN5201'), []);
    // Free-form maps may use the names for anything: stack parameters, environment variables.
    assert.deepEqual(found(tpl('  S:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/t.yaml\n      Parameters:\n        VpcId: main\n'), 'CFN5201'), []);
    assert.deepEqual(found(tpl('  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: r\n      Code: { ZipFile: x }\n      Environment:\n        Variables:\n          SubnetId: none\n'), 'CFN5201'), []);
  });

  it('reports security group IDs: SecurityGroupIds items, Source/DestinationSecurityGroupId, GroupId of an ingress or egress rule', () => {
    const inst = tpl('  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123abcd\n      SecurityGroupIds: [sg-0123abcd, sg-test, !Ref G]\n      NetworkInterfaces:\n        - DeviceIndex: 0\n          GroupSet: [!Ref G, sg-dne]\n');
    assert.deepEqual(slices(inst, 'CFN5201'), ['sg-test', 'sg-dne']);
    assert.match(found(inst, 'CFN5201')[0].message, /not a security group ID.*AWS::EC2::SecurityGroup::Id/);
    const ing = tpl("  R:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-abc1234567\n      IpProtocol: '-1'\n      SourceSecurityGroupId: sg-1234567\n");
    assert.deepEqual(slices(ing, 'CFN5201'), ['sg-abc1234567', 'sg-1234567']);
    assert.deepEqual(slices(sg('vpc-0123abcd\n      SecurityGroupEgress:\n        - IpProtocol: tcp\n          DestinationSecurityGroupId: sg-x'), 'CFN5201'), ['sg-x']);
  });

  it('reports AMI IDs of EC2 launch types; resolve:ssm: and other services\' ImageId are left alone', () => {
    const inst = (img: string, type = 'AWS::EC2::Instance') => tpl(`  I:\n    Type: ${type}\n    Properties:\n      ImageId: ${img}\n`);
    assert.deepEqual(slices(inst('ami-123456'), 'CFN5201'), ['ami-123456']);
    assert.match(found(inst('ami-123456'), 'CFN5201')[0].message, /'ami-123456' is not an AMI ID: those are 'ami-' and 8 or 17 lowercase letters or digits.*AWS::EC2::Image::Id/);
    assert.deepEqual(found(inst('ami-0abc123def4567890'), 'CFN5201'), []);
    assert.deepEqual(found(inst('ami-1a2b3c4d'), 'CFN5201'), []);
    assert.deepEqual(found(inst('resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'), 'CFN5201'), []);
    assert.deepEqual(found(tpl('  E:\n    Type: AWS::Cloud9::EnvironmentEC2\n    Properties:\n      InstanceType: t3.small\n      ImageId: amazonlinux-2023-x86_64\n'), 'CFN5201'), []);
  });

  it('leaves GroupId of other services alone (not an EC2 security group there)', () => {
    const text = tpl('  M:\n    Type: AWS::IdentityStore::GroupMembership\n    Properties:\n      IdentityStoreId: d-1234567890\n      GroupId: 1234abcd-12ab-34cd-56ef-1234567890ab\n      MemberId: { UserId: 1234abcd-12ab-34cd-56ef-1234567890ab }\n');
    assert.deepEqual(found(text, 'CFN5201'), []);
  });

  it('offers a Ref when the text names a parameter', () => {
    const text = sg('MyVpc').replace('Resources:', 'Parameters:\n  MyVpc:\n    Type: AWS::EC2::VPC::Id\nResources:');
    assert.match(found(text, 'CFN5201')[0].message, /reference it with !Ref MyVpc/);
    assert.match(applyFirstFix(text, 'CFN5201'), /VpcId: !Ref MyVpc\n/);
  });
});

describe('CFN5202 a subnet in two route tables', () => {
  const assoc = (name: string, subnet: string, cond = '') => `  ${name}:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n${cond ? `    Condition: ${cond}\n` : ''}    Properties:\n      RouteTableId: rtb-0123abcd\n      SubnetId: ${subnet}\n`;
  const conds = 'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsDev: !Equals [!Ref Env, dev]\n';

  it('reports every association of a subnet that another one also associates, on its SubnetId key', () => {
    const text = tpl(assoc('A', '!Ref S') + assoc('B', '!Ref S') + assoc('C', '!Ref T'), conds);
    assert.deepEqual(slices(text, 'CFN5202'), ['SubnetId', 'SubnetId']);
    assert.match(found(text, 'CFN5202')[0].message, /also associated with a route table by 'B'/);
  });

  it('follows conditions: never together is fine, a Fn::If branch that can coincide is not', () => {
    assert.deepEqual(found(tpl(assoc('A', '!Ref S', 'IsProd') + assoc('B', '!Ref S', 'IsDev'), conds), 'CFN5202'), []);
    assert.equal(found(tpl(assoc('A', '!Ref S', 'IsProd') + assoc('B', '!If [IsProd, !Ref S, !Ref T]'), conds), 'CFN5202').length, 2);
    assert.deepEqual(found(tpl(assoc('A', '!Ref S', 'IsProd') + assoc('B', '!If [IsProd, !Ref T, !Ref S]'), conds), 'CFN5202'), []);
  });
});
