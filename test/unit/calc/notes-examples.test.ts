/**
 * Every worked calculation found in the sample study notes (../shared/notes), recomputed with our
 * calculators. Each test restates the example in our own words; the comment names the note file
 * (by its numeric prefix) and line. Where a note's arithmetic or rule is wrong, the test asserts the
 * correct value and says what the note got wrong. `001` repeats many `000` passages; both places
 * are named where they match.
 */
import assert from 'node:assert/strict';
import {
  analyzeCidr,
  cidrContains,
  cidrOverlap,
  dynamoDbCapacity,
  dynamoDbUnitsBuy,
  findOverlaps,
  kinesisShards,
  lambdaConcurrency,
  planVpcSubnets,
  splitCidr,
  sqsFifoThroughput,
} from '../../../server/src/core/calc';

describe('calc: worked examples from the study notes', () => {
  describe('DynamoDB provisioned capacity', () => {
    // 002:861 — 6 KB rows read 100 times a second, strongly consistent: 2 read units per row → 200 RCU.
    it('002:861 6 KB × 100 strong reads/s = 200 RCU', () => {
      const r = dynamoDbCapacity({ itemSize: '6KB', reads: 100, consistency: 'strong' });
      assert.equal(r.readUnitsPerItem, 2);
      assert.equal(r.rcu, 200);
    });

    // 002:862 — the same load eventually consistent halves it → 100 RCU.
    it('002:862 same load eventually consistent = 100 RCU', () => {
      assert.equal(dynamoDbCapacity({ itemSize: '6KB', reads: 100, consistency: 'eventual' }).rcu, 100);
    });

    // 002:858-859 and 002:939 — 1 WCU = one 1 KB write/s; 1 RCU = one strong or two eventual 4 KB reads/s.
    // A table created with 5 RCU / 5 WCU therefore serves 5 strong or 10 eventual reads/s and 5 writes/s of small items.
    it('002:858-859, 002:939 what 5 RCU / 5 WCU buy', () => {
      const b = dynamoDbUnitsBuy({ rcu: 5, wcu: 5 });
      assert.equal(b.strongReadsPerSecond, 5);
      assert.equal(b.eventualReadsPerSecond, 10);
      assert.equal(b.standardWritesPerSecond, 5);
      assert.equal(dynamoDbUnitsBuy({ rcu: 1, itemSize: '4KB' }).strongReadsPerSecond, 1);
      assert.equal(dynamoDbUnitsBuy({ wcu: 1, itemSize: '1KB' }).standardWritesPerSecond, 1);
    });

    // 004:252-253 — ten 2 KB writes a second: 2 write units each → 20 WCU.
    it('004:252-253 10 writes/s × 2 KB = 20 WCU', () => {
      const r = dynamoDbCapacity({ itemSize: '2KB', writes: 10 });
      assert.equal(r.writeUnitsPerItem, 2);
      assert.equal(r.wcu, 20);
    });

    // 004:254-255 — six 4.5 KB writes a second: 4.5 KB rounds up to 5 write units → 30 WCU.
    it('004:254-255 6 writes/s × 4.5 KB = 30 WCU', () => {
      const r = dynamoDbCapacity({ itemSize: '4.5KB', writes: 6 });
      assert.equal(r.writeUnitsPerItem, 5);
      assert.equal(r.wcu, 30);
    });

    // 004:256-257 — 120 writes a minute of 2 KB items: 2 writes/s × 2 units → 4 WCU.
    it('004:256-257 120 writes/min × 2 KB = 4 WCU', () => {
      const r = dynamoDbCapacity({ itemSize: '2KB', writes: 120, per: 'minute' });
      assert.equal(r.writesPerSecond, 2);
      assert.equal(r.wcu, 4);
    });

    // 004:260-261 — ten 4 KB strongly consistent reads a second: 1 unit each → 10 RCU.
    it('004:260-261 10 strong reads/s × 4 KB = 10 RCU', () => {
      assert.equal(dynamoDbCapacity({ itemSize: '4KB', reads: 10, consistency: 'strong' }).rcu, 10);
    });

    // 004:262-263 — sixteen 12 KB eventually consistent reads a second: 3 units × 16 ÷ 2 → 24 RCU.
    it('004:262-263 16 eventual reads/s × 12 KB = 24 RCU', () => {
      const r = dynamoDbCapacity({ itemSize: '12KB', reads: 16, consistency: 'eventual' });
      assert.equal(r.readUnitsPerItem, 3);
      assert.equal(r.rcu, 24);
    });

    // 004:264-265 — ten 6 KB strong reads a second: 6 KB rounds up to 8 KB = 2 units → 20 RCU.
    // The note writes "10 × (6/4) = 10 × (8/4)"; the first equality is shorthand for rounding up (10 × 1.5 would be 15).
    it('004:264-265 10 strong reads/s × 6 KB = 20 RCU (not 10 × 6/4 = 15)', () => {
      const r = dynamoDbCapacity({ itemSize: '6KB', reads: 10, consistency: 'strong' });
      assert.equal(r.readUnitsPerItem, 2);
      assert.equal(r.rcu, 20);
      assert.notEqual(r.rcu, 15);
    });

    // 004:258 — the rule says read sizes are rounded to the *nearest* multiple of 4 KB. DynamoDB rounds *up*:
    // a 5 KB item costs 2 read units (nearest would give 1), as the note's own 004:288 example assumes.
    it('004:258 read sizes round up to the next 4 KB, not to the nearest', () => {
      assert.equal(dynamoDbCapacity({ itemSize: '5KB', reads: 1, consistency: 'strong' }).readUnitsPerItem, 2);
      assert.equal(dynamoDbCapacity({ itemSize: '4.1KB', reads: 1, consistency: 'strong' }).readUnitsPerItem, 2);
      assert.equal(dynamoDbCapacity({ itemSize: '1KB', reads: 1, consistency: 'strong' }).readUnitsPerItem, 1);
    });

    // 004:283 — transactions cost twice the units of the standard operation.
    // 004:285-286 — three 5 KB transactional writes a second: 2 × 3 × 5 units → 30 WCU.
    it('004:285-286 3 transactional writes/s × 5 KB = 30 WCU', () => {
      const r = dynamoDbCapacity({ itemSize: '5KB', writes: 3, writeMode: 'transactional' });
      assert.equal(r.wcu, 30);
      assert.equal(dynamoDbCapacity({ itemSize: '5KB', writes: 3 }).wcu, 15);
    });

    // 004:287-288 — five 5 KB transactional reads a second: 5 KB → 2 units, × 5 × 2 → 20 RCU.
    it('004:287-288 5 transactional reads/s × 5 KB = 20 RCU', () => {
      const r = dynamoDbCapacity({ itemSize: '5KB', reads: 5, consistency: 'transactional' });
      assert.equal(r.rcu, 20);
      assert.equal(dynamoDbCapacity({ itemSize: '5KB', reads: 5, consistency: 'strong' }).rcu, 10);
    });
  });

  describe('CIDR and subnets', () => {
    // 000:5-10 / 001:5-10 — networks already in use at the example company.
    const inUse = ['192.168.10.0/24', '10.0.0.0/16', '172.31.0.0/16', '192.168.15.0/24', '192.168.20.0/24', '192.168.24.0/24', '10.128.0.0/9'];

    it('000:5-10 / 001:5-10 the existing networks do not overlap each other', () => {
      assert.deepEqual(findOverlaps(inUse), []);
      const google = analyzeCidr('10.128.0.0/9');
      assert.equal(google.network, '10.128.0.0');
      assert.equal(google.lastAddress, '10.255.255.255');
    });

    // 000:17 — pick VPC ranges from 10.16.0.0/16 up to 10.127.0.0/16 so none clash with those networks;
    // 000:16 — (3 + 1 + 1) regions × 2 ranges × 4 accounts = 40 ranges are needed.
    it('000:16-17 10.16–10.127 gives 112 clash-free /16 ranges, enough for the 40 needed', () => {
      const needed = (3 + 1 + 1) * 2 * 4;
      assert.equal(needed, 40);
      const candidates = Array.from({ length: 127 - 16 + 1 }, (_, i) => `10.${16 + i}.0.0/16`);
      assert.equal(candidates.length, 112);
      for (const c of candidates) {
        for (const used of inUse) assert.equal(cidrOverlap(c, used).overlap, false, `${c} vs ${used}`);
      }
      assert.ok(candidates.length >= needed);
      // One step past either end clashes: 10.128.0.0/16 is inside the previous vendor's /9.
      assert.equal(cidrOverlap('10.128.0.0/16', '10.128.0.0/9').overlap, true);
      assert.equal(cidrOverlap('10.0.0.0/16', '10.0.0.0/16').overlap, true);
    });

    // 000:26-32 — 10.16.0.0/16 over 4 AZs (A, B, C and a future one) × 4 tiers (reserved, db, app, web) → sixteen /20s,
    // AZ by AZ: AZ A holds 10.16.0.0, .16, .32, .48; AZ B starts at 10.16.64.0; the last is 10.16.240.0/20.
    it('000:26-32 10.16.0.0/16 → 4 AZs × 4 tiers = sixteen /20 subnets of 4,091 usable addresses', () => {
      const plan = planVpcSubnets({ vpcCidr: '10.16.0.0/16', azs: 4, tiers: ['reserved', 'db', 'app', 'web'] });
      assert.equal(plan.subnetPrefix, 20);
      assert.equal(plan.subnets.length, 16);
      assert.equal(plan.usablePerSubnet, 4091);
      const grid = [0, 1, 2, 3].map((az) => plan.subnets.slice(az * 4, az * 4 + 4).map((s) => s.cidr));
      assert.deepEqual(grid, [
        ['10.16.0.0/20', '10.16.16.0/20', '10.16.32.0/20', '10.16.48.0/20'],
        ['10.16.64.0/20', '10.16.80.0/20', '10.16.96.0/20', '10.16.112.0/20'],
        ['10.16.128.0/20', '10.16.144.0/20', '10.16.160.0/20', '10.16.176.0/20'],
        ['10.16.192.0/20', '10.16.208.0/20', '10.16.224.0/20', '10.16.240.0/20'],
      ]);
      // 000:133-139 and 000:189-200 draw the db/app/web columns of AZs A–C from the same grid.
      const dbAppWeb = ['10.16.16.0/20', '10.16.32.0/20', '10.16.48.0/20', '10.16.80.0/20', '10.16.96.0/20', '10.16.112.0/20', '10.16.144.0/20', '10.16.160.0/20', '10.16.176.0/20'];
      for (const c of dbAppWeb) {
        assert.ok(plan.subnets.some((s) => s.cidr === c && s.tier !== 'reserved'), c);
        assert.equal(cidrContains('10.16.0.0/16', c), true);
      }
      assert.deepEqual(findOverlaps(dbAppWeb), []);
    });

    // 000:58-62 / 001:23-25 — the private ranges and their first/last addresses.
    it('000:58-62 / 001:23-25 RFC 1918 ranges and link-local', () => {
      const cases: [string, string, string, boolean][] = [
        ['10.0.0.0/8', '10.0.0.0', '10.255.255.255', true],
        ['172.16.0.0/12', '172.16.0.0', '172.31.255.255', true],
        ['192.168.0.0/16', '192.168.0.0', '192.168.255.255', true],
        // Link-local is not one of the RFC 1918 private ranges.
        ['169.254.0.0/16', '169.254.0.0', '169.254.255.255', false],
      ];
      for (const [cidr, first, last, isPrivate] of cases) {
        const info = analyzeCidr(cidr);
        assert.equal(info.network, first, cidr);
        assert.equal(info.lastAddress, last, cidr);
        assert.equal(info.private, isPrivate, cidr);
      }
    });

    // 000:67, 000:93 / 001:30, 001:51 — the default VPC is 172.31.0.0/16 and holds sixteen /20 subnets.
    it('000:93 / 001:51 172.31.0.0/16 splits into 16 × /20', () => {
      const vpc = analyzeCidr('172.31.0.0/16');
      assert.equal(vpc.validVpc, true);
      assert.equal(vpc.private, true);
      const split = splitCidr('172.31.0.0/16', { newPrefix: 20 });
      assert.equal(split.subnets.length, 16);
      assert.equal(split.subnets[15].cidr, '172.31.240.0/20');
    });

    // 000:72-74 / 001:33-35 — the first three default /20 subnets and their ranges (4 subnet bits in the third octet).
    // 000:78-81 / 001:39-42 — a fourth one follows at 172.31.48.0/20.
    it('000:72-81 / 001:33-42 default /20 subnets and their ranges', () => {
      const split = splitCidr('172.31.0.0/16', { newPrefix: 20 });
      const ranges = split.subnets.slice(0, 4).map((s) => [s.cidr, s.network, s.lastAddress]);
      assert.deepEqual(ranges, [
        ['172.31.0.0/20', '172.31.0.0', '172.31.15.255'],
        ['172.31.16.0/20', '172.31.16.0', '172.31.31.255'],
        ['172.31.32.0/20', '172.31.32.0', '172.31.47.255'],
        ['172.31.48.0/20', '172.31.48.0', '172.31.63.255'],
      ]);
      // The note's binary view of the third octet: the top 4 bits count the subnet (0000, 0001, 0010).
      assert.deepEqual([0, 16, 32].map((o) => o.toString(2).padStart(8, '0').slice(0, 4)), ['0000', '0001', '0010']);
    });

    // 000:84 / 001:45 — 10.0.0.0/16 and 10.1.0.0/16 can be peered because they do not overlap.
    it('000:84 / 001:45 10.0.0.0/16 and 10.1.0.0/16 are disjoint', () => {
      const r = cidrOverlap('10.0.0.0/16', '10.1.0.0/16');
      assert.equal(r.overlap, false);
      assert.equal(r.relation, 'disjoint');
    });

    // 000:89 / 001:49 — the smallest VPC is /28 (16 addresses) and the largest /16 (65,536).
    it('000:89 / 001:49 /28 = 16 addresses, /16 = 65,536', () => {
      const small = analyzeCidr('10.0.0.0/28');
      const big = analyzeCidr('10.0.0.0/16');
      assert.equal(small.totalAddresses, 16);
      assert.equal(big.totalAddresses, 65536);
      assert.equal(small.usableAddresses, 11);
      assert.equal(big.usableAddresses, 65531);
      assert.equal(small.validVpc && big.validVpc, true);
      assert.equal(analyzeCidr('10.0.0.0/29').validVpc, false);
      assert.equal(analyzeCidr('10.0.0.0/15').validVpc, false);
    });

    // 000:115-120 — the five reserved addresses of 10.16.0.0/20. The note ends the list with 10.16.31.255, which
    // is wrong: a /20 holds 4,096 addresses, so the block ends at 10.16.15.255 (10.16.31.255 ends the next /20,
    // 10.16.16.0/20). The note also calls it the broadcast address; VPCs have no broadcast, AWS just holds the last one.
    it('000:115-120 reserved addresses of 10.16.0.0/20 end at 10.16.15.255, not 10.16.31.255', () => {
      const info = analyzeCidr('10.16.0.0/20');
      assert.deepEqual(info.reserved, ['10.16.0.0', '10.16.0.1', '10.16.0.2', '10.16.0.3', '10.16.15.255']);
      assert.equal(info.lastAddress, '10.16.15.255');
      assert.ok(!info.reserved.includes('10.16.31.255'));
      assert.equal(analyzeCidr('10.16.16.0/20').lastAddress, '10.16.31.255');
      assert.equal(info.usableAddresses, 4091);
      // 000:101 — the VPC router is base + 1.
      assert.equal(info.reserved[1], '10.16.0.1');
    });

    // 000:1008-1026 / 001:383-401 — a 10.0.0.0/16 VPC with four /24 subnets (two public, two private).
    it('000:1008-1026 / 001:383-401 four /24 subnets inside 10.0.0.0/16, disjoint, 251 usable each', () => {
      const subnets = ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24'];
      assert.deepEqual(findOverlaps(subnets), []);
      for (const s of subnets) {
        assert.equal(cidrContains('10.0.0.0/16', s), true, s);
        const info = analyzeCidr(s);
        assert.equal(info.usableAddresses, 251, s);
        assert.equal(info.validVpc, true, s);
      }
    });
  });

  describe('Kinesis Data Streams', () => {
    // 002:2063-2067 — per shard: 1,000 records/s and 1 MB/s in, 2 MB/s and 5 read calls/s out.
    it('002:2066 1,000 records/s per shard: 1,000 tiny records fit one shard, 1,001 need two', () => {
      assert.equal(kinesisShards({ recordsPerSecond: 1000, recordSize: '100B' }).shards, 1);
      const over = kinesisShards({ recordsPerSecond: 1001, recordSize: '100B' });
      assert.equal(over.shards, 2);
      assert.equal(over.limitedBy, 'ingest-records');
    });

    it('002:2067 1 MB/s in per shard: 512 × 2 KB fits one shard, 513 × 2 KB needs two', () => {
      assert.equal(kinesisShards({ recordsPerSecond: 512, recordSize: '2KB' }).shards, 1);
      const over = kinesisShards({ recordsPerSecond: 513, recordSize: '2KB' });
      assert.equal(over.shards, 2);
      assert.equal(over.limitedBy, 'ingest-bytes');
    });

    // 000:1444 / 001:819 — shared consumers split 2 MB/s per shard; 000:1450 / 001:825 — enhanced fan-out gives each 2 MB/s.
    it('000:1444-1450 / 001:819-825 shared vs enhanced fan-out egress', () => {
      // 1 MB/s in (1,000 × 1 KB is just under), three consumers: shared needs 3 MB/s out → 2 shards.
      const shared = kinesisShards({ recordsPerSecond: 1000, recordSize: '1KB', consumers: 3 });
      assert.equal(shared.shardsForIngest, 1);
      assert.equal(shared.shardsForEgress, 2);
      assert.equal(shared.shards, 2);
      const efo = kinesisShards({ recordsPerSecond: 1000, recordSize: '1KB', consumers: 3, fanOut: 'enhanced' });
      assert.equal(efo.shards, 1);
      // Two shared consumers exactly use the 2 MB/s.
      assert.equal(kinesisShards({ recordsPerSecond: 1024, recordSize: '1KB', consumers: 2 }).shardsForEgress, 1);
    });

    // 002:2064 — 5 read calls per second per shard are shared by polling consumers: a sixth consumer throttles.
    it('002:2064 more than 5 shared consumers get a throttling warning', () => {
      assert.equal(kinesisShards({ recordsPerSecond: 10, recordSize: '1KB', consumers: 5 }).warnings.length, 0);
      assert.match(kinesisShards({ recordsPerSecond: 10, recordSize: '1KB', consumers: 6 }).warnings.join(' '), /GetRecords/);
    });

    // 000:1454-1458 / 001:829-832 — 100 trucks spread over 5 shards: 20 per shard, and at most 5 consumers read in
    // parallel (one per shard). 004:149 — likewise 4 shards allow at most 4 KCL workers.
    it('000:1454-1458 / 001:829-832 100 trucks over 5 shards = 20 per shard', () => {
      assert.equal(100 / 5, 20);
      assert.equal(Math.min(5, 100), 5);
    });
  });

  describe('SQS FIFO and Lambda', () => {
    // 000:1420 / 001:795 / 003:1853 / 002:1978 — FIFO: 300 messages/s unbatched, 3,000 with batches of 10.
    it('000:1420 / 001:795 / 003:1853 / 002:1978 FIFO 300 msg/s unbatched, 3,000 batched', () => {
      assert.equal(sqsFifoThroughput({ messagesPerSecond: 300 }).maxMessagesPerSecond, 300);
      assert.equal(sqsFifoThroughput({ messagesPerSecond: 300 }).withinLimit, true);
      assert.equal(sqsFifoThroughput({ messagesPerSecond: 301 }).withinLimit, false);
      const batched = sqsFifoThroughput({ messagesPerSecond: 3000, batchSize: 10 });
      assert.equal(batched.maxMessagesPerSecond, 3000);
      assert.equal(batched.withinLimit, true);
      assert.equal(sqsFifoThroughput({ messagesPerSecond: 3001, batchSize: 10 }).withinLimit, false);
    });

    // 002:1754-1757, 003:1931, 004:195, 004:226 — 1,000 concurrent executions per Region by default.
    it('002:1757 / 003:1931 / 004:226 default Lambda concurrency 1,000', () => {
      const at = lambdaConcurrency({ requestsPerSecond: 1000, averageDurationSeconds: 1 });
      assert.equal(at.concurrency, 1000);
      assert.equal(at.exceedsDefaultQuota, false);
      // 500 requests/s lasting 3 s each need 1,500 concurrent executions: over the default.
      const over = lambdaConcurrency({ requestsPerSecond: 500, averageDurationSeconds: 3 });
      assert.equal(over.concurrency, 1500);
      assert.equal(over.exceedsDefaultQuota, true);
    });
  });

  describe('other arithmetic in the notes (no calculator; checked by hand)', () => {
    // 000:438 — gp2: 5.4 million I/O credits last 30 minutes at 3,000 IOPS; baseline is 3 IOPS per GB, so 100 GB → 300.
    it('000:438 gp2 credits and baseline', () => {
      assert.equal(5_400_000 / 3000 / 60, 30);
      assert.equal(100 * 3, 300);
    });

    // 000:440 — gp3 max throughput 1,000 MB/s is 4 × gp2's 250 MB/s; 000:442 — 64,000 IOPS is 4 × gp2's 16,000.
    // (000:442's io2 figure of 500 IOPS/GB is outdated: io2 Block Express allows 1,000 IOPS/GiB up to 256,000 — see ERRATA.)
    it('000:440-442 EBS ratios', () => {
      assert.equal(1000 / 250, 4);
      assert.equal(64_000 / 16_000, 4);
      assert.equal(64_000 * 4, 256_000);
    });

    // 000:446 — st1 500 IOPS of 1 MB = 500 MB/s.
    it('000:446 st1 500 IOPS × 1 MB = 500 MB/s', () => {
      assert.equal(500 * 1, 500);
    });

    // 002:603 — listing 2,500 objects with 1,000 per page takes 3 calls.
    it('002:603 2,500 objects / 1,000 per page = 3 calls', () => {
      assert.equal(Math.ceil(2500 / 1000), 3);
    });

    // 002:1090 — a 3-node Redshift cluster running a day bills 72 node hours.
    it('002:1090 3 nodes × 24 h = 72 node hours', () => {
      assert.equal(3 * 24, 72);
    });

    // 002:1253 — 11 nines of durability: 10 million objects lose one object every 10,000 years on average.
    it('002:1253 10 million objects at 11 nines → 1 loss per 10,000 years', () => {
      const lossesPerYear = 10_000_000 * 1e-11;
      assert.ok(Math.abs(1 / lossesPerYear - 10_000) < 1e-6);
    });

    // 003:1688 — 99.99% availability allows 52.56 minutes down a year (the note rounds to 53).
    it('003:1688 99.99% → 52.56 ≈ 53 minutes a year', () => {
      const minutes = 365 * 24 * 60 * (1 - 0.9999);
      assert.ok(Math.abs(minutes - 52.56) < 1e-6);
      assert.equal(Math.round(minutes), 53);
    });

    // 002:1608 — 10,000 requests per second is 10 per millisecond.
    it('002:1608 10,000 rps = 10 per ms', () => {
      assert.equal(10_000 / 1000, 10);
    });

    // 003:627 — EFS bursting: 50 MiB/s baseline per TiB (50 KiB/s per GiB × 1,024 GiB), bursting to 100.
    // The note writes "mbps"; the unit is MiB/s, not megabits per second.
    it('003:627 EFS bursting 1 TiB → 50 MiB/s baseline', () => {
      assert.equal((50 * 1024) / 1024, 50);
      assert.equal(2 * 50, 100);
    });

    // 003:822-824 — cross-zone load balancing. With it on, traffic is even across instances; with it off, each AZ gets
    // an equal share, split among its instances. The note mixes two set-ups: "10% each" (on) fits 2 + 8 = 10 instances,
    // while "25, 25 and 10 × 5" (off) describes 2 + 5 = 7 instances, where cross-zone on would give 100/7 ≈ 14.3% each.
    it('003:822-824 cross-zone: 10% each needs 10 instances; 2 + 5 instances give 14.3% on, 25% / 10% off', () => {
      const share = (azCounts: number[], crossZone: boolean) =>
        crossZone
          ? azCounts.map(() => 100 / azCounts.reduce((a, b) => a + b, 0))
          : azCounts.map((n) => 100 / azCounts.length / n);
      assert.deepEqual(share([2, 5], false), [25, 10]);
      assert.ok(Math.abs(share([2, 5], true)[0] - 14.2857) < 1e-3);
      assert.deepEqual(share([2, 8], true), [10, 10]);
      assert.deepEqual(share([2, 8], false), [25, 6.25]);
    });
  });
});
