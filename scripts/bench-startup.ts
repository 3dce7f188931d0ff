/**
 * Server spawn → first diagnostics, five fresh servers one after another (each once the last has
 * exited), each opening test/fixtures/cfn/bad.yaml. Run in a process of its own by scripts/bench.ts;
 * prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './benchServer';

const text = fs.readFileSync(path.resolve(__dirname, '..', 'test', 'fixtures', 'cfn', 'bad.yaml'), 'utf8');

async function main() {
  const firstDiagnosticsMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const srv = startServer();
    await srv.init();
    const uri = 'file:///bench/first.yaml';
    await srv.open(uri, text);
    firstDiagnosticsMs.push(performance.now() - s);
    // The next server starts once this one is gone, as an editor's does: its exit is not the next start's.
    await srv.kill();
  }
  console.log(JSON.stringify({ firstDiagnosticsMs }));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
