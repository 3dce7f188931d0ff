import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../../server/src/core/document/yaml';
import { parseYamlCst, parseYamlFast } from '../../server/src/core/document/yamlCst';
import { parseYamlQuick } from '../../server/src/core/document/yamlQuick';
import type { ParseResult } from '../../server/src/core/document/model';
import { mutationArb } from '../fuzz';

/** What must match between the CST fast path and the composer-based parser. */
export function comparable(r: ParseResult): string {
  return JSON.stringify({
    root: r.root,
    problems: r.problems.length > 0,
    duplicates: r.duplicates.map((d) => [d.key, d.first.start, d.first.end, d.second.start, d.second.end]),
  });
}

const yamlFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));

const same = (text: string): void => {
  const want = comparable(parseYaml(text));
  const got = comparable(parseYamlCst(text));
  if (got !== want) assert.fail(`parseYamlCst differs for ${JSON.stringify(text.slice(0, 300))}\n got: ${got.slice(0, 2000)}\nwant: ${want.slice(0, 2000)}`);
};

describe('parseYamlCst (CST fast path) matches parseYaml', () => {
  const files = yamlFiles(path.join(__dirname, '..', 'fixtures'));

  it('on every YAML fixture, mostly without falling back', () => {
    let fast = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      same(text);
      if (parseYamlFast(text)) fast++;
    }
    assert.ok(files.length > 20);
    assert.ok(fast * 2 > files.length, `fast path taken on only ${fast}/${files.length} fixtures`);
  });

  it('on hand-written edge cases', () => {
    const cases = [
      'a: 1\nb: 0x1F\nc: 0o17\nd: -0\ne: +12\nf: 1.50\ng: .5\nh: 1e3\ni: .inf\nj: -.Inf\nk: .NaN\nl: 1_000\nm: 0b11\nn: 012\n',
      'a: true\nb: True\nc: TRUE\nd: tRUE\ne: yes\nf: off\ng: null\nh: Null\ni: NULL\nj: ~\nk:\nl: nULL\n',
      'a: "1"\nb: \'2\'\nc: "x\\ny"\nd: \'it\'\'s\'\ne: ""\n',
      'a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n',
      'R: !Ref X\nS: !Sub "${A}"\nG: !GetAtt A.B\nJ: !Join\n  - ","\n  - [a, b]\nI: !If [C, !Ref A, !Ref AWS::NoValue]\nE: !Ref\nM: !Transform {Name: x}\n',
      '!Ref x\n',
      'a: [1, 2, {b: c, d: [e]}]\nf: {}\ng: []\nh: { x: 1, y: }\ni: [a, b, ]\n',
      'a: b\na: c\nn:\n  x: 1\n  x: 2\n',
      '# comment\na: 1 # trailing\n# between\nb:\n  # inner\n  - 1\n  - # empty\n  -\n',
      'a:\n- 1\n- 2\nb: plain multi\n  line scalar\n',
      '---\na: 1\n',
      '---\na: 1\n---\nb: 2\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a:\tb\n',
      '\ta: 1\n',
      'a: 1\n  b: 2\n',
      '? a\n: b\n',
      '',
      '# only\n',
      '---\n',
      'plain',
      '"quoted"',
      '[1, 2',
      'a: b: c\n',
      'a: "x"y\n',
      'a: @x\n',
      'key: value\n...\n',
      'a: !Ref\nb: 1\n',
      'a:\n  - !Sub\n    - x\n    - {}\n',
      'a: !GetAtt\n  - A\n  - B\n',
      'a: [\n  1,\n  2\n]\n',
      '1: a\n~: b\ntrue: c\n',
      'a: 12345678901234567890\nb: 1.0e+400\n',
    ];
    for (const c of cases) same(c);
  });

  it('on random mutations of the fixtures (fixed seed)', () => {
    for (const [i, f] of files.entries()) {
      const base = fs.readFileSync(f, 'utf8');
      fc.assert(fc.property(mutationArb(base), (text) => same(text)), { numRuns: 60, seed: 4200 + i });
    }
  });

  it('on arbitrary short text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('a', '1', ' ', '\n', ':', '-', '!Ref ', '[', ']', '{', '}', ',', '"', "'", '#', '\t', '|', '>', '?', '&', '*', '.', 'x: ') }), (t) => same(t)), { numRuns: 3000, seed: 11 });
  });
});

describe('parseYamlQuick (hand-written scanner) matches parseYaml', () => {
  const read = (text: string): void => {
    const quick = parseYamlQuick(text);
    assert.ok(quick, `the scanner gave up on ${JSON.stringify(text)}`);
    assert.equal(comparable(quick), comparable(parseYaml(text)), JSON.stringify(text));
  };

  it('reads the forms templates are written in', () => {
    const cases = [
      'A: 1\nB: x # note\nC: "q\\"uote\\u00e9"\nD: \'it\'\'s\'\nE: true\nF: ~\n',
      'L:\n- a\n- b\nM:\n  - k: 1\n    j: 2\n  - - nested\n',
      'R: !Ref X\nS: !Sub "${A}"\nG: !GetAtt A.B\nJ: !Join\n  - ","\n  - [a, !Ref b]\nI: !If [C, {Ref: A}, !Ref AWS::NoValue]\n',
      'T:\n  !Join [ "-", [\n    a,\n    b,\n  ]]\n',
      'U: |\n  #!/bin/bash\n  echo hi\n\n  done\nV: >-\n  folded\n  text\n\n    kept as is\n  end\nW: |+\n  keep\n\nX: 1\n',
      '---\n# comment\nA: 1\n',
      'A:\nB: # nothing\nC: !Ref\nD:\n  - \n  - x\n',
      'Description: a long\n  plain text\n\n  over lines\nNext: 1\n',
      'Code: !Rain::Embed file.js\nOther: !Custom\n  k: v\n',
      'A: b\nA: c\nn: {x: 1, x: 2}\n',
      'A: [1, 2, {b: c, d: [e]}]\nf: {}\ng: []\n"Fn::Sub": x\n',
      'A: 1\r\nB:\r\n  - x\r\n',
    ];
    for (const c of cases) read(c);
  });

  it('gives up on what it does not read exactly, and the full parsers decide', () => {
    const cases = ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\tb\n', 'a: "multi\n  line"\n', '---\na: 1\n---\nb: 2\n', 'a: b: c\n', '? a\n: b\n', 'a: |2\n   x\n', 'a: [\n  1\n]\n', 'a: [1, # c\n  2]\n'];
    for (const c of cases) {
      assert.equal(parseYamlQuick(c), undefined, JSON.stringify(c));
      same(c);
    }
  });

  it('is taken on most fixtures', () => {
    const files = yamlFiles(path.join(__dirname, '..', 'fixtures'));
    const quick = files.filter((f) => parseYamlQuick(fs.readFileSync(f, 'utf8')));
    assert.ok(quick.length * 4 > files.length * 3, `scanner used on only ${quick.length}/${files.length} fixtures`);
  });
});
