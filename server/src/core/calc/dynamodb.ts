/**
 * DynamoDB capacity maths: provisioned RCU/WCU, on-demand request units, the classic partition
 * estimate, and the reverse ("what does 10 RCU buy?"). 1 KB here is 1,024 bytes, as in the
 * DynamoDB docs.
 */
import { CalcError, ceilSafe, checkEnum, fmt, fmtKB, parseNumber, parseSizeKB, plural, round, roundedUp } from './util';

export type ReadConsistency = 'eventual' | 'strong' | 'transactional';
export type WriteMode = 'standard' | 'transactional';
export type RatePer = 'second' | 'minute';

/** Reads are billed in 4 KB units, writes in 1 KB units. */
const READ_UNIT_KB = 4;
const WRITE_UNIT_KB = 1;
/** DynamoDB's maximum item size (attribute names and values together). */
export const MAX_ITEM_KB = 400;
/** Per-partition limits used by the classic partition estimate. */
const PARTITION_RCU = 3000;
const PARTITION_WCU = 1000;
const PARTITION_GB = 10;
/** On-demand monthly figures assume a 30-day month. */
const SECONDS_PER_MONTH = 30 * 24 * 60 * 60;

export interface DynamoDbInput {
  /** Item size: a number is KB; strings may carry units ("6KB", "2.5 KB", "512B"). */
  itemSize: number | string;
  reads?: number;
  writes?: number;
  /** Whether `reads`/`writes` are per second (default) or per minute. */
  per?: RatePer;
  /** Default 'eventual', DynamoDB's default for reads. */
  consistency?: ReadConsistency;
  /** Default 'standard'. */
  writeMode?: WriteMode;
  /** Table size, for the storage side of the partition estimate. */
  storageGB?: number;
}

export interface DynamoDbCapacity {
  itemSizeKB: number;
  readsPerSecond: number;
  writesPerSecond: number;
  consistency: ReadConsistency;
  writeMode: WriteMode;
  /** 4 KB units one read of this item consumes (before the consistency factor). */
  readUnitsPerItem: number;
  /** 1 KB units one write of this item consumes (before the transactional factor). */
  writeUnitsPerItem: number;
  /** Provisioned read capacity units, rounded up. */
  rcu: number;
  /** Provisioned write capacity units, rounded up. */
  wcu: number;
  onDemand: {
    readRequestUnitsPerSecond: number;
    writeRequestUnitsPerSecond: number;
    readRequestUnitsPerMonth: number;
    writeRequestUnitsPerMonth: number;
  };
  partitions: {
    /** RCU/3,000 + WCU/1,000, unrounded. */
    forThroughput: number;
    /** GB/10, unrounded; null when no storage was given. */
    forStorage: number | null;
    count: number;
  };
  storageGB: number | null;
  steps: string[];
}

/** Reads per read/s per 4 KB unit: strong 1, eventual ½, transactional 2. */
const READ_FACTOR: Record<ReadConsistency, number> = { strong: 1, eventual: 0.5, transactional: 2 };
const WRITE_FACTOR: Record<WriteMode, number> = { standard: 1, transactional: 2 };

/** Item size in KB, rejecting sizes over DynamoDB's 400 KB item limit. */
export function parseItemSizeKB(value: number | string): number {
  const kb = parseSizeKB(value, 'item size');
  if (kb > MAX_ITEM_KB + 1e-9) throw new CalcError(`item size ${fmt(kb, 3)} KB exceeds DynamoDB's ${MAX_ITEM_KB} KB item limit`);
  return kb;
}

