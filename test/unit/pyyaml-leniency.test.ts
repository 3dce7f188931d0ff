import assert from 'node:assert/strict';
import { get, parseTemplate, type Node } from '../../server/src/core/document';
import { lint, tpl } from './helpers';

const parse = (text: string) => parseTemplate('file:///t.yaml', 1, text);

/** Our tree as plain values (short tags read as their long form), to compare with what PyYAML reads. */
function plain(n: Node | null | undefined): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.pairs.map((p) => [String(p.key.value), plain(p.value)]));
}

/** Every case: the text, and what PyYAML 6 (CloudFormation's reader) loads from it. */
const ACCEPTED: [string, string, unknown][] = [
  ['double-quoted value continued at its key', 'Foo:\n  Bar: "x\n  y"\n', { Foo: { Bar: 'x y' } }],
  ['a blank line inside a quoted value is a line break', 'Foo:\n  Bar: "x\n\n y"\n', { Foo: { Bar: 'x\ny' } }],
  ['single-quoted value continued at column 0', "Description: 'ab \n**c** d'\nX: 1\n", { Description: 'ab **c** d', X: 1 }],
  ['!Sub policy in braces', "R:\n  P:\n    Policy: !Sub '{\n  \"a\": 1\n}'\nX: 1\n", { R: { P: { Policy: { 'Fn::Sub': '{ "a": 1 }' } } }, X: 1 }],
  ['flow sequence continued at column 0', 'Foo:\n  Bar: [a,\nb]\n', { Foo: { Bar: ['a', 'b'] } }],
  ['flow mapping continued shallower', 'Foo:\n  Bar: {a: 1,\n b: 2}\n', { Foo: { Bar: { a: 1, b: 2 } } }],
  ['flow value in a compact mapping of a list item', "L:\n  - K: ['a',\n  'b']\n", { L: [{ K: ['a', 'b'] }] }],
  ['bare - first in a flow sequence', 'A: !Join [-, [a, b]]\n', { A: { 'Fn::Join': ['-', ['a', 'b']] } }],
  ['bare - last in a flow sequence', 'A: [a, -]\n', { A: ['a', '-'] }],
  ['bare - as a flow mapping value', 'A: {x: -}\n', { A: { x: '-' } }],
];

describe('YAML read as CloudFormation (PyYAML) reads it', () => {
  for (const [name, text, expected] of ACCEPTED) {
    it(`${name}: same values, one DOC1009 warning, no error`, () => {
      const doc = parse(text);
      assert.deepEqual(plain(doc.root), expected);
      const findings = lint(text, { kind: 'cfn' }).findings;
      assert.deepEqual(
        findings.filter((f) => f.code.startsWith('DOC')).map((f) => [f.code, f.severity]),
        [['DOC1009', 'warning']],
      );
    });
  }

  it('keeps exact positions of the original text', () => {
    const text = "Description: 'ab \n**c** d'\nA: !Join [-, [a, b]]\nB: [x,\ny]\n";
    const doc = parse(text);
    const d = get(doc.root, 'Description')!;
    assert.equal(text.slice(d.start, d.end), "'ab \n**c** d'");
    const join = get(get(doc.root, 'A'), 'Fn::Join');
    assert.equal(join?.kind, 'seq');
    const dash = join.kind === 'seq' ? join.items[0] : undefined;
    assert.equal(dash?.start, text.indexOf('-,'));
    assert.equal(dash?.end, text.indexOf('-,') + 1);
    assert.equal(dash?.kind === 'scalar' && dash.quoted, false);
    const b = get(doc.root, 'B')!;
    assert.equal(text.slice(b.start, b.end), '[x,\ny]');
    const y = b.kind === 'seq' ? b.items[1] : undefined;
    assert.equal(y?.start, text.lastIndexOf('y'));
  });

  it('names the first place and counts the others, on the line that relies on it', () => {
    const text = 'A: [a,\nb]\nB: "c\nd"\nC: [-, x]\n';
    const f = lint(text, { kind: 'cfn' }).findings.filter((x) => x.code === 'DOC1009');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /line 2 \(and 2 more places\)/);
    assert.equal(f[0].start, text.indexOf('b]'));
  });

  it('checks everything after the lenient spot (no cascade of missing resources)', () => {
    const text = tpl('  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Join [-, [a, b]]\n  T:\n    Type: AWS::SNS::Topic\n', "Description: 'one\ntwo'\n");
    const out = lint(text, { kind: 'cfn' }).findings.map((f) => f.code);
    assert.deepEqual(out, ['DOC1009']);
  });

  it('terminates on truncated input (a comment or quote at the very end)', () => {
    for (const text of ['A: [a, #x', 'A: [a #', "A: 'x", 'A: [', '{a: !', 'A: "\\', 'A: |\n  x\nB: [', '- - [', 'A: {b: [c, #']) {
      assert.ok(parse(text).problems.length > 0, text);
    }
  });

  it('still reports what PyYAML rejects too', () => {
    for (const text of ['A: [a, - ]\n', 'Foo:\n  Bar: x\n  y: [\n', "A: 'never closed\n"]) {
      assert.ok(
        lint(text, { kind: 'cfn' }).findings.some((f) => f.code === 'DOC1001' && f.severity === 'error'),
        text,
      );
    }
  });
});

describe('JSON read as CloudFormation reads it', () => {
  it('accepts trailing commas with one warning on the first, and reads the values', () => {
    const text = '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", },\n    "T": { "Type": "AWS::SNS::Topic", "Properties": { "Tags": [ {"Key": "a", "Value": "b"}, ] } },\n  },\n}\n';
    const doc = parseTemplate('file:///t.json', 1, text);
    assert.deepEqual(plain(get(get(get(doc.root, 'Resources'), 'T'), 'Properties')), { Tags: [{ Key: 'a', Value: 'b' }] });
    const findings = lint(text, { name: 'file:///t.json' }).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['DOC1009', 'warning']]);
    assert.equal(findings[0].start, text.indexOf(', }'));
    assert.match(findings[0].message, /\(and 3 more\)/);
  });

  it('a comma inside a string is not a trailing comma; a missing value is still an error', () => {
    assert.deepEqual(lint('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Metadata": {"a": ",}"}}}}', { name: 'file:///t.json' }).findings.map((f) => f.code), []);
    assert.ok(lint('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Metadata": [1,,2]}}}', { name: 'file:///t.json' }).findings.some((f) => f.code === 'DOC1001'));
  });
});
