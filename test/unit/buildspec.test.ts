import assert from 'node:assert/strict';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lintDocument } from '../../server/src/core/lint';
import { buildspecRules } from '../../server/src/core/rules/buildspec';
import type { Finding } from '../../server/src/core/rules/types';
import { buildspecKeyInfo, PHASES } from '../../server/src/core/schema/buildspec';
import { fixtureChecks, specKit } from './helpers';

const { FIXTURES, read, files, lint, lintFile, codes } = specKit('buildspec');
const first = (text: string, code: string, starts?: string) => lint(text).findings.find((f) => f.code === code && (!starts || f.message.startsWith(starts)))!;

function applyFix(text: string, f: Finding, action = 0) {
  const { doc } = lint(text);
  const fixes = fixesFor(doc, f);
  assert.ok(fixes[action], `${f.code} offers fix #${action}`);
  const out = applyEdits(text, fixes[action].edits);
  return { out, ...lint(out) };
}

describe('buildspec rules', () => {
  fixtureChecks('buildspec', buildspecRules, /^BUILDSPEC1\d{3}$/);

  describe('fixes', () => {
    it('every fix action re-parses and removes its finding', () => {
      let checked = 0;
      for (const file of files('invalid')) {
        const text = read(file);
        const { doc, findings } = lint(text);
        for (const f of findings) {
          fixesFor(doc, f).forEach((_, i) => {
            const after = applyFix(text, f, i);
            const name = path.basename(file);
            assert.ok(!after.findings.some((g) => g.code === 'DOC1001'), `${name} ${f.code} fix #${i} breaks the YAML:\n${after.out}`);
            assert.ok(!after.findings.some((g) => g.code === f.code && g.message === f.message), `${name} ${f.code} fix #${i} leaves the finding:\n${after.out}`);
            checked++;
          });
        }
      }
      assert.ok(checked >= 20, `checked ${checked} fixes`);
    });

    it("adds 'version: 0.2' under leading comments", () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1001.yml'));
      const after = applyFix(text, first(text, 'BUILDSPEC1001'));
      assert.ok(after.out.startsWith('# Comments at the top stay on top.\nversion: 0.2\nphases:\n'));
      assert.deepEqual(after.findings, []);
    });

    it("renames 'phase:' to 'phases:'", () => {
      const text = 'version: 0.2\nphase:\n  build:\n    commands:\n      - make\n';
      const after = applyFix(text, first(text, 'BUILDSPEC1003'));
      assert.equal(after.out, text.replace('phase:', 'phases:'));
      assert.deepEqual(after.findings, []);
    });

    it('quotes a command that YAML read as a mapping, keeping its quotes intact', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - curl -H "Accept: application/json" https://x\n      - echo it\'s: done\n';
      const a = applyFix(text, first(text, 'BUILDSPEC1012', "YAML reads 'curl"));
      assert.match(a.out, /- 'curl -H "Accept: application\/json" https:\/\/x'\n/);
      const b = applyFix(text, first(text, 'BUILDSPEC1012', "YAML reads 'echo"));
      assert.match(b.out, /- 'echo it''s: done'\n/);
      const cmd = (b.doc.root as any).pairs[1].value.pairs[0].value.pairs[0].value.items[1].value;
      assert.equal(cmd, "echo it's: done");
    });

    it('moves runtime-versions into an existing install phase', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1010.yml'));
      const after = applyFix(text, first(text, 'BUILDSPEC1010'));
      assert.equal(
        after.out,
        'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 20\n      python: 3.12\n    commands:\n      - npm ci\n  build:\n    commands:\n      - npm run build\n',
      );
      assert.deepEqual(after.findings, []);
    });

    it('creates the install phase when there is none', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1010-no-install.yml'));
      const after = applyFix(text, first(text, 'BUILDSPEC1010'));
      assert.match(after.out, /^version: 0.2\nphases:\n {2}install:\n {4}runtime-versions:\n {6}java: corretto21\n {2}pre_build:\n {4}commands:\n/);
      assert.deepEqual(after.findings, []);
    });

    it('fills an empty install phase from a top-level runtime-versions', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1010-top.yml'));
      const after = applyFix(text, first(text, 'BUILDSPEC1010'));
      assert.equal(after.out, 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: 3.12\n  build:\n    commands:\n      - pytest\n');
      assert.deepEqual(after.findings, []);
    });

    it('turns commands into lists', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1011.yml'));
      let out = text;
      // Apply all three fixes one after the other, re-linting in between (as --fix does).
      for (let i = 0; i < 3; i++) {
        const f = lint(out).findings.find((x) => x.code === 'BUILDSPEC1011')!;
        out = applyFix(out, f).out;
      }
      assert.equal(out, 'version: 0.2\nphases:\n  install:\n    commands:\n      - npm ci\n  build:\n    commands:\n    - npm run build\n    - npm test\n  post_build:\n    commands:\n      - npm run deploy\n');
      assert.deepEqual(lint(out).findings, []);
    });

    it("indents 'commands' written at the level of the phases under the phase above", () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1009-indent.yml'));
      const after = applyFix(text, first(text, 'BUILDSPEC1009'));
      assert.equal(after.out, 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n      - make test\n');
      assert.deepEqual(after.findings, []);
    });

    it('suggests the nearest phase, and free phases for an unknown one like deploy', () => {
      const text = read(path.join(FIXTURES, 'invalid', 'BUILDSPEC1009.yml'));
      const { doc, findings } = lint(text);
      const deploy = findings.find((f) => f.message.startsWith("'deploy'"))!;
      assert.deepEqual(fixesFor(doc, deploy).map((a) => a.edits[0].text), ['install', 'pre_build', 'post_build']);
      assert.equal(fixesFor(doc, deploy)[0].preferred, false);
      const pre = findings.find((f) => f.message.startsWith("'pre-build'"))!;
      assert.equal(fixesFor(doc, pre)[0].edits[0].text, 'pre_build');
    });
  });

  describe('specific behaviour', () => {
    it('accepts version 0.2 written as text and warns about 0.1 without changing it automatically', () => {
      assert.deepEqual(lint('version: "0.2"\nphases:\n  build:\n    commands:\n      - make\n').findings, []);
      const f = first('version: 0.1\nphases:\n  build:\n    commands:\n      - make\n', 'BUILDSPEC1002');
      assert.equal(f.severity, 'warning');
      assert.equal(f.data, undefined);
    });

    it('calls the 0.0 format retired instead of suggesting 0.2 in place', () => {
      const text = 'version: 0.0\nenvironment_variables:\n  plaintext:\n    A: b\ncontainers:\n  X:\n    phases:\n      during_build:\n        commands:\n          - make\n';
      const f = lint(text).findings;
      assert.deepEqual(codes(f.filter((x) => x.severity === 'error')), ['BUILDSPEC1002']);
      assert.match(f.find((x) => x.code === 'BUILDSPEC1002')!.message, /retired/);
    });

    it('accepts RETRY forms of on-failure', () => {
      for (const v of ['RETRY', 'RETRY-3', 'RETRY-.*timeout.*', 'RETRY-2-connection reset']) {
        assert.deepEqual(lint(`version: 0.2\nphases:\n  build:\n    on-failure: ${v}\n    commands:\n      - make\n`).findings, [], v);
      }
    });

    it('lets a batch-only buildspec go without phases', () => {
      assert.deepEqual(lintFile(path.join(FIXTURES, 'valid', 'batch-graph.yml')).findings, []);
    });

    it('finds a dependency loop in a build graph', () => {
      const f = lintFile(path.join(FIXTURES, 'invalid', 'BUILDSPEC1017.yml')).findings;
      assert.ok(f.some((x) => /cycle \(a → b → a\)/.test(x.message)), f.map((x) => x.message).join('\n'));
    });

    it('is detected as buildspec by content and name and lints through the normal entry point', () => {
      const doc = parseTemplate('file:///repo/buildspec-release.yml', 1, 'version: 0.2\nphases:\n  deploy:\n    commands:\n      - make\n');
      const r = lintDocument(doc, { fileName: '/repo/buildspec-release.yml' });
      assert.equal(r.kind, 'buildspec');
      assert.deepEqual(codes(r.findings), ['BUILDSPEC1009']);
    });
  });
});

