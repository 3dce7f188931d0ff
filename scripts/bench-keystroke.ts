/**
 * Keystroke re-validation on the 5,000-line template through the language service, as the server
 * runs it (incremental parse, per-entry findings reused): same-length edits of a value, then typing
 * (a character inserted per keystroke, so every later offset moves). Run in a process of its own
 * by scripts/bench.ts; prints one JSON line.
 */
import { createLanguageService } from '../server/src/core';
import { bigTemplate } from './bigTemplate';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const q = (a: number[], x: number) => [...a].sort((m, n) => m - n)[Math.min(a.length - 1, Math.floor(a.length * x))];

const service = createLanguageService();
let text = bigTemplate(5000);
let version = 0;
const bigFile = { uri: 'file:///bench/keystrokes.yaml', languageId: 'yaml', get version() { return version; }, getText: () => text };
service.lint(bigFile);

// Warm-up, not measured: the first edits compile the incremental paths (in the bench's own process
// the corpus sections before it had done that). What is measured is typing under way.
const edit = (i: number) => {
  const at = text.indexOf('VisibilityTimeout: ', (i * 7919) % (text.length - 200));
  if (at >= 0) text = text.slice(0, at) + `VisibilityTimeout: ${i % 9}` + text.slice(text.indexOf('\n', at));
  return at >= 0;
};
const warmUp: number[] = [];
for (let i = 1; i <= 50; i++) {
  edit(i + 5000);
  version = -i;
  const s = now();
  service.lint(bigFile);
  warmUp.push(now() - s);
}

const edits: number[] = [];
const cpu = process.cpuUsage();
for (let i = 1; i <= 300; i++) {
  if (!edit(i)) continue;
  version = i;
  const s = now();
  service.lint(bigFile);
  edits.push(now() - s);
}
const { user, system } = process.cpuUsage(cpu);

const typed: number[] = [];
for (let i = 1; i <= 300; i++) {
  const at = text.indexOf('-q', (i * 7919) % (text.length - 200));
  if (at < 0) continue;
  text = text.slice(0, at + 2) + 'x' + text.slice(at + 2);
  version = 1000 + i;
  const s = now();
  service.lint(bigFile);
  typed.push(now() - s);
}

console.log(JSON.stringify({ warmUpP95: q(warmUp, 0.95), warmUpMax: Math.max(...warmUp), p50: q(edits, 0.5), p95: q(edits, 0.95), cpuMsPerKeystroke: (user + system) / 1000 / edits.length, typingP50: q(typed, 0.5), typingP95: q(typed, 0.95) }));
