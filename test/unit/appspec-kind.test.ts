import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { detectKind } from '../../server/src/core/kind';
import { fixAll } from '../../server/src/core/fixGuard';

const kindOf = (text: string, name = 'file:///w/deploy.yaml') => detectKind(parseTemplate(name, 1, text), { fileName: name });
const target = (dash: boolean) => {
  const pad = dash ? '    ' : '  ';
  return `${dash ? '  - ' : '  '}TargetService:\n${pad}  Type: AWS::ECS::Service\n${pad}  Properties:\n${pad}    TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:1"\n${pad}    LoadBalancerInfo:\n${pad}      ContainerName: web\n${pad}      ContainerPort: 80\n`;
};

describe('kind: ECS and Lambda AppSpecs are never taken for CloudFormation', () => {
  it('an ECS AppSpec whose Resources lost its list dash is an AppSpec, and fix-all repairs it as one', () => {
    const text = `version: 0.0\nResources:\n${target(false)}`;
    assert.equal(kindOf(text), 'appspec');
    const r = fixAll(parseTemplate('file:///w/deploy.yaml', 1, text), { fileName: 'file:///w/deploy.yaml' });
    assert.match(r.doc.text, /^version: 0\.0\n/, 'no AWSTemplateFormatVersion rename');
    assert.ok(r.doc.text.includes('LoadBalancerInfo'), 'no LoadBalancers rename');
    assert.equal(r.doc.text, `version: 0.0\nResources:\n${target(true)}`);
    assert.equal(r.applied.length, 1);
  });

  it('an ECS or Lambda AppSpec without version is an AppSpec', () => {
    assert.equal(kindOf(`Resources:\n${target(true)}`), 'appspec');
    const lambda = 'Resources:\n  - Fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\n        Alias: live\n        CurrentVersion: "1"\n        TargetVersion: "2"\n';
    assert.equal(kindOf(lambda), 'appspec');
  });

  it('a CloudFormation ECS service stays CloudFormation', () => {
    const cfn = 'Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref Task\n      LoadBalancers:\n        - ContainerName: web\n          ContainerPort: 80\n';
    assert.equal(kindOf(cfn), 'cfn');
  });
});
