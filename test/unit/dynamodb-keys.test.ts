import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const table = (defs: string[], keys: string[], extra = '') =>
  tpl(
    [
      '  T:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      ...defs.map((d) => `        - {AttributeName: ${d}, AttributeType: S}`),
      '      KeySchema:',
      ...keys.map((k) => `        - {AttributeName: ${k.split(' ')[0]}, KeyType: ${k.split(' ')[1]}}`),
      extra,
    ].join('\n'),
  );
const found = (text: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => /^DDB100[345]$/.test(f.code)).map((f) => `${f.code} ${doc.text.slice(f.start, f.end)}`);
};
const gsi = (...keys: string[]) =>
  ['      GlobalSecondaryIndexes:', '        - IndexName: G', '          Projection: {ProjectionType: ALL}', '          KeySchema:', ...keys.map((k) => `            - {AttributeName: ${k.split(' ')[0]}, KeyType: ${k.split(' ')[1]}}`), ''].join('\n');

describe('DynamoDB key schemas (DDB1003-DDB1005)', () => {
  it('accepts matching definitions and keys, indexes, and multi-attribute index keys', () => {
    assert.deepEqual(found(table(['pk', 'sk'], ['pk HASH', 'sk RANGE'], '')), []);
    assert.deepEqual(found(table(['pk', 'a', 'b', 'c'], ['pk HASH'], gsi('a HASH', 'b HASH', 'c RANGE'))), []);
  });

  it('DDB1003: RANGE before HASH, two HASH keys on a table, more than two table keys', () => {
    assert.deepEqual(found(table(['pk', 'sk'], ['sk RANGE', 'pk HASH'])), ['DDB1003 RANGE']);
    const twoHash = table(['pk', 'sk'], ['pk HASH', 'sk HASH']);
    assert.deepEqual(found(twoHash), ['DDB1003 HASH']);
    assert.match(applyFirstFix(twoHash, 'DDB1003'), /AttributeName: sk, KeyType: RANGE/);
    assert.deepEqual(found(table(['pk', 'a'], ['pk HASH'], gsi('a RANGE', 'pk HASH'))), ['DDB1003 RANGE']);
  });

  it('DDB1004: a key attribute without a definition (did-you-mean); DDB1005: a definition no key uses', () => {
    const typo = table(['pk', 'sortKey'], ['pk HASH', 'sortKy RANGE']);
    assert.deepEqual(found(typo), ['DDB1005 sortKey', 'DDB1004 sortKy']);
    assert.match(applyFirstFix(typo, 'DDB1004'), /AttributeName: sortKey, KeyType: RANGE/);
    assert.deepEqual(found(table(['pk', 'extra'], ['pk HASH'])), ['DDB1005 extra']);
  });

  it('skips tables whose keys or definitions are computed', () => {
    const computed = tpl('  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: !If [C, [{AttributeName: a, AttributeType: S}], [{AttributeName: b, AttributeType: S}]]\n      KeySchema:\n        - {AttributeName: a, KeyType: HASH}\n');
    assert.deepEqual(found(computed), []);
  });
});
