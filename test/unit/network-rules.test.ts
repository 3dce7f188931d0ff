import assert from 'node:assert/strict';
import { makePlan, parsePlanInput, planCloudFormation } from '../../server/src/core/calc/reports';
import { ruleByCode } from '../../server/src/core/rules/registry';
import { applyFirstFix, codes, lint, tpl } from './helpers';

const vpc = (cidr: string, name = 'Vpc') => `  ${name}:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: ${cidr}\n`;
const subnet = (name: string, cidr: string, vpcRef = '!Ref Vpc', extra = '') =>
  `  ${name}:\n    Type: AWS::EC2::Subnet\n${extra}    Properties:\n      VpcId: ${vpcRef}\n      CidrBlock: ${cidr}\n`;
const only = (text: string, prefix: RegExp) => lint(text).findings.filter((f) => prefix.test(f.code));

describe('network rules (CIDR1001–CIDR1006)', () => {
  it('a well-planned VPC has no findings, literal or through !Select/!Cidr', () => {
    const text = tpl(
      vpc('10.16.0.0/16') +
        subnet('A', '10.16.0.0/20') +
        subnet('B', '10.16.16.0/20', '!GetAtt Vpc.VpcId') +
        subnet('C', "!Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 12]]"),
    );
    assert.deepEqual(codes(text), []);
  });

  it('CIDR1001: a subnet outside its VPC, following Ref and GetAtt VpcId', () => {
    const text = tpl(vpc('10.0.0.0/16') + subnet('A', '10.1.0.0/24') + subnet('B', '10.2.0.0/24', '!GetAtt Vpc.VpcId'));
    const f = only(text, /^CIDR1001$/);
    assert.equal(f.length, 2);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Subnet 'A' \(10\.1\.0\.0\/24 = 10\.1\.0\.0–10\.1\.0\.255\) is not inside its VPC 'Vpc' \(10\.0\.0\.0\/16 = 10\.0\.0\.0–10\.0\.255\.255\)/);
    const line = text.slice(0, f[0].start).split('\n').length;
    assert.equal(text.split('\n')[line - 1].trim(), 'CidrBlock: 10.1.0.0/24');
  });

  it('CIDR1001: AWS::EC2::VPCCidrBlock blocks count as the VPC; unknown blocks turn the check off', () => {
    const extra = '  Extra:\n    Type: AWS::EC2::VPCCidrBlock\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.1.0.0/16\n';
    assert.deepEqual(codes(tpl(vpc('10.0.0.0/16') + extra + subnet('A', '10.1.4.0/24'))), []);
    const ipam = '  Extra:\n    Type: AWS::EC2::VPCCidrBlock\n    Properties:\n      VpcId: !Ref Vpc\n      Ipv4IpamPoolId: ipam-pool-1\n      Ipv4NetmaskLength: 20\n';
    assert.deepEqual(only(tpl(vpc('10.0.0.0/16') + ipam + subnet('A', '10.9.0.0/24')), /^CIDR/), []);
    const ipv6Only = '  V6:\n    Type: AWS::EC2::VPCCidrBlock\n    Properties:\n      VpcId: !Ref Vpc\n      AmazonProvidedIpv6CidrBlock: true\n';
    assert.equal(only(tpl(vpc('10.0.0.0/16') + ipv6Only + subnet('A', '10.9.0.0/24')), /^CIDR1001$/).length, 1);
    // A VPC whose block comes from an IPAM pool or an !If is not checked.
    const pooled = '  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      Ipv4IpamPoolId: ipam-pool-1\n      Ipv4NetmaskLength: 16\n';
    assert.deepEqual(only(tpl(pooled + subnet('A', '10.9.0.0/24')), /^CIDR/), []);
  });

  it('CIDR1001 through a parameter Default is a warning that names the parameter', () => {
    const params = 'Parameters:\n  VpcCidr:\n    Type: String\n    Default: 10.0.0.0/16\n';
    const f = only(tpl(vpc('!Ref VpcCidr') + subnet('A', '10.5.0.0/24'), params), /^CIDR1001$/);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /Default of parameter 'VpcCidr'/);
    // SSM parameters' Default is a parameter name, not a block: nothing to check.
    const ssm = 'Parameters:\n  VpcCidr:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /infra/vpc-cidr\n';
    assert.deepEqual(only(tpl(vpc('!Ref VpcCidr') + subnet('A', '10.5.0.0/24'), ssm), /^CIDR/), []);
  });

  it('CIDR1001 follows Mappings with literal keys', () => {
    const maps = 'Mappings:\n  Net:\n    Vpc:\n      Cidr: 10.0.0.0/16\n    A:\n      Cidr: 10.7.0.0/24\n';
    const text = tpl(vpc('!FindInMap [Net, Vpc, Cidr]') + subnet('A', '!FindInMap [Net, A, Cidr]'), maps);
    const f = only(text, /^CIDR1001$/);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
  });

  it('CIDR1002: overlapping subnets of one VPC, not across VPCs or exclusive conditions', () => {
    const text = tpl(vpc('10.0.0.0/16') + subnet('A', '10.0.0.0/20') + subnet('B', '10.0.4.0/24') + subnet('C', '10.0.16.0/20'));
    const f = only(text, /^CIDR1002$/);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Subnet 'B' .* overlaps subnet 'A' \(10\.0\.0\.0\/20\) in VPC 'Vpc': it lies inside 10\.0\.0\.0\/20/);
    const twoVpcs = tpl(vpc('10.0.0.0/16') + vpc('10.0.0.0/16', 'Other') + subnet('A', '10.0.0.0/24') + subnet('B', '10.0.0.0/24', '!Ref Other'));
    assert.deepEqual(only(twoVpcs, /^CIDR/), []);
    const conds = 'Conditions:\n  Prod: !Equals [a, a]\n  Dev: !Equals [a, b]\n';
    const exclusive = tpl(vpc('10.0.0.0/16') + subnet('A', '10.0.0.0/24', '!Ref Vpc', '    Condition: Prod\n') + subnet('B', '10.0.0.0/24', '!Ref Vpc', '    Condition: Dev\n'), conds);
    assert.deepEqual(only(exclusive, /^CIDR/), []);
    // Subnets of a VPC passed in as a parameter are still compared with each other.
    const param = 'Parameters:\n  VpcId:\n    Type: AWS::EC2::VPC::Id\n';
    const f2 = only(tpl(subnet('A', '10.0.0.0/24', '!Ref VpcId') + subnet('B', '10.0.0.0/24', '!Ref VpcId'), param), /^CIDR1002$/);
    assert.equal(f2.length, 1);
    assert.match(f2[0].message, /the same block as/);
  });

  it('CIDR1002 compares evaluated !Cidr blocks', () => {
    const text = tpl(vpc('10.0.0.0/16') + subnet('A', '!Select [1, !Cidr [10.0.0.0/16, 4, 8]]') + subnet('B', '10.0.1.0/24'));
    assert.equal(only(text, /^CIDR1002$/).length, 1);
  });

  it('CIDR1003: block sizes outside /16–/28', () => {
    const text = tpl(vpc('10.0.0.0/8') + subnet('A', '10.0.0.0/29'));
    const f = only(text, /^CIDR1003$/);
    assert.equal(f.length, 2);
    assert.match(f[0].message, /VPC 'Vpc': \/8 is not an allowed VPC size/);
    assert.match(f[1].message, /Subnet 'A': \/29 is not an allowed subnet size/);
    const viaCidr = only(tpl(vpc('10.0.0.0/16') + subnet('A', '!Select [0, !Cidr [10.0.0.0/16, 2, 3]]')), /^CIDR1003$/);
    assert.equal(viaCidr.length, 1);
    assert.match(viaCidr[0].message, /\/29 \(block 0 of !Cidr \[10\.0\.0\.0\/16, 2, 3\]\)/);
    assert.equal(ruleByCode('CIDR1003')?.severity, 'error');
    assert.equal(f[0].severity, 'error');
  });

  it('CIDR1004: host bits set, fixed to the network address where the value is written', () => {
    const text = tpl(vpc('10.16.0.0/16') + subnet('A', '10.16.1.0/20'));
    const f = only(text, /^CIDR1004$/);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /10\.16\.1\.0\/20 has host bits set; EC2 quietly creates .* 10\.16\.0\.0\/20/);
    assert.match(applyFirstFix(text, 'CIDR1004'), /CidrBlock: 10\.16\.0\.0\/20\n/);
    // In a parameter Default: reported (and fixed) there, once.
    const params = 'Parameters:\n  SubnetCidr:\n    Type: String\n    Default: "10.16.1.0/20"\n';
    const t2 = tpl(vpc('10.16.0.0/16') + subnet('A', '!Ref SubnetCidr'), params);
    const f2 = only(t2, /^CIDR1004$/);
    assert.equal(f2.length, 1);
    assert.equal(t2.slice(f2[0].start, f2[0].end), '"10.16.1.0/20"');
    assert.match(applyFirstFix(t2, 'CIDR1004'), /Default: "10\.16\.0\.0\/20"/);
    // A trailing comment is kept, and not underlined.
    const commented = tpl(vpc('10.16.0.0/16') + subnet('A', '10.16.1.0/20 # app tier'));
    const f3 = only(commented, /^CIDR1004$/)[0];
    assert.equal(commented.slice(f3.start, f3.end), '10.16.1.0/20');
    assert.match(applyFirstFix(commented, 'CIDR1004'), /CidrBlock: 10\.16\.0\.0\/20 # app tier\n/);
    // The subnet counts as the network EC2 creates, so it is inside the VPC.
    assert.deepEqual(only(text, /^CIDR1001$/), []);
  });

  it('CIDR1005: not a CIDR block, or IPv6 in CidrBlock', () => {
    assert.match(only(tpl(vpc('10.0.0/16')), /^CIDR1005$/)[0].message, /'10\.0\.0\/16' is not a CIDR block/);
    assert.match(only(tpl(vpc('10.0.0.0/33')), /^CIDR1005$/)[0].message, /not a CIDR block/);
    assert.match(only(tpl(vpc('"2001:db8::/56"')), /^CIDR1005$/)[0].message, /IPv4 block, not 2001:db8::\/56/);
  });

  it('CIDR1006: !Cidr that cannot be evaluated and !Select past its end', () => {
    const past = only(tpl(vpc('10.0.0.0/16') + subnet('A', '!Select [4, !Cidr [10.0.0.0/16, 4, 8]]')), /^CIDR1006$/);
    assert.equal(past.length, 1);
    assert.match(past[0].message, /!Select index 4 is past the end .* yields 4 blocks \(indexes 0–3\)/);
    const tooMany = only(tpl(vpc('10.0.0.0/24') + subnet('A', '!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]')), /^CIDR1006$/);
    assert.equal(tooMany.length, 1);
    assert.match(tooMany[0].message, /cannot be evaluated/);
    const outputs = 'Outputs:\n  Blocks:\n    Value: !Join [",", !Cidr [10.0.0.0/16, 300, 8]]\n';
    const f = lint(tpl(vpc('10.0.0.0/16')) + outputs).findings.filter((x) => x.code === 'CIDR1006');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /count must be between 1 and 256/);
  });

  it('backs off for intrinsics it cannot follow and for foreign macros', () => {
    const t = tpl(vpc('!ImportValue NetCidr') + subnet('A', '!Sub "${Prefix}.0.0/24"') + subnet('B', "!If [C, 10.0.0.0/24, 10.0.1.0/24]"));
    assert.deepEqual(only(t, /^CIDR/), []);
    const macro = 'Transform: MyMacro\n' + tpl(vpc('10.0.0.0/8') + subnet('A', '10.9.0.0/30'));
    assert.deepEqual(only(macro, /^CIDR/), []);
  });

  it('JSON templates are checked the same way', () => {
    const json = JSON.stringify({
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        A: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.5/24' } },
        B: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { 'Fn::GetAtt': ['Vpc', 'VpcId'] }, CidrBlock: { 'Fn::Select': [1, { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }] } } },
      },
    }, null, 2);
    const found = lint(json, { name: 'file:///t.json' }).findings.map((f) => f.code).sort();
    assert.deepEqual(found, ['CIDR1002', 'CIDR1004']);
  });
});

