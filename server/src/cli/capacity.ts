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
import { reportText, type CalcReport } from '../core/calc/report';
import { dynamoDbCapacityReport, dynamoDbUnitsBuyReport, kinesisShardsReport, lambdaConcurrencyReport, sqsFifoThroughputReport } from '../core/calc/reports';
import { calculatorCommand, EXIT, parseArgs, UsageError, type CliIO } from './io';

const USAGE = `Usage:
  aws-notes capacity dynamodb --item-size 6KB [--reads N | --reads-per-minute N]
                              [--consistency eventual|strong|transactional] [--writes N | --writes-per-minute N] [--transactional-writes]
                              [--per second|minute] [--write-mode standard|transactional] [--storage-gb N] [--json]
  aws-notes capacity dynamodb --rcu N [--wcu N] [--item-size 6KB] [--json]      (what the units buy)
  aws-notes capacity kinesis --records-per-second N --record-size 1KB [--consumers N] [--enhanced-fan-out] [--json]
                             (--records N and --fan-out shared|enhanced also work)
  aws-notes capacity sqs-fifo --messages N [--batch 1-10] [--json]
  aws-notes capacity lambda --requests N --duration 200ms [--json]`;

type Flags = Record<string, string | boolean | string[]>;

/** The core result (for --json) and its report (for text). */
interface Outcome {
  report: CalcReport;
  result: object;
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

/** Two spellings of one setting: give one, not both. */
function oneOf(flags: Flags, a: string, b: string): void {
  if (flags[a] !== undefined && flags[b] !== undefined) throw new UsageError(`give --${a} or --${b}, not both`);
}

const SERVICES: Record<string, { values: string[]; booleans?: string[]; run: (flags: Flags) => Outcome }> = {
  dynamodb: {
    values: ['item-size', 'reads', 'reads-per-minute', 'writes', 'writes-per-minute', 'per', 'consistency', 'write-mode', 'storage-gb', 'rcu', 'wcu'],
    booleans: ['transactional-writes'],
    run: (flags) => {
      const rcu = num(flags, 'rcu');
      const wcu = num(flags, 'wcu');
      if (rcu !== undefined || wcu !== undefined) {
        const loadFlags = ['reads', 'reads-per-minute', 'writes', 'writes-per-minute', 'per', 'consistency', 'write-mode', 'transactional-writes', 'storage-gb'].filter(
          (f) => flags[f] !== undefined,
        );
        if (loadFlags.length) throw new UsageError(`--rcu/--wcu ask what units buy; drop --${loadFlags.join(', --')}`);
        const r = dynamoDbUnitsBuy({ rcu, wcu, itemSize: str(flags, 'item-size') });
        return { report: dynamoDbUnitsBuyReport(r, str(flags, 'item-size')), result: r };
      }
      oneOf(flags, 'reads', 'reads-per-minute');
      oneOf(flags, 'writes', 'writes-per-minute');
      for (const f of ['reads-per-minute', 'writes-per-minute']) {
        if (flags[f] !== undefined && flags.per !== undefined) throw new UsageError(`--${f} already says "per minute"; drop --per`);
      }
      if (flags['transactional-writes'] && flags['write-mode'] !== undefined && flags['write-mode'] !== 'transactional') {
        throw new UsageError(`--transactional-writes contradicts --write-mode ${String(flags['write-mode'])}`);
      }
      const load = {
        reads: { perSecond: num(flags, 'reads'), perMinute: num(flags, 'reads-per-minute') },
        writes: { perSecond: num(flags, 'writes'), perMinute: num(flags, 'writes-per-minute') },
      };
      const given = Object.values(load).filter((l) => l.perSecond !== undefined || l.perMinute !== undefined);
      if (!given.length) {
        throw new UsageError('give --reads and/or --writes (--reads-per-minute and --writes-per-minute also work; --rcu/--wcu show what units buy)');
      }
      let per = str(flags, 'per') as RatePer | undefined;
      const preSteps: string[] = [];
      let reads = load.reads.perSecond;
      let writes = load.writes.perSecond;
      if (given.every((l) => l.perMinute !== undefined)) {
        // The whole load is per minute: the calculator shows the conversion itself.
        reads = load.reads.perMinute;
        writes = load.writes.perMinute;
        per = 'minute';
      } else {
        // Mixed: the per-second figures stay, the per-minute ones are converted here with the working shown.
        for (const [what, l] of Object.entries(load)) {
          if (l.perMinute === undefined) continue;
          const perSecond = l.perMinute / 60;
          preSteps.push(`Per minute → per second: ${fmt(l.perMinute)} ${what}/min ÷ 60 = ${fmt(perSecond, 3)} ${what}/s`);
          if (what === 'reads') reads = perSecond;
          else writes = perSecond;
        }
      }
      const writeMode = flags['transactional-writes'] ? 'transactional' : (str(flags, 'write-mode') as WriteMode | undefined);
      const r = dynamoDbCapacity({
        itemSize: required(str(flags, 'item-size'), 'item-size', '6KB'),
        reads,
        writes,
        per,
        consistency: str(flags, 'consistency') as ReadConsistency | undefined,
        writeMode,
        storageGB: num(flags, 'storage-gb'),
      });
      r.steps.unshift(...preSteps);
      return { report: dynamoDbCapacityReport(r, { reads: reads ?? 0, writes: writes ?? 0, per: per ?? 'second' }), result: r };
    },
  },
  kinesis: {
    values: ['records', 'records-per-second', 'record-size', 'consumers', 'fan-out'],
    booleans: ['enhanced-fan-out'],
    run: (flags) => {
      oneOf(flags, 'records', 'records-per-second');
      if (flags['enhanced-fan-out'] && flags['fan-out'] !== undefined && flags['fan-out'] !== 'enhanced') {
        throw new UsageError(`--enhanced-fan-out contradicts --fan-out ${String(flags['fan-out'])}`);
      }
      const records = flags.records !== undefined ? num(flags, 'records') : num(flags, 'records-per-second');
      const k = kinesisShards({
        recordsPerSecond: required(records, 'records-per-second', '2000'),
        recordSize: required(str(flags, 'record-size'), 'record-size', '1KB'),
        consumers: num(flags, 'consumers', { integer: true, min: 1 }),
        fanOut: flags['enhanced-fan-out'] ? 'enhanced' : (str(flags, 'fan-out') as FanOut | undefined),
      });
      // The JSON names (ingestShards, egressShards) sit beside the calculator's own.
      return { report: kinesisShardsReport(k), result: { ...k, ingestShards: k.shardsForIngest, egressShards: k.shardsForEgress } };
    },
  },
  'sqs-fifo': {
    values: ['messages', 'batch'],
    run: (flags) => {
      const r = sqsFifoThroughput({
        messagesPerSecond: required(num(flags, 'messages'), 'messages', '2000'),
        batchSize: num(flags, 'batch', { integer: true, min: 1 }),
      });
      return { report: sqsFifoThroughputReport(r), result: r };
    },
  },
  lambda: {
    values: ['requests', 'duration'],
    run: (flags) => {
      const r = lambdaConcurrency({
        requestsPerSecond: required(num(flags, 'requests'), 'requests', '100'),
        averageDurationSeconds: parseDurationSeconds(required(str(flags, 'duration'), 'duration', '200ms')),
      });
      return { report: lambdaConcurrencyReport(r), result: r };
    },
  },
};


export const runCapacity = calculatorCommand('capacity', USAGE, (e) => e instanceof CalcError, run);

function run(argv: string[], io: CliIO): number {
  const [service, ...rest] = argv;
  if (service === '--help' || service === '-h' || service === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!service || service.startsWith('-')) throw new UsageError('name a service: dynamodb, kinesis, sqs-fifo or lambda');
  const spec = SERVICES[service];
  if (!spec) throw new UsageError(`unknown service '${service}'; choose dynamodb, kinesis, sqs-fifo or lambda`);
  const { flags, positional } = parseArgs(rest, { values: spec.values, booleans: ['json', 'help', ...(spec.booleans ?? [])] });
  if (flags.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const { report, result } = spec.run(flags);
  io.out(flags.json ? JSON.stringify({ service, ...result }, null, 2) : reportText(report));
  return EXIT.ok;
}
