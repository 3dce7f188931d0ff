import assert from 'node:assert/strict';
import { get, getPair, intrinsicName, isMap, isSeq, parseTemplate, str, type MapNode } from '../../server/src/core/document';
import { SHORT_TAGS } from '../../server/src/core/document/tags';
import { lint } from './helpers';

const parse = (text: string) => parseTemplate('file:///t.yaml', 1, text);

describe('document model', () => {
  it('turns every short-form tag into its long form, keeping the tag as the key range', () => {
    for (const [tag, fn] of Object.entries(SHORT_TAGS)) {
      const text = `A: ${tag} x\n`;
      const doc = parse(text);
      const a = get(doc.root, 'A') as MapNode;
      assert.equal(intrinsicName(a) ?? (fn === 'Condition' ? 'Condition' : undefined), fn, tag);
      assert.equal(a.short, true);
      assert.equal(text.slice(a.pairs[0].key.start, a.pairs[0].key.end), tag);
      assert.equal(str(a.pairs[0].value), 'x');
    }
  });

  it('reads tags in scalar, sequence and mapping forms', () => {
    const doc = parse('A: !Sub\n  - "${X}-${Y}"\n  - { X: 1, Y: !Ref Z }\nB: !GetAtt [R, Arn]\nC: !Transform { Name: M }\n');
    const sub = get(get(doc.root, 'A'), 'Fn::Sub');
    assert.ok(isSeq(sub));
    assert.equal(intrinsicName(get(sub.items[1], 'Y')), 'Ref');
    assert.ok(isSeq(get(get(doc.root, 'B'), 'Fn::GetAtt')));
    assert.ok(isMap(get(get(doc.root, 'C'), 'Fn::Transform')));
  });

  it('finds a tag written on the line before its value', () => {
    const text = 'A: !Sub\n  abc-${X}\n';
    const a = get(parse(text).root, 'A') as MapNode;
    assert.equal(text.slice(a.pairs[0].key.start, a.pairs[0].key.end), '!Sub');
  });

  it('gives JSON templates exact positions', () => {
    const text = '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
    const doc = parseTemplate('file:///t.json', 1, text);
    assert.equal(doc.format, 'json');
    const t = get(get(get(doc.root, 'Resources'), 'Q'), 'Type')!;
    assert.equal(text.slice(t.start, t.end), '"AWS::SQS::Queue"');
    assert.deepEqual(doc.lines.positionAt(t.start), { line: 2, character: 19 });
  });

  it('reports duplicate keys with both places, in YAML and JSON', () => {
    const y = parse('A: 1\nB: 2\nA: 3\n');
    assert.equal(y.duplicates.length, 1);
    assert.equal(y.duplicates[0].key, 'A');
    assert.equal(y.lines.positionAt(y.duplicates[0].second.start).line, 2);
    const j = parseTemplate('file:///t.json', 1, '{"A": 1, "A": 2}');
    assert.equal(j.duplicates.length, 1);
  });

  it('marks the lost first occurrence of a repeated key once, and every repeat after it', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n  T:\n    Type: AWS::SNS::Topic\n  T:\n    Type: AWS::SQS::Queue\n';
    const { doc, findings } = lint(text);
    const dups = findings.filter((f) => f.code === 'DOC1002' && f.severity === 'error');
    assert.deepEqual(dups.map((f) => doc.lines.positionAt(f.start).line), [1, 3, 5]);
    assert.match(dups[0].message, /repeated at line 4.*this value is silently lost/);
    assert.equal(text.slice(dups[0].start, dups[0].end), 'T');
  });

  it('reports syntax errors at their position and keeps the rest', () => {
    const doc = parse('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  bad: [unclosed\nOutputs: {}\n');
    assert.ok(doc.problems.length > 0);
    assert.ok(doc.problems.every((p) => p.start >= 0 && p.end >= p.start));
    assert.ok(getPair(get(doc.root, 'Resources'), 'Q'));
  });

  it('handles CRLF, tabs in values and a BOM with correct positions', () => {
    const text = '\uFEFFResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n';
    const doc = parse(text);
    const t = get(get(get(doc.root, 'Resources'), 'Q'), 'Type')!;
    assert.equal(text.slice(t.start, t.end), 'AWS::SQS::Queue');
    assert.deepEqual(doc.lines.positionAt(t.start), { line: 2, character: 10 });
    assert.equal(doc.problems.length, 0);
  });

  it('keeps the written form of plain numbers (version: 0.0)', () => {
    const v = get(parse('version: 0.0\n').root, 'version');
    assert.equal(v?.kind === 'scalar' && v.source, '0.0');
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const t0 = Date.now();
    const doc = parse(lines.join('\n') + '\n');
    assert.ok(Date.now() - t0 < 5000);
    assert.ok(doc.problems.some((p) => p.code === 'ALIAS'));
  });

  it('does not overflow on deep nesting', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const doc = parse(`A: ${deep}\n`);
    assert.ok(doc.problems.some((p) => p.code === 'DEPTH') || doc.problems.length > 0);
  });

  it('skips binary and oversized text with a reason', () => {
    assert.match(parse('abc\u0000def').skipped ?? '', /NUL/);
    assert.match(parseTemplate('file:///x', 1, 'a: 1\n'.repeat(100), { maxBytes: 100 }).skipped ?? '', /limit/);
    assert.match(parse('\uFFFD\uFFFD\uFFFDabc').skipped ?? '', /UTF-8/);
  });

  it('warns about multi-document files', () => {
    assert.ok(parse('a: 1\n---\nb: 2\n').problems.some((p) => p.code === 'MULTIDOC'));
  });
});

describe('value ranges and comments', () => {
  it('a value ends before its trailing comment, so fixes keep the comment', () => {
    const t = 'A: Retian # keep\nB: [a, b] # c\nC: "q" # x\nD: !Ref X # y\n';
    const d = parseTemplate('file:///c.yaml', 1, t);
    const slice = (k: string) => { const n = get(d.root, k)!; return t.slice(n.start, n.end); };
    assert.deepEqual(['A', 'B', 'C', 'D'].map(slice), ['Retian', '[a, b]', '"q"', '!Ref X']);
  });
});
