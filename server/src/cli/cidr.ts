import {
  analyzeCidr,
  CalcError,
  cidrOverlap,
  evaluateFnCidr,
  planVpcSubnets,
  splitCidr,
  type CidrInfo,
  type OverlapResult,
  type SubnetInfo,
} from '../core/calc';
import { reportText, type ReportSection } from '../core/calc/report';
import { cidrBlockReport, subnetTable } from '../core/calc/reports';
import { calculatorCommand, EXIT, parseArgs, UsageError, type CliIO } from './io';

const USAGE = `Usage: aws-notes cidr <cidr> [--new-prefix N | --split N | --azs N --tiers a,b,c [--spare N] [--new-prefix N] | --fn-cidr COUNT,BITS]
                       [--overlaps <cidr>...] [--json]

  --new-prefix N      every subnet of size /N inside the block
  --split N           N equal subnets (rounded up to a power of two; the rest listed as unused)
  --azs N --tiers …   plan N AZs × the named tiers of equal subnets (+ --spare N free slots);
                      with --new-prefix N the subnets are /N and every slot left over is listed as spare
  --fn-cidr C,B       what CloudFormation's !Cidr [<cidr>, C, B] returns (B = host bits per block)
  --overlaps X        does X overlap the block? Repeat, comma-separate, or list several after it
  --json              machine-readable output`;

/** One row of the subnet table / JSON `subnets`. */
interface SubnetRow {
  cidr: string;
  az?: string;
  tier?: string;
  totalAddresses: number | string;
  usableAddresses: number | string;
  firstUsable: string | null;
  lastUsable: string | null;
}

/** JSON numbers must stay exact: IPv6 counts beyond 2^53 go out as decimal strings. */
const exactCount = (n: number, exact?: string): number | string =>
  Number.isSafeInteger(n) ? n : (exact ?? BigInt(Math.round(n)).toString());

function row(s: SubnetInfo, extra: { az?: string; tier?: string } = {}): SubnetRow {
  return {
    cidr: s.cidr,
    ...extra,
    totalAddresses: exactCount(s.totalAddresses),
    usableAddresses: exactCount(s.usableAddresses),
    firstUsable: s.firstUsable,
    lastUsable: s.lastUsable,
  };
}

