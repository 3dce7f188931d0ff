/**
 * AWS_NOTES_STARTUP_TRACE=1: the server writes one line to stderr when it first publishes
 * diagnostics, with the time of each start-up step in ms since the process started (what
 * `npm run bench` times from outside as "server spawn → first diagnostics"). Off, `mark` is a
 * no-op.
 */
const enabled = process.env.AWS_NOTES_STARTUP_TRACE === '1';
const marks: string[] = [];
let reported = false;

export function mark(step: string, at: number = performance.now()): void {
  if (enabled && !reported) marks.push(`${step} ${at.toFixed(1)}`);
}

/** The first diagnostics are out: say how long each step took, once. */
export function reportStartup(): void {
  if (!enabled || reported) return;
  mark('first diagnostics');
  reported = true;
  const cpu = process.cpuUsage();
  process.stderr.write(`aws-notes start-up (ms since process start): ${marks.join(', ')}; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms\n`);
}
