import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const sg = (...rules: string[]) =>
  tpl(['  G:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: g', '      SecurityGroupIngress:', ...rules.map((r) => `        - ${r}`), ''].join('\n'));
const found = (text: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => f.code.startsWith('SG')).map((f) => `${f.code} ${f.severity} ${doc.text.slice(f.start, f.end)}`);
};

describe('security group rules (SG1001, SG1002)', () => {
  it('accepts tcp/udp ranges, icmp type/code, all traffic without ports, and intrinsic ports', () => {
    assert.deepEqual(found(sg('{IpProtocol: tcp, FromPort: 80, ToPort: 443, CidrIp: 0.0.0.0/0}', '{IpProtocol: "17", FromPort: "53", ToPort: "53", CidrIp: 10.0.0.0/8}', '{IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 10.0.0.0/8}', '{IpProtocol: "-1", CidrIp: 10.0.0.0/8}', '{IpProtocol: tcp, FromPort: !Ref P, ToPort: !Ref P, CidrIp: 10.0.0.0/8}')), []);
  });

  it('SG1001: tcp/udp/icmp without ports (with an add fix), reversed ranges, out-of-range values', () => {
    const text = sg('IpProtocol: tcp\n          CidrIp: 0.0.0.0/0');
    assert.deepEqual(found(text), ['SG1001 error tcp']);
    assert.match(applyFirstFix(text, 'SG1001'), /IpProtocol: tcp\n {10}CidrIp: 0\.0\.0\.0\/0\n {10}FromPort: ""\n {10}ToPort: ""/);
    assert.deepEqual(found(sg('{IpProtocol: 6, FromPort: 443, ToPort: 80, CidrIp: 0.0.0.0/0}')), ['SG1001 error 443']);
    assert.deepEqual(found(sg('{IpProtocol: udp, FromPort: 0, ToPort: 70000, CidrIp: 0.0.0.0/0}')), ['SG1001 error 70000']);
    assert.deepEqual(found(sg('{IpProtocol: icmp, FromPort: -1, ToPort: 3, CidrIp: 0.0.0.0/0}')), ['SG1001 error 3']);
    const single = tpl('  I:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-1\n      IpProtocol: "1"\n      FromPort: 8\n      CidrIp: 0.0.0.0/0\n');
    assert.deepEqual(found(single), ['SG1001 error "1"']);
  });

  it('SG1002: ports given for all traffic or a protocol without ports are ignored (a warning with a remove fix)', () => {
    const text = sg('IpProtocol: "-1"\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 10.0.0.0/8');
    assert.deepEqual(found(text), ['SG1002 warning FromPort', 'SG1002 warning ToPort']);
    assert.doesNotMatch(applyFirstFix(text, 'SG1002'), /FromPort/);
    assert.deepEqual(found(sg('{IpProtocol: "50", FromPort: 0, ToPort: 0, CidrIp: 10.0.0.0/8}')), ['SG1002 warning FromPort', 'SG1002 warning ToPort']);
  });
});