/** Capacity for a read/write load. Throws CalcError on bad input (including items over 400 KB). */
export function dynamoDbCapacity(input: DynamoDbInput): DynamoDbCapacity {
  const itemKB = parseItemSizeKB(input.itemSize);
  const per = checkEnum(input.per, ['second', 'minute'] as const, 'per', 'second');
  const consistency = checkEnum(input.consistency, ['eventual', 'strong', 'transactional'] as const, 'consistency', 'eventual');
  const writeMode = checkEnum(input.writeMode, ['standard', 'transactional'] as const, 'write mode', 'standard');
  const reads = parseNumber(input.reads ?? 0, 'reads');
  const writes = parseNumber(input.writes ?? 0, 'writes');
  const storageGB = input.storageGB === undefined ? null : parseNumber(input.storageGB, 'storage GB');
  const steps: string[] = [];

  const divisor = per === 'minute' ? 60 : 1;
  const readsPerSecond = reads / divisor;
  const writesPerSecond = writes / divisor;
  if (per === 'minute') {
    steps.push(`Per minute → per second: ${fmt(reads)} reads/min ÷ 60 = ${fmt(readsPerSecond, 3)} reads/s; ${fmt(writes)} writes/min ÷ 60 = ${fmt(writesPerSecond, 3)} writes/s`);
  }

  const readUnitsPerItem = ceilSafe(itemKB / READ_UNIT_KB);
  const writeUnitsPerItem = ceilSafe(itemKB / WRITE_UNIT_KB);
  steps.push(`Reads count in 4 KB units: ${fmtKB(itemKB)} ÷ 4 → round up → ${plural(readUnitsPerItem, 'unit')} per read`);
  steps.push(`Writes count in 1 KB units: ${fmtKB(itemKB)} → round up → ${plural(writeUnitsPerItem, 'unit')} per write`);

  const readUnitsPerSecond = readsPerSecond * readUnitsPerItem * READ_FACTOR[consistency];
  const rcu = ceilSafe(readUnitsPerSecond);
  const base = `${fmt(readsPerSecond, 3)} reads/s × ${readUnitsPerItem}`;
  const readTotal = `${fmt(readUnitsPerSecond, 3)}${roundedUp(rcu, readUnitsPerSecond) ? ` → round up → ${fmt(rcu)}` : ''} RCU`;
  steps.push(
    consistency === 'strong'
      ? `Strongly consistent: 1 RCU per 4 KB unit per read/s → ${base} = ${readTotal}`
      : consistency === 'eventual'
        ? `Eventually consistent: half of strong, rounded up at the end → ${base} ÷ 2 = ${readTotal}`
        : `Transactional reads cost 2× strong → ${base} × 2 = ${readTotal}`,
  );

  const writeUnitsPerSecond = writesPerSecond * writeUnitsPerItem * WRITE_FACTOR[writeMode];
  const wcu = ceilSafe(writeUnitsPerSecond);
  const writeTotal = `${fmt(writeUnitsPerSecond, 3)}${roundedUp(wcu, writeUnitsPerSecond) ? ` → round up → ${fmt(wcu)}` : ''} WCU`;
  const wbase = `${fmt(writesPerSecond, 3)} writes/s × ${writeUnitsPerItem}`;
  steps.push(
    writeMode === 'standard'
      ? `Standard writes: 1 WCU per 1 KB unit per write/s → ${wbase} = ${writeTotal}`
      : `Transactional writes cost 2× → ${wbase} × 2 = ${writeTotal}`,
  );

  // On-demand bills the same unit maths per request, without rounding the per-second total.
  const onDemand = {
    readRequestUnitsPerSecond: round(readUnitsPerSecond),
    writeRequestUnitsPerSecond: round(writeUnitsPerSecond),
    readRequestUnitsPerMonth: Math.round(readUnitsPerSecond * SECONDS_PER_MONTH),
    writeRequestUnitsPerMonth: Math.round(writeUnitsPerSecond * SECONDS_PER_MONTH),
  };
  steps.push(
    `On-demand, same load: ${fmt(onDemand.readRequestUnitsPerSecond, 3)} read request units/s and ${fmt(onDemand.writeRequestUnitsPerSecond, 3)} write request units/s ` +
      `(× 2,592,000 s in a 30-day month = ${fmt(onDemand.readRequestUnitsPerMonth)} RRU and ${fmt(onDemand.writeRequestUnitsPerMonth)} WRU)`,
  );

  const forThroughput = rcu / PARTITION_RCU + wcu / PARTITION_WCU;
  const forStorage = storageGB === null ? null : storageGB / PARTITION_GB;
  const count = Math.max(1, ceilSafe(Math.max(forThroughput, forStorage ?? 0)));
  steps.push(
    `Partitions (classic estimate; one partition serves 3,000 RCU, 1,000 WCU and 10 GB): ` +
      `${fmt(rcu)}/3,000 + ${fmt(wcu)}/1,000 = ${fmt(forThroughput, 3)} for throughput` +
      (forStorage === null ? '' : `, ${fmt(storageGB ?? 0)} GB/10 = ${fmt(forStorage, 3)} for storage`) +
      ` → ${plural(count, 'partition')}`,
  );

  return {
    itemSizeKB: itemKB,
    readsPerSecond: round(readsPerSecond),
    writesPerSecond: round(writesPerSecond),
    consistency,
    writeMode,
    readUnitsPerItem,
    writeUnitsPerItem,
    rcu,
    wcu,
    onDemand,
    partitions: { forThroughput: round(forThroughput), forStorage: forStorage === null ? null : round(forStorage), count },
    storageGB,
    steps,
  };
}

