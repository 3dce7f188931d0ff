/**
 * Start-up order: the documents the editor opens with the workspace are linted and published
 * before the notes index starts reading files (ordering only; `npm run bench` measures the time).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { READ_NOTES_CONFIG } from '../../server/src/core/protocol';
import { NotesService } from '../../server/src/notesService';
import { startServer } from '../../server/src/server';
import { LspClient } from './harness';

const fixtures = path.join(__dirname, '..', 'fixtures');

describe('server start-up order', () => {
  it('publishes the first diagnostics before the notes index starts', async () => {
    const events: string[] = [];
    const configure = NotesService.prototype.configure;
    NotesService.prototype.configure = function (this: NotesService, ...args: Parameters<typeof configure>) {
      events.push('notes index');
      return configure.apply(this, args);
    };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const send = server.sendDiagnostics.bind(server);
    server.sendDiagnostics = (p) => {
      events.push('diagnostics');
      return send(p);
    };
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    try {
      startServer(server);
      const notes = { roots: [fixtures], patterns: ['notes'] };
      client.onRequest(READ_NOTES_CONFIG.method, () => notes);
      let closing = false;
      let closed: () => void = () => undefined;
      const cleared = new Promise<void>((r) => (closed = r));
      client.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: unknown[] }) => {
        if (closing && p.diagnostics.length === 0) closed();
      });
      client.onNotification(() => undefined);
      client.listen();
      await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: { notes } });
      // As an editor does: `initialized`, then the documents already open, without waiting.
      void client.sendNotification('initialized', {});
      void client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///w/a.yaml', languageId: 'yaml', version: 1, text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' } });
      for (let i = 0; i < 200 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
      assert.deepEqual(events.slice(0, 2), ['diagnostics', 'notes index']);
      // Closing clears the document's pending re-check before the connection goes away.
      closing = true;
      void client.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///w/a.yaml' } });
      await cleared;
    } finally {
      NotesService.prototype.configure = configure;
      client.dispose();
      server.dispose();
    }
  });
});

describe('diagnostics on open', () => {
  it('checks and publishes an opened document once (the change event every open also fires names the same version)', async () => {
    const c = new LspClient();
    const uri = 'file:///w/once.yaml';
    try {
      await c.initialize();
      c.open(uri, 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: soon\n');
      await c.waitDiagnostics(uri, (d) => d.length > 0);
      // Well past the change delay (120 ms), when the second check used to come.
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(c.publishCount(uri), 1);
      c.change(uri, 'Resources: {}\n');
      await c.waitDiagnostics(uri, (d) => d.length === 0);
      assert.equal(c.publishCount(uri), 2, 'a change is still checked');
    } finally {
      c.dispose();
    }
  });
});
