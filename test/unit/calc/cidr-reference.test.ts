/**
 * Property tests: our IPv4 CIDR maths (ip-num parsing + bigint blocks) against a small reference
 * written differently — plain JavaScript numbers treated as unsigned 32-bit integers (`>>> 0`
 * masks, `2 ** n` sizes, octets formatted by hand). No ip-num, no bigint.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeCidr, cidrContains, cidrOverlap, evaluateFnCidr, splitCidr } from '../../../server/src/core/calc';

// ---------------------------------------------------------------------------------------------
// Reference implementation (32-bit unsigned numbers)

const u32 = (n: number) => n >>> 0;
const maskOf = (prefix: number) => (prefix === 0 ? 0 : u32(0xffffffff << (32 - prefix)));
const sizeOf = (prefix: number) => 2 ** (32 - prefix);
const ipText = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const blockText = (net: number, prefix: number) => `${ipText(net)}/${prefix}`;

interface RefBlock {
  addr: number;
  net: number;
  last: number;
  prefix: number;
}

function refParse(text: string): RefBlock {
  const [ip, p] = text.split('/');
  const addr = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const prefix = Number(p);
  const net = u32(addr & maskOf(prefix));
  return { addr, net, last: net + sizeOf(prefix) - 1, prefix };
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(refParse);
const within = (inner: RefBlock, outer: RefBlock) => inner.net >= outer.net && inner.last <= outer.last;
const meets = (a: RefBlock, b: RefBlock) => a.net <= b.last && b.net <= a.last;

function refAnalyze(text: string) {
  const b = refParse(text);
  const size = sizeOf(b.prefix);
  const usable = Math.max(0, size - 5);
  const reserved = [0, 1, 2, 3].filter((o) => o < size).map((o) => ipText(b.net + o));
  if (size > 4) reserved.push(ipText(b.last));
  return {
    cidr: blockText(b.net, b.prefix),
    network: ipText(b.net),
    lastAddress: ipText(b.last),
    prefix: b.prefix,
    netmask: ipText(maskOf(b.prefix)),
    totalAddresses: size,
    usableAddresses: usable,
    reserved,
    firstUsable: usable > 0 ? ipText(b.net + 4) : null,
    lastUsable: usable > 0 ? ipText(b.last - 1) : null,
    validVpc: b.prefix >= 16 && b.prefix <= 28,
    private: PRIVATE.some((r) => within(b, r)),
    aligned: b.addr === b.net,
  };
}

/** Every block of size /newPrefix inside text, the first `used` of them, and the rest. */
function refSplit(text: string, newPrefix: number, used: number) {
  const b = refParse(text);
  const step = sizeOf(newPrefix);
  const slots = 2 ** (newPrefix - b.prefix);
  const all = Array.from({ length: slots }, (_, i) => b.net + i * step);
  const info = (net: number) => {
    const usable = Math.max(0, step - 5);
    return {
      cidr: blockText(net, newPrefix),
      network: ipText(net),
      lastAddress: ipText(net + step - 1),
      totalAddresses: step,
      usableAddresses: usable,
      firstUsable: usable > 0 ? ipText(net + 4) : null,
      lastUsable: usable > 0 ? ipText(net + step - 2) : null,
    };
  };
  return { subnets: all.slice(0, used).map(info), unused: all.slice(used).map((n) => blockText(n, newPrefix)) };
}

function refOverlap(aText: string, bText: string) {
  const a = refParse(aText);
  const b = refParse(bText);
  if (!meets(a, b)) return { overlap: false, relation: 'disjoint', shared: null };
  if (a.prefix === b.prefix) return { overlap: true, relation: 'equal', shared: blockText(a.net, a.prefix) };
  return a.prefix < b.prefix
    ? { overlap: true, relation: 'contains', shared: blockText(b.net, b.prefix) }
    : { overlap: true, relation: 'inside', shared: blockText(a.net, a.prefix) };
}

