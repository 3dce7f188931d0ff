import assert from 'node:assert/strict';
import { plain } from '../../server/src/core/calc/report';
import { dynamoDbUnitsReport } from '../../server/src/core/calc/reports';
import { runCapacity } from '../../server/src/cli/capacity';
import { runCidr } from '../../server/src/cli/cidr';
import { fakeIO, runCli } from './fakeIO';
import { main } from '../../server/src/cli/main';

const run = runCli;

describe('cli: aws-notes cidr', () => {
  it('prints the documented JSON shape for one block', async () => {
    const { code, json } = await run(runCidr, ['10.16.1.0/20', '--json']);
    assert.equal(code, 0);
    const j = json();
    for (const key of ['cidr', 'network', 'lastAddress', 'prefix', 'netmask', 'totalAddresses', 'usableAddresses', 'reserved', 'firstUsable', 'lastUsable', 'validVpc', 'private', 'aligned', 'steps']) {
      assert.ok(key in j, key);
    }
    assert.equal(j.cidr, '10.16.0.0/20');
    assert.equal(j.aligned, false);
    assert.equal(j.netmask, '255.255.240.0');
    assert.equal(j.totalAddresses, 4096);
    assert.equal(j.usableAddresses, 4091);
    assert.deepEqual(j.reserved, ['10.16.0.0', '10.16.0.1', '10.16.0.2', '10.16.0.3', '10.16.15.255']);
    assert.equal(j.validVpc, true);
    assert.equal(j.private, true);
    assert.ok(Array.isArray(j.steps) && j.steps.length > 3);
    assert.equal(j.subnets, undefined);
  });

  it('plans AZs × tiers', async () => {
    const { code, json } = await run(runCidr, ['10.16.0.0/16', '--azs', '4', '--tiers', 'reserved,db,app,web', '--json']);
    assert.equal(code, 0);
    const j = json();
    assert.equal(j.subnets.length, 16);
    assert.deepEqual(j.subnets[0], {
      cidr: '10.16.0.0/20',
      az: 'A',
      tier: 'reserved',
      totalAddresses: 4096,
      usableAddresses: 4091,
      firstUsable: '10.16.0.4',
      lastUsable: '10.16.15.254',
    });
    assert.equal(j.subnets[15].cidr, '10.16.240.0/20');
    assert.equal(j.plan.subnetPrefix, 20);
  });

  it('splits with --new-prefix and --split', async () => {
    const a = await run(runCidr, ['10.0.0.0/16', '--new-prefix', '/18', '--json']);
    assert.equal(a.code, 0);
    assert.deepEqual(
      a.json().subnets.map((s: { cidr: string }) => s.cidr),
      ['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18', '10.0.192.0/18'],
    );
    const b = await run(runCidr, ['10.0.0.0/16', '--split', '3', '--json']);
    assert.equal(b.json().subnets.length, 3);
    assert.deepEqual(b.json().unused, ['10.0.192.0/18']);
  });

  it('evaluates Fn::Cidr', async () => {
    const { code, json } = await run(runCidr, ['10.0.0.0/16', '--fn-cidr', '6,8', '--json']);
    assert.equal(code, 0);
    assert.deepEqual(json().fnCidr.blocks, ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24', '10.0.5.0/24']);
    const bad = await run(runCidr, ['10.0.0.0/16', '--fn-cidr', '300,8']);
    assert.equal(bad.code, 2);
    assert.match(bad.io.stderr, /between 1 and 256/);
  });

  it('checks overlaps, repeated or listed', async () => {
    const { code, json } = await run(runCidr, ['10.0.0.0/16', '--overlaps', '10.0.1.0/24', '192.168.0.0/16', '--overlaps', '10.0.0.0/8', '--json']);
    assert.equal(code, 0);
    assert.deepEqual(
      json().overlaps.map((o: { cidr: string; overlap: boolean }) => [o.cidr, o.overlap]),
      [
        ['10.0.1.0/24', true],
        ['10.0.0.0/8', true],
        ['192.168.0.0/16', false],
      ],
    );
  });

  it('prints readable text with the working and a subnet table', async () => {
    const { code, io } = await run(runCidr, ['10.16.0.0/16', '--azs', '2', '--tiers', 'public,private']);
    assert.equal(code, 0);
    assert.match(io.stdout, /Working:/);
    assert.match(io.stdout, /65,531 usable/);
    assert.match(io.stdout, /A\s+public\s+10\.16\.0\.0\/18/);
    assert.match(io.stdout, /Usable/);
  });

  it('keeps IPv6 counts exact in JSON', async () => {
    const { json } = await run(runCidr, ['2001:db8::/56', '--json']);
    assert.equal(json().totalAddresses, (2n ** 72n).toString());
    assert.equal(json().usableAddresses, (2n ** 72n - 5n).toString());
    const small = await run(runCidr, ['2001:db8::/120', '--json']);
    assert.equal(small.json().totalAddresses, 256);
  });

  it('exits 2 with a clear message on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give a CIDR/],
      [['nope'], /not a CIDR block/],
      [['10.0.0.0/33'], /\/0 to \/32/],
      [['10.0.0.0/16', '10.1.0.0/16'], /expected one CIDR/],
      [['10.0.0.0/16', '--split', '2', '--new-prefix', '20'], /only one of/],
      [['10.0.0.0/16', '--azs', '3'], /--tiers/],
      [['10.0.0.0/16', '--split', 'x'], /whole number/],
      [['10.0.0.0/16', '--bogus'], /unknown option --bogus/],
      [['10.0.0.0/24', '--azs', '3', '--tiers', 'a,b,c,d,e,f'], /too small/],
      [['10.0.0.0/16', '--overlaps', 'zzz'], /not a CIDR/],
    ];
    for (const [argv, re] of cases) {
      const { code, io } = await run(runCidr, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(io.stderr, re, argv.join(' '));
      assert.equal(io.stdout, '', argv.join(' '));
    }
  });

  it('JSON has every key issue 6 lists, and subnet rows carry cidr, az, tier and usableAddresses', async () => {
    const issueKeys = ['cidr', 'network', 'lastAddress', 'prefix', 'netmask', 'totalAddresses', 'usableAddresses', 'reserved', 'firstUsable', 'lastUsable', 'validVpc', 'private'];
    const one = (await run(runCidr, ['192.168.1.0/24', '--json'])).json();
    for (const key of issueKeys) assert.ok(key in one, key);
    assert.equal(one.cidr, '192.168.1.0/24');
    assert.equal(one.network, '192.168.1.0');
    assert.equal(one.lastAddress, '192.168.1.255');
    assert.equal(one.prefix, 24);
    assert.equal(one.netmask, '255.255.255.0');
    assert.equal(one.totalAddresses, 256);
    assert.equal(one.usableAddresses, 251);
    assert.equal(one.reserved.length, 5);
    assert.equal(one.firstUsable, '192.168.1.4');
    assert.equal(one.lastUsable, '192.168.1.254');
    assert.equal(one.validVpc, true);
    assert.equal(one.private, true);
    assert.equal('subnets' in one, false);

    const split = (await run(runCidr, ['10.0.0.0/24', '--split', '4', '--json'])).json();
    for (const key of issueKeys) assert.ok(key in split, key);
    assert.equal(split.subnets.length, 4);
    for (const s of split.subnets) {
      assert.equal(typeof s.cidr, 'string');
      assert.equal(s.usableAddresses, 59);
      assert.equal('az' in s, false);
      assert.equal('tier' in s, false);
    }
    const plan = (await run(runCidr, ['10.16.0.0/16', '--azs', '2', '--tiers', 'web,app', '--json'])).json();
    assert.deepEqual(
      plan.subnets.map((s: { cidr: string; az: string; tier: string; usableAddresses: number }) => [s.cidr, s.az, s.tier, s.usableAddresses]),
      [
        ['10.16.0.0/18', 'A', 'web', 16379],
        ['10.16.64.0/18', 'A', 'app', 16379],
        ['10.16.128.0/18', 'B', 'web', 16379],
        ['10.16.192.0/18', 'B', 'app', 16379],
      ],
    );
  });

  it('--help exits 0', async () => {
    const { code, io } = await run(runCidr, ['--help']);
    assert.equal(code, 0);
    assert.match(io.stdout, /Usage: aws-notes cidr/);
  });
});

