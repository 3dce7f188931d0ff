#!/usr/bin/env node
// Runs the mocha integration suite (test/e2e/suite) the conventional way, in a VS Code that
// @vscode/test-electron downloads — for machines that can reach VS Code's download servers (this
// project's CI and dev machines cannot: there `npm run test:e2e` runs the same suite inside
// code-server, see test/e2e/run.mjs).
//
// @vscode/test-electron is deliberately not a dependency of this package. To use this launcher:
//   npm install --no-save @vscode/test-electron
//   npm run package            # or `npm run build`: the extension's main must exist in dist/
//   node test/e2e/electron.mjs [--version 1.100.3]
// It opens a temporary copy of test/e2e/workspace, so quick fixes never touch the repo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const versionArg = process.argv.indexOf('--version');
const version = versionArg > 0 ? process.argv[versionArg + 1] : 'stable';

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed: npm install --no-save @vscode/test-electron');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-electron-'));
const ws = path.join(tmp, 'ws');
fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), ws, { recursive: true });
let code = 0;
try {
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', path.join(tmp, 'user')],
    extensionTestsEnv: { AWS_NOTES_E2E_REPORT: path.join(tmp, 'report.json') },
  });
} catch (e) {
  console.error(`the suite failed: ${e?.message ?? e}`);
  code = 1;
} finally {
  const report = path.join(tmp, 'report.json');
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    console.log(`${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
