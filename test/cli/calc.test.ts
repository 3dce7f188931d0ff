import assert from 'node:assert/strict';
import { runCapacity } from '../../server/src/cli/capacity';
import { runCidr } from '../../server/src/cli/cidr';
import type { CliIO } from '../../server/src/cli/io';

/** A CliIO that records what a command printed. */
function fakeIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd: process.cwd(),
    out(t: string) {
      io.stdout += t.endsWith('\n') ? t : t + '\n';
    },
    err(t: string) {
      io.stderr += t.endsWith('\n') ? t : t + '\n';
    },
  };
  return io;
}

async function run(cmd: typeof runCidr, argv: string[]) {
  const io = fakeIO();
  const code = await cmd(argv, io);
  return { code, io, json: () => JSON.parse(io.stdout) };
}

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
    assert.match(io.stdout, /10\.16\.0\.0\/18\s+A\s+public/);
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
    assert.match(text.io.stdout, /10 strong \| 20 eventual/);
  });

  it('kinesis', async () => {
    const { code, json } = await run(runCapacity, ['kinesis', '--records', '2000', '--record-size', '3KB', '--consumers', '3', '--json']);
    assert.equal(code, 0);
    assert.equal(json().shards, 9);
    assert.equal(json().limitedBy, 'egress');
    const efo = await run(runCapacity, ['kinesis', '--records', '2000', '--record-size', '3KB', '--consumers', '3', '--fan-out', 'enhanced', '--json']);
    assert.equal(efo.json().shards, 6);
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
