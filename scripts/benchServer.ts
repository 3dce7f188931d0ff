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
  const initialize = (initializationOptions?: unknown) => rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
  return {
    rpc,
    /** The initialize request alone (a server starts indexing notes at `initialized`). */
    initialize,
    init: async () => {
      await initialize();
      await rpc.sendNotification('initialized', {});
    },
    /** Opens a document; resolves when its first diagnostics arrive. */
    open: (uri: string, text: string) => {
      const published = new Promise<void>((res) => waiters.set(uri, res));
      void rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return published;
    },
    /** The server's own CPU time so far (from /proc): unlike wall time, other processes barely change it. */
    cpuMs: () => {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 10 ms
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