describe('buildspec tables', () => {
  it('answers hovers and completion', () => {
    assert.deepEqual(buildspecKeyInfo([])!.children, ['version', 'run-as', 'env', 'proxy', 'batch', 'phases', 'reports', 'artifacts', 'cache']);
    assert.deepEqual(buildspecKeyInfo(['phases'])!.children, [...PHASES]);
    assert.match(buildspecKeyInfo(['phases', 'build'])!.description, /Runs 3rd of 4 phases/);
    assert.ok(buildspecKeyInfo(['phases', 'install'])!.children!.includes('runtime-versions'));
    assert.ok(!buildspecKeyInfo(['phases', 'build'])!.children!.includes('runtime-versions'));
    assert.deepEqual(buildspecKeyInfo(['phases', 'build', 'on-failure'])!.allowed, ['ABORT', 'CONTINUE', 'RETRY']);
    assert.deepEqual(buildspecKeyInfo(['env', 'shell'])!.allowed, ['bash', '/bin/sh', 'powershell.exe', 'cmd.exe']);
    assert.ok(buildspecKeyInfo(['env', 'variables', 'ANY_NAME']));
    assert.ok(buildspecKeyInfo(['reports', 'my-group', 'file-format'])!.allowed!.includes('JUNITXML'));
    assert.deepEqual(buildspecKeyInfo(['batch'])!.children, ['fast-fail', 'build-list', 'build-graph', 'build-matrix', 'build-fanout']);
    assert.deepEqual(buildspecKeyInfo(['cache'])!.children, ['paths', 'key', 'fallback-keys', 'action']);
    assert.deepEqual(buildspecKeyInfo(['artifacts', 'discard-paths'])!.allowed, ['yes', 'no']);
    assert.equal(buildspecKeyInfo(['phases', 'deploy']), undefined);
  });
});
