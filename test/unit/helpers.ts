import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate, type TemplateDocument } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import type { Kind } from '../../server/src/core/kind';
import { lintDocument } from '../../server/src/core/lint';
import { practiceRules } from '../../server/src/core/rules/practice';
import type { Finding, Rule } from '../../server/src/core/rules/types';

/** Best-practice warnings (BP1xxx) are off unless a test asks for them: rule tests look at their own codes. */
export const PRACTICE_CODES = practiceRules.map((r) => r.code);

export function lint(text: string, opts: { name?: string; kind?: Kind; bestPractices?: boolean } = {}): { doc: TemplateDocument; findings: Finding[] } {
  const name = opts.name ?? 'file:///t.yaml';
  const doc = parseTemplate(name, 1, text);
  return { doc, findings: lintDocument(doc, { fileName: name, kind: opts.kind, disabled: opts.bestPractices ? [] : PRACTICE_CODES }).findings };
}

export function codes(text: string, opts: { name?: string; kind?: Kind; bestPractices?: boolean } = {}): string[] {
  return lint(text, opts).findings.map((f) => f.code);
}

/** Apply the first fix of the first finding with `code`; returns the new text. */
export function applyFirstFix(text: string, code: string, choice = 0, opts: { name?: string; kind?: Kind; bestPractices?: boolean } = {}): string {
  const { doc, findings } = lint(text, opts);
  const f = findings.find((x) => x.code === code);
  if (!f) throw new Error(`no ${code} in ${JSON.stringify(findings.map((x) => x.code))}`);
  const fixes = fixesFor(doc, f);
  if (!fixes[choice]) throw new Error(`no fix #${choice} for ${code}`);
  return applyEdits(text, fixes[choice].edits);
}

export const tpl = (resources: string, extra = '') => `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n${resources}`;

/** Fixture files and linting for one spec kind (AppSpec, buildspec): what both test files need. */
export function specKit(kind: 'appspec' | 'buildspec') {
  const FIXTURES = path.join(__dirname, '..', 'fixtures', kind);
  const read = (p: string) => fs.readFileSync(p, 'utf8');
  const files = (dir: string) => fs.readdirSync(path.join(FIXTURES, dir)).sort().map((f) => path.join(FIXTURES, dir, f));
  const lintAs = (text: string, name = `${kind}.yml`) => lint(text, { name, kind });
  const lintFile = (file: string) => lintAs(read(file), path.basename(file));
  const codesOf = (list: Finding[]) => [...new Set(list.map((f) => f.code))].sort();
  return { FIXTURES, read, files, lint: lintAs, lintFile, codes: codesOf };
}

/**
 * The fixture checks AppSpec and buildspec share: every file under test/fixtures/<kind>/valid has no
 * findings; every file under invalid/ (named after its code, e.g. APPSPEC1015-...) triggers that
 * code without crashing or failing to parse; every rule has such a file.
 */
export function fixtureChecks(kind: 'appspec' | 'buildspec', rules: readonly Rule[], codeShape: RegExp): void {
  const dir = path.join(__dirname, '..', 'fixtures', kind);
  const files = (sub: string) => fs.readdirSync(path.join(dir, sub)).sort().map((f) => path.join(dir, sub, f));
  const findingsOf = (file: string) => lint(fs.readFileSync(file, 'utf8'), { name: path.basename(file), kind }).findings;
  const expectedOf = (file: string) => path.basename(file).replace(/[-.].*$/, '');
  describe('valid fixtures', () => {
    for (const file of files('valid')) {
      it(`${path.basename(file)} has no findings`, () => assert.deepEqual(findingsOf(file).map((f) => `${f.code}: ${f.message}`), []));
    }
  });
  describe('invalid fixtures', () => {
    for (const file of files('invalid')) {
      it(`${path.basename(file)} triggers ${expectedOf(file)}`, () => {
        const findings = findingsOf(file);
        assert.ok(findings.some((f) => f.code === expectedOf(file)), `found ${[...new Set(findings.map((f) => f.code))].sort().join(', ')}`);
        assert.ok(!findings.some((f) => f.code === 'INTERNAL' || f.code === 'DOC1001'));
      });
    }
    it('has an invalid fixture for every rule, and codes are unique and stable', () => {
      const covered = new Set(files('invalid').map(expectedOf));
      const all = rules.map((r) => r.code);
      assert.equal(new Set(all).size, all.length);
      for (const code of all) {
        assert.match(code, codeShape);
        assert.ok(covered.has(code), `no invalid fixture for ${code}`);
      }
    });
  });
}
