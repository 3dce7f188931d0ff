/**
 * Smaller calculators whose rules can be stated exactly: SQS FIFO throughput without
 * high-throughput mode, and Lambda concurrency (Little's law).
 */
import { CalcError, ceilSafe, fmt, parseNumber, plural, round, roundedUp } from './util';

// ---------------------------------------------------------------------------------------------
// SQS FIFO

/** API calls per second per action (SendMessage, ReceiveMessage, DeleteMessage) without high throughput. */
export const SQS_FIFO_CALLS_PER_SECOND = 300;
/** Messages per batch call. */
export const SQS_MAX_BATCH = 10;

export interface SqsFifoInput {
  messagesPerSecond: number;
  /** Messages per SendMessageBatch/ReceiveMessage/DeleteMessageBatch call, 1–10; default 1. */
  batchSize?: number;
}

export interface SqsFifoThroughput {
  messagesPerSecond: number;
  batchSize: number;
  /** Calls per second needed for each action at this batch size. */
  apiCallsPerSecond: number;
  callLimitPerSecond: number;
  /** What the quota allows at this batch size. */
  maxMessagesPerSecond: number;
  withinLimit: boolean;
  /** Smallest batch size that fits, or null if even batches of 10 don't. */
  minBatchSize: number | null;
  steps: string[];
  warnings: string[];
}

/** Does a message rate fit a standard-mode FIFO queue? Throws CalcError on bad input. */
export function sqsFifoThroughput(input: SqsFifoInput): SqsFifoThroughput {
  const messages = parseNumber(input.messagesPerSecond, 'messages per second');
  const batch = parseNumber(input.batchSize ?? 1, 'batch size', { integer: true, min: 1, max: SQS_MAX_BATCH });
  const calls = ceilSafe(messages / batch);
  const max = SQS_FIFO_CALLS_PER_SECOND * batch;
  const within = calls <= SQS_FIFO_CALLS_PER_SECOND;
  const fitting = ceilSafe(messages / SQS_FIFO_CALLS_PER_SECOND);
  const minBatchSize = fitting <= SQS_MAX_BATCH ? Math.max(1, fitting) : null;
  const steps = [
    `FIFO queues (without high-throughput mode) allow 300 API calls/s per action (send, receive, delete); a batch carries up to 10 messages → at most 3,000 messages/s`,
    `${fmt(messages)} messages/s ÷ ${plural(batch, 'message')} per call → round up → ${fmt(calls)} calls/s per action`,
    `At batch size ${batch}: 300 × ${batch} = ${fmt(max)} messages/s → ${within ? 'fits' : `exceeds the limit by ${fmt(calls - SQS_FIFO_CALLS_PER_SECOND)} calls/s`}`,
  ];
  const warnings: string[] = [];
  if (!within) {
    warnings.push(
      minBatchSize !== null
        ? `batch at least ${minBatchSize} messages per call to stay within 300 calls/s`
        : `more than 3,000 messages/s needs high-throughput mode for FIFO queues (its limits vary by Region; see the SQS quotas page)`,
    );
  }
  return {
    messagesPerSecond: messages,
    batchSize: batch,
    apiCallsPerSecond: calls,
    callLimitPerSecond: SQS_FIFO_CALLS_PER_SECOND,
    maxMessagesPerSecond: max,
    withinLimit: within,
    minBatchSize,
    steps,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Lambda

/** Default concurrent executions per account per Region (a soft quota). */
export const LAMBDA_DEFAULT_CONCURRENCY = 1000;
/** Lambda's maximum timeout. */
export const LAMBDA_MAX_DURATION_SECONDS = 900;

export interface LambdaConcurrencyInput {
  requestsPerSecond: number;
  /** Average duration in seconds (see parseDurationSeconds for "200ms"-style input). */
  averageDurationSeconds: number;
}

export interface LambdaConcurrency {
  requestsPerSecond: number;
  averageDurationSeconds: number;
  /** requests/s × duration, unrounded. */
  exactConcurrency: number;
  /** Execution environments needed, rounded up. */
  concurrency: number;
  exceedsDefaultQuota: boolean;
  steps: string[];
  warnings: string[];
}

/** "200ms", "1.5s", "2m", or a bare number of seconds → seconds. Throws CalcError. */
export function parseDurationSeconds(value: string | number): number {
  if (typeof value === 'number') return parseNumber(value, 'duration');
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?)?\s*$/i.exec(value);
  if (!m) throw new CalcError(`duration must look like 200ms, 1.5s or 2m, got '${value}'`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  return unit === 'ms' ? n / 1000 : unit.startsWith('m') ? n * 60 : n;
}

/** Concurrency = requests per second × average duration in seconds. Throws CalcError on bad input. */
export function lambdaConcurrency(input: LambdaConcurrencyInput): LambdaConcurrency {
  const rps = parseNumber(input.requestsPerSecond, 'requests per second');
  const seconds = parseNumber(input.averageDurationSeconds, 'duration', { allowZero: false });
  if (seconds > LAMBDA_MAX_DURATION_SECONDS) {
    throw new CalcError(`duration ${fmt(seconds, 3)} s is longer than Lambda's 900 s (15 minute) maximum`);
  }
  const exact = rps * seconds;
  const concurrency = ceilSafe(exact);
  const exceeds = concurrency > LAMBDA_DEFAULT_CONCURRENCY;
  const steps = [
    `Concurrency = requests/s × average duration (s): each request holds an execution environment for its duration`,
    `${fmt(rps, 3)} × ${fmt(seconds, 3)} s = ${fmt(exact, 3)}${roundedUp(concurrency, exact) ? ` → round up → ${fmt(concurrency)}` : ''} concurrent executions`,
    `Default account quota: ${fmt(LAMBDA_DEFAULT_CONCURRENCY)} concurrent executions per Region, shared by all functions → ${exceeds ? 'over it' : 'within it'}`,
  ];
  const warnings = exceeds
    ? [`${fmt(concurrency)} concurrent executions exceeds the default quota of ${fmt(LAMBDA_DEFAULT_CONCURRENCY)} per Region; request an increase`]
    : [];
  return {
    requestsPerSecond: rps,
    averageDurationSeconds: seconds,
    exactConcurrency: round(exact),
    concurrency,
    exceedsDefaultQuota: exceeds,
    steps,
    warnings,
  };
}
