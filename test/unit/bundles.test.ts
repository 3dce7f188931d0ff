/**
 * What a fresh server or CLI process reads before its first answer (dist/, after `npm run build`).
 * Speed itself is measured by `npm run bench`, never asserted here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.join(__dirname, '..', '..', 'dist');
/** Loaded on first use: RE2 (patterns), CIDR arithmetic, fuzzy explain search, globs. */
const LAZY = ['re2js', 'ip-num', 'minisearch', 'picomatch'];

describe('bundles a fresh process starts from', () => {
  it("loading the server bundle leaves Node's crypto and child_process unloaded (a stdio server never uses them)", () => {
    const script = `require(${JSON.stringify(path.join(dist, '..', 'bin', 'code-cache.js'))}).loadWithCodeCache(${JSON.stringify(path.join(dist, 'server-main.js'))}, module);
      process.stdout.write(JSON.stringify(process.moduleLoadList))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const loaded = JSON.parse(r.stdout) as string[];
    assert.ok(loaded.includes('NativeModule net'), 'the list is of a loaded server');
    assert.deepEqual(loaded.filter((m) => /^NativeModule (crypto|child_process)$/.test(m)), []);
  });

  for (const bundle of ['server-main.js', 'cli.js']) {
    it(`${bundle} is plain ASCII (one non-ASCII character makes V8 hold the whole source as two-byte text)`, () => {
      const text = fs.readFileSync(path.join(dist, bundle), 'latin1');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `non-ASCII at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}`);
    });

    it(`${bundle} leaves the packages a first lint seldom needs to dist/chunks/ (scripts/lazyChunks.mjs)`, () => {
      const inputs = fs.readFileSync(path.join(dist, `${bundle}.inputs`), 'utf8').split('\n');
      for (const pkg of LAZY) {
        assert.deepEqual(inputs.filter((f) => f.startsWith(`node_modules/${pkg}/`)), [], `${pkg} is bundled`);
        assert.ok(fs.existsSync(path.join(dist, 'chunks', `${pkg}.js`)), `dist/chunks/${pkg}.js`);
      }
      assert.ok(inputs.includes('server/src/core/lint.ts'), 'the list is of this bundle');
    });
  }
});