function intFlag(value: string | boolean | string[] | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(/^\//, ''); // allow --new-prefix /20
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, got '${value}'`);
  const n = Number(text);
  if (n < min) throw new UsageError(`--${name} must be at least ${min}, got ${n}`);
  return n;
}


export const runCidr = calculatorCommand('cidr', USAGE, (e) => e instanceof CalcError, run);

function run(argv: string[], io: CliIO): number {
  const { flags, positional } = parseArgs(argv, {
    values: ['new-prefix', 'split', 'azs', 'tiers', 'spare', 'fn-cidr'],
    repeat: ['overlaps'],
    booleans: ['json', 'help'],
  });
  if (flags.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const overlapTargets = ((flags.overlaps as string[] | undefined) ?? []).flatMap((v) => v.split(',')).filter(Boolean);
  // `--overlaps a b c`: anything after the main CIDR belongs to --overlaps.
  if (overlapTargets.length) overlapTargets.push(...positional.slice(1));
  else if (positional.length > 1) throw new UsageError(`expected one CIDR, got ${positional.length}: ${positional.join(' ')}`);
  if (!positional.length) throw new UsageError('give a CIDR block, e.g. aws-notes cidr 10.16.0.0/16');

  const newPrefix = intFlag(flags['new-prefix'], 'new-prefix', 0);
  const split = intFlag(flags.split, 'split', 1);
  const azs = intFlag(flags.azs, 'azs', 1);
  const spare = intFlag(flags.spare, 'spare', 0);
  const tiers = flags.tiers === undefined ? undefined : String(flags.tiers).split(',');
  const fnCidr = flags['fn-cidr'] === undefined ? undefined : String(flags['fn-cidr']);
  const planning = azs !== undefined || tiers !== undefined || spare !== undefined;
  // --new-prefix with a plan chooses the plan's subnet size.
  const modes = [newPrefix !== undefined && !planning, split !== undefined, planning, fnCidr !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError('use only one of --new-prefix, --split, --azs/--tiers (optionally with --new-prefix) and --fn-cidr');
  if (planning && (azs === undefined || tiers === undefined)) throw new UsageError('planning needs both --azs N and --tiers a,b,c');

  const info = analyzeCidr(positional[0]);
  const steps = [...info.steps];
  const warnings = [...info.warnings];
  let subnets: SubnetRow[] | undefined;
  let blocks: (SubnetInfo & { az?: string; tier?: string })[] = [];
  let unused: string[] | undefined;
  const extra: Record<string, unknown> = {};
  let title = '';

  if (!planning && (newPrefix !== undefined || split !== undefined)) {
    const r = splitCidr(positional[0], newPrefix !== undefined ? { newPrefix } : { count: split ?? 1 });
    steps.push(...r.steps);
    warnings.push(...r.warnings);
    blocks = r.subnets;
    subnets = r.subnets.map((s) => row(s));
    unused = r.unused;
    title = `${subnets.length} × /${r.newPrefix}`;
  } else if (planning) {
    const plan = planVpcSubnets({ vpcCidr: positional[0], azs: azs ?? 1, tiers: tiers ?? [], spare, subnetPrefix: newPrefix });
    steps.push(...plan.steps);
    warnings.push(...plan.warnings);
    blocks = plan.subnets;
    subnets = plan.subnets.map((s) => row(s, { az: s.az, tier: s.tier }));
    unused = plan.spare;
    extra.plan = { azs: plan.azs, tiers: plan.tiers, slotsNeeded: plan.slotsNeeded, slots: plan.slots, subnetPrefix: plan.subnetPrefix, usablePerSubnet: exactCount(plan.usablePerSubnet) };
    title = `${plan.azs} AZ × ${plan.tiers.length} tier plan: ${subnets.length} × /${plan.subnetPrefix}`;
  } else if (fnCidr !== undefined) {
    const parts = fnCidr.split(',');
    if (parts.length !== 2) throw new UsageError(`--fn-cidr takes COUNT,BITS like 6,8, got '${fnCidr}'`);
    const r = evaluateFnCidr(positional[0], parts[0].trim(), parts[1].trim());
    steps.push(...r.steps);
    if (!r.ok) throw new CalcError(`Fn::Cidr: ${r.error}`);
    warnings.push(...r.warnings);
    blocks = r.blocks.map((b) => analyzeCidr(b));
    subnets = blocks.map((b) => row(b));
    extra.fnCidr = { count: r.count, cidrBits: r.cidrBits, subnetPrefix: r.subnetPrefix, blocks: r.blocks };
    title = `!Cidr [${info.cidr}, ${r.count}, ${r.cidrBits}] → ${r.count} × /${r.subnetPrefix}`;
  }

  if (flags.json) {
    const overlaps = overlapTargets.map((t) => cidrOverlap(info.cidr, t));
    io.out(JSON.stringify(toJson({ info, steps, warnings: [...new Set(warnings)], subnets, unused, overlaps, extra }), null, 2));
    return EXIT.ok;
  }
  // Text is the block's report (the one the hover and the client render) plus the subnets worked out.
  const sections: ReportSection[] = subnets ? [{ title: `Subnets (${title})`, items: [], table: subnetTable(blocks, planning ? unused : []) }] : [];
  if (!planning && unused?.length) sections.push({ title: `Unused (${unused.length})`, items: [unused.join(', ')] });
  const report = cidrBlockReport(info, { overlaps: overlapTargets, steps: steps.slice(info.steps.length), warnings, sections });
  io.out(reportText(report));
  return EXIT.ok;
}

/** Everything one `aws-notes cidr` run worked out, for --json. */
interface CidrRun {
  info: CidrInfo;
  steps: string[];
  warnings: string[];
  subnets?: SubnetRow[];
  unused?: string[];
  overlaps: OverlapResult[];
  extra: Record<string, unknown>;
}

function toJson({ info, steps, warnings, subnets, unused, overlaps, extra }: CidrRun): Record<string, unknown> {
  return {
    input: info.input,
    cidr: info.cidr,
    version: info.version,
    network: info.network,
    lastAddress: info.lastAddress,
    prefix: info.prefix,
    netmask: info.netmask,
    totalAddresses: exactCount(info.totalAddresses, info.totalAddressesExact),
    usableAddresses: exactCount(info.usableAddresses, info.usableAddressesExact),
    reserved: info.reserved,
    firstUsable: info.firstUsable,
    lastUsable: info.lastUsable,
    validVpc: info.validVpc,
    validSubnet: info.validSubnet,
    private: info.private,
    aligned: info.aligned,
    steps,
    warnings,
    ...(subnets ? { subnets } : {}),
    ...(unused && unused.length ? { unused } : {}),
    ...extra,
    ...(overlaps.length ? { overlaps: overlaps.map((o) => ({ cidr: o.b, overlap: o.overlap, relation: o.relation, shared: o.shared })) } : {}),
  };
}
