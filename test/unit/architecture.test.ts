/**
 * The invariants docs/ARCHITECTURE.md promises, checked by scanning imports (text, not a compiler
 * API: fast, and it sees type-only imports too).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../server/src/core/version';
import { ruleTableMarkdown } from '../../server/src/core/rules/registry';

const repo = path.join(__dirname, '..', '..');
const core = path.join(repo, 'server', 'src', 'core');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) out.push({ spec: m[2] ?? m[3], typeOnly: !!m[1] });
  return out;
}

/** The file a relative import names, or undefined for packages. */
function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
}

const rel = (f: string) => path.relative(repo, f).split(path.sep).join('/');
const coreRel = (f: string) => path.relative(core, f).split(path.sep).join('/');

describe('architecture invariants (docs/ARCHITECTURE.md)', () => {
  const coreFiles = tsFiles(core);

  it('core imports no vscode and no LSP packages', () => {
    const bad = coreFiles.flatMap((f) => importsOf(f).filter((i) => /^vscode(-|$)/.test(i.spec)).map((i) => `${rel(f)} imports ${i.spec}`));
    assert.deepEqual(bad, []);
  });

  it('features never import rules: only the lint pipeline (lint, suppress, fixes, the service) reads core/rules', () => {
    const mayReadRules = (f: string) => /^(rules\/|fixes\/|lint\.ts$|suppress\.ts$|index\.ts$)/.test(coreRel(f));
    const bad = coreFiles
      .filter((f) => !mayReadRules(f))
      .flatMap((f) => importsOf(f).map((i) => ({ f, to: resolve(f, i.spec) })))
      .filter(({ to }) => to && coreRel(to).startsWith('rules/'))
      .map(({ f, to }) => `${rel(f)} imports ${rel(to!)}`);
    assert.deepEqual(bad, []);
  });

  it('no import cycle under server/src/core', () => {
    const graph = new Map(coreFiles.map((f) => [f, importsOf(f).map((i) => resolve(f, i.spec)).filter((x): x is string => !!x)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      state.set(f, 'open');
      for (const to of graph.get(f) ?? []) {
        if (state.get(to) === 'open') cycles.push([...trail.slice(trail.indexOf(to)), to].map(coreRel).join(' → '));
        else if (!state.has(to)) visit(to, [...trail, to]);
      }
      state.set(f, 'done');
    };
    for (const f of coreFiles) if (!state.has(f)) visit(f, [f]);
    assert.deepEqual(cycles, []);
  });

  it('fixes are built from finding data, never from messages', () => {
    const bad = tsFiles(path.join(core, 'fixes')).filter((f) => /\.message\b/.test(fs.readFileSync(f, 'utf8'))).map(rel);
    assert.deepEqual(bad, []);
  });

  it('the client reaches core only through the @core alias, never by relative climbs', () => {
    const bad = tsFiles(path.join(repo, 'client', 'src')).flatMap((f) =>
      importsOf(f)
        .filter((i) => i.spec.includes('server/src') || (i.spec.startsWith('.') && !resolve(f, i.spec)?.startsWith(path.join(repo, 'client', 'src'))))
        .map((i) => `${rel(f)} imports ${i.spec}`),
    );
    assert.deepEqual(bad, []);
    const uses = tsFiles(path.join(repo, 'client', 'src')).some((f) => importsOf(f).some((i) => i.spec.startsWith('@core/')));
    assert.ok(uses, 'the alias is in use');
  });

  it('LSP handlers reach core through the language service (plus the protocol, version and docs links)', () => {
    const server = path.join(repo, 'server', 'src');
    const entry = [path.join(server, 'server.ts'), ...tsFiles(path.join(server, 'handlers'))];
    const allowed = /^(index\.ts|protocol\.ts|version\.ts|kindNames\.ts|kind\.ts|rules\/docs\.ts)$/;
    const bad = entry.flatMap((f) =>
      importsOf(f)
        .filter((i) => !i.typeOnly)
        .map((i) => resolve(f, i.spec))
        .filter((to): to is string => !!to && to.startsWith(core + path.sep) && !allowed.test(coreRel(to)))
        .map((to) => `${rel(f)} imports ${rel(to)}`),
    );
    assert.deepEqual(bad, []);
  });

  it('server code takes values from vscode-languageserver only through server/src/lsp.ts (one copy of its exports per start)', () => {
    const server = path.join(repo, 'server', 'src');
    const lsp = path.join(server, 'lsp.ts');
    const bad = [...tsFiles(path.join(server, 'handlers')), ...fs.readdirSync(server).filter((f) => f.endsWith('.ts')).map((f) => path.join(server, f))]
      .filter((f) => f !== lsp)
      .flatMap((f) => importsOf(f).filter((i) => !i.typeOnly && /^vscode-languageserver(\/|$)/.test(i.spec)).map((i) => `${rel(f)} imports ${i.spec}`));
    assert.deepEqual(bad, []);
  });

  it('custom protocol methods are named once, in core/protocol.ts: no `awsNotes/…` string literal anywhere else', () => {
    const roots = ['server/src', 'client/src', 'test', 'scripts'].map((d) => path.join(repo, d));
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : sources(p);
        return /\.(ts|js|mjs)$/.test(e.name) ? [p] : [];
      });
    const protocol = path.join(core, 'protocol.ts');
    const bad = roots
      .flatMap(sources)
      .filter((f) => f !== protocol && f !== __filename)
      .filter((f) => /['"`]awsNotes\//.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    assert.deepEqual(bad, []);
  });

  it('one version: VERSION is package.json\'s version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
  });

  it("the README's rule table is generated from the rules' titles and cfn-lint ids (npx tsx scripts/update-readme.ts)", () => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    const table = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    assert.equal(table, ruleTableMarkdown());
  });
});
