/**
 * Memory over 10,000 edits, measured in-process with forced GC (node --expose-gc): RSS alone
 * grows while V8 keeps freed pages, so the leak check is the heap that survives a full GC.
 * Prints one JSON line; scripts/bench.ts runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LspClient } from '../test/lsp/harness';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};

(async () => {
  const c = new LspClient();
  await c.initialize();
  const base = fs.readFileSync(path.join(__dirname, '..', 'samples', 'template.yaml'), 'utf8');
  const uri = 'file:///bench/edited.yaml';
  c.open(uri, base);
  await c.waitDiagnostics(uri);
  const samples: number[] = [heapMB()];
  for (let i = 1; i <= 10_000; i++) {
    c.change(uri, base.replace('VisibilityTimout: 60', `VisibilityTimout: ${i}`) + `\n# edit ${i}\n`);
    if (i % 200 === 0) await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 8 } });
    if (i % 2_500 === 0) {
      await c.waitDiagnostics(uri);
      samples.push(heapMB());
    }
  }
  console.log(JSON.stringify({ edits: 10_000, heapAfterGcMB: samples, rssMB: process.memoryUsage().rss / 1048576, gc: !!gc }));
  c.dispose();
  process.exit(0);
})();
