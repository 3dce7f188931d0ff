import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { documentSymbols, type OutlineSymbol } from '../../server/src/core/editing/symbols';
import type { Kind } from '../../server/src/core/kind';

function outline(text: string, kind: Kind, name = 'file:///t.yaml'): OutlineSymbol[] {
  return documentSymbols(parseTemplate(name, 1, text), kind);
}
const names = (s: OutlineSymbol[]) => s.map((x) => x.name);
const find = (s: OutlineSymbol[], name: string) => {
  const x = s.find((y) => y.name === name);
  assert.ok(x, `no symbol ${name} in ${JSON.stringify(names(s))}`);
  return x;
};

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Queue stack
Parameters:
  Env:
    Type: String
  Size:
    Type: Number
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  RegionMap:
    us-east-1: {AMI: ami-1}
    eu-west-1: {AMI: ami-2}
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Table:
    Type: AWS::DynamoDB::Table
    Condition: IsProd
Outputs:
  QueueUrl:
    Value: !Ref Queue
    Export:
      Name: queue-url
`;

describe('document symbols', () => {
  it('outlines a template by section, with logical IDs and their types', () => {
    const s = outline(TEMPLATE, 'cfn');
    assert.deepEqual(names(s), ['AWSTemplateFormatVersion', 'Description', 'Parameters', 'Conditions', 'Mappings', 'Resources', 'Outputs']);
    assert.equal(find(s, 'Description').detail, 'Queue stack');
    const resources = find(s, 'Resources');
    assert.equal(resources.kind, 'section');
    assert.equal(resources.detail, '2 resources');
    assert.deepEqual(resources.children.map((c) => [c.name, c.kind, c.detail]), [
      ['Queue', 'resource', 'AWS::SQS::Queue'],
      ['Table', 'resource', 'AWS::DynamoDB::Table (if IsProd)'],
    ]);
    assert.deepEqual(find(s, 'Parameters').children.map((c) => c.detail), ['String', 'Number']);
    assert.equal(find(s, 'Conditions').children[0].detail, '!Equals [!Ref Env, prod]');
    assert.equal(find(s, 'Mappings').children[0].detail, '2 keys');
    assert.equal(find(s, 'Outputs').children[0].detail, 'export queue-url');
  });

  it('gives ranges that cover the entry and select its key', () => {
    const s = outline(TEMPLATE, 'cfn');
    const queue = find(find(s, 'Resources').children, 'Queue');
    assert.equal(TEMPLATE.slice(queue.selectionStart, queue.selectionEnd), 'Queue');
    assert.equal(TEMPLATE.slice(queue.start, queue.end), 'Queue:\n    Type: AWS::SQS::Queue');
  });

  it('shows SAM Globals sections', () => {
    const s = outline('Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Timeout: 10\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n', 'sam');
    assert.deepEqual(find(s, 'Globals').children.map((c) => [c.name, c.kind]), [['Function', 'global']]);
    assert.equal(find(s, 'Transform').detail, 'AWS::Serverless-2016-10-31');
  });

  it('outlines an EC2 AppSpec: hooks with their run order and scripts, files', () => {
    const s = outline('version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /var/www\nhooks:\n  AfterInstall:\n    - location: scripts/after.sh\n      timeout: 60\n  BeforeInstall:\n    - location: scripts/before.sh\n', 'appspec', 'file:///appspec.yml');
    assert.deepEqual(names(s), ['version', 'os', 'files', 'hooks']);
    assert.equal(find(s, 'os').detail, 'linux');
    assert.deepEqual(names(find(s, 'files').children), ['/ → /var/www']);
    const hooks = find(s, 'hooks');
    assert.deepEqual(names(hooks.children), ['AfterInstall', 'BeforeInstall']);
    const after = hooks.children[0];
    assert.equal(after.kind, 'hook');
    assert.match(after.detail!, /^1 script · runs /);
    assert.deepEqual(after.children.map((c) => [c.name, c.detail]), [['scripts/after.sh', 'timeout 60 s']]);
  });

  it('outlines an ECS AppSpec: the target service and hook functions', () => {
    const s = outline('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn\nHooks:\n  - AfterAllowTestTraffic: CheckFn\n', 'appspec', 'file:///appspec.yml');
    assert.deepEqual(find(s, 'Resources').children.map((c) => [c.name, c.detail]), [['TargetService', 'AWS::ECS::Service']]);
    const hook = find(s, 'Hooks').children[0];
    assert.equal(hook.name, 'AfterAllowTestTraffic');
    assert.match(hook.detail!, /^CheckFn · runs /);
  });

  it('outlines a buildspec: phases with their position and command count', () => {
    const s = outline('version: 0.2\nenv:\n  variables:\n    STAGE: prod\nphases:\n  build:\n    commands:\n      - make\n      - make test\n  install:\n    commands: [npm ci]\n', 'buildspec', 'file:///buildspec.yml');
    const phases = find(s, 'phases').children;
    assert.deepEqual(phases.map((p) => [p.name, p.kind, p.detail]), [
      ['build', 'phase', 'phase 3 of 4 · 2 commands'],
      ['install', 'phase', 'phase 1 of 4 · 1 command'],
    ]);
    assert.deepEqual(names(find(s, 'env').children), ['variables']);
    assert.deepEqual(names(find(s, 'env').children[0].children), ['STAGE']);
  });

  it('has nothing for a document whose top level is not a mapping', () => {
    assert.deepEqual(outline('- a\n- b\n', 'cfn'), []);
  });
});