function refFnCidr(block: string, count: number, bits: number): string[] | null {
  const b = refParse(block);
  if (count < 1 || count > 256 || bits < 0 || bits > 32) return null;
  const subPrefix = 32 - bits;
  if (subPrefix < b.prefix) return null;
  if (count > 2 ** (subPrefix - b.prefix)) return null;
  return Array.from({ length: count }, (_, i) => blockText(b.net + i * 2 ** bits, subPrefix));
}

// ---------------------------------------------------------------------------------------------
// Generators

const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const address = octets.map((o) => o.join('.'));
const cidrArb = fc.tuple(address, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`);
/** Addresses near the private ranges and block boundaries, where mistakes hide. */
const interestingCidr = fc
  .tuple(fc.constantFrom(10, 172, 192, 100, 169, 0, 255), fc.constantFrom(0, 15, 16, 31, 32, 168, 255), fc.nat(255), fc.nat(255), fc.integer({ min: 0, max: 32 }))
  .map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`);
const anyCidr = fc.oneof(cidrArb, interestingCidr);

/** A pair where the second block is often carved out of the first, so overlaps are common. */
const cidrPair = fc.oneof(
  fc.tuple(anyCidr, anyCidr),
  fc.tuple(anyCidr, fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 })).map(([a, noise, p2]) => {
    const b = refParse(a);
    const hostMask = u32(~maskOf(b.prefix));
    const addr = u32(b.net | (noise & hostMask));
    return [a, `${ipText(addr)}/${p2}`] as [string, string];
  }),
);

const RUNS = { numRuns: 400 };

