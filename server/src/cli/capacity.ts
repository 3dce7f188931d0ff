import {
  CalcError,
  dynamoDbCapacity,
  dynamoDbUnitsBuy,
  fmt,
  kinesisShards,
  lambdaConcurrency,
  parseDurationSeconds,
  parseNumber,
  sqsFifoThroughput,
  type FanOut,
  type ReadConsistency,
  type RatePer,
  type WriteMode,
} from '../core/calc';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';

const USAGE = `Usage:
  aws-notes capacity dynamodb --item-size 6KB [--reads N] [--writes N] [--per second|minute]
                              [--consistency eventual|strong|transactional] [--write-mode standard|transactional]
                              [--storage-gb N] [--json]
  aws-notes capacity dynamodb --rcu N [--wcu N] [--item-size 6KB] [--json]      (what the units buy)
  aws-notes capacity kinesis --records N --record-size 3KB [--consumers N] [--fan-out shared|enhanced] [--json]
  aws-notes capacity sqs-fifo --messages N [--batch 1-10] [--json]
  aws-notes capacity lambda --requests N --duration 200ms [--json]`;

type Flags = Record<string, string | boolean | string[]>;

/** A summary line or two, plus the core result for --json. */
interface Outcome {
  summary: string[];
  result: { steps: string[]; warnings?: string[] };
}

const str = (flags: Flags, name: string): string | undefined => (flags[name] === undefined ? undefined : String(flags[name]));

function num(flags: Flags, name: string, opts: { integer?: boolean; min?: number } = {}): number | undefined {
  const v = str(flags, name);
  return v === undefined ? undefined : parseNumber(v, `--${name}`, opts);
}

function required<T>(value: T | undefined, name: string, example: string): T {
  if (value === undefined) throw new UsageError(`--${name} is required, e.g. --${name} ${example}`);
  return value;
}

