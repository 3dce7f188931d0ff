import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer } from '../../server/src/server';
import { DOCUMENT_KIND } from '../../server/src/core/protocol';

/** The real server wired to an in-memory client over JSON-RPC streams (no process, no editor). */
export class LspClient {
  readonly rpc: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private readonly published = new Map<string, number>();

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConn);
    this.rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.set(p.uri, (this.published.get(p.uri) ?? 0) + 1);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.rpc.onNotification(DOCUMENT_KIND.method, () => undefined);
    this.rpc.onRequest('workspace/configuration', () => [{}]);
    this.rpc.onRequest('client/registerCapability', () => null);
    this.rpc.listen();
  }

  async initialize(settings: Record<string, unknown> = {}, notes?: { roots: string[]; patterns: string[] }): Promise<unknown> {
    const r = await this.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: false } },
      initializationOptions: { settings, notes: notes ?? { roots: [], patterns: [] } },
    });
    await this.rpc.sendNotification('initialized', {});
    return r;
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    void this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, text: string): void {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    void this.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Wait until diagnostics for `uri` satisfy `pred` (default: any publish for the latest version). */
  async waitDiagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.diagnostics.get(uri);
      if (p && (p.version === undefined || p.version === this.versions.get(uri) || p.diagnostics.length === 0) && pred(p.diagnostics, p)) return p.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(p?.diagnostics.map((d) => d.code))}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  /** How many times diagnostics were published for `uri`. */
  publishCount(uri: string): number {
    return this.published.get(uri) ?? 0;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.rpc.sendRequest(method, params) as Promise<T>;
  }

  /** The source.fixAll actions offered for the whole document. */
  fixAllActions(uri: string): Promise<CodeAction[]> {
    const start = { line: 0, character: 0 };
    return this.request('textDocument/codeAction', { textDocument: { uri }, range: { start, end: start }, context: { diagnostics: [], only: ['source.fixAll'] } });
  }

  dispose(): void {
    this.rpc.dispose();
  }
}

/**
 * Mocha hooks that start an initialized server before each test ('each') or once for the suite
 * ('all'), hand it to `set`, and dispose of it afterwards.
 */
export function useServer(set: (c: LspClient) => void, scope: 'each' | 'all' = 'each', checkCapabilities?: (caps: Record<string, unknown>) => void): void {
  let c: LspClient | undefined;
  (scope === 'each' ? beforeEach : before)(async () => {
    c = new LspClient();
    const init = (await c.initialize()) as { capabilities: Record<string, unknown> };
    checkCapabilities?.(init.capabilities);
    set(c);
  });
  (scope === 'each' ? afterEach : after)(() => c?.dispose());
}
