// Packages the server and the CLI need only for some templates or features, built as separate
// files in dist/chunks/ and loaded on first use, through V8's code cache like the main bundles.
// The bundles hold a small stand-in per package whose exports are getters: the first access
// (a call, `new`, a property) loads the real package, so a static `import` stays lazy too.
// Node built-ins get the same stand-in (no chunk): vscode-jsonrpc requires `crypto` and `os` and
// vscode-languageserver `child_process` at load, for pipe names, their folder and module lookups a
// stdio server never makes, and Node compiles a dozen internal modules for them.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Builds each package into dist/chunks/<name>.js and returns the esbuild plugin that makes the
 * bundles load it from there. `common` are the bundles' own esbuild options (same resolution).
 */
export async function lazyChunks(root, packages, builtins, common) {
  const dir = path.join(root, 'dist', 'chunks');
  fs.rmSync(dir, { recursive: true, force: true });
  const keys = {};
  for (const name of builtins) {
    keys[name] = ['default', ...Object.keys(createRequire(import.meta.url)(`node:${name}`))];
    keys[name].esModule = false;
  }
  for (const name of packages) {
    const outfile = path.join(dir, `${name}.js`);
    await build({ ...common, sourcemap: false, entryPoints: [name], outfile });
    // The stand-in must offer the same names before the package is loaded: read them once here.
    const real = createRequire(outfile)(outfile);
    keys[name] = real.__esModule ? Object.keys(real) : ['default', ...Object.keys(real)];
    if (!real.__esModule) keys[name].esModule = false;
  }
  const loader = path.join(root, 'bin', 'code-cache.js');
  const trace = path.join(root, 'server', 'src', 'startupTrace.ts');
  return {
    name: 'lazy-chunks',
    setup(b) {
      const filter = new RegExp(`^(node:)?(${[...packages, ...builtins].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'lazy-chunk' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => {
        const name = args.path;
        // A CommonJS package's `default` is the package itself, as esbuild's own interop has it.
        const get = keys[name].esModule === false ? `(k) => (k === 'default' ? load() : load()[k])` : `(k) => load()[k]`;
        return {
          resolveDir: root,
          loader: 'js',
          contents: `
const path = require('node:path');
let real;
const load = () => {
  if (real === undefined) {
    require(${JSON.stringify(trace)}).mark('chunk ${name}');
    real = ${builtins.includes(name) ? `require('node:${name}')` : `require(${JSON.stringify(loader)}).loadWithCodeCache(path.join(__dirname, 'chunks', ${JSON.stringify(`${name}.js`)}), module)`};
  }
  return real;
};
const get = ${get};
Object.defineProperty(exports, '__esModule', { value: true });
for (const k of ${JSON.stringify(keys[name])}) Object.defineProperty(exports, k, { enumerable: true, get: () => get(k) });
`,
        };
      });
    },
  };
}
