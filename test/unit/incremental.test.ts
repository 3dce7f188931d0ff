import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentCache, parseTemplate, type TemplateDocument } from '../../server/src/core/document';
import { reparseIncrementally } from '../../server/src/core/document/incremental';
import { LineIndex } from '../../server/src/core/document/lines';

const base = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cfn', 'good.yaml'), 'utf8');
const same = (a: TemplateDocument, b: TemplateDocument) => {
  assert.deepEqual(JSON.parse(JSON.stringify(a.root)), JSON.parse(JSON.stringify(b.root)));
  assert.equal(a.problems.length > 0, b.problems.length > 0);
  assert.equal(a.duplicates.length, b.duplicates.length);
};

describe('incremental re-parse', () => {
  it('gives the same tree as a full parse after any single edit (property test)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: base.length }),
        fc.nat({ max: 12 }),
        fc.constantFrom('a', ' ', '\n', ':', '  x: 1\n', '- ', '!Ref Q', '"', '#', 'Type: AWS::SQS::Queue\n'),
        (at, del, ins) => {
          const cache = new DocumentCache();
          cache.get('u', 1, () => base);
          const next = base.slice(0, at) + ins + base.slice(Math.min(base.length, at + del));
          same(cache.get('u', 2, () => next), parseTemplate('u', 2, next));
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('follows a chain of edits (typing a property character by character)', () => {
    const cache = new DocumentCache();
    let text = base;
    cache.get('u', 0, () => text);
    const at = text.indexOf('      VisibilityTimeout: 30\n') + '      VisibilityTimeout: 30\n'.length;
    const typed = '      DelaySeconds: 5\n';
    for (let i = 1; i <= typed.length; i++) {
      text = base.slice(0, at) + typed.slice(0, i) + base.slice(at);
      same(cache.get('u', i, () => text), parseTemplate('u', i, text));
    }
  });

  it('keeps the old tree intact when asked (a quick fix tried on the side), any single edit (property test)', () => {
    fc.assert(
      fc.property(fc.nat({ max: base.length }), fc.nat({ max: 12 }), fc.constantFrom('a', '\n', '  x: 1\n', '      DelaySeconds: 5\n', '!Ref Q'), (at, del, ins) => {
        const old = parseTemplate('u', 1, base);
        const snapshot = JSON.stringify(old.root);
        const next = base.slice(0, at) + ins + base.slice(Math.min(base.length, at + del));
        const tried = reparseIncrementally(old, next, 2, true);
        assert.equal(JSON.stringify(old.root), snapshot);
        if (tried) same(tried, parseTemplate('u', 2, next));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('re-parses only the entry when lines are added at its end (what a quick fix adding keys does)', () => {
    const old = parseTemplate('u', 1, base);
    const at = base.indexOf('  Table:'); // the line after the Queue entry's last line
    const next = base.slice(0, at) + '      DelaySeconds: 5\n' + base.slice(at);
    const tried = reparseIncrementally(old, next, 2, true);
    assert.ok(tried, 'no shortcut taken');
    same(tried, parseTemplate('u', 2, next));
  });

  it('updates the line index of an edited text as a fresh index would be (property test, CR, LF and CRLF)', () => {
    const pieces = (...p: string[]) => (max: number) => fc.array(fc.constantFrom(...p), { maxLength: max }).map((a) => a.join(''));
    const text = pieces('a', ' ', '\n', '\r', '\r\n')(40);
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 5 }), pieces('b', '\n', '\r', '\r\n')(6), (t, where, del, ins) => {
        const at = where % (t.length + 1);
        const end = Math.min(t.length, at + del);
        const next = t.slice(0, at) + ins + t.slice(end);
        const fresh = new LineIndex(next);
        const edited = new LineIndex(t).edited(next, at, end);
        assert.equal(edited.lineCount, fresh.lineCount);
        for (let i = 0; i < fresh.lineCount; i++) assert.equal(edited.lineStart(i), fresh.lineStart(i), `line ${i}`);
      }),
      { numRuns: 5000, seed: 3 },
    );
  });
});