describe('calc/cidr against a 32-bit-number reference (property tests)', () => {
  it('the reference itself agrees with known answers', () => {
    const r = refAnalyze('10.16.1.0/20');
    assert.equal(r.cidr, '10.16.0.0/20');
    assert.equal(r.lastAddress, '10.16.15.255');
    assert.equal(r.netmask, '255.255.240.0');
    assert.equal(r.usableAddresses, 4091);
    assert.equal(r.aligned, false);
    assert.equal(refAnalyze('0.0.0.0/0').lastAddress, '255.255.255.255');
    assert.equal(refAnalyze('255.255.255.255/32').netmask, '255.255.255.255');
    assert.deepEqual(refAnalyze('10.0.0.0/31').reserved, ['10.0.0.0', '10.0.0.1']);
    assert.deepEqual(refFnCidr('10.0.0.0/16', 3, 8), ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    assert.equal(refOverlap('10.0.0.0/8', '10.1.0.0/16').relation, 'contains');
  });

  it('analyzeCidr: network, last address, netmask, counts, reserved, usable range, VPC size, RFC 1918, alignment', () => {
    fc.assert(
      fc.property(anyCidr, (cidr) => {
        const got = analyzeCidr(cidr);
        const want = refAnalyze(cidr);
        assert.deepEqual(
          {
            cidr: got.cidr,
            network: got.network,
            lastAddress: got.lastAddress,
            prefix: got.prefix,
            netmask: got.netmask,
            totalAddresses: got.totalAddresses,
            usableAddresses: got.usableAddresses,
            reserved: got.reserved,
            firstUsable: got.firstUsable,
            lastUsable: got.lastUsable,
            validVpc: got.validVpc,
            private: got.private,
            aligned: got.aligned,
          },
          want,
        );
        assert.equal(got.totalAddressesExact, String(want.totalAddresses));
        assert.equal(got.usableAddressesExact, String(want.usableAddresses));
      }),
      RUNS,
    );
  });

  it('splitCidr by new prefix: every block, in order', () => {
    fc.assert(
      fc.property(anyCidr, fc.integer({ min: 0, max: 12 }), (cidr, extra) => {
        const prefix = refParse(cidr).prefix;
        fc.pre(prefix + extra <= 32);
        const newPrefix = prefix + extra;
        const got = splitCidr(cidr, { newPrefix });
        const want = refSplit(cidr, newPrefix, 2 ** extra);
        assert.equal(got.newPrefix, newPrefix);
        assert.deepEqual(
          got.subnets.map((s) => ({
            cidr: s.cidr,
            network: s.network,
            lastAddress: s.lastAddress,
            totalAddresses: s.totalAddresses,
            usableAddresses: s.usableAddresses,
            firstUsable: s.firstUsable,
            lastUsable: s.lastUsable,
          })),
          want.subnets,
        );
        assert.deepEqual(got.unused, []);
      }),
      { numRuns: 200 },
    );
  });

  it('splitCidr by count: rounds up to a power of two and lists the rest as unused', () => {
    fc.assert(
      fc.property(anyCidr, fc.integer({ min: 1, max: 300 }), (cidr, count) => {
        const prefix = refParse(cidr).prefix;
        let bits = 0;
        while (2 ** bits < count) bits++;
        if (prefix + bits > 32) {
          assert.throws(() => splitCidr(cidr, { count }), /host bits/);
          return;
        }
        const got = splitCidr(cidr, { count });
        const want = refSplit(cidr, prefix + bits, count);
        assert.equal(got.newPrefix, prefix + bits);
        assert.deepEqual(
          got.subnets.map((s) => s.cidr),
          want.subnets.map((s) => s.cidr),
        );
        assert.deepEqual(
          got.subnets.map((s) => s.usableAddresses),
          want.subnets.map((s) => s.usableAddresses),
        );
        assert.deepEqual(got.unused, want.unused);
      }),
      { numRuns: 200 },
    );
  });

  it('splitCidr rejects a new prefix shorter than the block or past /32', () => {
    fc.assert(
      fc.property(anyCidr, fc.integer({ min: 0, max: 40 }), (cidr, newPrefix) => {
        const prefix = refParse(cidr).prefix;
        fc.pre(newPrefix < prefix || newPrefix > 32);
        assert.throws(() => splitCidr(cidr, { newPrefix }));
      }),
      { numRuns: 200 },
    );
  });

  it('cidrOverlap and cidrContains agree with the interval test', () => {
    fc.assert(
      fc.property(cidrPair, ([a, b]) => {
        const got = cidrOverlap(a, b);
        const want = refOverlap(a, b);
        assert.deepEqual({ overlap: got.overlap, relation: got.relation, shared: got.shared }, want);
        // Overlap is symmetric; containment is the interval inclusion.
        assert.equal(cidrOverlap(b, a).overlap, want.overlap);
        assert.equal(cidrContains(a, b), within(refParse(b), refParse(a)));
        assert.equal(got.a, refAnalyze(a).cidr);
        assert.equal(got.b, refAnalyze(b).cidr);
      }),
      RUNS,
    );
  });

  it('evaluateFnCidr: the first COUNT blocks of /(32 − BITS), or an error exactly when the reference has none', () => {
    fc.assert(
      fc.property(anyCidr, fc.integer({ min: 0, max: 300 }), fc.integer({ min: -1, max: 33 }), (cidr, count, bits) => {
        const got = evaluateFnCidr(cidr, count, bits);
        const want = refFnCidr(cidr, count, bits);
        if (want === null) {
          assert.equal(got.ok, false, JSON.stringify({ cidr, count, bits }));
        } else {
          assert.ok(got.ok, JSON.stringify({ cidr, count, bits, got }));
          assert.deepEqual(got.blocks, want);
          assert.equal(got.subnetPrefix, 32 - bits);
        }
        // String arguments (as templates often pass them) give the same answer.
        assert.deepEqual(evaluateFnCidr(cidr, String(count), String(bits)).ok, got.ok);
      }),
      RUNS,
    );
  });

  it('evaluateFnCidr with arguments that usually fit', () => {
    fc.assert(
      fc.property(anyCidr, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 256 }), (cidr, extra, count) => {
        const prefix = refParse(cidr).prefix;
        fc.pre(prefix + extra <= 32);
        const bits = 32 - (prefix + extra);
        const got = evaluateFnCidr(cidr, count, bits);
        const want = refFnCidr(cidr, count, bits);
        assert.equal(got.ok, want !== null);
        if (got.ok && want) assert.deepEqual(got.blocks, want);
      }),
      RUNS,
    );
  });
});
