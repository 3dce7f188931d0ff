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