const SERVICES: Record<string, { values: string[]; run: (flags: Flags) => Outcome }> = {
  dynamodb: {
    values: ['item-size', 'reads', 'writes', 'per', 'consistency', 'write-mode', 'storage-gb', 'rcu', 'wcu'],
    run: (flags) => {
      const rcu = num(flags, 'rcu');
      const wcu = num(flags, 'wcu');
      if (rcu !== undefined || wcu !== undefined) {
        const loadFlags = ['reads', 'writes', 'per', 'consistency', 'write-mode', 'storage-gb'].filter((f) => flags[f] !== undefined);
        if (loadFlags.length) throw new UsageError(`--rcu/--wcu ask what units buy; drop --${loadFlags.join(', --')}`);
        const r = dynamoDbUnitsBuy({ rcu, wcu, itemSize: str(flags, 'item-size') });
        const readSize = r.itemSizeKB === null ? 'up to 4 KB' : `${fmt(r.itemSizeKB, 3)} KB`;
        const writeSize = r.itemSizeKB === null ? 'up to 1 KB' : `${fmt(r.itemSizeKB, 3)} KB`;
        return {
          summary: [
            `Reads/s (${readSize}):  ${fmt(r.strongReadsPerSecond, 3)} strong | ${fmt(r.eventualReadsPerSecond, 3)} eventual | ${fmt(r.transactionalReadsPerSecond, 3)} transactional`,
            `Writes/s (${writeSize}): ${fmt(r.standardWritesPerSecond, 3)} standard | ${fmt(r.transactionalWritesPerSecond, 3)} transactional`,
          ],
          result: r,
        };
      }
      const reads = num(flags, 'reads');
      const writes = num(flags, 'writes');
      if (reads === undefined && writes === undefined) throw new UsageError('give --reads and/or --writes (or --rcu/--wcu to see what units buy)');
      const r = dynamoDbCapacity({
        itemSize: required(str(flags, 'item-size'), 'item-size', '6KB'),
        reads,
        writes,
        per: str(flags, 'per') as RatePer | undefined,
        consistency: str(flags, 'consistency') as ReadConsistency | undefined,
        writeMode: str(flags, 'write-mode') as WriteMode | undefined,
        storageGB: num(flags, 'storage-gb'),
      });
      return {
        summary: [
          `Provisioned: ${fmt(r.rcu)} RCU (${r.consistency} reads), ${fmt(r.wcu)} WCU (${r.writeMode} writes)`,
          `On-demand:   ${fmt(r.onDemand.readRequestUnitsPerSecond, 3)} RRU/s, ${fmt(r.onDemand.writeRequestUnitsPerSecond, 3)} WRU/s`,
          `Partitions:  ${fmt(r.partitions.count)}`,
        ],
        result: r,
      };
    },
  },
  kinesis: {
    values: ['records', 'record-size', 'consumers', 'fan-out'],
    run: (flags) => {
      const r = kinesisShards({
        recordsPerSecond: required(num(flags, 'records'), 'records', '2000'),
        recordSize: required(str(flags, 'record-size'), 'record-size', '3KB'),
        consumers: num(flags, 'consumers', { integer: true, min: 1 }),
        fanOut: str(flags, 'fan-out') as FanOut | undefined,
      });
      return {
        summary: [
          `Shards: ${fmt(r.shards)} (ingest ${r.shardsForIngest}, egress ${r.shardsForEgress}; limited by ${r.limitedBy})`,
          `Ingest ${fmt(r.ingestMBPerSecond, 3)} MB/s; egress ${fmt(r.egressKBPerSecond / 1024, 3)} MB/s (${r.fanOut})`,
        ],
        result: r,
      };
    },
  },
  'sqs-fifo': {
    values: ['messages', 'batch'],
    run: (flags) => {
      const r = sqsFifoThroughput({
        messagesPerSecond: required(num(flags, 'messages'), 'messages', '2000'),
        batchSize: num(flags, 'batch', { integer: true, min: 1 }),
      });
      return {
        summary: [
          `${fmt(r.apiCallsPerSecond)} calls/s per action at batch ${r.batchSize}: ${r.withinLimit ? 'within' : 'over'} the ${r.callLimitPerSecond} calls/s FIFO limit (max ${fmt(r.maxMessagesPerSecond)} messages/s)`,
        ],
        result: r,
      };
    },
  },
  lambda: {
    values: ['requests', 'duration'],
    run: (flags) => {
      const r = lambdaConcurrency({
        requestsPerSecond: required(num(flags, 'requests'), 'requests', '100'),
        averageDurationSeconds: parseDurationSeconds(required(str(flags, 'duration'), 'duration', '200ms')),
      });
      return { summary: [`Concurrency: ${fmt(r.concurrency)} concurrent executions`], result: r };
    },
  },
};

export async function runCapacity(argv: string[], io: CliIO): Promise<number> {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof CalcError) {
      io.err(`aws-notes capacity: ${e.message}`);
      if (e instanceof UsageError) io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}

function run(argv: string[], io: CliIO): number {
  const [service, ...rest] = argv;
  if (service === '--help' || service === '-h' || service === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!service || service.startsWith('-')) throw new UsageError('name a service: dynamodb, kinesis, sqs-fifo or lambda');
  const spec = SERVICES[service];
  if (!spec) throw new UsageError(`unknown service '${service}'; choose dynamodb, kinesis, sqs-fifo or lambda`);
  const { flags, positional } = parseArgs(rest, { values: spec.values, booleans: ['json', 'help'] });
  if (flags.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const { summary, result } = spec.run(flags);
  if (flags.json) {
    io.out(JSON.stringify({ service, ...result }, null, 2));
    return EXIT.ok;
  }
  const out = [...summary, '', 'Working:', ...result.steps.map((s, i) => `  ${i + 1}. ${s}`)];
  if (result.warnings?.length) out.push('', 'Warnings:', ...result.warnings.map((w) => `  ! ${w}`));
  io.out(out.join('\n'));
  return EXIT.ok;
}