describe('DynamoDB capacity rules (DDB1001, DDB1002)', () => {
  const table = (props: string) => tpl(`  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n${props}`);
  const pt = (r: number, w: number, pad = '      ') => `${pad}ProvisionedThroughput:\n${pad}  ReadCapacityUnits: ${r}\n${pad}  WriteCapacityUnits: ${w}\n`;

  it('DDB1001: on-demand with ProvisionedThroughput is an error; the fix removes it', () => {
    const text = table('      BillingMode: PAY_PER_REQUEST\n' + pt(5, 5));
    const f = only(text, /^DDB/);
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['DDB1001', 'error']]);
    assert.match(f[0].message, /on-demand \(BillingMode: PAY_PER_REQUEST\)/);
    const fixed = applyFirstFix(text, 'DDB1001');
    assert.ok(!fixed.includes('ProvisionedThroughput'));
    assert.deepEqual(codes(fixed), []);
  });

  it('DDB1001: zero units are accepted by CloudFormation, so only a warning; indexes are checked too', () => {
    assert.equal(only(table('      BillingMode: PAY_PER_REQUEST\n' + pt(0, 0)), /^DDB1001$/)[0].severity, 'warning');
    const gsi = `      BillingMode: PAY_PER_REQUEST\n      GlobalSecondaryIndexes:\n        - IndexName: ByX\n          KeySchema:\n            - AttributeName: id\n              KeyType: HASH\n          Projection:\n            ProjectionType: ALL\n${pt(5, 5, '          ')}`;
    const f = only(table(gsi), /^DDB1001$/);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Index 'ByX' of table 'T'/);
    assert.ok(!applyFirstFix(table(gsi), 'DDB1001').includes('ProvisionedThroughput'));
  });

  it('DDB1002: PROVISIONED without ProvisionedThroughput is an error with a fix that adds it', () => {
    const text = table('      BillingMode: PROVISIONED\n');
    const f = only(text, /^DDB/);
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['DDB1002', 'error']]);
    const fixed = applyFirstFix(text, 'DDB1002');
    assert.match(fixed, /\n      ProvisionedThroughput:\n        ReadCapacityUnits: 5\n        WriteCapacityUnits: 5/);
    assert.deepEqual(codes(fixed), []);
  });

  it('DDB1002: no BillingMode means PROVISIONED; an error whose fix makes the table on-demand', () => {
    const text = table('');
    const f = only(text, /^DDB1002$/);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    const fixed = applyFirstFix(text, 'DDB1002');
    assert.match(fixed, /\n      BillingMode: PAY_PER_REQUEST/);
    assert.deepEqual(codes(fixed), []);
  });

  it('DDB1002: each index of a provisioned table needs its own ProvisionedThroughput', () => {
    const gsi = `${pt(5, 5)}      GlobalSecondaryIndexes:\n        - IndexName: ByX\n          KeySchema:\n            - AttributeName: id\n              KeyType: HASH\n          Projection:\n            ProjectionType: ALL\n`;
    const text = table(gsi);
    const f = only(text, /^DDB1002$/);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Index 'ByX'/);
    const fixed = applyFirstFix(text, 'DDB1002');
    assert.match(fixed, /            ProjectionType: ALL\n          ProvisionedThroughput:\n            ReadCapacityUnits: 5/);
    assert.deepEqual(codes(fixed), []);
  });

  it('leaves BillingMode decided at deploy time alone, and fixes JSON too', () => {
    const cond = table('      BillingMode: !If [C, PAY_PER_REQUEST, PROVISIONED]\n      ProvisionedThroughput: !If [C, !Ref AWS::NoValue, {ReadCapacityUnits: 1, WriteCapacityUnits: 1}]\n');
    assert.deepEqual(only(cond, /^DDB/), []);
    const json = JSON.stringify({ Resources: { T: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PROVISIONED', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] } } } }, null, 2);
    const fixed = applyFirstFix(json, 'DDB1002', 0, { name: 'file:///t.json' });
    assert.deepEqual(JSON.parse(fixed).Resources.T.Properties.ProvisionedThroughput, { ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
    const json2 = JSON.stringify({ Resources: { T: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } } } }, null, 2);
    const fixed2 = applyFirstFix(json2, 'DDB1001', 0, { name: 'file:///t.json' });
    assert.equal(JSON.parse(fixed2).Resources.T.Properties.ProvisionedThroughput, undefined);
  });
});

describe('the planner output ("Insert as CloudFormation") is a clean template', () => {
  it('4 AZs × 4 tiers of 10.16.0.0/16: sixteen /20 subnets, no findings', () => {
    const plan = makePlan(parsePlanInput('10.16.0.0/16', '4', 'reserved, db, app, web'));
    const text = planCloudFormation(plan, { fullTemplate: true });
    assert.deepEqual(codes(text), []);
    assert.equal((text.match(/Type: AWS::EC2::Subnet/g) ?? []).length, 16);
    assert.match(text, /  SubnetWebD:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      AvailabilityZone: !Select \[3, !GetAZs ''\]\n      CidrBlock: 10\.16\.240\.0\/20\n/);
  });

  it('resource entries avoid logical IDs already in the document', () => {
    const plan = makePlan(parsePlanInput('10.0.0.0/16', 1, ['public subnet', 'db'], 2));
    const entries = planCloudFormation(plan, { fullTemplate: false, taken: new Set(['Vpc']) });
    assert.match(entries, /^Vpc2:\n/);
    assert.match(entries, /VpcId: !Ref Vpc2/);
    assert.match(entries, /SubnetPublicSubnetA:/);
    assert.match(entries, /-public-subnet-a"/);
    assert.deepEqual(codes(tpl(entries.replace(/^/gm, '  ').replace(/ +$/, ''))), []);
  });
});
