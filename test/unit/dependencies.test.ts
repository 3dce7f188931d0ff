import assert from 'node:assert/strict';
import { lint, tpl } from './helpers';

const cycleFindings = (text: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => f.code === 'CFN3200').map((f) => ({ at: doc.text.slice(f.start, f.end), message: f.message, severity: f.severity }));
};

describe('circular dependencies (CFN3200)', () => {
  it('reports each resource of a loop through Ref and GetAtt, on its logical ID, with the loop', () => {
    const text = tpl(
      [
        '  A:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      GroupDescription: a',
        '      SecurityGroupIngress:',
        '        - IpProtocol: tcp',
        '          FromPort: 443',
        '          ToPort: 443',
        '          SourceSecurityGroupId: !GetAtt B.GroupId',
        '  B:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      GroupDescription: b',
        '      SecurityGroupIngress:',
        '        - IpProtocol: tcp',
        '          FromPort: 443',
        '          ToPort: 443',
        '          SourceSecurityGroupId: !Ref A',
        '',
      ].join('\n'),
    );
    const f = cycleFindings(text);
    assert.deepEqual(f.map((x) => x.at), ['A', 'B']);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /A → B → A/);
    assert.match(f[1].message, /B → A → B/);
  });

  it('follows DependsOn and ${X} in Sub, and finds a resource that refers to itself', () => {
    const text = tpl(
      [
        '  Q1:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: [Q3]',
        '  Q2:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !Sub "${Q1.QueueName}-2"',
        '  Q3:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !Join ["-", [!GetAtt [Q2, QueueName], "3"]]',
        '  Self:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      DisplayName: !Sub "${Self.TopicName}"',
        '',
      ].join('\n'),
    );
    const f = cycleFindings(text);
    assert.deepEqual(f.map((x) => x.at).sort(), ['Q1', 'Q2', 'Q3', 'Self']);
    assert.match(f.find((x) => x.at === 'Self')!.message, /refers to itself/);
  });

  it('is silent on chains without a loop, on ${!Literal} and Sub variables, and on Ref to parameters', () => {
    const text = tpl(
      [
        '  A:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !Sub ["${!A}-${A}", {A: !Ref P}]',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: A',
        '    Properties:',
        '      QueueName: !GetAtt A.QueueName',
        '',
      ].join('\n'),
      'Parameters:\n  P:\n    Type: String\n',
    );
    assert.deepEqual(cycleFindings(text), []);
  });

  it('does not count SAM event sources and deployment preferences, which SAM moves into other resources', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      Runtime: python3.13',
      '      AutoPublishAlias: live',
      '      DeploymentPreference:',
      '        Type: AllAtOnce',
      '        Hooks:',
      '          PreTraffic: !Ref Hook',
      '      Events:',
      '        Get:',
      '          Type: Api',
      '          Properties:',
      '            RestApiId: !Ref Api',
      '            Path: /',
      '            Method: get',
      '  Hook:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      Runtime: python3.13',
      '      Environment:',
      '        Variables:',
      '          V: !Ref Fn.Version',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: prod',
      '      DefinitionBody:',
      '        x-fn: !GetAtt Fn.Arn',
      '',
    ].join('\n');
    assert.deepEqual(cycleFindings(text), []);
  });
});
