import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { lintDocument, MAX_FINDINGS } from '../../server/src/core/lint';
import type { Rule } from '../../server/src/core/rules/types';

const subTemplate = (n: number, extra = '') =>
  'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "' +
  Array.from({ length: n }, (_, i) => '${Var' + i + '}').join('-') +
  '"\n' +
  extra;

describe('findings per file are capped', () => {
  it('a 10,000-variable Sub lists 1,000 findings and one DOC1020 saying how many were cut', () => {
    const r = lintDocument(parseTemplate('file:///s.yaml', 1, subTemplate(10_000)), { kind: 'cfn' });
    assert.equal(r.findings.length, MAX_FINDINGS + 1);
    const cap = r.findings.filter((f) => f.code === 'DOC1020');
    assert.equal(cap.length, 1);
    assert.match(cap[0].message, /9,000 more findings in this file are not listed .*CFN4004 ×9,000/);
  });

  it('errors are kept before warnings when the cap cuts', () => {
    // 900 warnings early in the file and 600 errors after them: a cut by position would drop errors.
    const noisy: Rule = {
      code: 'TEST0001',
      kinds: ['cfn'],
      severity: 'warning',
      title: 'noisy',
      check: () => Array.from({ length: 1500 }, (_, i) => ({ message: 'x', start: i, end: i + 1, severity: i < 900 ? ('warning' as const) : ('error' as const) })),
    };
    const r = lintDocument(parseTemplate('file:///s.yaml', 1, subTemplate(1)), { kind: 'cfn', rules: [noisy] });
    const kept = r.findings.filter((f) => f.code === 'TEST0001');
    assert.equal(kept.filter((f) => f.severity === 'error').length, 600);
    assert.equal(kept.filter((f) => f.severity === 'warning').length, MAX_FINDINGS - 600);
    assert.match(r.findings.find((f) => f.code === 'DOC1020')!.message, /^500 more/);
  });

  it('files under the cap are untouched', () => {
    const r = lintDocument(parseTemplate('file:///s.yaml', 1, subTemplate(20)), { kind: 'cfn' });
    assert.equal(r.findings.length, 20);
    assert.ok(!r.findings.some((f) => f.code === 'DOC1020'));
  });
});
