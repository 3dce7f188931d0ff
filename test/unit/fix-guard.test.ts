import assert from 'node:assert/strict';
import { createLanguageService, MAX_FIXED_FINDINGS_PER_REQUEST } from '../../server/src/core';
import { parseTemplate } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { addedFindings, fixAll, refusal, safeFixesFor } from '../../server/src/core/fixGuard';
import { lintDocument } from '../../server/src/core/lint';
import { rulesFor } from '../../server/src/core/rules/registry';
import type { Finding, Rule } from '../../server/src/core/rules/types';
import { lint } from './helpers';

const POLICY = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocumnt:
        Version: "2012-10-17"
        Statement: []
      Roles: [r]
`;

describe('fix guard: no fix may add a finding', () => {
  it('a misspelled required property gets a rename, not also an "add missing" that duplicates it', () => {
    const { doc, findings } = lint(POLICY);
    const missing = findings.find((f) => f.code === 'CFN3004')!;
    assert.deepEqual(fixesFor(doc, missing), []);
    const r = fixAll(doc);
    assert.equal(r.doc.text.match(/PolicyDocument/g)?.length, 1, r.doc.text);
    assert.ok(!r.doc.text.includes('PolicyDocument: ""'));
    assert.deepEqual(r.findings.map((f) => f.code), []);
    assert.deepEqual(r.applied.map((a) => a.code), ['CFN3003']);
  });

  it('still adds a required property that no key misspells', () => {
    const { doc } = lint(POLICY.replace('      PolicyDocumnt:\n        Version: "2012-10-17"\n        Statement: []\n', ''));
    const f = lintDocument(doc).findings.find((x) => x.code === 'CFN3004')!;
    assert.deepEqual(fixesFor(doc, f).map((x) => x.title), ["Add 'PolicyDocument'"]);
  });

  it("does not offer 'Resource' → 'Resources' when the template has a Resources section", () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\nResource:\n  B:\n    Type: AWS::S3::Bucket\n';
    const { doc, findings } = lint(text);
    const f = findings.find((x) => x.code === 'CFN1001')!;
    assert.ok(!fixesFor(doc, f).some((x) => x.title.includes("'Resources'")));
    const r = fixAll(doc);
    assert.equal(r.doc.text.match(/^Resources:/gm)?.length, 1);
    assert.ok(!r.findings.some((x) => x.code === 'DOC1002'));
  });

  it('refuses a fix whose result has a finding the original did not (here a duplicate key)', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n';
    const doc = parseTemplate('file:///t.yaml', 1, text);
    const before = lintDocument(doc).findings;
    const at = text.indexOf('B:');
    const rename: Finding = { code: 'TEST', severity: 'error', message: 'x', start: at, end: at + 1, data: { fix: 'edits', title: 'Rename B to A', edits: [{ start: at, end: at + 1, text: 'A' }] } };
    assert.match(refusal(doc, before, fixesFor(doc, rename)[0].edits)!, /DOC1002/);
    assert.deepEqual(safeFixesFor(doc, rename, before), []);
    const harmless: Finding = { ...rename, data: { fix: 'edits', title: 'Rename B to C', edits: [{ start: at, end: at + 1, text: 'C' }] } };
    assert.equal(safeFixesFor(doc, harmless, before).length, 1);
  });

  it('refuses a fix that adds a finding of any code, not only syntax errors', () => {
    // Adding an empty placeholder where a mapping is required is a new type error: not applied.
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n';
    const { doc, findings } = lint(text);
    const missing = findings.find((f) => f.code === 'CFN3004' && /DefaultCacheBehavior/.test(f.message));
    assert.ok(missing, JSON.stringify(findings.map((f) => f.message)));
    const r = fixAll(doc);
    assert.ok(!r.doc.text.includes('DefaultCacheBehavior: ""'));
    assert.ok(r.refused.some((x) => x.code === 'CFN3004' && /CFN3005/.test(x.reason)), JSON.stringify(r.refused));
    assert.deepEqual(addedFindings(findings, r.findings), []);
  });

  it('fix-all keeps a fix that reveals findings only together with the fixes of what it revealed', () => {
    // With the type corrected, the properties are checked: the misspelled one is a new finding, fixed in the same run.
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucke\n    Properties:\n      BucketNam: my-bucket\n';
    const r = fixAll(lint(text).doc);
    assert.match(r.doc.text, /Type: AWS::S3::Bucket\n/);
    assert.match(r.doc.text, /BucketName: my-bucket/);
    // The bucket's best-practice warnings it reveals stay: their fixes are the user's call, never fix-all's.
    assert.deepEqual(r.findings.map((f) => f.code).sort(), ['BP1003', 'BP1004', 'BP1007']);
    assert.deepEqual(r.applied.map((a) => a.code), ['CFN3002', 'CFN3003']);
    // As a quick fix, the type fix is offered only together with the fix of what it reveals.
    const { doc, findings } = lint(text);
    const offered = safeFixesFor(doc, findings.find((f) => f.code === 'CFN3002')!, findings);
    assert.deepEqual(offered.map((x) => x.title), ["Change to 'AWS::S3::Bucket', then change to 'BucketName'"]);
    assert.equal(applyEdits(text, offered[0].edits), r.doc.text);
  });

  it('compares findings by code and message, ignoring line numbers that edits move', () => {
    const f = (message: string): Finding => ({ code: 'DOC1002', severity: 'error', message, start: 0, end: 0 });
    assert.deepEqual(addedFindings([f("Duplicate key 'A' (first at line 3).")], [f("Duplicate key 'A' (first at line 5).")]), []);
    assert.equal(addedFindings([f('a')], [f('a'), f('a')]).length, 1);
  });

  it('the language service re-checks the quick fixes of a finding once per document version', () => {
    const service = createLanguageService();
    const file = { uri: 'file:///w/p.yaml', version: 1, getText: () => POLICY };
    const at = POLICY.indexOf('PolicyDocumnt');
    const first = service.fixes(file, { start: at, end: at });
    assert.deepEqual(first.flatMap((x) => x.fixes.map((f) => f.title)), ["Change to 'PolicyDocument'"]);
    assert.equal(service.fixes(file, { start: at, end: at })[0].fixes, first[0].fixes, 'served from the cache');
    const next = { ...file, version: 2, getText: () => POLICY.replace('p\n', 'q\n') };
    assert.notEqual(service.fixes(next, { start: at, end: at })[0].fixes, first[0].fixes);
  });

  it('fix-all isolates a bad fix among many by halving the group, not by re-linting once per fix', () => {
    let queues = '';
    for (let i = 0; i < 20; i++) queues += `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 5\n`;
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${queues}  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n`;
    // Count the lints through a rule that only counts (every lint runs it once).
    let lints = 0;
    const counter: Rule = { code: 'COUNT', kinds: ['cfn'], severity: 'info', title: 'count', check: () => (lints++, []) };
    const rules = [...rulesFor('cfn'), counter];
    const r = fixAll(parseTemplate('file:///t.yaml', 1, text), { rules });
    assert.equal(r.applied.length, 20);
    assert.deepEqual(r.refused.map((x) => x.code), ['CFN3004']);
    assert.ok(lints <= 14, `${lints} lints for 21 fixes`);
  });
});

