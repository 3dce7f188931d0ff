/**
 * EC2 identifiers written as literals (CFN5201) and subnets given two route tables (CFN5202).
 * A VPC ID is `vpc-` and 8 or 17 hex digits, a subnet ID `subnet-` and a security group ID `sg-` likewise: EC2 rejects any other
 * text as malformed before it looks the ID up, so the stack fails on a typo or a placeholder.
 */
import { conditionSolver } from '../../cfn/conditions';
import { writtenText } from '../../cfn/literal';
import { templateIndex } from '../../cfn/template';
import { canonical, get, getPair, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../../document/nodes';
import { registryType, resolveRef, type JsonSchema } from '../../schema/registry';
import { cfnRule, resourceRule } from '../define';
import type { RawFinding } from '../types';

/** Property name → what its value (or each item of its list) must look like. */
const ID_FORMATS: Record<string, { prefix: string; what: string; paramType: string; list?: boolean; types?: string[] }> = {
  // AMI IDs use lowercase letters and digits; only EC2's launch types take one (Cloud9 and others take aliases under that name).
  ImageId: { prefix: 'ami', what: 'AMI ID', paramType: 'AWS::EC2::Image::Id', types: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::SpotFleet'] },
  VpcId: { prefix: 'vpc', what: 'VPC ID', paramType: 'AWS::EC2::VPC::Id' },
  SubnetId: { prefix: 'subnet', what: 'subnet ID', paramType: 'AWS::EC2::Subnet::Id' },
  SubnetIds: { prefix: 'subnet', what: 'subnet ID', paramType: 'AWS::EC2::Subnet::Id', list: true },
  SecurityGroupIds: { prefix: 'sg', what: 'security group ID', paramType: 'AWS::EC2::SecurityGroup::Id', list: true },
  GroupSet: { prefix: 'sg', what: 'security group ID', paramType: 'AWS::EC2::SecurityGroup::Id', list: true },
  SourceSecurityGroupId: { prefix: 'sg', what: 'security group ID', paramType: 'AWS::EC2::SecurityGroup::Id' },
  DestinationSecurityGroupId: { prefix: 'sg', what: 'security group ID', paramType: 'AWS::EC2::SecurityGroup::Id' },
  // Other services use GroupId for their own groups (Identity Store UUIDs, ...): only the security group rule types mean an EC2 one.
  GroupId: { prefix: 'sg', what: 'security group ID', paramType: 'AWS::EC2::SecurityGroup::Id', types: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'] },
};
const PATTERNS = new Map(Object.values(ID_FORMATS).map((f) => [f.prefix, f.prefix === 'ami' ? /^ami-([0-9a-z]{8}|[0-9a-z]{17})$/ : new RegExp(`^${f.prefix}-([0-9a-fA-F]{8}|[0-9a-fA-F]{17})$`)]));

/** Literal values of a property: `Fn::If` branches and list items included; other functions are left to deploy time. */
function literals(n: Node, list: boolean, out: Node[], depth = 0): void {
  if (depth > 10) return;
  const fn = intrinsicName(n);
  if (fn === 'Fn::If') {
    const a = (n as MapNode).pairs[0].value;
    if (isSeq(a) && a.items.length === 3) for (const b of a.items.slice(1)) literals(b, list, out, depth + 1);
  } else if (!fn && list && isSeq(n)) {
    for (const it of n.items) literals(it, false, out, depth + 1);
  } else if (!fn && !list && isScalar(n)) out.push(n);
}

export const malformedId = resourceRule('CFN5201', 'VPC, subnet, security group or AMI ID that is not one', ['E1151', 'E1154', 'E1150', 'E1152'], (ctx, r, out) => {
  if (!r.type || !r.properties) return;
  const params = templateIndex(ctx.doc, ctx.root).parameters;
  const root = registryType(r.type);
  if (!root) return;
  // Guided by the type's schema: free-form maps (environment variables, stack parameters, tags) may use these names for anything.
  const visit = (n: Node, schema: JsonSchema | undefined, depth: number): void => {
    const sch = schema?.$ref ? resolveRef(root, schema.$ref) : schema;
    if (!sch || depth > 40) return;
    if (intrinsicName(n) === 'Fn::If') {
      const a = (n as MapNode).pairs[0].value;
      if (isSeq(a) && a.items.length === 3) for (const b of a.items.slice(1)) visit(b, sch, depth + 1);
      return;
    }
    if (isSeq(n)) for (const it of n.items) visit(it, sch.items, depth + 1);
    if (!isMap(n)) return;
    for (const p of n.pairs) {
      const k = keyText(p);
      const sub = sch.properties?.[k];
      if (!sub) continue;
      const f = Object.hasOwn(ID_FORMATS, k) ? ID_FORMATS[k] : undefined;
      if (!f || (f.types && !f.types.includes(r.type!))) {
        visit(p.value, sub, depth + 1);
        continue;
      }
      const found: Node[] = [];
      literals(p.value, !!f.list, found);
      for (const v of found) {
        const text = writtenText(v);
        // EC2 resolves an ImageId of 'resolve:ssm:<parameter>' itself at launch.
        if (text === undefined || text.startsWith('resolve:ssm:') || PATTERNS.get(f.prefix)!.test(text)) continue;
        // The name of a parameter written without its Ref: the fix adds it.
        const ref = params.has(text) ? (ctx.doc.format === 'json' ? `{"Ref": ${JSON.stringify(text)}}` : `!Ref ${text}`) : undefined;
        out.push({
          message: `'${text}' is not ${/^[AEIOU]/.test(f.what) ? 'an' : 'a'} ${f.what}: those are '${f.prefix}-' and 8 or 17 ${f.prefix === 'ami' ? 'lowercase letters or digits' : 'hexadecimal digits'}, so EC2 rejects it as malformed. ${ref ? `'${text}' is a parameter: reference it with ${ref}.` : `Use the real ID, or a Ref to the resource or to a parameter of type ${f.paramType}.`}`,
          start: v.start,
          end: v.end,
          data: ref ? { fix: 'edits', title: `Reference parameter ${text}`, edits: [{ start: v.start, end: v.end, text: ref }] } : undefined,
        });
      }
    }
  };
  visit(r.properties, root, 0);
});

/**
 * A subnet has one route table: a second AWS::EC2::SubnetRouteTableAssociation for the same subnet
 * fails ("already associated"), unless conditions keep the two from existing together.
 */
export const subnetTwoRouteTables = cfnRule('CFN5202', 'Subnet associated with more than one route table', ['E3022'], (ctx) => {
  const idx = templateIndex(ctx.doc, ctx.root);
  const assocs: { name: string; key: Node; options: { subnet: string; when: Want[] }[] }[] = [];
  for (const r of idx.resources.values()) {
    if (r.type !== 'AWS::EC2::SubnetRouteTableAssociation' || !isMap(r.properties)) continue;
    const pair = getPair(r.properties, 'SubnetId');
    const cond = get(r.node, 'Condition');
    if (!pair || (cond && str(cond) === undefined)) continue;
    const base: Want[] = cond ? [[str(cond)!, true]] : [];
    assocs.push({ name: r.name, key: pair.key, options: subnetOptions(pair.value, base) });
  }
  const out: RawFinding[] = [];
  if (assocs.length < 2) return out;
  const solver = conditionSolver(idx);
  for (const a of assocs) {
    const others = assocs.filter((b) => b !== a && a.options.some((x) => b.options.some((y) => x.subnet === y.subnet && possible(solver, [...x.when, ...y.when]))));
    if (!others.length) continue;
    out.push({
      message: `The subnet of '${a.name}' is also associated with a route table by ${others.map((o) => `'${o.name}'`).join(', ')}: a subnet has one route table, so the second association fails. Keep one association per subnet.`,
      start: a.key.start,
      end: a.key.end,
    });
  }
  return out;
});

/** A condition that must have a value. */
type Want = [string, boolean];

/** The subnets a SubnetId can name, each with the conditions under which it does (Fn::If branches; AWS::NoValue names none). */
function subnetOptions(n: Node, when: Want[], depth = 0): { subnet: string; when: Want[] }[] {
  if (intrinsicName(n) === 'Fn::If' && depth < 10) {
    const a = (n as MapNode).pairs[0].value;
    const c = isSeq(a) && a.items.length === 3 ? str(a.items[0]) : undefined;
    if (c === undefined) return [];
    return [...subnetOptions((a as { items: Node[] }).items[1], [...when, [c, true]], depth + 1), ...subnetOptions((a as { items: Node[] }).items[2], [...when, [c, false]], depth + 1)];
  }
  if (intrinsicName(n) === 'Ref' && str((n as MapNode).pairs[0].value) === 'AWS::NoValue') return [];
  return [{ subnet: canonical(n), when }];
}

/** Is there a combination of parameter values giving each condition its wanted value (unknown: no)? */
function possible(solver: ReturnType<typeof conditionSolver>, wants: Want[]): boolean {
  if (!wants.length) return true;
  const names = [...new Set(wants.map((w) => w[0]))];
  return !!solver.scenarios(names)?.some((sc) => wants.every(([c, v]) => sc.get(c) === v));
}

export const ec2IdRules = [malformedId, subnetTwoRouteTables];