describe('cli: aws-notes capacity', () => {
  it('dynamodb: worked examples as JSON', async () => {
    const { code, json } = await run(runCapacity, ['dynamodb', '--item-size', '6KB', '--reads', '100', '--consistency', 'strong', '--json']);
    assert.equal(code, 0);
    const j = json();
    assert.equal(j.service, 'dynamodb');
    assert.equal(j.rcu, 200);
    assert.equal(j.wcu, 0);
    assert.ok(j.steps.length > 0);
    const w = (await run(runCapacity, ['dynamodb', '--item-size', '2.5KB', '--writes', '10', '--json'])).json();
    assert.equal(w.wcu, 30);
    const m = (await run(runCapacity, ['dynamodb', '--item-size', '4KB', '--reads', '120', '--per', 'minute', '--consistency', 'strong', '--json'])).json();
    assert.equal(m.rcu, 2);
  });

  it('dynamodb --rcu/--wcu shows what the units buy', async () => {
    const { code, json, io } = await run(runCapacity, ['dynamodb', '--rcu', '10', '--wcu', '5', '--json']);
    assert.equal(code, 0, io.stderr);
    assert.equal(json().strongReadsPerSecond, 10);
    assert.equal(json().eventualReadsPerSecond, 20);
    const text = await run(runCapacity, ['dynamodb', '--rcu', '10']);
    // The same report the editor's Capacity Calculator shows, as text.
    assert.equal(text.io.stdout.split('\n')[0], plain(dynamoDbUnitsReport({ rcu: 10 }).highlights![0]));
    assert.match(text.io.stdout, /10 strong \/ 20 eventual/);
  });

  it('kinesis', async () => {
    const { code, json } = await run(runCapacity, ['kinesis', '--records', '2000', '--record-size', '3KB', '--consumers', '3', '--json']);
    assert.equal(code, 0);
    assert.equal(json().shards, 9);
    assert.equal(json().limitedBy, 'egress');
    const efo = await run(runCapacity, ['kinesis', '--records', '2000', '--record-size', '3KB', '--consumers', '3', '--fan-out', 'enhanced', '--json']);
    assert.equal(efo.json().shards, 6);
  });

  it('dynamodb: the flags and JSON keys issue 6 specifies', async () => {
    // --reads with --consistency strong: 6 KB → 2 units × 100 = 200 RCU.
    const strong = (await run(runCapacity, ['dynamodb', '--item-size', '6KB', '--reads', '100', '--consistency', 'strong', '--json'])).json();
    for (const key of ['rcu', 'wcu', 'steps']) assert.ok(key in strong, key);
    assert.equal(strong.rcu, 200);
    assert.ok(Array.isArray(strong.steps) && strong.steps.length > 0);
    // Other keys are still there.
    assert.equal(strong.readUnitsPerItem, 2);
    assert.ok(strong.onDemand && strong.partitions);

    // --reads-per-minute: 6,000 eventual reads/min of 6 KB → 100/s × 2 units ÷ 2 = 100 RCU.
    const perMin = await run(runCapacity, ['dynamodb', '--item-size', '6KB', '--reads-per-minute', '6000', '--json']);
    assert.equal(perMin.code, 0, perMin.io.stderr);
    assert.equal(perMin.json().rcu, 100);
    assert.equal(perMin.json().readsPerSecond, 100);
    assert.match(perMin.json().steps.join('\n'), /6,000 reads\/min ÷ 60 = 100 reads\/s/);

    // --reads-per-minute with --writes: the writes stay per second.
    const mixed = (await run(runCapacity, ['dynamodb', '--item-size', '2KB', '--reads-per-minute', '120', '--consistency', 'strong', '--writes', '10', '--json'])).json();
    assert.equal(mixed.rcu, 2); // 2 reads/s × 1 unit
    assert.equal(mixed.wcu, 20); // 10 writes/s × 2 units
    assert.match(mixed.steps[0], /120 reads\/min ÷ 60 = 2 reads\/s/);

    // --consistency transactional and --transactional-writes: 5 KB → 2 read units, 5 write units, both doubled.
    const tx = (await run(runCapacity, ['dynamodb', '--item-size', '5KB', '--reads', '5', '--consistency', 'transactional', '--writes', '3', '--transactional-writes', '--json'])).json();
    assert.equal(tx.rcu, 20);
    assert.equal(tx.wcu, 30);
    assert.equal(tx.writeMode, 'transactional');
    const std = (await run(runCapacity, ['dynamodb', '--item-size', '5KB', '--writes', '3', '--json'])).json();
    assert.equal(std.wcu, 15);
    assert.equal(std.writeMode, 'standard');

    // --consistency eventual is the default.
    const ev = (await run(runCapacity, ['dynamodb', '--item-size', '12KB', '--reads', '16', '--consistency', 'eventual', '--json'])).json();
    assert.equal(ev.rcu, 24);
  });

  it('dynamodb: alias misuse is a usage error', async () => {
    const cases: [string[], RegExp][] = [
      [['dynamodb', '--item-size', '6KB', '--reads', '1', '--reads-per-minute', '60'], /--reads or --reads-per-minute, not both/],
      [['dynamodb', '--item-size', '6KB', '--reads-per-minute', '60', '--per', 'second'], /drop --per/],
      [['dynamodb', '--item-size', '6KB', '--writes', '1', '--transactional-writes', '--write-mode', 'standard'], /contradicts/],
      [['dynamodb', '--rcu', '10', '--transactional-writes'], /drop --transactional-writes/],
      [['dynamodb', '--item-size', '6KB', '--reads-per-minute', 'lots'], /must be a number/],
    ];
    for (const [argv, re] of cases) {
      const { code, io } = await run(runCapacity, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(io.stderr, re, argv.join(' '));
    }
  });

  it('kinesis: the flags and JSON keys issue 6 specifies', async () => {
    const { code, json, io } = await run(runCapacity, ['kinesis', '--records-per-second', '2000', '--record-size', '1KB', '--json']);
    assert.equal(code, 0, io.stderr);
    const j = json();
    for (const key of ['shards', 'ingestShards', 'egressShards', 'steps']) assert.ok(key in j, key);
    // 2,000 × 1 KB = 2,000 KB/s → 2 ingest shards (by size and by count); 2,000 ÷ 2,048 → 1 egress shard.
    assert.equal(j.shards, 2);
    assert.equal(j.ingestShards, 2);
    assert.equal(j.egressShards, 1);
    assert.ok(j.steps.length > 0);
    // The calculator's own names are kept.
    assert.equal(j.shardsForIngest, 2);
    assert.equal(j.shardsForEgress, 1);
    assert.equal(j.limitedBy, 'ingest-bytes');

    // Shared: 3 consumers × 2,000 KB/s = 6,000 KB/s ÷ 2,048 → 3 egress shards.
    const shared = (await run(runCapacity, ['kinesis', '--records-per-second', '2000', '--record-size', '1KB', '--consumers', '3', '--json'])).json();
    assert.equal(shared.egressShards, 3);
    assert.equal(shared.shards, 3);
    // --enhanced-fan-out: each consumer has its own 2 MB/s, so egress falls back to 1 shard.
    const efo = (await run(runCapacity, ['kinesis', '--records-per-second', '2000', '--record-size', '1KB', '--consumers', '3', '--enhanced-fan-out', '--json'])).json();
    assert.equal(efo.fanOut, 'enhanced');
    assert.equal(efo.egressShards, 1);
    assert.equal(efo.shards, 2);
    // Same answer through the older spellings.
    const old = (await run(runCapacity, ['kinesis', '--records', '2000', '--record-size', '1KB', '--consumers', '3', '--fan-out', 'enhanced', '--json'])).json();
    assert.equal(old.shards, efo.shards);
    assert.equal(old.ingestShards, 2);
  });

  it('kinesis: alias misuse is a usage error', async () => {
    const cases: [string[], RegExp][] = [
      [['kinesis', '--records', '10', '--records-per-second', '10', '--record-size', '1KB'], /not both/],
      [['kinesis', '--records-per-second', '10', '--record-size', '1KB', '--enhanced-fan-out', '--fan-out', 'shared'], /contradicts/],
      [['kinesis', '--record-size', '1KB'], /--records-per-second is required/],
    ];
    for (const [argv, re] of cases) {
      const { code, io } = await run(runCapacity, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(io.stderr, re, argv.join(' '));
    }
  });

  it('--help shows the issue 6 flags', async () => {
    const { code, io } = await run(runCapacity, ['--help']);
    assert.equal(code, 0);
    for (const flag of ['--reads-per-minute', '--transactional-writes', '--records-per-second', '--enhanced-fan-out', '--consistency']) assert.ok(io.stdout.includes(flag), flag);
  });

  it('sqs-fifo and lambda', async () => {
    const s = await run(runCapacity, ['sqs-fifo', '--messages', '2000', '--batch', '10', '--json']);
    assert.equal(s.code, 0);
    assert.equal(s.json().withinLimit, true);
    const l = await run(runCapacity, ['lambda', '--requests', '100', '--duration', '200ms', '--json']);
    assert.equal(l.code, 0);
    assert.equal(l.json().concurrency, 20);
  });

  it('text output shows a summary and the working', async () => {
    const { code, io } = await run(runCapacity, ['dynamodb', '--item-size', '6KB', '--reads', '100', '--consistency', 'strong']);
    assert.equal(code, 0);
    assert.match(io.stdout, /Provisioned: 200 RCU/);
    assert.match(io.stdout, /Working:/);
  });

  it('exits 2 with a clear message on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [[], /name a service/],
      [['redshift'], /unknown service/],
      [['dynamodb', '--reads', '100'], /--item-size is required/],
      [['dynamodb', '--item-size', '6KB'], /--reads and\/or --writes/],
      [['dynamodb', '--item-size', '500KB', '--reads', '1'], /400 KB/],
      [['dynamodb', '--item-size', '6KB', '--reads', '1', '--consistency', 'sorta'], /eventual, strong, transactional/],
      [['dynamodb', '--item-size', '6KB', '--reads', 'lots'], /must be a number/],
      [['dynamodb', '--rcu', '10', '--reads', '5'], /drop --reads/],
      [['kinesis', '--records', '10'], /--record-size is required/],
      [['kinesis', '--records', '10', '--record-size', '1KB', '--shards', '2'], /unknown option --shards/],
      [['sqs-fifo', '--messages', '10', '--batch', '11'], /at most 10/],
      [['lambda', '--requests', '10', '--duration', '20min'], /900 s/],
    ];
    for (const [argv, re] of cases) {
      const { code, io } = await run(runCapacity, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(io.stderr, re, argv.join(' '));
    }
  });
});

describe('cli: aws-notes --help', () => {
  it('USAGE shows the real cidr and capacity flags', async () => {
    const io = fakeIO(process.cwd());
    assert.equal(await main(['--help'], io), 0);
    for (const flag of ['--new-prefix', '--split', '--azs', '--tiers', '--fn-cidr', '--overlaps', '--item-size', '--reads-per-minute', '--consistency', '--writes', '--transactional-writes', '--records-per-second', '--record-size', '--enhanced-fan-out', '--consumers']) {
      assert.ok(io.stdout.includes(flag), flag);
    }
  });
});
