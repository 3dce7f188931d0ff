// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { lazyChunks } from './lazyChunks.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // yaml's ES-module build (the same code): its CommonJS build made esbuild copy the package's
  // export object for every module importing it, and loads Node's `process` module at start.
  alias: { yaml: './node_modules/yaml/browser/dist/index.js' },
};

// What a fresh process reads and compiles at every start (the server, the CLI): minified as the
// packaged extension ships it (`npm run package`), so the bench times what users run. It is half
// the size and plain ASCII (a comment's one "→" made V8 hold the whole source as two-byte text):
// reading it and checking the code cache cost less. The source maps give the real names back.
const startsOften = { minify: true };

/** A bundle a fresh process starts from; `<outfile>.inputs` lists the modules it holds (test/unit/bundles.test.ts). */
async function startBundle(entry, outfile) {
  const r = await build({ ...common, ...startsOften, plugins: [lazy], metafile: true, entryPoints: [entry], outfile });
  fs.writeFileSync(path.join(root, `${outfile}.inputs`), `${Object.keys(r.metafile.inputs).sort().join('\n')}\n`);
}

const started = Date.now();
// Not needed for a first lint of most templates: RE2 for registry `pattern`s and AllowedPattern
// (only templates whose values have one), ip-num for CIDR arithmetic, MiniSearch for the fuzzy
// explain search, picomatch for notes discovery and `awsNotes.kinds` globs.
const lazy = await lazyChunks(root, ['re2js', 'ip-num', 'minisearch', 'picomatch'], ['crypto', 'child_process', 'os'], { ...common, ...startsOften });
await Promise.all([
  // The client reaches core only through the `@core/...` alias (tsconfig paths say the same to tsc).
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], alias: { ...common.alias, '@core': './server/src/core' } }),
  // dist/server.js is a small loader (boot.ts) that runs the server bundle through V8's code cache.
  startBundle('server/src/server.ts', 'dist/server-main.js'),
  build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/server.js', sourcemap: false }),
  startBundle('server/src/cli/main.ts', 'dist/cli.js'),
  // The Template Graph webview's script (elkjs included): runs in the webview, not in Node.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/webview/graphView.ts'], outfile: 'dist/graphView.js', alias: { ...common.alias, '@core': './server/src/core' } }),
]);
for (const extra of fs.existsSync(path.join(root, 'scripts', 'build.d')) ? fs.readdirSync(path.join(root, 'scripts', 'build.d')).sort() : []) {
  // Other generated data (knowledge base, ...) is produced by small steps in scripts/build.d/.
  if (extra.endsWith('.mjs')) await import(path.join(root, 'scripts', 'build.d', extra));
}
console.log(`built dist/ in ${Date.now() - started} ms`);
