import assert from 'node:assert/strict';
import { aliasProblem } from '../../server/src/core/rules/cfn/cloudfrontAliases';
import { lint, tpl } from './helpers';

describe('CFN5205 CloudFront aliases', () => {
  it('accepts domain names and a leading wildcard label', () => {
    for (const a of ['www.example.com', '*.example.com', 'e-mail.ex-ample.eu', '111.example.com', 'xn--bcher-kva.example']) assert.equal(aliasProblem(a), undefined, a);
  });

  it('names what is wrong: a wildcard inside, hyphens at a label edge, whitespace, empty labels', () => {
    assert.match(aliasProblem('email.*.example.com')!, /'\*' outside the first label/);
    assert.match(aliasProblem('-www.example.com')!, /'-www'/);
    assert.match(aliasProblem('www.example.com-')!, /'com-'/);
    assert.match(aliasProblem('www.example.com ')!, /whitespace/);
    assert.match(aliasProblem('www..example.com')!, /empty label/);
    assert.match(aliasProblem('localhost')!, /no dot/);
  });

  it('reports each bad literal alias on its value; functions and dynamic references are left alone', () => {
    const text = tpl("  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Aliases:\n          - www.example.com\n          - www.-example.com\n          - !Ref Name\n          - '{{resolve:ssm:/fqdn}}'\n          - !Sub '${Name}.example.com'\n        DefaultCacheBehavior:\n          TargetOriginId: o\n          ViewerProtocolPolicy: allow-all\n");
    const f = lint(text).findings.filter((x) => x.code === 'CFN5205');
    assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['www.-example.com']);
  });
});
