// Build step (last: it runs the CLI, which reads the data the other steps copy): lints the samples
// once with AWS_NOTES_WRITE_CODE_CACHE=1, so bin/aws-notes.js writes V8's code cache of dist/cli.js
// (dist/cli.js.cache) and a fresh `aws-notes lint` skips most compiling.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
fs.rmSync(path.join(root, 'dist', 'cli.js.cache'), { force: true });
const samples = ['template.yaml', 'sam-app.yaml', 'buildspec.yml', 'appspec.yml'].map((f) => path.join(root, 'samples', f));
const run = spawnSync(process.execPath, [path.join(root, 'bin', 'aws-notes.js'), 'lint', ...samples], {
  env: { ...process.env, AWS_NOTES_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
// Exit code 1 only means findings; a crash leaves no cache, and the CLI still works without one.
if (run.status !== 0 && run.status !== 1) console.warn(`warm-cli: no code cache (${run.stderr.trim().split('\n')[0]})`);
