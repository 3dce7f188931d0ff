import assert from 'node:assert/strict';
import { runCapacity } from '../../server/src/cli/capacity';
import { runCidr } from '../../server/src/cli/cidr';
import { fakeIO } from './fakeIO';

async function run(cmd: typeof runCidr, argv: string[]) {
  const io = fakeIO(process.cwd());
  const code = await cmd(argv, io);
  return { code, io, json: () => JSON.parse(io.stdout) };
}

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
