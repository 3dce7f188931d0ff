/** A language server (dist/server.js) spawned as the editor's client spawns it, for the benches. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DOCUMENT_KIND } from '../server/src/core/protocol';
import { serverEnvironment } from '../server/src/core/serverEnv';

const root = path.resolve(__dirname, '..');

export function startServer() {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: serverEnvironment(process.env) });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Map<string, () => void>();
  rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => waiters.get(p.uri)?.());
  rpc.onNotification(DOCUMENT_KIND.method, () => undefined);
  rpc.listen();
  return {
    rpc,
    init: async () => {
      await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await rpc.sendNotification('initialized', {});
    },
    /** Opens a document; resolves when its first diagnostics arrive. */
    open: (uri: string, text: string) => {
      const published = new Promise<void>((res) => waiters.set(uri, res));
      void rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return published;
    },
    rssMB: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    /** Stops the server; resolves once its process has exited. */
    kill: () => {
      rpc.dispose();
      const exited = new Promise<void>((res) => (child.exitCode !== null || child.signalCode !== null ? res() : child.once('exit', () => res())));
      child.kill();
      return exited;
    },
  };
}
