import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { readText } from '../../server/src/core/files';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lintDocument } from '../../server/src/core/lint';
import { addedFindings, fixAll, safeFixesFor } from '../../server/src/core/fixGuard';
import { decodeBytes, encodeText, type TextEncoding } from '../../server/src/core/encoding';
import { runLint } from '../../server/src/cli/lint';
import { fakeIO } from '../cli/fakeIO';
import { CORPUS, filesUnder, hasCorpus } from './shared';

const corpusFiles = () =>
  ['cfn', 'sam', 'appspec', 'buildspec', 'broken', 'cfn-lint/templates'].flatMap((d) => filesUnder(path.join(CORPUS, d))).filter((f) => /\.(ya?ml|json|template)$/.test(f));

describe('corpus: every quick fix round-trips', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('applying each offered fix leaves a document that parses, no longer has that finding and has no new finding of any code', () => {
    let applied = 0;
    let withheld = 0;
    const failures: string[] = [];
    const byCode: Record<string, number> = {};
    for (const file of corpusFiles()) {
      const text = readText(file);
      const doc = parseTemplate(file, 1, text);
      const { kind, findings } = lintDocument(doc, { fileName: file });
      if (!kind) continue;
      const hadSyntaxError = findings.some((f) => f.code === 'DOC1001');
      for (const f of findings) {
        // What the editor offers: the fix guard has re-linted each and withheld those that add a finding.
        const offered = safeFixesFor(doc, f, findings, { fileName: file, kind });
        withheld += fixesFor(doc, f).length - offered.length;
        for (const fix of offered) {
          const next = applyEdits(text, fix.edits);
          const nextDoc = parseTemplate(file, 2, next);
          const after = lintDocument(nextDoc, { fileName: file, kind }).findings;
          applied++;
          byCode[f.code] = (byCode[f.code] ?? 0) + 1;
          const rel = path.relative(CORPUS, file);
          for (const x of addedFindings(findings, after)) failures.push(`${rel}: ${f.code} "${fix.title}" added ${x.code} (${x.message})`);
          if (!hadSyntaxError && after.some((x) => x.code === 'DOC1001')) failures.push(`${rel}: ${f.code} "${fix.title}" broke the syntax`);
          const line = doc.lines.positionAt(f.start).line;
          const firstEdit = Math.min(...fix.edits.map((e) => e.start));
          // The same finding on the same line (edits before it move it down; compare by message).
          const shift = next.slice(0, Math.max(firstEdit, 0)).split('\n').length - text.slice(0, Math.max(firstEdit, 0)).split('\n').length;
          if (after.some((x) => x.code === f.code && x.message === f.message && nextDoc.lines.positionAt(x.start).line === line + shift)) {
            failures.push(`${rel}:${line + 1}: ${f.code} "${fix.title}" did not remove the finding`);
          }
        }
      }
    }
    console.log(`      ${applied} fixes applied (${withheld} withheld by the fix guard): ${Object.entries(byCode).map(([c, n]) => `${c}×${n}`).join(', ')}`);
    assert.deepEqual(failures, []);
  });
});

describe('corpus: lint --fix round trip in every encoding', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('re-lints every result (no new finding of any code), keeps every byte outside the fixes, and writes by rename', async () => {
    // The files fix-all changes, plus every 25th file it leaves alone (those must stay byte for byte).
    const picked: { file: string; text: string }[] = [];
    // Fix-all's result per input text (the same text in another encoding gives the same result).
    const fixedText = new Map<string, string>();
    const fixed = (file: string, text: string) => {
      const key = `${path.basename(file)}\u0000${text}`;
      if (!fixedText.has(key)) fixedText.set(key, fixAll(parseTemplate(file, 1, text), { fileName: file }).doc.text);
      return fixedText.get(key)!;
    };
    corpusFiles().forEach((file, i) => {
      const text = readText(file);
      const flat = path.relative(CORPUS, file).replace(/[\\/]/g, '__');
      if (fixed(flat, text) !== text || i % 25 === 0) picked.push({ file, text });
    });
    const variants: { name: string; encoding: TextEncoding; crlf: boolean }[] = [
      { name: 'utf8', encoding: { name: 'utf8', bom: false }, crlf: false },
      { name: 'utf8-bom-crlf', encoding: { name: 'utf8', bom: true }, crlf: true },
      { name: 'utf16le-bom', encoding: { name: 'utf16le', bom: true }, crlf: false },
      { name: 'latin1', encoding: { name: 'latin1', bom: false }, crlf: false },
    ];
    const failures: string[] = [];
    let written = 0;
    let fixes = 0;
    for (const v of variants) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aws-notes-fix-${v.name}-`));
      const cases: { rel: string; target: string; before: Buffer; text: string; ino: number }[] = [];
      for (const p of picked) {
        const text = v.crlf ? p.text.replace(/\r?\n/g, '\r\n') : p.text;
        const bytes = encodeText(text, v.encoding);
        // Latin-1 only for files it can hold, and only if the bytes really are not UTF-8 (else they read as UTF-8).
        if (!bytes || (v.encoding.name === 'latin1' && !/[\u0080-\u00ff]/.test(text))) continue;
        const rel = path.relative(CORPUS, p.file);
        const target = path.join(dir, rel.replace(/[\\/]/g, '__'));
        fs.writeFileSync(target, bytes);
        cases.push({ rel, target, before: bytes, text, ino: fs.statSync(target).ino });
      }
      const io = fakeIO(dir);
      await runLint(['--fix', '--format', 'json', '.'], io);
      const reports = new Map((JSON.parse(io.stdout) as { file: string; fixed?: number }[]).map((r) => [r.file, r]));
      for (const c of cases) {
        const after = fs.readFileSync(c.target);
        const want = encodeText(fixed(path.basename(c.target), c.text), v.encoding);
        const where = `${v.name} ${c.rel}`;
        if (!want || !after.equals(want)) failures.push(`${where}: the written bytes are not the fixed text in ${v.name}`);
        if (decodeBytes(after).encoding.name !== v.encoding.name || decodeBytes(after).encoding.bom !== v.encoding.bom) failures.push(`${where}: encoding changed`);
        const changed = !after.equals(c.before);
        if (changed) {
          written++;
          fixes += reports.get(path.basename(c.target))?.fixed ?? 0;
          if (fs.statSync(c.target).ino === c.ino) failures.push(`${where}: written in place, not through a renamed temporary file`);
          const beforeFindings = lintDocument(parseTemplate(c.target, 1, c.text), { fileName: c.target }).findings;
          const kind = lintDocument(parseTemplate(c.target, 1, c.text), { fileName: c.target }).kind ?? undefined;
          const afterFindings = lintDocument(parseTemplate(c.target, 2, decodeBytes(after).text), { fileName: c.target, kind }).findings;
          for (const x of addedFindings(beforeFindings, afterFindings)) failures.push(`${where}: --fix added ${x.code} (${x.message})`);
        }
      }
      const left = fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
      if (left.length) failures.push(`${v.name}: temporary files left behind: ${left.join(', ')}`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`      --fix: ${picked.length} files × ${variants.length} encodings, ${written} files written, ${fixes} fixes`);
    assert.deepEqual(failures, []);
  });
});
