import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { graphDot, graphJson, graphMermaid, templateGraph } from '../../server/src/core/cfn/graph';

const graph = (text: string) => templateGraph(parseTemplate('file:///t.yaml', 1, text));
const edges = (text: string) => graphJson(graph(text)).edges.map((e) => `${e.from}->${e.to}:${e.kind}`).sort();

describe('resource graph', () => {
  it('has one node per parameter, resource and output with its type and kind', () => {
    const g = graphJson(graph(`Parameters:
  Env: {Type: String}
Resources:
  Queue: {Type: AWS::SQS::Queue}
Outputs:
  QueueUrl: {Value: !Ref Queue}
`));
    assert.deepEqual(g.nodes, [
      { id: 'Env', type: 'String', kind: 'parameter' },
      { id: 'Queue', type: 'AWS::SQS::Queue', kind: 'resource' },
      { id: 'QueueUrl', type: 'Output', kind: 'output' },
    ]);
    assert.deepEqual(g.edges, [{ from: 'QueueUrl', to: 'Queue', kind: 'ref' }]);
  });

  it('finds edges in every intrinsic form, short and long, from the one that refers', () => {
    const e = edges(`Parameters:
  Name: {Type: String}
Resources:
  A: {Type: AWS::SQS::Queue}
  B: {Type: AWS::SNS::Topic}
  C: {Type: AWS::S3::Bucket}
  D:
    Type: AWS::Lambda::Function
    DependsOn: [A, C]
    Properties:
      FunctionName: !Ref Name
      Role: !GetAtt B.TopicArn
      Handler: {"Fn::GetAtt": ["C", "Arn"]}
      Description: !Sub "\${A.Arn} in \${AWS::Region} \${!Literal}"
      Runtime: !Join ["", [!Select [0, [{Ref: C}]]]]
  E:
    Type: AWS::SNS::Topic
    DependsOn: A
    Properties:
      TopicName: {"Fn::Sub": ["\${X}-\${B}", {X: !Ref Name}]}
`);
    assert.deepEqual(e, [
      'D->A:dependsOn',
      'D->A:sub',
      'D->B:getatt',
      'D->C:dependsOn',
      'D->C:getatt',
      'D->C:ref',
      'D->Name:ref',
      'E->A:dependsOn',
      'E->B:sub',
      'E->Name:ref',
    ]);
  });

  it('follows both branches of nested Fn::If and never makes condition names into edges', () => {
    const e = edges(`Conditions:
  IsProd: !Equals [a, a]
  Big: !Equals [b, b]
Resources:
  Small: {Type: AWS::SQS::Queue}
  Large: {Type: AWS::SQS::Queue}
  Other: {Type: AWS::SQS::Queue}
  User:
    Type: AWS::SNS::Topic
    Condition: IsProd
    Properties:
      TopicName: !If [IsProd, !If [Big, !GetAtt Large.QueueName, !Ref Small], !Sub "\${Other}"]
`);
    assert.deepEqual(e, ['User->Large:getatt', 'User->Other:sub', 'User->Small:ref']);
  });

  it('adds the resources SAM generates and links references to them', () => {
    const g = graph(`Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Events:
        Get: {Type: Api, Properties: {Path: /, Method: get}}
        Http: {Type: HttpApi}
  WithRole:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
Outputs:
  Url: {Value: !Sub "https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/"}
  RoleArn: {Value: !GetAtt FnRole.Arn}
  Alias: {Value: !Ref Fn.Alias}
`);
    const implicit = g.nodes.filter((n) => n.implicit).map((n) => `${n.id}:${n.type}`);
    assert.deepEqual(implicit, ['FnRole:AWS::IAM::Role', 'ServerlessRestApi:AWS::ApiGateway::RestApi', 'ServerlessHttpApi:AWS::ApiGatewayV2::Api']);
    const e = g.edges.map((x) => `${x.from}->${x.to}:${x.kind}`).sort();
    assert.deepEqual(e, [
      'Alias->Fn:ref',
      'Fn->FnRole:getatt',
      'RoleArn->FnRole:getatt',
      'ServerlessHttpApi->Fn:getatt',
      'ServerlessRestApi->Fn:getatt',
      'Url->ServerlessRestApi:sub',
    ]);
  });

  it('nests subnets in their VPC and instances in their subnet, only where the template says so', () => {
    const g = graph(`Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {VpcId: !GetAtt Vpc.VpcId, GroupDescription: x}}
  Box: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Subnet, ImageId: ami-1}}
  Elsewhere: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-123, ImageId: ami-1}}
`);
    const parents = Object.fromEntries(g.nodes.map((n) => [n.id, n.parent ?? null]));
    assert.deepEqual(parents, { Vpc: null, Subnet: 'Vpc', Sg: 'Vpc', Box: 'Subnet', Elsewhere: null });
  });

  it('keeps an output that shares a resource name apart, and works on JSON templates', () => {
    const g = graphJson(templateGraph(parseTemplate('file:///t.json', 1, '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}, "Outputs": {"Q": {"Value": {"Ref": "Q"}}}}')));
    assert.deepEqual(g.nodes.map((n) => n.id), ['Q', 'Outputs.Q']);
    assert.deepEqual(g.edges, [{ from: 'Outputs.Q', to: 'Q', kind: 'ref' }]);
  });

  it('prints Mermaid and DOT with every node and edge, nesting as subgraphs/clusters', () => {
    const g = graph(`Parameters:
  Cidr: {Type: String}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref Cidr}}
  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc}}
Outputs:
  VpcId: {Value: !Ref Vpc}
`);
    const m = graphMermaid(g);
    assert.match(m, /^flowchart LR/);
    assert.match(m, /subgraph r_Vpc_box\["Vpc \(VPC\)"\]/);
    assert.match(m, /r_Subnet\["Subnet<br\/>Subnet"\]/);
    assert.match(m, /r_Vpc --> p_Cidr/);
    assert.match(m, /o_VpcId --> r_Vpc/);
    const d = graphDot(g);
    assert.match(d, /^digraph template \{/);
    assert.match(d, /subgraph "cluster_Vpc"/);
    assert.match(d, /"Subnet" -> "Vpc";/);
    assert.match(d, /\{ rank=min; "Cidr"; \}/);
  });

  it('never throws on documents that are not templates', () => {
    for (const t of ['', 'just text', '- a\n- b', 'Resources: [1, 2]', 'Resources:\n  X: 3\n  Y: {Type: [a]}\nOutputs: 5', '{"Resources": {"A": {"Type": "x", "Properties": {"a": {"Ref": ["x"]}}}}}']) {
      assert.ok(graphJson(graph(t)));
    }
  });
});
