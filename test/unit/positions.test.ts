import assert from 'node:assert/strict';
import { DocumentCache, parseTemplate } from '../../server/src/core/document';
import { lintDocument } from '../../server/src/core/lint';

/** The same template with every line-break style, with and without a BOM: same findings, same lines and columns. */
const YAML = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  Env:',
  '    Type: String',
  '    AllowedValues: [dev, prod]',
  '    Default: staging',
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      VisibilityTimout: 60',
  '  Bucket:',
  '    Type: AWS::S3::Bucke',
  '',
];
const JSON_LINES = ['{', '  "Resources": {', '    "Q": {', '      "Type": "AWS::SQS::Queue",', '      "Properties": { "VisibilityTimout": 5 }', '    }', '  }', '}', ''];

function positions(text: string, name: string) {
  const doc = parseTemplate(name, 1, text);
  const { findings } = lintDocument(doc, { fileName: name });
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return findings.map((f) => {
    const p = doc.lines.positionAt(f.start);
    // An editor does not count the BOM as a column of the first line.
    return `${f.code}@${p.line}:${p.line === 0 ? p.character - bom : p.character}`;
  });
}

describe('positions: LF, CRLF, CR and a BOM', () => {
  for (const [label, lines, name] of [
    ['YAML', YAML, 'file:///t.yaml'],
    ['JSON', JSON_LINES, 'file:///t.json'],
  ] as const) {
    it(`${label}: every line-break style and a BOM give the same findings at the same places`, () => {
      const lf = positions(lines.join('\n'), name);
      assert.ok(lf.length >= 1, 'the template has mistakes on purpose');
      assert.ok(!lf.some((p) => p.startsWith('DOC')), lf.join(' '));
      for (const [style, text] of [
        ['CRLF', lines.join('\r\n')],
        ['CR', lines.join('\r')],
        ['BOM+LF', '\uFEFF' + lines.join('\n')],
        ['BOM+CRLF', '\uFEFF' + lines.join('\r\n')],
        ['BOM+CR', '\uFEFF' + lines.join('\r')],
      ]) {
        assert.deepEqual(positions(text, name), lf, style);
      }
    });
  }

  it('the unknown property sits exactly on its key with CR-only line breaks', () => {
    const text = YAML.join('\r');
    const doc = parseTemplate('file:///t.yaml', 1, text);
    const f = lintDocument(doc).findings.find((x) => x.code === 'CFN3003')!;
    assert.equal(text.slice(f.start, f.end), 'VisibilityTimout');
    assert.deepEqual(doc.lines.positionAt(f.start), { line: 10, character: 6 });
  });

  it('an edit to a CR-only file re-parses (incrementally) to the same tree as a full parse', () => {
    const cache = new DocumentCache();
    const v1 = YAML.join('\r');
    cache.get('u', 1, () => v1);
    const v2 = v1.replace('VisibilityTimout: 60', 'VisibilityTimeout: 61');
    const inc = cache.get('u', 2, () => v2);
    const full = parseTemplate('u', 2, v2);
    assert.deepEqual(inc.root, full.root);
    assert.deepEqual(inc.problems, []);
  });
});
