import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate, type Node } from '../../server/src/core/document';
import { limitJsonNesting, limitYamlNesting, MAX_DEPTH } from '../../server/src/core/document/depth';
import { lintDocument } from '../../server/src/core/lint';

const deepJson = (n: number) => '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queu", "Properties": {"X": ' + '['.repeat(n) + ']'.repeat(n) + '}}}}';
const lint = (name: string, text: string) => lintDocument(parseTemplate(name, 1, text), { fileName: name });
const codes = (name: string, text: string) => lint(name, text).findings.map((f) => f.code);

describe('deep nesting is cut off before the parsers recurse', () => {
  it('a 6,000-deep JSON array (12 KB) in any .json file reports DOC1004 instead of overflowing', () => {
    const text = '['.repeat(6000) + ']'.repeat(6000);
    const doc = parseTemplate('file:///data.json', 1, text);
    assert.deepEqual(doc.problems.map((p) => p.code), ['DEPTH']);
    assert.equal(doc.text, text, 'the document keeps the original text');
  });

  it('a deep JSON template still gets every other finding, at the right offsets', () => {
    const text = deepJson(6000);
    const r = lint('file:///t.json', text);
    assert.deepEqual(r.findings.map((f) => f.code).sort(), ['CFN3002', 'DOC1004']);
    const f = r.findings.find((x) => x.code === 'CFN3002')!;
    assert.equal(text.slice(f.start, f.end), '"AWS::SQS::Queu"');
  });

  it('deep YAML block sequences (compact and indented), maps and flow collections', () => {
    const head = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queu\n    Properties:\n      X:\n';
    const cases = [
      head + '        ' + '- '.repeat(6000) + 'x\n',
      head + Array.from({ length: 1200 }, (_, i) => ' '.repeat(8 + i) + '- ').join('\n') + 'x\n',
      head + Array.from({ length: 1200 }, (_, i) => ' '.repeat(8 + i) + 'k:').join('\n') + ' x\n',
      head + '        ' + '['.repeat(6000) + ']'.repeat(6000) + '\n',
      head + '        ' + '{a: '.repeat(3000) + '1' + '}'.repeat(3000) + '\n',
    ];
    for (const text of cases) {
      const c = codes('file:///t.yaml', text);
      assert.ok(c.includes('DOC1004'), c.join());
      assert.ok(c.includes('CFN3002'), c.join());
      assert.ok(!c.includes('DOC1001'), `no syntax error from the cut: ${c.join()}`);
    }
  });

  it('aliases reused deeper down cannot build a tree deeper than the limit (every walker stays safe)', () => {
    const lines: string[] = [];
    let prev = 'x';
    for (let i = 0; i < 40; i++) {
      lines.push(`        - &a${i} ` + '['.repeat(300) + prev + ']'.repeat(300), `        - *a${i}`);
      prev = `*a${i}`;
    }
    const doc = parseTemplate('file:///t.yaml', 1, 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n' + lines.join('\n') + '\n');
    let deepest = 0;
    const stack: [Node, number][] = doc.root ? [[doc.root, 0]] : [];
    while (stack.length) {
      const [n, d] = stack.pop()!;
      deepest = Math.max(deepest, d);
      if (n.kind === 'map') n.pairs.forEach((p) => stack.push([p.value, d + 1]));
      else if (n.kind === 'seq') n.items.forEach((x) => stack.push([x, d + 1]));
    }
    assert.ok(deepest <= MAX_DEPTH + 1, `tree depth ${deepest}`);
    assert.ok(doc.problems.some((p) => p.code === 'DEPTH'));
  });

  it('an apostrophe in a plain scalar does not hide the nesting that follows', () => {
    const text = "Description: it's deep\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        " + '- '.repeat(6000) + 'x\n';
    assert.notEqual(limitYamlNesting(text).deepAt, undefined);
    assert.ok(codes('file:///t.yaml', text).includes('DOC1004'));
  });

  it('blanking keeps length and line breaks', () => {
    const text = 'a:\n' + '- '.repeat(700) + '"x\n  y"\n';
    const out = limitYamlNesting(text).text;
    assert.equal(out.length, text.length);
    assert.equal(out.split('\n').length, text.split('\n').length);
    const j = limitJsonNesting('[' + '[\n'.repeat(600) + ']'.repeat(600) + ']');
    assert.equal(j.text.split('\n').length, 601);
  });

  it('never changes a text that nests less than the limit (fixtures and generated nesting)', () => {
    const dir = path.join(__dirname, '..', 'fixtures');
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const f of walk(dir)) {
      const t = fs.readFileSync(f, 'utf8');
      assert.equal(limitYamlNesting(t, 40).text, t, f);
      assert.equal(limitJsonNesting(t, 40).text, t, f);
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DEPTH - 2 }), fc.constantFrom('- ', '[', '{a: '), (n, open) => {
        const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
        const t = 'a: ' + open.repeat(n) + '1' + close.repeat(n) + '\n';
        return limitYamlNesting(t).text === t;
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
