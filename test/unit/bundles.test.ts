/**
 * What a fresh server or CLI process reads before its first answer (dist/, after `npm run build`).
 * Speed itself is measured by `npm run bench`, never asserted here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.join(__dirname, '..', '..', 'dist');

describe('bundles a fresh process starts from', () => {
  for (const bundle of ['server-main.js', 'cli.js']) {
    it(`${bundle} is plain ASCII (one non-ASCII character makes V8 hold the whole source as two-byte text)`, () => {
      const text = fs.readFileSync(path.join(dist, bundle), 'latin1');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `non-ASCII at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}`);
    });
  }
});
