/**
 * DynamoDB billing mode and capacity checks (DDB1001, DDB1002). A table is on-demand with
 * `BillingMode: PAY_PER_REQUEST`; without BillingMode (or with PROVISIONED) it is provisioned and
 * needs ProvisionedThroughput, on the table and on every global secondary index.
 */
import { templateIndex, type ResourceInfo } from '../../cfn/template';
import type { TemplateDocument } from '../../document/model';
import { get, getPair, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../../document/nodes';
import { eol } from '../../document/text';
import { resourceRule } from '../define';
import type { FixData, RawFinding, Rule, RuleContext } from '../types';

export const DDB_TABLE = 'AWS::DynamoDB::Table';

/** Both units written as literal zeros: CloudFormation accepts that with on-demand and ignores it. */
function zeroThroughput(pt: Node): boolean {
  const n = (k: string) => {
    const v = get(pt, k);
    return isScalar(v) && v.value !== null && String(v.value).trim() === '0';
  };
  return n('ReadCapacityUnits') && n('WriteCapacityUnits');
}

/**
 * Add `lines` (YAML, one key with an optional nested block) at the end of mapping `map`, at the
 * indentation of its keys. JSON gets the same key as one member. Undefined for flow-style YAML
 * mappings, where we leave the edit to the author.
 */
function appendToMap(doc: TemplateDocument, map: MapNode, yaml: string[], json: string, title: string): FixData | undefined {
  if (!map.pairs.length) return undefined;
  const text = doc.text;
  const first = map.pairs[0].key;
  const last = map.pairs[map.pairs.length - 1];
  const firstLine = doc.lines.positionAt(first.start).line;
  let indent = text.slice(doc.lines.lineStart(firstLine), first.start);
  const nl = eol(text);
  if (doc.format === 'json') {
    if (!/^\s*$/.test(indent)) indent = ' ';
    return { fix: 'insert', at: last.end, text: `,${nl}${indent}${json}`, title };
  }
  // `- IndexName: x` starts a sequence item: the keys sit where the key starts, after the dash.
  if (/^\s*-\s+$/.test(indent)) indent = ' '.repeat(indent.length);
  if (!/^\s*$/.test(indent)) return undefined;
  const lastLine = doc.lines.positionAt(Math.max(last.start, last.end - 1)).line;
  const at = doc.lines.lineEnd(lastLine);
  return { fix: 'insert', at, text: yaml.map((l) => `${nl}${indent}${l}`).join(''), title };
}

const THROUGHPUT_YAML = ['ProvisionedThroughput:', '  ReadCapacityUnits: 5', '  WriteCapacityUnits: 5'];
const THROUGHPUT_JSON = '"ProvisionedThroughput": { "ReadCapacityUnits": 5, "WriteCapacityUnits": 5 }';

interface TableCheck {
  on: (code: 'DDB1001' | 'DDB1002', f: RawFinding) => void;
}

/** The properties mapping of a DynamoDB table whose billing mode can be read (nothing for other resources). */
function withTable(ctx: RuleContext, r: ResourceInfo, fn: (name: string, props: MapNode, mode: 'PAY_PER_REQUEST' | 'PROVISIONED', explicit: boolean) => void): void {
  if (templateIndex(ctx.doc, ctx.root).foreignTransform) return;
  if (r.type !== DDB_TABLE || !isMap(r.properties)) return;
  const props = r.properties;
  if (props.pairs.some((p) => keyText(p).startsWith('Fn::'))) return;
  const bm = get(props, 'BillingMode');
  if (bm && (!isScalar(bm) || intrinsicName(bm))) return; // Fn::If / Ref: decided at deploy time
  const mode = str(bm);
  if (mode !== undefined && mode !== 'PAY_PER_REQUEST' && mode !== 'PROVISIONED') return; // CFN3006 reports bad values
  fn(r.name, props, (mode ?? 'PROVISIONED') as 'PAY_PER_REQUEST' | 'PROVISIONED', mode !== undefined);
}

function gsis(props: MapNode): MapNode[] {
  const g = get(props, 'GlobalSecondaryIndexes');
  return isSeq(g) ? g.items.filter(isMap).filter((m) => !m.pairs.some((p) => keyText(p).startsWith('Fn::'))) : [];
}

function check(ctx: RuleContext, r: ResourceInfo, t: TableCheck): void {
  withTable(ctx, r, (name, props, mode, explicit) => {
    if (mode === 'PAY_PER_REQUEST') {
      const targets: { owner: string; map: MapNode }[] = [{ owner: `Table '${name}'`, map: props }];
      for (const g of gsis(props)) targets.push({ owner: `Index '${str(get(g, 'IndexName')) ?? '?'}' of table '${name}'`, map: g });
      for (const { owner, map } of targets) {
        const pt = getPair(map, 'ProvisionedThroughput');
        if (!pt || intrinsicName(pt.value)) continue;
        const zero = zeroThroughput(pt.value);
        t.on('DDB1001', {
          message: zero
            ? `${owner} is on-demand (BillingMode: PAY_PER_REQUEST); ProvisionedThroughput with 0 units is accepted but does nothing. Remove it.`
            : `${owner} is on-demand (BillingMode: PAY_PER_REQUEST), so it cannot also have ProvisionedThroughput; CloudFormation rejects non-zero units with on-demand. Remove ProvisionedThroughput, or switch BillingMode to PROVISIONED.`,
          start: pt.key.start,
          end: pt.key.end,
          severity: zero ? 'warning' : 'error',
          data: { fix: 'deletePair', start: pt.start, end: pt.end, key: 'ProvisionedThroughput' },
        });
      }
      return;
    }
    const bmPair = getPair(props, 'BillingMode');
    if (!getPair(props, 'ProvisionedThroughput')) {
      const named = explicit ? 'provisioned (BillingMode: PROVISIONED)' : 'provisioned (no BillingMode, and PROVISIONED is the default)';
      t.on('DDB1002', {
        message: `Table '${name}' is ${named} but has no ProvisionedThroughput; the stack fails with "ProvisionedThroughput cannot be empty". ${explicit ? 'Add ReadCapacityUnits and WriteCapacityUnits, or use BillingMode: PAY_PER_REQUEST.' : 'Add BillingMode: PAY_PER_REQUEST for on-demand, or ProvisionedThroughput with read and write units.'}`,
        // An error with or without an explicit BillingMode: PROVISIONED is the default and the deploy fails either way.
        severity: 'error',
        start: bmPair ? bmPair.value.start : props.pairs[0]?.key.start ?? props.start,
        end: bmPair ? bmPair.value.end : props.pairs[0]?.key.end ?? props.end,
        data: explicit
          ? appendToMap(ctx.doc, props, THROUGHPUT_YAML, THROUGHPUT_JSON, 'Add ProvisionedThroughput (5 RCU, 5 WCU)')
          : appendToMap(ctx.doc, props, ['BillingMode: PAY_PER_REQUEST'], '"BillingMode": "PAY_PER_REQUEST"', 'Add BillingMode: PAY_PER_REQUEST (on-demand)'),
      });
    }
    for (const g of gsis(props)) {
      if (getPair(g, 'ProvisionedThroughput')) continue;
      const key = getPair(g, 'IndexName')?.key ?? g.pairs[0]?.key;
      if (!key) continue;
      t.on('DDB1002', {
        message: `Index '${str(get(g, 'IndexName')) ?? '?'}' of table '${name}' needs ProvisionedThroughput: global secondary indexes of a provisioned table have their own read and write units.`,
        start: key.start,
        end: key.end,
        data: appendToMap(ctx.doc, g, THROUGHPUT_YAML, THROUGHPUT_JSON, 'Add ProvisionedThroughput (5 RCU, 5 WCU)'),
      });
    }
  });
}

function ddbRule(code: 'DDB1001' | 'DDB1002', title: string, cfnLint: string[]): Rule {
  return resourceRule(code, title, cfnLint, (ctx, r, out) => check(ctx, r, { on: (c, f) => c === code && out.push(f) }));
}

export const onDemandWithThroughput = ddbRule('DDB1001', 'DynamoDB on-demand table (PAY_PER_REQUEST) with ProvisionedThroughput', ['E3638']);
export const provisionedWithoutThroughput = ddbRule('DDB1002', 'DynamoDB provisioned table or index without ProvisionedThroughput', ['E3639']);

export const capacityRules: Rule[] = [onDemandWithThroughput, provisionedWithoutThroughput];
