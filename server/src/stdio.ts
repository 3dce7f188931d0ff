import type { Connection } from 'vscode-languageserver/node';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from './lsp';

/** No editor sends a message this large; a Content-Length above it is a broken or hostile stream. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/**
 * A stdio connection that ends the process when the framing breaks: a missing, unreadable or huge
 * Content-Length, or a body that is not JSON (after a wrong length every later message is
 * misread). Left alone the server would stay alive but deaf; exiting lets the client restart it.
 */
export function stdioConnection(fatal: (message: string) => void = exitWith): Connection {
  const reader = new StreamMessageReader(process.stdin);
  // onData and nextMessageLength are not in the typings; the reader calls this.onData per chunk.
  const r = reader as unknown as { onData(data: unknown): void; nextMessageLength: number };
  const onData = r.onData.bind(reader);
  r.onData = (data) => {
    onData(data);
    if (r.nextMessageLength > MAX_MESSAGE_BYTES) fatal(`Content-Length ${r.nextMessageLength} is larger than any message (limit ${MAX_MESSAGE_BYTES} bytes)`);
  };
  reader.onError((e) => fatal(e instanceof Error ? e.message : String(e)));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

function exitWith(message: string): void {
  process.stderr.write(`aws-notes language server: unreadable message stream (${message}); exiting so the client can restart the server.\n`);
  process.exit(1);
}
