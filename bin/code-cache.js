'use strict';
/*
 * Runs a CommonJS bundle with V8's code cache (`<bundle>.cache`, written by a build step that runs
 * the bundle once with AWS_NOTES_WRITE_CODE_CACHE=1): a fresh process otherwise spends a good part
 * of its start compiling the bundle. The cache names the bundle it was made from (size and time);
 * for any other bundle, or another Node version (V8 rejects it), the bundle compiles as usual and
 * the process writes a new cache when it exits: an installed extension ships none (the editor's V8
 * is not the build's), so its first start makes the one every later start reads.
 * Used by bin/aws-notes.js (dist/cli.js), server/src/boot.ts (dist/server-main.js) and the lazy
 * chunks (scripts/lazyChunks.mjs).
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
// The CommonJS loader's class, from the main module: `require('node:module')` also loads Node's
// ES-module loader and source-map support (about 1 ms at every start), which a bundle never uses.
// (Not `module.constructor`: bundled into dist/server.js, this file's `module` is esbuild's.)
const Module = require.main?.constructor ?? require('node:module');
// Node 18.15 and later; an older runtime decodes as before.
const isAscii = require('node:buffer').isAscii ?? (() => false);

/** Load `file` as a module (its `require.main` is not it) and return its exports. */
function loadWithCodeCache(file, parent) {
  const cacheFile = `${file}.cache`;
  const stat = fs.statSync(file);
  const stamp = Buffer.from(`${stat.size}:${stat.mtimeMs}\n`);
  const write = process.env.AWS_NOTES_WRITE_CODE_CACHE === '1';
  let cachedData;
  try {
    const cache = write ? undefined : fs.readFileSync(cacheFile);
    if (cache && cache.subarray(0, stamp.length).equals(stamp)) cachedData = cache.subarray(stamp.length);
  } catch {
    // no cache: compile as usual
  }
  const bytes = fs.readFileSync(file);
  // The bundles are ASCII (test/unit/bundles.test.ts), and ASCII decodes faster as Latin-1, the same text.
  const source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  // Written at exit, so the cache also holds the functions the run compiled.
  if (write || !cachedData || script.cachedDataRejected) process.once('exit', () => save(cacheFile, stamp, script));
  return mod.exports;
}

/** Write then rename (a process starting meanwhile reads the old cache or the new one, never half of one). */
function save(cacheFile, stamp, script) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  let fd;
  try {
    fd = fs.openSync(tmp, 'w'); // fails fast where the install is read-only: then no cache, as before
    fs.writeSync(fd, Buffer.concat([stamp, script.createCachedData()]));
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, cacheFile);
  } catch {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
  }
}

module.exports = { loadWithCodeCache };
