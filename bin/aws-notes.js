#!/usr/bin/env node
'use strict';
/*
 * Runs dist/cli.js with V8's code cache (dist/cli.js.cache, written by the build's last step,
 * scripts/build.d/warm-cli.mjs): a fresh `aws-notes lint` otherwise spends a good part of its time
 * compiling the 1.5 MB bundle. The cache names the bundle it was made from (size and time); for any
 * other bundle, or another Node version (V8 rejects it), the bundle compiles as usual.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.js');
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
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
mod.loaded = true;
// Written after the run, so the cache also holds the functions the run compiled.
if (write) process.on('exit', () => fs.writeFileSync(cacheFile, Buffer.concat([stamp, script.createCachedData()])));
