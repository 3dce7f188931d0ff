/** SQS FIFO throughput without high-throughput mode: does a message rate fit, and with what batching. */
import { ceilSafe, fmt, parseNumber, plural } from './util';

/** API calls per second per action (SendMessage, ReceiveMessage, DeleteMessage) without high throughput. */
const SQS_FIFO_CALLS_PER_SECOND = 300;
/** Messages per batch call. */
const SQS_MAX_BATCH = 10;

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
