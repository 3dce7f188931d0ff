/**
 * Entry of dist/server.js: runs the language server bundle (dist/server-main.js) with V8's code
 * cache, like the CLI (bin/code-cache.js; scripts/build.d/warm-server.mjs writes the cache), so a
 * start skips compiling the bundle and the functions the first diagnostics need.
 */
import path = require('node:path');
import { loadWithCodeCache } from '../../bin/code-cache';

const started = performance.now();
(loadWithCodeCache(path.join(__dirname, 'server-main.js'), module) as { main(loading?: [number, number]): void }).main([started, performance.now()]);
