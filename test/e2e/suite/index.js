// The tests entry VS Code's extension host loads (extensionTestsPath): it calls run() and takes a
// resolved promise as success. Used by
//   - test/e2e/run.mjs, inside code-server (the `payload` URL parameter route, RECIPE.md §4a);
//   - test/e2e/electron.mjs, with @vscode/test-electron where VS Code can be downloaded.
// When AWS_NOTES_E2E_REPORT is set (the harness sets it in code-server's environment, which the
// extension host inherits), a JSON report {passed, failed, skipped, failures} is written there.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function loadMocha() {
  // mocha <= 11 exports the class; mocha 12 is ESM (loaded through require(esm)) with a default export.
  const m = require('mocha');
  return typeof m === 'function' ? m : m.default ?? m.Mocha;
}

exports.run = async function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.AWS_NOTES_E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep, 'i'));
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  if (typeof mocha.loadFilesAsync === 'function') await mocha.loadFilesAsync();

  const report = { passed: 0, failed: 0, skipped: 0, failures: [] };
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => report.passed++);
    runner.on('pending', () => report.skipped++);
    runner.on('fail', (test, err) => {
      report.failed++;
      report.failures.push({ title: test.fullTitle(), error: String(err && err.message ? err.message : err).slice(0, 2000) });
    });
  });
  if (process.env.AWS_NOTES_E2E_REPORT) fs.writeFileSync(process.env.AWS_NOTES_E2E_REPORT, JSON.stringify(report, null, 2));
  if (report.failed) throw new Error(`${report.failed} test(s) failed`);
};
