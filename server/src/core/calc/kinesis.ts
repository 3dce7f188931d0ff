/**
 * Kinesis Data Streams shard count for a provisioned stream. Follows AWS's sizing formula
 * (shards = max(write KB/s ÷ 1,024, read KB/s ÷ 2,048)) and adds the 1,000 records/s write
 * limit, which binds first for small records. 1 MB = 1,024 KB (Kinesis quotas are MiB).
 */
import { CalcError, ceilSafe, checkEnum, fmt, fmtKB, parseNumber, parseSizeKB, plural, round } from './util';

export type FanOut = 'shared' | 'enhanced';

/** Per-shard write limits. */
const SHARD_WRITE_KB_PER_SECOND = 1024;
const SHARD_WRITE_RECORDS_PER_SECOND = 1000;
/** Per-shard read limit: shared by all polling consumers, or per consumer with enhanced fan-out. */
const SHARD_READ_KB_PER_SECOND = 2048;
/** GetRecords calls per shard per second, shared by every shared-throughput consumer. */
const SHARD_GETRECORDS_PER_SECOND = 5;
/** Enhanced fan-out consumers per provisioned (or On-demand Standard) stream. */
const MAX_ENHANCED_CONSUMERS = 20;
/** Default maximum record (data blob) size. */
const MAX_RECORD_KB = 1024;

export interface KinesisInput {
  recordsPerSecond: number;
  /** A number is KB; strings may carry units ("3KB", "512B"). */
  recordSize: number | string;
  /** Applications reading the whole stream; default 1. */
  consumers?: number;
  /** Default 'shared'. */
  fanOut?: FanOut;
}

export type KinesisLimit = 'ingest-bytes' | 'ingest-records' | 'egress';

export interface KinesisShards {
  recordsPerSecond: number;
  recordSizeKB: number;
  consumers: number;
  fanOut: FanOut;
  ingestKBPerSecond: number;
  ingestMBPerSecond: number;
  shardsForIngestBytes: number;
  shardsForIngestRecords: number;
  shardsForIngest: number;
  /** Read throughput the shards must serve: ingest × consumers when shared, ingest per consumer when enhanced. */
  egressKBPerSecond: number;
  shardsForEgress: number;
  shards: number;
  /** Which limit decided the shard count. */
  limitedBy: KinesisLimit;
  steps: string[];
  warnings: string[];
}

/** Shards needed for a write/read load. Throws CalcError on bad input. */
export function kinesisShards(input: KinesisInput): KinesisShards {
  const records = parseNumber(input.recordsPerSecond, 'records per second');
  const sizeKB = parseSizeKB(input.recordSize, 'record size');
  const consumers = parseNumber(input.consumers ?? 1, 'consumers', { integer: true, min: 1 });
  const fanOut = checkEnum(input.fanOut, ['shared', 'enhanced'] as const, 'fan-out', 'shared');
  const steps: string[] = [];
  const warnings: string[] = [];
  if (sizeKB > MAX_RECORD_KB) throw new CalcError(`record size ${fmt(sizeKB, 3)} KB is over Kinesis's default 1 MB (1,024 KB) record limit`);

  const ingestKB = records * sizeKB;
  const byBytes = ceilSafe(ingestKB / SHARD_WRITE_KB_PER_SECOND);
  const byRecords = ceilSafe(records / SHARD_WRITE_RECORDS_PER_SECOND);
  const forIngest = Math.max(byBytes, byRecords);
  steps.push(`Ingest: ${fmt(records)} records/s × ${fmtKB(sizeKB)} = ${fmt(ingestKB, 3)} KB/s = ${fmt(ingestKB / 1024, 3)} MB/s`);
  steps.push(`Write limit by size: 1 MB/s (1,024 KB/s) per shard → ${fmt(ingestKB, 3)} ÷ 1,024 → round up → ${plural(byBytes, 'shard')}`);
  steps.push(`Write limit by count: 1,000 records/s per shard → ${fmt(records)} ÷ 1,000 → round up → ${plural(byRecords, 'shard')}`);
  steps.push(`Ingest needs the larger: ${plural(forIngest, 'shard')} (${byRecords > byBytes ? 'record count' : 'data size'} binds)`);

  let egressKB: number;
  let forEgress: number;
  if (fanOut === 'shared') {
    egressKB = ingestKB * consumers;
    forEgress = ceilSafe(egressKB / SHARD_READ_KB_PER_SECOND);
    steps.push(
      `Egress (shared throughput): every consumer reads everything, sharing 2 MB/s (2,048 KB/s) per shard → ` +
        `${fmt(ingestKB, 3)} KB/s × ${plural(consumers, 'consumer')} = ${fmt(egressKB, 3)} KB/s ÷ 2,048 → round up → ${plural(forEgress, 'shard')}`,
    );
    if (consumers > SHARD_GETRECORDS_PER_SECOND) {
      warnings.push(
        `${consumers} shared consumers share ${SHARD_GETRECORDS_PER_SECOND} GetRecords calls/s per shard, so polling will throttle and add latency; consider enhanced fan-out`,
      );
    }
  } else {
    egressKB = ingestKB;
    forEgress = ceilSafe(egressKB / SHARD_READ_KB_PER_SECOND);
    steps.push(
      `Egress (enhanced fan-out): each consumer gets its own 2 MB/s per shard → ${fmt(ingestKB, 3)} KB/s ÷ 2,048 → ${plural(forEgress, 'shard')}, ` +
        `never more than ingest, so consumers add no shards`,
    );
    if (consumers > MAX_ENHANCED_CONSUMERS) {
      warnings.push(`a provisioned stream can register at most ${MAX_ENHANCED_CONSUMERS} enhanced fan-out consumers; ${consumers} requested`);
    }
  }

  const shards = Math.max(1, forIngest, forEgress);
  const limitedBy: KinesisLimit = forEgress > forIngest ? 'egress' : byRecords > byBytes ? 'ingest-records' : 'ingest-bytes';
  steps.push(`Shards = max(ingest ${forIngest}, egress ${forEgress}${forIngest === 0 && forEgress === 0 ? ', minimum 1' : ''}) = ${plural(shards, 'shard')}`);

  return {
    recordsPerSecond: records,
    recordSizeKB: sizeKB,
    consumers,
    fanOut,
    ingestKBPerSecond: round(ingestKB),
    ingestMBPerSecond: round(ingestKB / 1024),
    shardsForIngestBytes: byBytes,
    shardsForIngestRecords: byRecords,
    shardsForIngest: forIngest,
    egressKBPerSecond: round(egressKB),
    shardsForEgress: forEgress,
    shards,
    limitedBy,
    steps,
    warnings,
  };
}
