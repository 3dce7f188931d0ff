import assert from 'node:assert/strict';
import { lint, tpl } from './helpers';

const slices = (text: string) => lint(text).findings.filter((f) => f.code === 'CFN5100').map((f) => text.slice(f.start, f.end));
const recordSet = (type: string, values: string[]) =>
  tpl(`  R:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneId: Z123\n      Name: x.example.com\n      Type: ${type}\n      TTL: '300'\n      ResourceRecords:\n${values.map((v) => `        - ${v}\n`).join('')}`);

describe('CFN5100 Route 53 record values', () => {
  it('reports A values that are not IPv4 and AAAA values that are not IPv6', () => {
    assert.deepEqual(slices(recordSet('A', ['203.0.113.10', 'a.example.com', '256.10.1.256', "'127.0.0.1 '"])), ['a.example.com', '256.10.1.256', "'127.0.0.1 '"]);
    assert.deepEqual(slices(recordSet('AAAA', ['2001:db8::10', "'::ffff:1.2.3.4'", '127.0.0.1', "'1111::3333:4444:5555::7777:8888'"])), ['127.0.0.1', "'1111::3333:4444:5555::7777:8888'"]);
  });

  it('reports MX values without a priority up to 65535 and malformed CAA values', () => {
    assert.deepEqual(slices(recordSet('MX', ["'10 mail.example.com'", 'mx1.example.com', "'65536 mx2.example.com'"])), ['mx1.example.com', "'65536 mx2.example.com'"]);
    assert.deepEqual(slices(recordSet('CAA', [`'0 issue "amazon.com"'`, `'1 issue "amazon.com"'`, "'0 issue amazon.com'"])), [`'1 issue "amazon.com"'`, "'0 issue amazon.com'"]);
  });

  it('checks each record set of a RecordSetGroup and leaves functions, ${} text and other types alone', () => {
    const group = tpl("  G:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneId: Z123\n      RecordSets:\n        - Name: a.example.com\n          Type: A\n          TTL: '300'\n          ResourceRecords: [a.example.com, !GetAtt I.PublicIp, '${Ip}']\n        - Name: c.example.com\n          Type: CNAME\n          TTL: '300'\n          ResourceRecords: [a.example.com]\n");
    assert.deepEqual(slices(group), ['a.example.com']);
  });

  it('reports TXT values not in double quotes or with a quoted string over 255 characters', () => {
    const long = 'a'.repeat(256);
    const values = [`'"v=spf1 -all"'`, `'"part one" "part two"'`, `'"say \\"hi\\""'`, `'"${'b'.repeat(255)}"'`, 'unquoted', `'"${long}"'`, `'"a""${long}"'`];
    assert.deepEqual(slices(recordSet('TXT', values)), ['unquoted', `'"${long}"'`, `'"a""${long}"'`]);
  });

  it('reports a CNAME record with more than one value, on its ResourceRecords', () => {
    assert.deepEqual(slices(recordSet('CNAME', ['a.example.com', 'b.example.com'])), ['ResourceRecords']);
    assert.deepEqual(slices(recordSet('CNAME', ['a.example.com'])), []);
  });
});