describe('quick fixes over a wide range', () => {
  it('prices at most MAX_FIXED_FINDINGS_PER_REQUEST findings, the ones nearest the range start first', () => {
    // 30 misspelled resource types: each finding has a guarded fix, so pricing all of them re-lints 30+ times.
    const resources = Array.from({ length: 30 }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queu\n`).join('');
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources}`;
    const service = createLanguageService({ incremental: false });
    const file = { uri: 'file:///wide.yaml', version: 1, languageId: 'yaml', getText: () => text };
    const all = service.lint(file).findings.filter((f) => f.code === 'CFN2001' || f.severity === 'error');
    assert.ok(all.length >= 30, `${all.length} findings`);
    const from = text.indexOf('Q5:');
    const got = service.fixes(file, { start: from, end: text.length });
    assert.equal(got.length, MAX_FIXED_FINDINGS_PER_REQUEST);
    assert.ok(got[0].finding.start >= from && got[0].finding.start < text.indexOf('Q6:'), 'the finding at the range start is kept');
    assert.ok(got.every((g) => g.fixes.length > 0), 'each kept finding still has its fix');
    // A narrow request is not affected.
    const one = text.indexOf('AWS::SQS::Queu', text.indexOf('Q20:'));
    assert.equal(service.fixes(file, { start: one, end: one }).length, 1);
  });
});
