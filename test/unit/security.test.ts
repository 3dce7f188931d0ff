import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const ours = [...sources(path.join(root, 'server', 'src')), ...sources(path.join(root, 'client', 'src'))];

describe('trust boundaries in our own code', () => {
  it('never spawns processes, opens sockets or evaluates code', () => {
    const forbidden = /from ['"](node:)?(child_process|net|http|https|http2|dgram|tls|dns|worker_threads|vm|cluster)['"]|require\(['"](node:)?(child_process|net|http|https)['"]\)|\beval\(|new Function\(/;
    const hits = ours.filter((f) => forbidden.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
    assert.deepEqual(hits, []);
  });

  it('core stays free of vscode and LSP imports', () => {
    const core = sources(path.join(root, 'server', 'src', 'core'));
    const hits = core.filter((f) => /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
    assert.deepEqual(hits, []);
  });

  it('every webview sets a nonce-based CSP and restricts local resources', () => {
    for (const f of ours.filter((x) => fs.readFileSync(x, 'utf8').includes('createWebviewPanel'))) {
      const text = fs.readFileSync(f, 'utf8');
      assert.match(text, /localResourceRoots/, `${f}: localResourceRoots`);
      const html = ours.map((x) => fs.readFileSync(x, 'utf8')).join('\n');
      assert.match(html, /Content-Security-Policy[\s\S]*nonce-/, `${f}: CSP with a nonce`);
    }
  });

  it('declares honestly what runs in untrusted workspaces', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /notes paths/);
  });
});
