import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IPv6 } from 'ip-num';
import {
  analyzeCidr,
  CalcError,
  cidrContains,
  cidrOverlap,
  evaluateFnCidr,
  findOverlaps,
  isCidr,
  normalizeCidr,
  planVpcSubnets,
  splitCidr,
} from '../../../server/src/core/calc';

/** Address ↔ number helpers written independently of the code under test. */
const v4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const v4num = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
const blockOf = (cidr: string) => {
  const [addr, p] = cidr.split('/');
  const start = v4num(addr);
  return { start, end: start + 2 ** (32 - Number(p)) - 1 };
};

/** A random aligned IPv4 block with prefix in [minP, maxP]. */
const v4Block = (minP: number, maxP: number) =>
  fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: minP, max: maxP })).map(([addr, p]) => {
    const size = 2 ** (32 - p);
    return { network: Math.floor(addr / size) * size, prefix: p };
  });

describe('calc/cidr', () => {
  describe('analyzeCidr', () => {
    it('works out a /24 with the 5 AWS-reserved addresses', () => {
      const r = analyzeCidr('10.0.0.0/24');
      assert.equal(r.cidr, '10.0.0.0/24');
      assert.equal(r.version, 4);
      assert.equal(r.netmask, '255.255.255.0');
      assert.equal(r.totalAddresses, 256);
      assert.equal(r.usableAddresses, 251);
      assert.deepEqual(r.reserved, ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.255']);
      assert.equal(r.firstUsable, '10.0.0.4');
      assert.equal(r.lastUsable, '10.0.0.254');
      assert.equal(r.lastAddress, '10.0.0.255');
      assert.equal(r.aligned, true);
      assert.equal(r.validVpc, true);
      assert.equal(r.private, true);
    });

    it('shows the /20 working like a study note', () => {
      const r = analyzeCidr('10.16.0.0/20');
      assert.equal(r.usableAddresses, 4091);
      assert.ok(r.steps.some((s) => s.includes('32 − 20 = 12 host bits') && s.includes('2^12 = 4,096')));
      assert.ok(r.steps.some((s) => s.includes('4,096 − 5') && s.includes('4,091 usable')));
    });

    it('reports host bits set and the real network', () => {
      const r = analyzeCidr('10.16.1.0/20');
      assert.equal(r.aligned, false);
      assert.equal(r.cidr, '10.16.0.0/20');
      assert.equal(r.network, '10.16.0.0');
      assert.equal(r.lastAddress, '10.16.15.255');
      assert.equal(r.input, '10.16.1.0/20');
      assert.ok(r.steps.some((s) => s.includes('every 16 in the third octet')));
      assert.ok(r.warnings.some((w) => w.includes('10.16.0.0/20')));
    });

    it('checks the /16–/28 VPC and subnet size rule', () => {
      for (const [cidr, ok] of [
        ['10.0.0.0/15', false],
        ['10.0.0.0/16', true],
        ['10.0.0.0/28', true],
        ['10.0.0.0/29', false],
      ] as const) {
        assert.equal(analyzeCidr(cidr).validVpc, ok, cidr);
        assert.equal(analyzeCidr(cidr).validSubnet, ok, cidr);
      }
    });

    it('classifies RFC 1918 private vs public', () => {
      assert.equal(analyzeCidr('10.1.0.0/16').private, true);
      assert.equal(analyzeCidr('172.31.0.0/16').private, true);
      assert.equal(analyzeCidr('192.168.10.0/24').private, true);
      assert.equal(analyzeCidr('172.32.0.0/16').private, false);
      assert.equal(analyzeCidr('8.8.8.0/24').private, false);
      const partial = analyzeCidr('172.0.0.0/8');
      assert.equal(partial.private, false);
      assert.ok(partial.steps.some((s) => s.includes('also public')));
    });

    it('warns about 172.17.0.0/16', () => {
      assert.ok(analyzeCidr('172.17.0.0/16').warnings.some((w) => w.includes('172.17.0.0/16')));
      assert.deepEqual(analyzeCidr('172.18.0.0/16').warnings, []);
    });

    it('handles blocks too small to use', () => {
      const r = analyzeCidr('192.168.1.4/30');
      assert.equal(r.usableAddresses, 0);
      assert.equal(r.firstUsable, null);
      assert.deepEqual(r.reserved, ['192.168.1.4', '192.168.1.5', '192.168.1.6', '192.168.1.7']);
      assert.equal(analyzeCidr('10.0.0.1/32').reserved.length, 1);
    });

    it('does IPv6 with compressed output and AWS IPv6 sizes', () => {
      const r = analyzeCidr('2001:DB8:0:0:0:0:0:0/56');
      assert.equal(r.version, 6);
      assert.equal(r.cidr, '2001:db8::/56');
      assert.equal(r.netmask, 'ffff:ffff:ffff:ff00::');
      assert.equal(r.lastAddress, '2001:db8:0:ff:ffff:ffff:ffff:ffff');
      assert.equal(r.totalAddressesExact, (2n ** 72n).toString());
      assert.equal(r.usableAddressesExact, (2n ** 72n - 5n).toString());
      assert.deepEqual(r.reserved.slice(0, 4), ['2001:db8::', '2001:db8::1', '2001:db8::2', '2001:db8::3']);
      assert.equal(r.validVpc, true);
      assert.equal(r.private, false);
      assert.equal(analyzeCidr('2001:db8::/64').validVpc, false);
      assert.equal(analyzeCidr('2001:db8::/64').validSubnet, true);
      assert.equal(analyzeCidr('2001:db8::/58').validSubnet, false);
      assert.equal(analyzeCidr('fd00:1::/56').private, true);
    });

    it('rejects bad input with a CalcError', () => {
      for (const bad of ['10.0.0.0', '10.0.0.256/16', '10.0.0.0/33', 'abc', '2001:db8:::/64', '010.0.0.0/8', '10.0.0.0/16/2', '::/129']) {
        assert.throws(() => analyzeCidr(bad), CalcError, bad);
        assert.equal(isCidr(bad), false, bad);
      }
      assert.throws(() => analyzeCidr('10.0.0.0/33'), /\/0 to \/32/);
    });

    it('property: usable = total − 5 and 5 reserved for every /16–/28', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 16, max: 28 }), (addr, p) => {
          const r = analyzeCidr(`${v4(addr)}/${p}`);
          assert.equal(r.totalAddresses, 2 ** (32 - p));
          assert.equal(r.usableAddresses, r.totalAddresses - 5);
          assert.equal(r.reserved.length, 5);
          assert.equal(new Set(r.reserved).size, 5);
          assert.equal(r.validVpc, true);
          assert.equal(v4num(r.lastUsable!) - v4num(r.firstUsable!) + 1, r.usableAddresses);
        }),
      );
    });

    it('property: normalizing is idempotent and gives an aligned block containing the input', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), (addr, p) => {
          const norm = normalizeCidr(`${v4(addr)}/${p}`);
          assert.equal(normalizeCidr(norm), norm);
          assert.equal(analyzeCidr(norm).aligned, true);
          const { start, end } = blockOf(norm);
          assert.ok(addr >= start && addr <= end);
        }),
      );
    });

    it('property: IPv6 text round-trips and is RFC 5952 compressed', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }), (groups) => {
          const expanded = groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
          const text = analyzeCidr(`${expanded}/128`).network;
          assert.equal(IPv6.fromString(text).value, IPv6.fromString(expanded).value);
          assert.equal(text, text.toLowerCase());
          assert.ok(!/(^|:)0[0-9a-f]/.test(text), `leading zero in ${text}`);
          assert.ok((text.match(/::/g) ?? []).length <= 1);
          // The "::" must stand for the longest zero run (the first, on ties); none may be left longer.
          const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
          const explicit = [head, tail ?? ''].map((part) => (part ? part.split(':') : []));
          const compressed = tail === undefined ? 0 : 8 - explicit[0].length - explicit[1].length;
          const longestRun = (gs: string[]) => gs.reduce((acc, g) => ({ cur: g === '0' ? acc.cur + 1 : 0, max: Math.max(acc.max, g === '0' ? acc.cur + 1 : 0) }), { cur: 0, max: 0 }).max;
          if (tail === undefined) assert.ok(longestRun(explicit[0]) < 2, `uncompressed zero run in ${text}`);
          else {
            assert.ok(compressed >= 2, `"::" used for a single zero group in ${text}`);
            assert.ok(longestRun(explicit[0]) < compressed, `longer zero run before "::" in ${text}`);
            assert.ok(longestRun(explicit[1]) <= compressed, `longer zero run after "::" in ${text}`);
          }
        }),
      );
    });
  });

  describe('overlap', () => {
    it('classifies relations', () => {
      const r = cidrOverlap('10.0.0.0/16', '10.0.1.0/24');
      assert.equal(r.overlap, true);
      assert.equal(r.relation, 'contains');
      assert.equal(r.shared, '10.0.1.0/24');
      assert.equal(cidrOverlap('10.0.1.0/24', '10.0.0.0/16').relation, 'inside');
      assert.equal(cidrOverlap('10.0.0.0/16', '10.0.5.7/16').relation, 'equal');
      assert.equal(cidrOverlap('10.0.0.0/16', '10.1.0.0/16').overlap, false);
      assert.equal(cidrOverlap('10.0.0.0/16', '10.1.0.0/16').relation, 'disjoint');
      assert.equal(cidrOverlap('10.0.0.0/16', '2001:db8::/56').relation, 'different-versions');
      assert.ok(r.steps.length >= 3);
    });

    it('finds overlapping pairs in a list and checks containment', () => {
      const found = findOverlaps(['10.0.0.0/24', '10.0.1.0/24', '10.0.0.128/25', '10.0.2.0/24']);
      assert.deepEqual(
        found.map((f) => [f.a, f.b]),
        [['10.0.0.0/24', '10.0.0.128/25']],
      );
      assert.equal(cidrContains('10.0.0.0/16', '10.0.3.0/24'), true);
      assert.equal(cidrContains('10.0.0.0/16', '10.1.3.0/24'), false);
      assert.equal(cidrContains('10.0.3.0/24', '10.0.0.0/16'), false);
    });

    it('property: overlap is symmetric and matches interval intersection', () => {
      fc.assert(
        fc.property(v4Block(8, 32), v4Block(8, 32), (a, b) => {
          const ca = `${v4(a.network)}/${a.prefix}`;
          const cb = `${v4(b.network)}/${b.prefix}`;
          const A = blockOf(ca);
          const B = blockOf(cb);
          const expected = A.start <= B.end && B.start <= A.end;
          assert.equal(cidrOverlap(ca, cb).overlap, expected);
          assert.equal(cidrOverlap(cb, ca).overlap, expected);
        }),
      );
    });
  });

  describe('splitCidr', () => {
    it('splits by new prefix', () => {
      const r = splitCidr('10.16.0.0/16', { newPrefix: 20 });
      assert.equal(r.subnets.length, 16);
      assert.equal(r.subnets[0].cidr, '10.16.0.0/20');
      assert.equal(r.subnets[15].cidr, '10.16.240.0/20');
      assert.ok(r.subnets.every((s) => s.usableAddresses === 4091));
      assert.deepEqual(r.unused, []);
      assert.ok(r.steps.some((s) => s.includes('20 − 16 = 4 extra network bits')));
    });

    it('splits into N equal subnets, leaving the rest unused', () => {
      const r = splitCidr('10.0.0.0/16', { count: 3 });
      assert.equal(r.newPrefix, 18);
      assert.deepEqual(
        r.subnets.map((s) => s.cidr),
        ['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18'],
      );
      assert.deepEqual(r.unused, ['10.0.192.0/18']);
    });

    it('rejects impossible splits', () => {
      assert.throws(() => splitCidr('10.0.0.0/16', { newPrefix: 12 }), /larger than the block/);
      assert.throws(() => splitCidr('10.0.0.0/8', { newPrefix: 32 }), /limit is 4,096/);
      assert.throws(() => splitCidr('10.0.0.0/31', { count: 4 }), /host bits/);
      assert.throws(() => splitCidr('10.0.0.0/16', { count: 0 }), CalcError);
      assert.throws(() => splitCidr('10.0.0.0/16', { newPrefix: 33 }), CalcError);
    });

    it('warns when subnets fall outside AWS sizes', () => {
      assert.ok(splitCidr('10.0.0.0/24', { newPrefix: 30 }).warnings.some((w) => w.includes('/16–/28')));
    });

    it('property: split subnets never overlap and exactly cover the block', () => {
      fc.assert(
        fc.property(v4Block(8, 30), fc.integer({ min: 0, max: 8 }), (b, extra) => {
          const newPrefix = Math.min(32, b.prefix + extra);
          const r = splitCidr(`${v4(b.network)}/${b.prefix}`, { newPrefix });
          const parent = blockOf(r.parent);
          const blocks = r.subnets.map((s) => blockOf(s.cidr));
          assert.equal(blocks.length, 2 ** (newPrefix - b.prefix));
          assert.equal(blocks[0].start, parent.start);
          assert.equal(blocks[blocks.length - 1].end, parent.end);
          for (let i = 1; i < blocks.length; i++) assert.equal(blocks[i].start, blocks[i - 1].end + 1);
        }),
      );
    });

    it('property: split by count gives count subnets; with the unused ones they tile the block', () => {
      fc.assert(
        fc.property(v4Block(8, 24), fc.integer({ min: 1, max: 200 }), (b, count) => {
          const r = splitCidr(`${v4(b.network)}/${b.prefix}`, { count });
          assert.equal(r.subnets.length, count);
          assert.ok(2 ** r.extraBits >= count && 2 ** (r.extraBits - 1) < count);
          const all = [...r.subnets.map((s) => s.cidr), ...r.unused].map(blockOf);
          const parent = blockOf(r.parent);
          assert.equal(all[0].start, parent.start);
          assert.equal(all[all.length - 1].end, parent.end);
          for (let i = 1; i < all.length; i++) assert.equal(all[i].start, all[i - 1].end + 1);
        }),
      );
    });
  });

  describe('planVpcSubnets', () => {
    it('plans 10.16.0.0/16 over 4 AZs × 4 tiers as sixteen /20s with 4,091 usable', () => {
      const plan = planVpcSubnets({ vpcCidr: '10.16.0.0/16', azs: 4, tiers: ['reserved', 'db', 'app', 'web'] });
      assert.equal(plan.subnetPrefix, 20);
      assert.equal(plan.slots, 16);
      assert.equal(plan.subnets.length, 16);
      assert.equal(plan.usablePerSubnet, 4091);
      assert.ok(plan.subnets.every((s) => s.usableAddresses === 4091 && s.prefix === 20));
      assert.deepEqual(plan.subnets[0], { ...plan.subnets[0], cidr: '10.16.0.0/20', az: 'A', tier: 'reserved' });
      assert.deepEqual(
        plan.subnets.slice(0, 5).map((s) => `${s.cidr} ${s.az} ${s.tier}`),
        ['10.16.0.0/20 A reserved', '10.16.16.0/20 A db', '10.16.32.0/20 A app', '10.16.48.0/20 A web', '10.16.64.0/20 B reserved'],
      );
      assert.equal(plan.subnets[15].cidr, '10.16.240.0/20');
      assert.equal(plan.subnets[15].az, 'D');
      assert.equal(plan.subnets[15].tier, 'web');
      assert.deepEqual(plan.spare, []);
      assert.ok(plan.steps.some((s) => s.includes('4,091 usable')));
    });

    it('rounds up to a power of two and lists spare slots', () => {
      const plan = planVpcSubnets({ vpcCidr: '10.0.0.0/16', azs: 3, tiers: ['public', 'private', 'db'], spare: 2 });
      assert.equal(plan.slotsNeeded, 11);
      assert.equal(plan.slots, 16);
      assert.equal(plan.subnetPrefix, 20);
      assert.equal(plan.subnets.length, 9);
      assert.equal(plan.spare.length, 7);
      assert.equal(plan.spare[0], '10.0.144.0/20');
    });

    it('rounds IPv6 subnet prefixes to a multiple of 4', () => {
      const plan = planVpcSubnets({ vpcCidr: '2600:1f18:abcd:1200::/56', azs: 3, tiers: ['public', 'private'] });
      assert.equal(plan.subnetPrefix, 60);
      assert.equal(plan.subnets[0].cidr, '2600:1f18:abcd:1200::/60');
      assert.equal(plan.subnets[1].cidr, '2600:1f18:abcd:1210::/60');
    });

    it('rejects plans that cannot fit or make no sense', () => {
      assert.throws(() => planVpcSubnets({ vpcCidr: '10.0.0.0/24', azs: 3, tiers: ['a', 'b', 'c', 'd', 'e', 'f'] }), /no smaller than \/28/);
      assert.throws(() => planVpcSubnets({ vpcCidr: '10.0.0.0/16', azs: 0, tiers: ['a'] }), CalcError);
      assert.throws(() => planVpcSubnets({ vpcCidr: '10.0.0.0/16', azs: 2, tiers: [] }), /tier/);
      assert.throws(() => planVpcSubnets({ vpcCidr: '10.0.0.0/16', azs: 2, tiers: ['a', 'a'] }), /twice/);
      assert.throws(() => planVpcSubnets({ vpcCidr: '10.0.0.0/8', azs: 1, tiers: ['a'] }), /larger than \/16/);
    });

    it('property: planned subnets lie in the VPC and never overlap', () => {
      fc.assert(
        fc.property(
          v4Block(16, 20),
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 0, max: 3 }),
          (b, azs, tierCount, spare) => {
            const vpcCidr = `${v4(b.network)}/${b.prefix}`;
            const tiers = Array.from({ length: tierCount }, (_, i) => `t${i}`);
            let plan;
            try {
              plan = planVpcSubnets({ vpcCidr, azs, tiers, spare });
            } catch (e) {
              assert.ok(e instanceof CalcError);
              return; // too small for this many slots: fine, as long as it says so
            }
            assert.equal(plan.subnets.length, azs * tierCount);
            assert.equal(plan.subnets.length + plan.spare.length, plan.slots);
            const cidrs = plan.subnets.map((s) => s.cidr);
            assert.ok(cidrs.every((c) => cidrContains(vpcCidr, c)));
            assert.deepEqual(findOverlaps(cidrs), []);
            assert.ok(plan.subnetPrefix <= 28);
          },
        ),
      );
    });
  });

  describe('evaluateFnCidr', () => {
    it('Fn::Cidr ["10.0.0.0/16", 6, 8] → 10.0.0.0/24 … 10.0.5.0/24', () => {
      const r = evaluateFnCidr('10.0.0.0/16', 6, 8);
      assert.ok(r.ok);
      assert.equal(r.subnetPrefix, 24);
      assert.deepEqual(r.blocks, ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24', '10.0.5.0/24']);
      assert.ok(r.steps.some((s) => s.includes('32 − 8 = /24')));
    });

    it('matches the CloudFormation docs example with string arguments', () => {
      const r = evaluateFnCidr('192.168.0.0/24', '6', '5');
      assert.ok(r.ok);
      assert.deepEqual(r.blocks, [
        '192.168.0.0/27',
        '192.168.0.32/27',
        '192.168.0.64/27',
        '192.168.0.96/27',
        '192.168.0.128/27',
        '192.168.0.160/27',
      ]);
    });

    it('carves IPv6 /64s', () => {
      const r = evaluateFnCidr('2001:db8:1:100::/56', 2, 64);
      assert.ok(r.ok);
      assert.deepEqual(r.blocks, ['2001:db8:1:100::/64', '2001:db8:1:101::/64']);
    });

    it('explains why it cannot evaluate', () => {
      const cases: [string, number | string, number | string, RegExp][] = [
        ['10.0.0.0/16', 0, 8, /between 1 and 256/],
        ['10.0.0.0/16', 257, 8, /between 1 and 256/],
        ['10.0.0.0/24', 3, 7, /only 2 \/25 blocks fit/],
        ['10.0.0.0/24', 1, 9, /larger than ipBlock/],
        ['10.0.0.0/16', 2, 33, /cidrBits/],
        ['10.0.0.0/16', 'six', 8, /whole number/],
        ['10.0.0.0/16', 2, 8.5, /whole number/],
        ['not-a-cidr', 2, 8, /ipBlock/],
      ];
      for (const [block, count, bits, re] of cases) {
        const r = evaluateFnCidr(block, count, bits);
        assert.equal(r.ok, false, `${block} ${count} ${bits}`);
        if (!r.ok) assert.match(r.error, re);
      }
    });

    it('warns about host bits and non-AWS subnet sizes', () => {
      const r = evaluateFnCidr('10.0.0.5/24', 2, 3);
      assert.ok(r.ok);
      assert.deepEqual(r.blocks, ['10.0.0.0/29', '10.0.0.8/29']);
      assert.ok(r.warnings.some((w) => w.includes('host bits')));
      assert.ok(r.warnings.some((w) => w.includes('/16–/28')));
    });

    it('property: Fn::Cidr returns the first count blocks of size 2^cidrBits, or explains why not', () => {
      fc.assert(
        fc.property(v4Block(16, 28), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 256 }), (b, bits, count) => {
          const cidr = `${v4(b.network)}/${b.prefix}`;
          const r = evaluateFnCidr(cidr, count, bits);
          const fits = 32 - bits >= b.prefix ? 2 ** (32 - bits - b.prefix) : 0;
          if (32 - bits < b.prefix || count > fits) {
            assert.equal(r.ok, false);
            return;
          }
          assert.ok(r.ok);
          const expected = Array.from({ length: count }, (_, i) => `${v4(b.network + i * 2 ** bits)}/${32 - bits}`);
          assert.deepEqual(r.blocks, expected);
        }),
      );
    });
  });
});
