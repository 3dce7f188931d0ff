import assert from 'node:assert/strict';
import { runCapacity } from '../../server/src/cli/capacity';
import { runCidr } from '../../server/src/cli/cidr';
import { runCli } from './fakeIO';

const run = runCli;

describe('cli: capacity dynamodb --writes-per-minute', () => {
  it('is accepted like --reads-per-minute, alone or with reads', async () => {
    // 1,200 standard writes/min of 3 KB → 20/s × 3 units = 60 WCU.
    const w = await run(runCapacity, ['dynamodb', '--item-size', '3KB', '--writes-per-minute', '1200', '--json']);
    assert.equal(w.code, 0, w.io.stderr);
    assert.equal(w.json().wcu, 60);
    // Both per minute: 6,000 eventual reads/min of 6 KB → 100 RCU; 600 writes/min of 1 KB → 10 WCU.
    const both = (await run(runCapacity, ['dynamodb', '--item-size', '1KB', '--reads-per-minute', '6000', '--writes-per-minute', '600', '--json'])).json();
    assert.equal(both.rcu, 50);
    assert.equal(both.wcu, 10);
    // Mixed: reads per second stay, writes per minute are converted with the working shown.
    const mixed = (await run(runCapacity, ['dynamodb', '--item-size', '1KB', '--reads', '10', '--writes-per-minute', '300', '--json'])).json();
    assert.equal(mixed.wcu, 5);
    assert.match(mixed.steps.join('\n'), /300 writes\/min ÷ 60 = 5 writes\/s/);
  });

  it('refuses --writes with --writes-per-minute, and --per with it', async () => {
    const a = await run(runCapacity, ['dynamodb', '--item-size', '1KB', '--writes', '1', '--writes-per-minute', '60']);
    assert.equal(a.code, 2);
    assert.match(a.io.stderr, /--writes or --writes-per-minute, not both/);
    const b = await run(runCapacity, ['dynamodb', '--item-size', '1KB', '--writes-per-minute', '60', '--per', 'second']);
    assert.equal(b.code, 2);
    assert.match(b.io.stderr, /drop --per/);
  });
});

describe('cli: cidr plan with a chosen subnet size (--azs --tiers --new-prefix)', () => {
  it('fills AZ × tier with /20s and lists every other /20 as spare', async () => {
    const r = await run(runCidr, ['10.0.0.0/16', '--new-prefix', '20', '--azs', '4', '--tiers', 'a,b', '--json']);
    assert.equal(r.code, 0, r.io.stderr);
    const j = r.json();
    assert.equal(j.plan.subnetPrefix, 20);
    assert.deepEqual(
      j.subnets.map((s: { cidr: string; az: string; tier: string }) => `${s.az}${s.tier} ${s.cidr}`),
      ['Aa 10.0.0.0/20', 'Ab 10.0.16.0/20', 'Ba 10.0.32.0/20', 'Bb 10.0.48.0/20', 'Ca 10.0.64.0/20', 'Cb 10.0.80.0/20', 'Da 10.0.96.0/20', 'Db 10.0.112.0/20'],
    );
    const spare = j.unused ?? j.spare;
    assert.equal(spare.length, 8);
    assert.equal(spare[0], '10.0.128.0/20');
    assert.equal(spare[7], '10.0.240.0/20');
    const text = await run(runCidr, ['10.0.0.0/16', '--new-prefix', '20', '--azs', '4', '--tiers', 'a,b']);
    assert.match(text.io.stdout, /Chosen size \/20: \/16 → \/20 is 4 extra network bits → 2\^4 = 16 slots, enough for 8/);
  });

  it('says when the chosen size cannot hold the plan', async () => {
    const r = await run(runCidr, ['10.0.0.0/22', '--new-prefix', '24', '--azs', '3', '--tiers', 'a,b']);
    assert.equal(r.code, 2);
    assert.match(r.io.stderr, /10\.0\.0\.0\/22 holds 4 \/24 subnets, but the plan needs 6/);
    const split = await run(runCidr, ['10.0.0.0/16', '--split', '4', '--azs', '2', '--tiers', 'a']);
    assert.equal(split.code, 2);
  });
});