export interface DynamoDbUnitsInput {
  rcu?: number;
  wcu?: number;
  /** Optional item size; without it the answer is for items up to 4 KB (reads) / 1 KB (writes). */
  itemSize?: number | string;
}

export interface DynamoDbUnitsBuy {
  rcu: number;
  wcu: number;
  itemSizeKB: number | null;
  readUnitsPerItem: number;
  writeUnitsPerItem: number;
  strongReadsPerSecond: number;
  eventualReadsPerSecond: number;
  transactionalReadsPerSecond: number;
  standardWritesPerSecond: number;
  transactionalWritesPerSecond: number;
  steps: string[];
}

/** What N RCU / N WCU buy per second. Throws CalcError on bad input. */
export function dynamoDbUnitsBuy(input: DynamoDbUnitsInput): DynamoDbUnitsBuy {
  const rcu = parseNumber(input.rcu ?? 0, 'RCU');
  const wcu = parseNumber(input.wcu ?? 0, 'WCU');
  const itemKB = input.itemSize === undefined ? null : parseItemSizeKB(input.itemSize);
  const readUnitsPerItem = itemKB === null ? 1 : ceilSafe(itemKB / READ_UNIT_KB);
  const writeUnitsPerItem = itemKB === null ? 1 : ceilSafe(itemKB / WRITE_UNIT_KB);
  const steps: string[] = [];
  const readSize = itemKB === null ? 'up to 4 KB' : `${fmtKB(itemKB)} (${plural(readUnitsPerItem, '4 KB unit')})`;
  const writeSize = itemKB === null ? 'up to 1 KB' : `${fmtKB(itemKB)} (${plural(writeUnitsPerItem, '1 KB unit')})`;

  const strong = rcu / readUnitsPerItem;
  const r = {
    strongReadsPerSecond: round(strong),
    eventualReadsPerSecond: round(strong * 2),
    transactionalReadsPerSecond: round(strong / 2),
  };
  if (itemKB !== null) steps.push(`A ${fmtKB(itemKB)} item → ${readUnitsPerItem} read unit(s) (4 KB) and ${writeUnitsPerItem} write unit(s) (1 KB)`);
  steps.push(
    `${fmt(rcu)} RCU = ${fmt(r.strongReadsPerSecond, 3)} strongly consistent or ${fmt(r.eventualReadsPerSecond, 3)} eventually consistent ` +
      `or ${fmt(r.transactionalReadsPerSecond, 3)} transactional reads/s of ${readSize}`,
  );
  const standard = wcu / writeUnitsPerItem;
  const w = { standardWritesPerSecond: round(standard), transactionalWritesPerSecond: round(standard / 2) };
  steps.push(`${fmt(wcu)} WCU = ${fmt(w.standardWritesPerSecond, 3)} standard or ${fmt(w.transactionalWritesPerSecond, 3)} transactional writes/s of ${writeSize}`);
  return { rcu, wcu, itemSizeKB: itemKB, readUnitsPerItem, writeUnitsPerItem, ...r, ...w, steps };
}
