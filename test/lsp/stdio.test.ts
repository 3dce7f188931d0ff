import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

function frame(body: string, length = Buffer.byteLength(body)): string {
  return `Content-Length: ${length}\r\n\r\n${body}`;
}

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

/** Resolves with the exit code, or 'alive' if the process is still running after `ms`. */
function exitWithin(p: ChildProcess, ms: number): Promise<number | 'alive'> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve('alive'), ms);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve(code ?? -1);
    });
  });
}

describe('language server over stdio: a broken Content-Length', () => {
  const started: ChildProcess[] = [];
  const start = () => {
    const p = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    started.push(p);
    let out = '';
    let err = '';
    p.stdout!.on('data', (d) => (out += d));
    p.stderr!.on('data', (d) => (err += d));
    return { p, out: () => out, err: () => err };
  };
  after(() => started.forEach((p) => p.kill()));

  it('answers a well-framed initialize', async () => {
    const s = start();
    s.p.stdin!.write(frame(INIT));
    for (let i = 0; i < 100 && !s.out().includes('"capabilities"'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(s.out(), /"capabilities"/);
    s.p.kill();
  });

  it('exits with an error on a huge Content-Length instead of waiting forever', async () => {
    const s = start();
    s.p.stdin!.write(frame(INIT) + 'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0"');
    assert.equal(await exitWithin(s.p, 15_000), 1);
    assert.match(s.err(), /Content-Length 99999999999 is larger than any message/);
  });

  it('exits with an error when a wrong Content-Length misaligns the stream', async () => {
    const s = start();
    s.p.stdin!.write(frame(INIT, 10) + frame(INIT));
    assert.equal(await exitWithin(s.p, 15_000), 1);
    assert.match(s.err(), /unreadable message stream/);
  });
});

describe('language server start-up (dist/server.js, AWS_NOTES_STARTUP_TRACE=1)', () => {
  /** Speaks just enough LSP to open documents and collect what the server publishes. */
  function session() {
    const p = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, AWS_NOTES_STARTUP_TRACE: '1' } });
    let err = '';
    p.stderr!.on('data', (d) => (err += d));
    let buf = Buffer.alloc(0);
    const published = new Map<string, { code: string }[]>();
    p.stdout!.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const head = buf.indexOf('\r\n\r\n');
        const len = head < 0 ? NaN : Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
        if (!(buf.length >= head + 4 + len)) return;
        const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString());
        buf = buf.subarray(head + 4 + len);
        if (msg.method === 'textDocument/publishDiagnostics') published.set(msg.params.uri, msg.params.diagnostics);
      }
    });
    const send = (msg: object) => p.stdin!.write(frame(JSON.stringify({ jsonrpc: '2.0', ...msg })));
    const open = async (uri: string, text: string) => {
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
      for (let i = 0; i < 300 && !published.has(uri); i++) await new Promise((r) => setTimeout(r, 50));
      return (published.get(uri) ?? assert.fail(`no diagnostics for ${uri}`)).map((d) => d.code);
    };
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    send({ method: 'initialized', params: {} });
    return { p, open, err: () => err };
  }

  it('lints a plain template without loading any lazy chunk, says each step once in order, and loads RE2 when a pattern needs it', async () => {
    const s = session();
    try {
      const codes = await s.open('file:///plain.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: soon\n');
      assert.ok(codes.length > 0, 'the template has a finding');
      const trace = /aws-notes start-up \(ms since process start\): (.*); CPU/.exec(s.err())?.[1] ?? assert.fail(`no start-up trace in ${JSON.stringify(s.err())}`);
      const steps = trace.split(', ').map((x) => x.replace(/ [\d.]+$/, ''));
      assert.deepEqual(steps, ['bundle load', 'bundle loaded', 'initialize', 'open', 'lint', 'first diagnostics']);
      const times = trace.split(', ').map((x) => Number(x.split(' ').pop()));
      assert.deepEqual(times, [...times].sort((a, b) => a - b));
      // The RE2 chunk loads on first use: an AllowedPattern is still checked.
      const later = await s.open('file:///pattern.yaml', 'Parameters:\n  N:\n    Type: String\n    AllowedPattern: "^[a-z]+$"\n    Default: ABC\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n');
      assert.ok(later.includes('CFN2002'), `pattern checked: ${later}`);
      assert.equal((s.err().match(/aws-notes start-up/g) ?? []).length, 1, 'said once');
    } finally {
      s.p.kill();
    }
  });
});
