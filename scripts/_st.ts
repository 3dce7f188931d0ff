import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverEnvironment } from '/work/wt/lead/server/src/core/serverEnv';
const root = '/work/wt/lead';
async function once(): Promise<string> {
  const s = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...serverEnvironment(process.env), AWS_NOTES_STARTUP_TRACE: '1' } });
  let err = ''; child.stderr!.on('data', (d) => (err += d));
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let done!: () => void; const got = new Promise<void>((r) => (done = r));
  rpc.onNotification('textDocument/publishDiagnostics', () => done());
  rpc.onNotification('awsNotes/documentKind', () => undefined);
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const tInit = performance.now() - s;
  await rpc.sendNotification('initialized', {});
  void rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///b/first.yaml', languageId: 'yaml', version: 1, text: fs.readFileSync(path.join(root, 'test/fixtures/cfn/bad.yaml'), 'utf8') } });
  await got;
  const total = performance.now() - s;
  child.kill();
  await new Promise((r) => setTimeout(r, 50));
  return `total ${total.toFixed(0)} init-response ${tInit.toFixed(0)} | ${err.trim().replace(/\n/g, ' | ')}`;
}
(async () => { for (let i = 0; i < 5; i++) console.log(await once()); })();
