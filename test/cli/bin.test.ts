import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const BAD = ['Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimout: 30', ''].join('\n');

/** bin/aws-notes.js runs the built bundle through V8's code cache the build writes (dist/cli.js.cache). */
describe('cli: bin/aws-notes.js (the installed command)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-bin-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), BAD);
    // A copy of the command beside its own dist/ (the built files linked), whose cache the test may spoil.
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.mkdirSync(path.join(dir, 'dist'));
    for (const f of ['aws-notes.js', 'code-cache.js']) fs.copyFileSync(path.join(root, 'bin', f), path.join(dir, 'bin', f));
    for (const f of fs.readdirSync(path.join(root, 'dist'))) {
      if (f !== 'cli.js.cache') fs.symlinkSync(path.join(root, 'dist', f), path.join(dir, 'dist', f));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lint = (bin: string) => spawnSync(process.execPath, [bin, 'lint', 'bad.yaml'], { cwd: dir, encoding: 'utf8' });
  const expected = (r: ReturnType<typeof lint>) => {
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout.trim(), "bad.yaml:5:7: error CFN3003 'VisibilityTimout' is not a property of AWS::SQS::Queue. Did you mean 'VisibilityTimeout'?");
    assert.equal(r.stderr.trim(), '1 file checked: 1 error(s), 0 warning(s), 0 info');
  };

  it('the build wrote a code cache for the bundle it built, and the command reports as the CLI does', () => {
    const cache = fs.readFileSync(path.join(root, 'dist', 'cli.js.cache'));
    const stat = fs.statSync(path.join(root, 'dist', 'cli.js'));
    assert.ok(cache.subarray(0, 40).toString('latin1').startsWith(`${stat.size}:${stat.mtimeMs}\n`));
    expected(lint(path.join(root, 'bin', 'aws-notes.js')));
  });

  it('runs the same without a cache, with one made for another bundle, and with a damaged one', () => {
    const bin = path.join(dir, 'bin', 'aws-notes.js');
    const cacheFile = path.join(dir, 'dist', 'cli.js.cache');
    expected(lint(bin));
    const stat = fs.statSync(path.join(root, 'dist', 'cli.js'));
    const real = fs.readFileSync(path.join(root, 'dist', 'cli.js.cache'));
    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`1:2\n`), real.subarray(real.indexOf(10) + 1)]));
    expected(lint(bin));
    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${stat.size}:${stat.mtimeMs}\n`), Buffer.alloc(5000, 7)]));
    expected(lint(bin));
  });

  it('a run without a usable cache writes one that V8 accepts for the next run (an installed extension ships none)', () => {
    const bin = path.join(dir, 'bin', 'aws-notes.js');
    const cacheFile = path.join(dir, 'dist', 'cli.js.cache');
    const stat = fs.statSync(path.join(root, 'dist', 'cli.js'));
    for (const spoil of [() => fs.rmSync(cacheFile, { force: true }), () => fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${stat.size}:${stat.mtimeMs}\n`), Buffer.alloc(5000, 7)]))]) {
      spoil();
      expected(lint(bin));
      const cache = fs.readFileSync(cacheFile);
      assert.ok(cache.subarray(0, 40).toString('latin1').startsWith(`${stat.size}:${stat.mtimeMs}\n`), 'stamped with the bundle');
      // Same check V8 makes when the next run loads it.
      const check = spawnSync(
        process.execPath,
        ['-e', 'const fs=require("fs"),vm=require("vm"),M=require("module");const [f,c]=process.argv.slice(1);const d=fs.readFileSync(c);const s=new vm.Script(M.wrap(fs.readFileSync(f,"utf8")),{filename:f,cachedData:d.subarray(d.indexOf(10)+1)});process.stdout.write(String(s.cachedDataRejected))', path.join(dir, 'dist', 'cli.js'), cacheFile],
        { encoding: 'utf8' },
      );
      assert.equal(check.stdout, 'false', check.stderr);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'dist')).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    }
  });
});
