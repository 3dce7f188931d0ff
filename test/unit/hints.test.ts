import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { hookHintLabel, inlayHints } from '../../server/src/core/hints';

/** Each hint as "line:character label". */
function hints(text: string, kind: 'cfn' | 'appspec' | 'buildspec', name = 'file:///t.yaml', range?: { start: number; end: number }): string[] {
  const doc = parseTemplate(name, 1, text);
  return inlayHints(doc, kind, range).map((h) => {
    const p = doc.lines.positionAt(h.offset);
    return `${p.line}:${p.character} ${h.label}`;
  });
}

const TEMPLATE = `Parameters:
  SubnetCidr:
    Type: String
    Default: 10.16.64.0/20
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.16.0.0/16 # the VPC
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 12]]
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Ref SubnetCidr
  C:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.16.129.0/20
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - CidrIp: 0.0.0.0/0
          IpProtocol: "-1"
        - CidrIp: 192.168.1.0/24
          IpProtocol: "-1"
  D:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !ImportValue Elsewhere
`;

describe('inlay hints (core)', () => {
  it('beside CidrBlock values: range and usable addresses, evaluated where needed', () => {
    assert.deepEqual(hints(TEMPLATE, 'cfn'), [
      '8:29 10.16.0.0–10.16.255.255 · 65,531 usable',
      '13:66 = 10.16.16.0/20 · 10.16.16.0–10.16.31.255 · 4,091 usable',
      '18:32 default = 10.16.64.0/20 · 10.16.64.0–10.16.79.255 · 4,091 usable',
      '23:31 really 10.16.128.0/20 · 10.16.128.0–10.16.143.255 · 4,091 usable',
      '29:27 any IPv4 address',
      '31:32 192.168.1.0–192.168.1.255 · 256 addresses',
    ]);
  });

  it('tooltips say where a computed block comes from', () => {
    const doc = parseTemplate('file:///t.yaml', 1, TEMPLATE);
    const h = inlayHints(doc, 'cfn').find((x) => x.label.startsWith('='))!;
    assert.match(h.tooltip!, /^\*\*10\.16\.16\.0\/20\*\* — from block 1 of !Cidr \[10\.16\.0\.0\/16, 4, 12\]/);
    assert.match(h.tooltip!, /Netmask 255\.255\.240\.0; usable 10\.16\.16\.4 – 10\.16\.31\.254\./);
  });

  it('only hints inside the requested range', () => {
    const start = TEMPLATE.indexOf('  C:');
    const end = TEMPLATE.indexOf('  Sg:');
    assert.deepEqual(hints(TEMPLATE, 'cfn', undefined, { start, end }), ['23:31 really 10.16.128.0/20 · 10.16.128.0–10.16.143.255 · 4,091 usable']);
  });

  it('JSON templates get the same hints', () => {
    const json = JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/24' } } } }, null, 2);
    assert.deepEqual(hints(json, 'cfn', 'file:///t.json'), ['5:34 10.0.0.0–10.0.0.255 · 251 usable']);
  });

  it('beside AppSpec hooks: when each runs, whatever the file order (EC2/on-premises)', () => {
    const text = `version: 0.0
os: linux
hooks:
  ValidateService:
    - location: scripts/check.sh
  ApplicationStop:
    - location: scripts/stop.sh
  AfterInstall:
    - location: scripts/configure.sh
  Install:
    - location: scripts/nope.sh
`;
    assert.deepEqual(hints(text, 'appspec', 'file:///appspec.yml'), ['3:18 runs 7th of 9 (in-place)', '5:18 runs 3rd of 9 (in-place)', '7:15 runs 5th of 9 (in-place)']);
    const doc = parseTemplate('file:///appspec.yml', 1, text);
    const stop = inlayHints(doc, 'appspec')[1];
    assert.match(stop.tooltip!, /^Runs 3rd of 9 in an in-place deployment; 1st of 9 in a blue\/green deployment \(replacement instances\)\./);
    assert.match(stop.tooltip!, /BeforeBlockTraffic → AfterBlockTraffic → \*\*ApplicationStop\*\* → BeforeInstall/);
  });

  it('ECS and Lambda hooks (a list of one-key mappings), YAML and JSON', () => {
    const ecs = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: arn:aws:ecs:task
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
Hooks:
  - AfterAllowTraffic: "CheckFn"
  - BeforeInstall: "PrepareFn"
`;
    assert.deepEqual(hints(ecs, 'appspec', 'file:///appspec.yml'), ['10:32 runs 5th of 5', '11:30 runs 1st of 5']);
    const lambda = JSON.stringify({
      version: 0.0,
      Resources: [{ fn: { Type: 'AWS::Lambda::Function', Properties: { Name: 'f', Alias: 'live', CurrentVersion: '1', TargetVersion: '2' } } }],
      Hooks: [{ AfterAllowTraffic: 'After' }, { BeforeAllowTraffic: 'Before' }],
    }, null, 2);
    assert.deepEqual(hints(lambda, 'appspec', 'file:///appspec.json').map((h) => h.replace(/^\d+:\d+ /, '')), ['runs 2nd of 2', 'runs 1st of 2']);
  });

  it('labels and kinds without hints', () => {
    assert.equal(hookHintLabel('server', 'BeforeInstall'), 'runs 4th of 9 (in-place)');
    assert.equal(hookHintLabel('ecs', 'AfterAllowTestTraffic'), 'runs 3rd of 5');
    assert.equal(hookHintLabel('lambda', 'Install'), undefined);
    assert.deepEqual(hints('version: 0.2\nphases:\n  build:\n    commands:\n      - make\n', 'buildspec', 'file:///buildspec.yml'), []);
  });
});
