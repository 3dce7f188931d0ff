import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/core';
import { parseNumber } from '../../server/src/core/calc/util';
import { subVariables } from '../../server/src/core/cfn/sub';
import { quoteUntrusted } from '../../server/src/core/explain';
import { normalizeKey } from '../../server/src/core/knowledge';
import { termAt } from '../../server/src/core/termAt';
import { matchesAllowedPattern } from '../../server/src/core/userPattern';
import { hostileText } from '../helpers/hostile';

const tpl = (params: string) => `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  P:\n${params}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n`;
const service = createLanguageService();
let n = 0;
const file = (text: string) => ({ uri: `file:///r${++n}.yaml`, version: 1, languageId: 'yaml', getText: () => text });

describe('regular expressions from the template run in linear time', () => {
  it('AllowedPattern "(a+)+$" against a 35-character Default is answered (RE2), not frozen', () => {
    const r = service.lint(file(tpl(`    Type: String\n    AllowedPattern: "(a+)+$"\n    Default: "${'a'.repeat(34)}!"\n`)));
    assert.ok(r.findings.some((f) => f.code === 'CFN2002' && /AllowedPattern/.test(f.message)));
    const ok = service.lint(file(tpl(`    Type: String\n    AllowedPattern: "(a+)+$"\n    Default: "${'a'.repeat(35)}"\n`)));
    assert.ok(!ok.findings.some((f) => f.code === 'CFN2002'));
  });

  it('patterns RE2 cannot express, or reads differently from Java, are skipped (never an error)', () => {
    for (const p of ['(a)\\1', '(?<=a)b', 'a++b', '[a-z&&[^b]]+', '[[:alpha:]]+', '\\Z']) {
      assert.equal(matchesAllowedPattern(p, 'zzz'), undefined, p);
      const r = service.lint(file(tpl(`    Type: String\n    AllowedPattern: '${p}'\n    Default: zzz\n`)));
      assert.ok(!r.findings.some((f) => f.code === 'CFN2002'), p);
    }
    assert.equal(matchesAllowedPattern('[a-z]+', 'abc'), true);
    assert.equal(matchesAllowedPattern('[a-z]+', 'abc1'), false, 'the whole value must match, as in Java');
    assert.equal(matchesAllowedPattern('^\\d{1,3}$', '123'), true);
    assert.equal(matchesAllowedPattern('(?i)abc', 'ABC'), true);
  });

  it('completion below "Properties: !If" + 1M spaces + "x" answers', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: !If' + ' '.repeat(1_000_000) + 'x\n      ';
    const f = file(text);
    assert.notEqual(service.complete(f, text.length), undefined);
    service.explainAt(f, text.length - 8);
  });

  it('the text helpers that had quadratic patterns keep their answers on ordinary input', () => {
    assert.deepEqual(subVariables('${A}-${!B}-${ C.Arn }${D'), [
      { name: 'A', offset: 2 },
      { name: 'C.Arn', offset: 13 },
    ]);
    assert.equal(termAt('Value: !GetAtt Queue.Arn:::', 20), 'Queue.Arn');
    assert.equal(normalizeKey('Fn::GetAtt::'), normalizeKey('Fn::GetAtt'));
    assert.equal(quoteUntrusted('a  \t \nb'), quoteUntrusted('a\nb'));
    assert.equal(parseNumber(' 1,234.5 ', 'n'), 1234.5);
    assert.throws(() => parseNumber(' 12 x', 'n'));
  });

  it('each fixed helper finishes on backtracking-hostile text (property, fixed seed)', () => {
    // Quadratic behaviour on 200,000 characters takes seconds to minutes; linear takes milliseconds.
    fc.assert(
      fc.property(hostileText([], 200_000), (t) => {
        const t0 = Date.now();
        subVariables(t);
        termAt(t, t.length);
        termAt('!' + t, t.length);
        normalizeKey(t);
        quoteUntrusted(t.slice(0, 50_000));
        try {
          parseNumber(t, 'n');
        } catch {
          // not a number: fine
        }
        matchesAllowedPattern('(a+)+$', t);
        matchesAllowedPattern('(\\s*)*x', t);
        const ms = Date.now() - t0;
        assert.ok(ms < 2000, `${ms} ms on ${JSON.stringify(t.slice(0, 40))}… (${t.length} chars)`);
      }),
      { numRuns: 40, seed: 16 },
    );
  });
});

describe('inputs the fuzz found', () => {
  it('a JSON file with a trailing comma check over a line of slashes answers (was exponential)', () => {
    const text = '{"Resources": {"A": {"Type": "AWS::SQS::Queue"}},\n' + '////////é'.repeat(700) + '\n}';
    const r = service.lint({ uri: 'file:///f.json', version: 1, languageId: 'json', getText: () => text });
    assert.ok(Array.isArray(r.findings));
  });

  it('completion inside a SAM Globals section our table does not describe', () => {
    const text = 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  WebSocketApi:\n    \nResources:\n  F:\n    Type: AWS::Serverless::Function\n';
    const f = file(text);
    assert.doesNotThrow(() => service.complete(f, text.indexOf('    \n') + 4));
  });

  it('completion at an offset right after a lone CR', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n';
    const f = file(text);
    assert.doesNotThrow(() => service.complete(f, text.indexOf('\r\n  Q') + 1));
  });
});
