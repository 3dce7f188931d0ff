// Refreshes the generated parts of README.md: the rule table (from the rule registry) and the
// performance table (from bench-results/bench.json). Run: npx tsx scripts/update-readme.ts
import fs from 'node:fs';
import path from 'node:path';
import { ruleTableMarkdown } from '../server/src/core/rules/registry';

const root = path.resolve(__dirname, '..');
const readme = path.join(root, 'README.md');
let text = fs.readFileSync(readme, 'utf8');
const put = (name: string, body: string) => {
  text = text.replace(new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`), `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`);
};

put('rules', ruleTableMarkdown());

const benchFile = path.join(root, 'bench-results', 'bench.json');
if (fs.existsSync(benchFile)) {
  const b = JSON.parse(fs.readFileSync(benchFile, 'utf8'));
  const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
  const rows = [
    ['lint throughput, one process', `${f(b.throughput.filesPerSecond)} files/s, ${b.throughput.mbPerSecond.toFixed(1)} MB/s (${b.throughput.files} corpus files)`, ''],
    b.cfnLint && ['per template, inside one process: aws-notes vs cfn-lint', `${f(b.cfnLint.oursPerTemplateMs)} ms vs ${f(b.cfnLint.cfnLintPerTemplateMs)} ms (${b.cfnLint.speedupPerTemplate.toFixed(0)}×)`, '≥ 50×'],
    b.cfnLint?.oursBatchMs && [`all ${b.cfnLint.sample} corpus templates, one CLI run: aws-notes vs cfn-lint`, `${(b.cfnLint.oursBatchMs / 1000).toFixed(1)} s vs ${(b.cfnLint.cfnLintBatchMs / 1000).toFixed(1)} s (${(b.cfnLint.cfnLintBatchMs / b.cfnLint.oursBatchMs).toFixed(0)}×)`, ''],
    b.cfnLint && ['one template, fresh process: aws-notes vs cfn-lint', `${f(b.cfnLint.oursCliMs)} ms vs ${f(b.cfnLint.cfnLintCliMs)} ms (${b.cfnLint.speedupCli.toFixed(0)}×)`, ''],
    ['language server spawn → first diagnostics', `${f(b.coldStartToFirstDiagnosticsMs.p50)} ms (p50)`, '< 150 ms'],
    ['keystroke re-validation, 5,000-line template', `p50 ${f(b.keystroke.p50)} ms, p95 ${f(b.keystroke.p95)} ms (first 50 after opening: p95 ${f(b.keystroke.warmUpP95 ?? NaN)} ms; full parse: ${f(b.keystroke.fullParseAndLintP50)} ms)`, 'p95 < 15 ms'],
    b.keystroke.typingP95 !== undefined && ['typing (a character inserted per keystroke), same template', `p50 ${f(b.keystroke.typingP50)} ms, p95 ${f(b.keystroke.typingP95)} ms`, 'p95 < 15 ms'],
    b.firstQuickFixMs && [`first quick-fix request, ${b.firstQuickFixMs.lines.toLocaleString('en-US')}-line template`, `p50 ${f(b.firstQuickFixMs.p50)} ms, max ${f(b.firstQuickFixMs.max)} ms`, ''],
    ['hover round trip', `p50 ${f(b.hoverMs.p50)} ms, p95 ${f(b.hoverMs.p95)} ms`, ''],
    b.notes && [`notes index build (${b.notes.files} sample notes files, ${b.notes.passages} passages)`, `${f(b.notes.indexBuildMs)} ms`, ''],
    b.notes && ['hover with notes passages, warm', `p50 ${f(b.notes.hoverP50)} ms, p95 ${f(b.notes.hoverP95)} ms`, 'p95 < 5 ms'],
    b.bigNotes && ['notes: index 10 MB in the server (background)', `${f(b.bigNotes.buildMs)} ms; slowest of ${b.bigNotes.hoversDuringBuild} hovers meanwhile ${f(b.bigNotes.slowestHoverDuringBuildMs)} ms`, '< 1.5 s, never blocking a hover'],
    b.bigNotes && ['notes: hover round trip with 10 MB indexed', `p50 ${f(b.bigNotes.hoverP50)} ms, p95 ${f(b.bigNotes.hoverP95)} ms`, 'p95 < 5 ms'],
    b.bigNotes && ['notes: server RSS with 10 MB indexed', `${f(b.bigNotes.rssMB)} MB`, '< 200 MB'],
    b.completion && ['completion at 200 positions, 5,000-line template', `p50 ${f(b.completion.p50)} ms, p95 ${f(b.completion.p95)} ms`, 'p95 < 10 ms'],
    ['server memory: idle / 50 templates open', `${f(b.serverRssMB.idle ?? 0)} MB / ${f(b.serverRssMB.rss)} MB RSS`, '< 150 MB'],
    b.memoryOverEdits && ['heap after GC over 10,000 edits', `${b.memoryOverEdits.heapAfterGcMB.map((x: number) => x.toFixed(1)).join(' → ')} MB`, 'flat'],
  ].filter(Boolean) as string[][];
  put('perf', [`Measured with \`npm run bench\` on ${b.date.slice(0, 10)} (2 cores, Node ${b.node}).`, '', '| what | result | target |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
}
fs.writeFileSync(readme, text);
