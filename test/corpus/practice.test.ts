import assert from 'node:assert/strict';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { readText } from '../../server/src/core/files';
import { lintDocument } from '../../server/src/core/lint';
import { practiceRules } from '../../server/src/core/rules/practice';
import { CORPUS, filesUnder, hasCorpus } from './shared';

describe('corpus: best-practice warnings', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('are warnings only, and how many fire per code is printed for review', () => {
    const files = ['cfn', 'sam'].flatMap((d) => filesUnder(path.join(CORPUS, d)));
    const codes = new Set(practiceRules.map((r) => r.code));
    const count = new Map<string, { findings: number; files: number }>();
    for (const f of files) {
      const result = lintDocument(parseTemplate(f, 1, readText(f)), { fileName: f });
      const here = result.findings.filter((x) => codes.has(x.code));
      for (const x of here) assert.equal(x.severity, 'warning', `${x.code} in ${f}`);
      for (const c of new Set(here.map((x) => x.code))) {
        const e = count.get(c) ?? { findings: 0, files: 0 };
        e.files++;
        count.set(c, e);
      }
      for (const x of here) count.get(x.code)!.findings++;
    }
    console.log(`      ${files.length} templates:`);
    for (const c of [...codes].sort()) console.log(`      ${c} ${String(count.get(c)?.findings ?? 0).padStart(5)} warnings in ${String(count.get(c)?.files ?? 0).padStart(4)} files`);
  });
});
