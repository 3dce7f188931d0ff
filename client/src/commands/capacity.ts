import { parseItemSizeKB, parseNumber, type FanOut, type ReadConsistency, type WriteMode } from '@core/calc';
import { dynamoDbReport, dynamoDbUnitsReport, kinesisReport, lambdaReport, sqsFifoReport } from '@core/calc/reports';
import type { CalcReport } from '@core/calc/report';
import { ask, check, choose, showCalcError, showReport, type ShownReport } from './calcUi';

const CAPACITY_TITLE = 'AWS Notes: Capacity Calculator';

type CapacityService = 'dynamodb' | 'dynamodb-units' | 'kinesis' | 'sqs-fifo' | 'lambda';

/** Arguments that skip the prompts (tests, keybindings): `service` plus that calculator's inputs. */
export type CapacityArgs =
  | { service: 'dynamodb'; itemSize: string; per?: 'second' | 'minute'; reads?: number | string; consistency?: ReadConsistency; writes?: number | string; writeMode?: WriteMode }
  | { service: 'dynamodb-units'; rcu?: number | string; wcu?: number | string; itemSize?: string }
  | { service: 'kinesis'; recordsPerSecond: number | string; recordSize: string; consumers?: number | string; fanOut?: FanOut }
  | { service: 'sqs-fifo'; messagesPerSecond: number | string; batchSize?: number | string }
  | { service: 'lambda'; requestsPerSecond: number | string; duration: string };

const SERVICES: { label: string; description: string; value: CapacityService }[] = [
  { label: 'DynamoDB: capacity for a workload', description: 'item size, reads and writes → RCU, WCU, on-demand units, partitions', value: 'dynamodb' },
  { label: 'DynamoDB: what units buy', description: 'RCU and WCU → reads and writes per second', value: 'dynamodb-units' },
  { label: 'Kinesis Data Streams: shards', description: 'records/s, record size, consumers → shards', value: 'kinesis' },
  { label: 'SQS FIFO: throughput', description: 'messages/s and batch size → API calls against the 300/s limit', value: 'sqs-fifo' },
  { label: 'Lambda: concurrency', description: 'requests/s × average duration → concurrent executions', value: 'lambda' },
];

const nonNegative = (what: string) => (v: string) => check(() => (v.trim() === '' ? 0 : parseNumber(v, what)));

/**
 * "AWS Notes: Capacity Calculator": pick a service, answer its questions → a notification with the
 * result and a "Show working" button. `args` skips the prompts; the report is returned.
 */
export async function capacityCalculator(args?: unknown): Promise<ShownReport | undefined> {
  try {
    const input = isArgs(args) ? args : await askInputs();
    if (!input) return undefined;
    return showReport(run(input));
  } catch (e) {
    showCalcError(e);
    return undefined;
  }
}

function isArgs(a: unknown): a is CapacityArgs {
  return !!a && typeof a === 'object' && SERVICES.some((s) => s.value === (a as { service?: unknown }).service);
}

export function run(input: CapacityArgs): CalcReport {
  switch (input.service) {
    case 'dynamodb':
      return dynamoDbReport(input);
    case 'dynamodb-units':
      return dynamoDbUnitsReport(input);
    case 'kinesis':
      return kinesisReport(input);
    case 'sqs-fifo':
      return sqsFifoReport(input);
    case 'lambda':
      return lambdaReport(input);
  }
}

