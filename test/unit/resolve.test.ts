import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { availabilityZones, resolveTemplate, type ResolveOptions } from '../../server/src/core/cfn/resolve';

const resolve = (text: string, opts: ResolveOptions = {}) => resolveTemplate(parseTemplate('file:///t.yaml', 1, text), opts);
/** The resolved Properties of resource R. */
const props = (text: string, opts: ResolveOptions = {}) =>
  ((resolve(text, opts).template.Resources as Record<string, { Properties: Record<string, unknown> }>).R ?? { Properties: undefined }).Properties;

describe('what-if resolver', () => {
  it('Ref: parameters (given, Default, list types), pseudo parameters by region, resources as symbols', () => {
    const t = `Parameters:
  Env: {Type: String, Default: dev}
  Size: {Type: Number, Default: 3}
  Subnets: {Type: CommaDelimitedList, Default: "a, b"}
  NoDefault: {Type: String}
Resources:
  Q: {Type: AWS::SQS::Queue}
  R:
    Type: AWS::SNS::Topic
    Properties: {A: !Ref Env, B: !Ref Size, C: !Ref Subnets, D: !Ref NoDefault, E: !Ref Q, F: !Ref AWS::Region, G: !Ref AWS::Partition, H: !Ref AWS::URLSuffix, I: !Ref AWS::AccountId}
`;
    assert.deepEqual(props(t), { A: 'dev', B: '3', C: ['a', 'b'], D: '{{NoDefault}}', E: '{{Q}}', F: 'us-east-1', G: 'aws', H: 'amazonaws.com', I: '{{AWS::AccountId}}' });
    assert.deepEqual(props(t, { parameters: { Env: 'prod', NoDefault: 'x', 'AWS::AccountId': '123456789012' }, region: 'cn-north-1' }), {
      A: 'prod', B: '3', C: ['a', 'b'], D: 'x', E: '{{Q}}', F: 'cn-north-1', G: 'aws-cn', H: 'amazonaws.com.cn', I: '123456789012',
    });
  });

  it('Fn::Sub (plain, variable map, escapes, attributes) and Fn::Join, with unknown parts kept as symbols inside the text', () => {
    const t = `Parameters:
  Env: {Type: String, Default: dev}
Resources:
  B: {Type: AWS::S3::Bucket}
  R:
    Type: X::Y::Z
    Properties:
      A: !Sub "\${Env}-\${AWS::Region}-\${!Literal}"
      B: !Sub ["\${Name}-x", {Name: !Join ["-", [a, !Ref Env]]}]
      C: !Sub "arn:\${AWS::Partition}:s3:::\${B}/*"
      D: !Sub "\${B.Arn}"
      E: !Join [",", [a, b, !Ref AWS::NoValue, c]]
      F: !Join ["", [!GetAtt B.Arn, /x]]
`;
    assert.deepEqual(props(t), { A: 'dev-us-east-1-${Literal}', B: 'a-dev-x', C: 'arn:aws:s3:::{{B}}/*', D: '{{B.Arn}}', E: 'a,b,c', F: '{{B.Arn}}/x' });
  });

  it('Fn::Select, Fn::Split, Fn::FindInMap (with DefaultValue), Fn::GetAZs and Fn::Cidr', () => {
    const t = `Parameters:
  Env: {Type: String, Default: prod}
Mappings:
  Sizes:
    prod: {Instance: m5.large}
    dev: {Instance: t3.micro}
Resources:
  R:
    Type: X::Y::Z
    Properties:
      A: !Select [1, !Split [",", "x,y,z"]]
      B: !FindInMap [Sizes, !Ref Env, Instance]
      C: !FindInMap [Sizes, nope, Instance, {DefaultValue: t3.small}]
      D: !GetAZs ""
      E: !Select [0, !GetAZs eu-west-1]
      F: !Cidr [10.0.0.0/16, 3, 8]
      G: !Select ["2", !Cidr [10.0.0.0/16, 3, 8]]
`;
    assert.deepEqual(props(t, { region: 'us-west-1' }), {
      A: 'y', B: 'm5.large', C: 't3.small', D: ['us-west-1a', 'us-west-1b'], E: 'eu-west-1a', F: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'], G: '10.0.2.0/24',
    });
    assert.equal((props(t, { parameters: { Env: 'dev' } }) as Record<string, unknown>).B, 't3.micro');
    assert.equal(availabilityZones('us-east-1').length, 6);
  });

  it('conditions: Equals/And/Or/Not, conditions nested in conditions, and Fn::If choosing a branch', () => {
    const t = `Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
  Region2: {Type: String, Default: ""}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasRegion2: !Not [!Equals [!Ref Region2, ""]]
  ProdMulti: !And [!Condition IsProd, {Condition: HasRegion2}]
  Either: !Or [{Condition: ProdMulti}, !Equals [!Ref "AWS::Region", eu-west-1]]
Resources:
  R:
    Type: X::Y::Z
    Properties:
      Size: !If [IsProd, !If [ProdMulti, big, medium], small]
`;
    const dev = resolve(t);
    assert.deepEqual(dev.conditions, { IsProd: false, HasRegion2: false, ProdMulti: false, Either: false });
    assert.deepEqual(props(t), { Size: 'small' });
    const prod = resolve(t, { parameters: { Env: 'prod', Region2: 'us-west-2' }, region: 'eu-west-1' });
    assert.deepEqual(prod.conditions, { IsProd: true, HasRegion2: true, ProdMulti: true, Either: true });
    assert.deepEqual(props(t, { parameters: { Env: 'prod' } }), { Size: 'medium' });
    assert.deepEqual(prod.parameters.map((p) => [p.name, p.value, p.source, p.allowedValues]), [
      ['Env', 'prod', 'given', ['dev', 'prod']],
      ['Region2', 'us-west-2', 'given', undefined],
    ]);
  });

  it('removes resources and outputs whose condition is false, and AWS::NoValue keys and items', () => {
    const t = `Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Replica: {Type: AWS::SQS::Queue, Condition: IsProd}
  R:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [IsProd, 5, !Ref AWS::NoValue]
      Tags: [{Key: a, Value: b}, !If [IsProd, {Key: c, Value: d}, !Ref "AWS::NoValue"]]
Outputs:
  ReplicaUrl: {Condition: IsProd, Value: !Ref Replica}
  Url: {Value: !Ref R}
`;
    const r = resolve(t);
    assert.deepEqual(r.removed, { resources: ['Replica'], outputs: ['ReplicaUrl'] });
    assert.deepEqual(Object.keys(r.template.Resources as object), ['R']);
    assert.deepEqual(r.template.Outputs, { Url: { Value: '{{R}}' } });
    assert.deepEqual(props(t), { Tags: [{ Key: 'a', Value: 'b' }] });
    const p = resolve(t, { parameters: { Env: 'prod' } });
    assert.deepEqual(p.removed, { resources: [], outputs: [] });
    assert.deepEqual(props(t, { parameters: { Env: 'prod' } }), { DelaySeconds: 5, Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] });
  });

  it('leaves what it cannot decide as functions or symbols, and conditions on unknowns as null', () => {
    const t = `Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  InMyAccount: !Equals [!Ref AWS::AccountId, "123456789012"]
  Loop: !Not [!Condition Loop]
Resources:
  R:
    Type: X::Y::Z
    Properties:
      A: !If [IsProd, a, b]
      B: !ImportValue shared-vpc
      C: {"Fn::Base64": !Sub "echo \${AWS::Region}"}
      D: !Select [5, [a]]
`;
    const r = resolve(t);
    assert.deepEqual(r.conditions, { IsProd: null, InMyAccount: null, Loop: null });
    assert.deepEqual(props(t), { A: { 'Fn::If': ['IsProd', 'a', 'b'] }, B: '{{ImportValue shared-vpc}}', C: { 'Fn::Base64': 'echo us-east-1' }, D: { 'Fn::Select': [5, ['a']] } });
    assert.equal(resolve(t, { parameters: { 'AWS::AccountId': '123456789012' } }).conditions.InMyAccount, true);
  });

  it('keeps the other sections as written and never throws on odd documents', () => {
    const r = resolve('AWSTemplateFormatVersion: "2010-09-09"\nMappings: {M: {a: {b: 1}}}\nResources: {}\n');
    assert.deepEqual(r.template, { AWSTemplateFormatVersion: '2010-09-09', Mappings: { M: { a: { b: 1 } } }, Resources: {} });
    for (const t of ['', 'x', '- 1', 'Resources: 3', 'Conditions: {A: [1]}\nResources: {R: {Condition: A}}', 'Resources: {R: {Properties: {a: !Join [1]}}}', 'Resources: {R: {Properties: {a: !Cidr [x, y, z], b: !Split [",", !Ref Q], c: !Sub [a, b]}}}']) {
      assert.ok(resolve(t));
    }
  });
});
