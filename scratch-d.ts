import fc from 'fast-check';
import { regexLiterals, tsFilesUnder } from './test/helpers/regexLiterals';
import { charsOf, hostileText } from './test/helpers/hostile';
const all = tsFilesUnder('server/src').filter((f) => !f.includes('core/notes/')).flatMap(regexLiterals);
const slow: string[] = [];
for (const r of all) {
  const re = new RegExp(r.source, r.flags.replace(/[gy]/g, ''));
  let worst = 0; let worstIn = '';
  fc.assert(fc.property(hostileText(charsOf(r.source), 30000), (t) => { const t0 = performance.now(); re.exec(t); if (r.flags.includes('g')) t.replace(new RegExp(r.source, r.flags), ''); const ms = performance.now() - t0; if (ms > worst) { worst = ms; worstIn = JSON.stringify(t.slice(0, 30)) + '…' + JSON.stringify(t.slice(-5)) + ' len ' + t.length; } }), { numRuns: 24, seed: 5 });
  if (worst > 50) slow.push(`${worst.toFixed(0)}ms ${r.file}:${r.line} /${r.source}/${r.flags} ${worstIn}`);
}
console.log(all.length); console.log(slow.join('\n'));
