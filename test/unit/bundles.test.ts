/**
 * What a fresh server or CLI process reads before its first answer (dist/, after `npm run build`).
 * Speed itself is measured by `npm run bench`, never asserted here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const dist = path.join(__dirname, '..', '..', 'dist');
/** Loaded on first use: RE2 (patterns), CIDR arithmetic, fuzzy explain search, globs. */
const LAZY = ['re2js', 'ip-num', 'minisearch', 'picomatch'];

describe('bundles a fresh process starts from', () => {
  it("loading the server bundle leaves Node modules a stdio server never uses unloaded (crypto, child_process, os, module, process)", () => {
    // A main module of its own, as dist/server.js is (the loader takes Node's Module class from it).
    const main = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-bundle-')), 'main.js');
    fs.writeFileSync(main, `require(${JSON.stringify(path.join(dist, '..', 'bin', 'code-cache.js'))}).loadWithCodeCache(${JSON.stringify(path.join(dist, 'server-main.js'))}, module);
      process.stdout.write(JSON.stringify(process.moduleLoadList))`);
    const r = spawnSync(process.execPath, [main], { encoding: 'utf8' });
    fs.rmSync(path.dirname(main), { recursive: true, force: true });
    const loaded = JSON.parse(r.stdout) as string[];
    assert.ok(loaded.includes('NativeModule net'), 'the list is of a loaded server');
    assert.deepEqual(loaded.filter((m) => /^NativeModule (crypto|child_process|os|module|process)$/.test(m)), []);
  });

  it("the bundled code takes Node's modules whole or by name (a default or `* as` import makes esbuild copy their export objects at every start)", () => {
    const src = path.join(dist, '..', 'server', 'src');
    const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const builtin = new Set(builtinModules);
    const bad = files.flatMap((f) =>
      [...fs.readFileSync(path.join(src, f), 'utf8').matchAll(/^import (?!type )(?:\* as )?[\w$]+ from '(?:node:)?([\w/]+)'/gm)]
        .filter((m) => builtin.has(m[1]))
        .map((m) => `${f}: ${m[0]}`),
    );
    assert.ok(files.length > 100, 'the server sources were read');
    assert.deepEqual(bad, [], 'write `import fs = require(\'node:fs\')` or named imports');
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
