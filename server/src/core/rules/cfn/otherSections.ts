/** Outputs, Mappings, Conditions and Rules: the sections other than Parameters and Resources (CFN5001–CFN8001). */
import { templateIndex } from '../../cfn/template';
import { get, getPair, intrinsicName, isMap, isScalar, keyText, str } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { cfnRule } from '../define';
import type { RawFinding } from '../types';

const OUTPUT_KEYS = ['Value', 'Description', 'Export', 'Condition'];

export const outputValue = cfnRule('CFN5001', 'Output without a Value, or with an unknown key', ['E6002', 'E6001', 'E6003'], (ctx) => {
  const out: RawFinding[] = [];
  for (const [name, p] of templateIndex(ctx.doc, ctx.root).outputs) {
    if (!isMap(p.value)) {
      out.push({ message: `Output '${name}' must be a mapping with a Value.`, start: p.key.start, end: p.key.end });
      continue;
    }
    if (!getPair(p.value, 'Value')) {
      out.push({
        message: `Output '${name}' has no Value. Add 'Value:' with what the stack should return (e.g. !Ref or !GetAtt).`,
        start: p.key.start,
        end: p.key.end,
        data: p.value.pairs.length ? { fix: 'addKeys', keys: ['Value'], sibling: p.value.pairs[0].key.start, lastEnd: p.value.pairs[p.value.pairs.length - 1].end } : undefined,
      });
    }
    for (const k of p.value.pairs) {
      const key = keyText(k);
      if (OUTPUT_KEYS.includes(key)) continue;
      const cands = closest(key, OUTPUT_KEYS, 2);
      out.push({
        message: `'${key}' is not an output property (in '${name}').${didYouMean(cands)}`,
        start: k.key.start,
        end: k.key.end,
        data: cands.length ? { fix: 'replace', start: k.key.start, end: k.key.end, candidates: cands } : { fix: 'deletePair', start: k.start, end: k.end, key },
      });
    }
  }
  return out;
});

export const outputExport = cfnRule('CFN5002', 'Output Export without a Name, or exported names repeated', ['E6003', 'E6101', 'E6102'], (ctx) => {
  const out: RawFinding[] = [];
  const seen = new Map<string, string>();
  for (const [name, p] of templateIndex(ctx.doc, ctx.root).outputs) {
    const exp = getPair(p.value, 'Export');
    if (!exp) continue;
    if (!isMap(exp.value)) {
      out.push({ message: `Export of output '${name}' must be a mapping with a Name.`, start: exp.key.start, end: exp.key.end });
      continue;
    }
    const n = get(exp.value, 'Name');
    if (!n) {
      out.push({
        message: `Export of output '${name}' needs a Name (unique in the account and Region), e.g. !Sub '\${AWS::StackName}-${name}'.`,
        start: exp.key.start,
        end: exp.key.end,
        data: exp.value.pairs.length ? undefined : { fix: 'addKeys', keys: ['Name'], parent: exp.key.start },
      });
      continue;
    }
    const literal = isScalar(n) ? str(n) : undefined;
    if (literal !== undefined) {
      const prev = seen.get(literal);
      if (prev) out.push({ message: `Export name '${literal}' is already used by output '${prev}'; export names must be unique.`, start: n.start, end: n.end });
      seen.set(literal, name);
    } else if (!intrinsicName(n)) {
      out.push({ message: `Export Name of output '${name}' must be a string.`, start: n.start, end: n.end });
    }
  }
  return out;
});

export const mappingsShape = cfnRule('CFN6001', 'Mapping is not a two-level map of values', ['E7001'], (ctx) => {
  const out: RawFinding[] = [];
  const idx = templateIndex(ctx.doc, ctx.root);
  for (const [name, p] of idx.mappings) {
    if (idx.languageExtensions && name.startsWith('Fn::')) continue;
    if (!/^[A-Za-z0-9]+$/.test(name)) out.push({ message: `Mapping name '${name}' must be alphanumeric.`, start: p.key.start, end: p.key.end });
    if (!isMap(p.value)) {
      out.push({ message: `Mapping '${name}' must be a mapping of top-level keys to mappings of values.`, start: p.key.start, end: p.key.end });
      continue;
    }
    for (const top of p.value.pairs) {
      if (!isMap(top.value)) {
        out.push({ message: `'${keyText(top)}' in mapping '${name}' must be a mapping of second-level keys to values.`, start: top.key.start, end: top.key.end });
        continue;
      }
      for (const second of top.value.pairs) {
        if (intrinsicName(second.value)) out.push({ message: 'Mapping values must be literal strings or lists; intrinsic functions are not allowed in Mappings.', start: second.value.start, end: second.value.end });
      }
    }
  }
  return out;
});

const CONDITION_FUNCTIONS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals', 'Condition', 'Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn']);

export const conditionsShape = cfnRule('CFN7001', 'Condition is not a condition function', ['E8001', 'E8002'], (ctx) => {
  const out: RawFinding[] = [];
  for (const [name, p] of templateIndex(ctx.doc, ctx.root).conditions) {
    const fn = intrinsicName(p.value);
    if (p.value.kind === 'scalar' && p.value.value === null) {
      out.push({ message: `Condition '${name}' is empty; give it a condition function such as !Equals [a, b], or remove it.`, start: p.key.start, end: p.key.end });
    } else if (p.value.kind === 'scalar' && typeof p.value.value === 'boolean') {
      out.push({ message: `Condition '${name}' is the literal ${p.value.value}; CloudFormation expects a condition function such as Fn::Equals.`, start: p.key.start, end: p.key.end, severity: 'warning' });
    } else if (!fn || !CONDITION_FUNCTIONS.has(fn)) {
      out.push({
        message: `Condition '${name}' must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not, or Condition)${fn ? `, not ${fn}` : ''}.`,
        start: p.key.start,
        end: p.key.end,
      });
    }
  }
  return out;
});

const RULE_KEYS = ['RuleCondition', 'Assertions'];
export const rulesSection = cfnRule('CFN8001', 'Rules entry without Assertions, or with unknown keys', ['E1701', 'E1702'], (ctx) => {
  const out: RawFinding[] = [];
  const rules = get(ctx.root, 'Rules');
  if (!isMap(rules)) return out;
  for (const r of rules.pairs) {
    if (!isMap(r.value)) {
      out.push({ message: `Rule '${keyText(r)}' must be a mapping with Assertions.`, start: r.key.start, end: r.key.end });
      continue;
    }
    if (!get(r.value, 'Assertions')) out.push({ message: `Rule '${keyText(r)}' needs Assertions: a list of {Assert, AssertDescription}.`, start: r.key.start, end: r.key.end });
    for (const k of r.value.pairs) {
      if (!RULE_KEYS.includes(keyText(k))) {
        const cands = closest(keyText(k), RULE_KEYS, 1);
        out.push({ message: `'${keyText(k)}' is not a rule key.${didYouMean(cands)}`, start: k.key.start, end: k.key.end, data: cands.length ? { fix: 'replace', start: k.key.start, end: k.key.end, candidates: cands } : undefined });
      }
    }
  }
  return out;
});

export const otherSectionRules = [outputValue, outputExport, mappingsShape, conditionsShape, rulesSection];
