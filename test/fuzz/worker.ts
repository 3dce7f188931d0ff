import fs from 'node:fs';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { exerciseService, newService, threadCpuMs } from './exercise';
import { inputsOf, type FuzzJob } from './inputs';

export interface JobResult {
  job: number;
  inputs: number;
  slowest: { ms: number; index: number; sample: string };
  failures: { index: number; message: string; sample: string }[];
  heapPeak: number;
}

/** Per input: over this much CPU time (thread time, so a busy machine does not count) is a failure. */
const BUDGET_MS: number = workerData.budgetMs;
const progress = new Int32Array(workerData.progress as SharedArrayBuffer);
const slot: number = workerData.slot;
const service = newService();
const bases = new Map<string, string>();

parentPort!.on('message', (job: FuzzJob | null) => {
  if (!job) return process.exit(0);
  let base: string | undefined;
  if (job.file) {
    base = bases.get(job.file) ?? fs.readFileSync(job.file, 'utf8');
    bases.set(job.file, base);
  }
  const result: JobResult = { job: job.id, inputs: 0, slowest: { ms: 0, index: -1, sample: '' }, failures: [], heapPeak: 0 };
  const uri = `file:///fuzz/${job.id}${job.file?.endsWith('.json') ? '.json' : '.yaml'}`;
  inputsOf(job, base).forEach((text, index) => {
    Atomics.store(progress, slot * 2, job.id);
    Atomics.store(progress, slot * 2 + 1, index);
    let c0 = threadCpuMs();
    let w0 = performance.now();
    // Each thing a person waits for (the keystroke features, then fix-all) has the budget on its own.
    const lap = (what: string) => {
      const c1 = threadCpuMs();
      const w1 = performance.now();
      const ms = c0 !== undefined && c1 !== undefined ? c1 - c0 : w1 - w0;
      if (ms > result.slowest.ms) result.slowest = { ms, index, sample: `${what}: ${text.slice(0, 80)}` };
      if (ms > BUDGET_MS) result.failures.push({ index, message: `${what} took ${ms.toFixed(0)} ms of CPU (budget ${BUDGET_MS} ms)`, sample: text.slice(0, 200) });
      c0 = threadCpuMs();
      w0 = performance.now();
    };
    try {
      exerciseService(service, uri, text, lap);
    } catch (e) {
      result.failures.push({ index, message: e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e), sample: text.slice(0, 200) });
    }
    result.inputs++;
  });
  result.heapPeak = v8.getHeapStatistics().used_heap_size;
  parentPort!.postMessage(result);
});
