import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { lintDocument } from '../../server/src/core/lint';
import { PRACTICE_CODES } from './helpers';

const root = path.resolve(__dirname, '..', '..');
const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

/**
 * What an editor inserts when the user accepts every default: placeholders filled, escapes undone.
 * `choice` picks that option of every `${n|a,b|}` (the last one when there are fewer).
 */
function fillSnippet(body: string, choice = 0): string {
  let s = body;
  for (let guard = 0; guard < 10; guard++) {
    const next = s
      .replace(/(?<!\\)\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/(?<!\\)\$\{\d+\|([^|]*)\|\}/g, (_, options: string) => {
        const o = options.split(',');
        return o[Math.min(choice, o.length - 1)];
      })
      .replace(/(?<!\\)\$\{\d+\}/g, 'value');
    if (next === s) break;
    s = next;
  }
  return s.replace(/(?<!\\)\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

describe('snippets', () => {
  const snippets = readJson('snippets/cloudformation.json') as Record<string, Snippet>;

  it('parses and every entry has a prefix, a description and a body', () => {
    assert.ok(Object.keys(snippets).length >= 9);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(typeof s.prefix === 'string' || (Array.isArray(s.prefix) && s.prefix.length), name);
      assert.ok(s.description.length > 10, name);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), name);
      assert.ok(!s.body.some((l) => l.includes('\t')), `${name}: indentation must be spaces (YAML)`);
    }
  });

  it('covers the templates the issue asks for', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const p of ['cfn', 'sam-function-api', 'cfn-vpc', 'cfn-dynamodb', 'cfn-iam-role', 'appspec-ec2', 'appspec-ecs', 'appspec-lambda', 'buildspec']) {
      assert.ok(prefixes.includes(p), `no snippet with prefix ${p}`);
    }
  });

  const SNIPPETS_REVIEWED = new Date('2026-12-04T00:00:00Z');
  for (const [name, s] of Object.entries(readJson('snippets/cloudformation.json') as Record<string, Snippet>)) {
    it(`'${name}' lints clean with its placeholders filled, whichever choices are taken`, () => {
      const choices = Math.max(1, ...[...s.body.join('\n').matchAll(/\|([^|]*)\|\}/g)].map((m) => m[1].split(',').length));
      for (let choice = 0; choice < choices; choice++) {
        const body = fillSnippet(s.body.join('\n'), choice);
        assert.ok(!/\$\{\d|\$\d/.test(body), body);
        // Resource snippets are inserted under Resources; whole documents are linted as they are.
        const whole = /^(AWSTemplateFormatVersion|version):/.test(body);
        const text = whole ? body : `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body.replace(/^(?=.)/gm, '  ')}`;
        const file = /^appspec/i.test(name) ? 'appspec.yml' : name === 'buildspec' ? 'buildspec.yml' : 'template.yaml';
        const doc = parseTemplate(`file:///w/${file}`, 1, text + '\n');
        // A fixed date: runtime end-of-life dates would otherwise make this test change verdict over time.
        // Snippets are minimal skeletons; the best-practice warnings (BP1xxx) teach on top of them.
        const result = lintDocument(doc, { fileName: `/w/${file}`, today: SNIPPETS_REVIEWED, disabled: PRACTICE_CODES });
        assert.ok(result.kind, `not recognised:\n${text}`);
        assert.deepEqual(result.findings.map((f) => `${f.code} ${f.message} @${doc.lines.positionAt(f.start).line}`), [], text);
      }
    });
  }

  it('fills placeholders the way an editor does', () => {
    assert.equal(fillSnippet("Name: !Sub '\\${AWS::StackName}-${1:Bucket}' ${2|a,b|} ${3} $0"), "Name: !Sub '${AWS::StackName}-Bucket' a value ");
    assert.equal(fillSnippet('${1|a,b,c|} ${2|x,y|}', 2), 'c y');
    assert.equal(fillSnippet('https://\\${${4:Api}\\}.x'), 'https://${Api}.x');
  });
});

describe('grammar and contributions', () => {
  const grammar = readJson('syntaxes/cfn-injection.tmLanguage.json') as {
    scopeName: string;
    injectionSelector: string;
    repository: Record<string, { match: string; name?: string; captures?: Record<string, { name: string }> }>;
  };
  /** The scope names a rule gives to the first match in a line, by capture group. */
  const scopes = (rule: string, line: string): Record<string, string> | undefined => {
    const r = grammar.repository[rule];
    const m = new RegExp(r.match).exec(line);
    if (!m) return undefined;
    const out: Record<string, string> = {};
    for (const [g, c] of Object.entries(r.captures ?? {})) if (m[Number(g)] !== undefined) out[m[Number(g)]] = c.name;
    if (r.name) out[m[0]] = r.name;
    return out;
  };

  it('is an injection into YAML outside comments', () => {
    assert.equal(grammar.scopeName, 'aws-notes.cfn.injection');
    assert.match(grammar.injectionSelector, /^L:source\.yaml/);
    assert.match(grammar.injectionSelector, /-comment/);
  });

  it('highlights intrinsic tags but not other tags or words', () => {
    assert.equal(scopes('intrinsic-tag', 'Value: !GetAtt Queue.Arn')?.GetAtt, 'support.function.intrinsic.cfn');
    assert.ok(scopes('intrinsic-tag', 'x: [!Ref A, !Sub "b"]'));
    assert.equal(scopes('intrinsic-tag', 'x: !Custom y'), undefined);
    assert.equal(scopes('intrinsic-tag', 'x: !Reference y'), undefined);
    assert.equal(scopes('intrinsic-tag', 'x: a!Ref'), undefined);
  });

  it('highlights ${...} variables, attributes and pseudo parameters, not escapes', () => {
    assert.deepEqual(scopes('sub-variable', "!Sub '${Queue.Arn}/x'"), {
      '${': 'punctuation.definition.template-expression.begin.cfn',
      Queue: 'variable.other.reference.cfn',
      '.': 'punctuation.accessor.cfn',
      Arn: 'variable.other.property.cfn',
      '}': 'punctuation.definition.template-expression.end.cfn',
      '${Queue.Arn}': 'meta.template.expression.cfn',
    });
    assert.equal(scopes('sub-pseudo-parameter', '"arn:${AWS::Partition}:s3"')?.['AWS::Partition'], 'variable.language.pseudo-parameter.cfn');
    assert.ok(scopes('sub-escape', '${!Literal}'));
    assert.equal(scopes('sub-variable', '${!Literal}'), undefined);
    assert.equal(scopes('sub-variable', '${{ github.sha }}'), undefined, 'GitHub expressions are not Sub variables');
  });

  it('package.json contributes the snippets, the grammar and the yaml.customTags defaults', () => {
    const pkg = readJson('package.json');
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'yaml', path: './snippets/cloudformation.json' }]);
    const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === grammar.scopeName);
    assert.deepEqual(g.injectTo, ['source.yaml']);
    assert.ok(fs.existsSync(path.join(root, g.path)));
    assert.ok(pkg.contributes.configurationDefaults['yaml.customTags'].includes('!Ref scalar'));
  });
});