async function askInputs(): Promise<CapacityArgs | undefined> {
  const title = CAPACITY_TITLE;
  const service = await choose(title, 'What do you want to size?', SERVICES);
  if (!service) return undefined;
  const t = `${title}: ${SERVICES.find((s) => s.value === service)!.label}`;
  switch (service) {
    case 'dynamodb': {
      const itemSize = await ask({ title: t, prompt: 'Item size (e.g. 6KB, 2.5 KB, 512B; at most 400 KB)', placeHolder: '6KB', validate: (v) => check(() => parseItemSizeKB(v)) });
      if (itemSize === undefined) return undefined;
      const per = await choose(t, 'Are the rates per second or per minute?', [
        { label: 'per second', value: 'second' as const },
        { label: 'per minute', value: 'minute' as const },
      ]);
      if (!per) return undefined;
      const reads = await ask({ title: t, prompt: `Reads per ${per} (0 for none)`, placeHolder: '100', value: '0', validate: nonNegative('reads') });
      if (reads === undefined) return undefined;
      let consistency: ReadConsistency | undefined = 'eventual';
      if (Number(reads.replace(/[,_]/g, '')) > 0) {
        consistency = await choose(t, 'How are the items read?', [
          { label: 'eventually consistent', description: 'the default: half a unit per 4 KB', value: 'eventual' as const },
          { label: 'strongly consistent', description: 'one unit per 4 KB', value: 'strong' as const },
          { label: 'transactional', description: 'TransactGetItems: two units per 4 KB', value: 'transactional' as const },
        ]);
        if (!consistency) return undefined;
      }
      const writes = await ask({ title: t, prompt: `Writes per ${per} (0 for none)`, placeHolder: '10', value: '0', validate: nonNegative('writes') });
      if (writes === undefined) return undefined;
      let writeMode: WriteMode | undefined = 'standard';
      if (Number(writes.replace(/[,_]/g, '')) > 0) {
        writeMode = await choose(t, 'How are the items written?', [
          { label: 'standard', description: 'one unit per 1 KB', value: 'standard' as const },
          { label: 'transactional', description: 'TransactWriteItems: two units per 1 KB', value: 'transactional' as const },
        ]);
        if (!writeMode) return undefined;
      }
      return { service, itemSize, per, reads, consistency, writes, writeMode };
    }
    case 'dynamodb-units': {
      const rcu = await ask({ title: t, prompt: 'Read capacity units (RCU; 0 for none)', placeHolder: '10', value: '0', validate: nonNegative('RCU') });
      if (rcu === undefined) return undefined;
      const wcu = await ask({ title: t, prompt: 'Write capacity units (WCU; 0 for none)', placeHolder: '5', value: '0', validate: nonNegative('WCU') });
      if (wcu === undefined) return undefined;
      const itemSize = await ask({ title: t, prompt: 'Item size (optional; leave empty for items up to 4 KB reads / 1 KB writes)', placeHolder: '6KB', validate: (v) => check(() => v.trim() && parseItemSizeKB(v)) });
      if (itemSize === undefined) return undefined;
      return { service, rcu, wcu, itemSize };
    }
    case 'kinesis': {
      const recordsPerSecond = await ask({ title: t, prompt: 'Records written per second', placeHolder: '2000', validate: (v) => check(() => parseNumber(v, 'records per second')) });
      if (recordsPerSecond === undefined) return undefined;
      const recordSize = await ask({ title: t, prompt: 'Average record size (e.g. 3KB, 512B; at most 1 MB)', placeHolder: '3KB', validate: (v) => check(() => kinesisReport({ recordsPerSecond, recordSize: v })) });
      if (recordSize === undefined) return undefined;
      const consumers = await ask({ title: t, prompt: 'Consumer applications that read the whole stream', placeHolder: '1', value: '1', validate: (v) => check(() => parseNumber(v, 'consumers', { integer: true, min: 1 })) });
      if (consumers === undefined) return undefined;
      const fanOut = await choose(t, 'How do the consumers read?', [
        { label: 'shared throughput', description: 'GetRecords polling: 2 MB/s per shard shared by all consumers', value: 'shared' as const },
        { label: 'enhanced fan-out', description: 'push: 2 MB/s per shard for each consumer', value: 'enhanced' as const },
      ]);
      if (!fanOut) return undefined;
      return { service, recordsPerSecond, recordSize, consumers, fanOut };
    }
    case 'sqs-fifo': {
      const messagesPerSecond = await ask({ title: t, prompt: 'Messages per second (each is sent, received and deleted)', placeHolder: '1000', validate: (v) => check(() => parseNumber(v, 'messages per second')) });
      if (messagesPerSecond === undefined) return undefined;
      const batchSize = await ask({ title: t, prompt: 'Messages per batch call (1–10)', placeHolder: '10', value: '1', validate: (v) => check(() => parseNumber(v, 'batch size', { integer: true, min: 1, max: 10 })) });
      if (batchSize === undefined) return undefined;
      return { service, messagesPerSecond, batchSize };
    }
    case 'lambda': {
      const requestsPerSecond = await ask({ title: t, prompt: 'Requests per second', placeHolder: '100', validate: (v) => check(() => parseNumber(v, 'requests per second')) });
      if (requestsPerSecond === undefined) return undefined;
      const duration = await ask({ title: t, prompt: 'Average duration (e.g. 200ms, 1.5s, 2m)', placeHolder: '200ms', validate: (v) => check(() => lambdaReport({ requestsPerSecond, duration: v })) });
      if (duration === undefined) return undefined;
      return { service, requestsPerSecond, duration };
    }
  }
}
