import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../../server/src/core/document/yaml';
import { parseYamlCst, parseYamlFast } from '../../server/src/core/document/yamlCst';
import { parseYamlQuick } from '../../server/src/core/document/yamlQuick';
import type { ParseResult } from '../../server/src/core/document/model';
import { CORPUS, filesUnder, hasCorpus } from './shared';

const comparable = (r: ParseResult): string =>
  JSON.stringify({
    root: r.root,
    problems: r.problems.length > 0,
    duplicates: r.duplicates.map((d) => [d.key, d.first.start, d.first.end, d.second.start, d.second.end]),
  });

/** Same as parseTemplate: a BOM becomes a space. */
const body = (t: string): string => (t.charCodeAt(0) === 0xfeff ? ' ' + t.slice(1) : t);

describe('corpus: parseYamlCst and parseYamlQuick match parseYaml', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('gives identical trees (or falls back) on every YAML file', () => {
    const dirs = ['cfn', 'sam', 'appspec', 'buildspec', 'broken', 'cfn-lint/templates'];
    const files = dirs.flatMap((d) => filesUnder(path.join(CORPUS, d))).filter((f) => /\.(ya?ml|template)$/i.test(f));
    const texts = files.map((f) => body(fs.readFileSync(f, 'utf8'))).filter((t) => !/^\s*[{[]/.test(t));
    assert.ok(texts.length > 500, `only ${texts.length} files`);
    let fast = 0;
    let quick = 0;
    const bad: string[] = [];
    texts.forEach((t, i) => {
      if (parseYamlFast(t)) fast++;
      const q = parseYamlQuick(t);
      if (q) quick++;
      const want = comparable(parseYaml(t));
      if (comparable(parseYamlCst(t)) !== want || (q && comparable(q) !== want)) bad.push(files[i]);
    });
    assert.deepEqual(bad, []);
    // Speed is npm run bench's business; here only agreement and how often each front end applies.
    const pct = (n: number) => `${n} (${((n * 100) / texts.length).toFixed(1)}%)`;
    console.log(`      ${texts.length} files, scanner on ${pct(quick)}, CST path on ${pct(fast)}`);
  });
});
