// Build step (after the bundles and the data they read): runs one language-server session over the
// samples with AWS_NOTES_WRITE_CODE_CACHE=1, so dist/server.js (boot.ts) writes V8's code cache of
// dist/server-main.js (dist/server-main.js.cache). Without it the server still starts, compiling
// more; so a failure here warns and never fails the build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const dist = path.join(root, 'dist');
fs.rmSync(path.join(dist, 'server-main.js.cache'), { force: true });

const samples = fs.readdirSync(path.join(root, 'samples')).filter((f) => /\.(ya?ml|json)$/.test(f));
const child = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio'], { env: { ...process.env, AWS_NOTES_WRITE_CODE_CACHE: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
const send = (msg) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
const timer = setTimeout(() => {
  console.warn('warm-server: the session did not finish; the server starts without a code cache');
  child.kill();
}, 30000);
let buf = Buffer.alloc(0);
const pending = new Set(samples);
child.stdout.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const head = buf.indexOf('\r\n\r\n');
    if (head < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
    if (buf.length < head + 4 + len) return;
    const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString());
    buf = buf.subarray(head + 4 + len);
    if (msg.id === 1) {
      send({ method: 'initialized', params: {} });
      for (const f of samples) send({ method: 'textDocument/didOpen', params: { textDocument: { uri: `file:///samples/${f}`, languageId: f.endsWith('.json') ? 'json' : 'yaml', version: 1, text: fs.readFileSync(path.join(root, 'samples', f), 'utf8') } } });
    } else if (msg.method === 'textDocument/publishDiagnostics' && pending.delete(msg.params.uri.slice('file:///samples/'.length)) && pending.size === 0) {
      send({ id: 2, method: 'shutdown' });
    } else if (msg.id === 2) send({ method: 'exit' });
  }
});
send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
await new Promise((resolve) => child.on('exit', resolve));
clearTimeout(timer);
if (!fs.existsSync(path.join(dist, 'server-main.js.cache'))) console.warn('warm-server: no code cache written');
