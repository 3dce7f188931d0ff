import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const found = (text: string, name?: string) => {
  const { doc, findings } = lint(text, { name });
  return findings.filter((f) => f.code === 'CFN4100').map((f) => doc.text.slice(f.start, f.end));
};

describe('${Name} outside Fn::Sub (CFN4100)', () => {
  const params = 'Parameters:\n  AmiId:\n    Type: String\n';
  const instance = (image: string) => tpl(`  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ${image}\n`, params);

  it('reports a parameter, pseudo parameter or resource attribute written as ${} in a plain string', () => {
    assert.deepEqual(found(instance("'${AmiId}'")), ["'${AmiId}'"]);
    assert.deepEqual(found(instance('ami-${AWS::Region}')), ['ami-${AWS::Region}']);
    assert.deepEqual(found(instance('${I.PrivateIp}')), ['${I.PrivateIp}']);
  });

  it('wraps the string in !Sub (YAML) or Fn::Sub (JSON)', () => {
    assert.match(applyFirstFix(instance("'${AmiId}'"), 'CFN4100'), /ImageId: !Sub '\$\{AmiId\}'\n/);
    const json = JSON.stringify({ Parameters: { AmiId: { Type: 'String' } }, Resources: { I: { Type: 'AWS::EC2::Instance', Properties: { ImageId: '${AmiId}' } } } }, null, 1);
    const fixed = applyFirstFix(json, 'CFN4100', 0, { name: 'file:///t.json' });
    assert.deepEqual(JSON.parse(fixed).Resources.I.Properties.ImageId, { 'Fn::Sub': '${AmiId}' });
  });

  it('is silent inside Fn::Sub, on ${!Literal}, unknown names, nested template bodies, Metadata and state machine substitutions', () => {
    assert.deepEqual(found(instance('!Sub "${AmiId}"')), []);
    assert.deepEqual(found(instance('!Join ["", [!Sub "${AmiId}", "-x"]]')), []);
    assert.deepEqual(found(instance("'${!AmiId} ${stageVariables.x} ${Other}'")), []);
    const other = tpl(
      [
        '  S:',
        '    Type: AWS::CloudFormation::StackSet',
        '    Metadata:',
        '      Note: uses ${AmiId}',
        '    Properties:',
        '      StackSetName: s',
        '      PermissionModel: SELF_MANAGED',
        '      TemplateBody: |',
        '        Resources: {T: {Type: AWS::SNS::Topic, Properties: {DisplayName: !Sub "${AWS::Region}"}}}',
        '  M:',
        '    Type: AWS::StepFunctions::StateMachine',
        '    Properties:',
        '      RoleArn: arn:aws:iam::123456789012:role/r',
        '      DefinitionString: \'{"StartAt": "${AmiId}"}\'',
        '      DefinitionSubstitutions:',
        '        AmiId: x',
        '',
      ].join('\n'),
      params,
    );
    assert.deepEqual(found(other), []);
  });
});
