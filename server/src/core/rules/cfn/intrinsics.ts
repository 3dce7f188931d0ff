import { attributesOf, getAttParts } from '../../cfn/getatt';
import { subVariables } from '../../cfn/sub';
import { intrinsicCalls, type Call } from '../../cfn/calls';
import { isSamGenerated, templateIndex, type TemplateIndex } from '../../cfn/template';
import { PSEUDO_PARAMETERS } from '../../cfn/vocabulary';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../../document/nodes';
import { findTag, INTRINSICS, SHORT_TAGS } from '../../document/tags';
import { closest, didYouMean } from '../../suggest';
import { cfnRule, replaceFinding } from '../define';
import type { FixData, RawFinding, Rule } from '../types';

function targetExists(idx: TemplateIndex, name: string): boolean {
  return idx.parameters.has(name) || idx.resources.has(name) || PSEUDO_PARAMETERS.includes(name) || isSamGenerated(idx, name);
}

function report(out: RawFinding[], n: Node, message: string, candidates: string[] = []): void {
  const f = replaceFinding(n, message, candidates);
  if (!isScalar(n)) f.data = undefined; // only a plain value can be replaced by a name
  out.push(f);
}

function callRule(code: string, title: string, cfnLint: string[], fn: (c: Call, idx: TemplateIndex, out: RawFinding[], text: string) => void, opts: { skipForeign?: boolean } = {}): Rule {
  return cfnRule(code, title, cfnLint, (ctx) => {
    const idx = templateIndex(ctx.doc, ctx.root);
    if (opts.skipForeign && idx.foreignTransform) return [];
    const out: RawFinding[] = [];
    for (const c of intrinsicCalls(ctx.doc, ctx.root).calls) if (!c.inLoop) fn(c, idx, out, ctx.doc.text);
    return out;
  });
}

export const refTarget = callRule('CFN4001', 'Ref target does not exist', ['E1012', 'E1020'], (c, idx, out) => {
  if (c.fn !== 'Ref') return;
  const name = str(c.arg);
  if (name === undefined || !isScalar(c.arg)) return;
  if (c.section === 'Conditions' && idx.resources.has(name)) {
    report(out, c.arg, `Conditions can only Ref parameters and pseudo parameters, not the resource '${name}'.`);
    return;
  }
  if (targetExists(idx, name)) return;
  if (idx.sam && /\.(Alias|Version)$/.test(name) && idx.resources.has(name.replace(/\.(Alias|Version)$/, ''))) return;
  const cands = closest(name, [...idx.parameters.keys(), ...idx.resources.keys(), ...PSEUDO_PARAMETERS], 3);
  report(out, c.arg, `Ref '${name}' does not name a parameter, resource or pseudo parameter in this template.`, cands);
}, { skipForeign: true });

export const getAttResource = callRule('CFN4002', 'GetAtt names a resource that does not exist', ['E1010'], (c, idx, out) => {
  if (c.fn !== 'Fn::GetAtt') return;
  const parts = getAttParts(c.arg);
  if (!parts?.resName || !parts.res) return;
  if (idx.resources.has(parts.resName) || isSamGenerated(idx, parts.resName)) return;
  const cands = closest(parts.resName, idx.resources.keys(), 3);
  if (idx.parameters.has(parts.resName)) {
    report(out, parts.res, `GetAtt reads attributes of resources; '${parts.resName}' is a parameter (use Ref).`);
    return;
  }
  if (isScalar(c.arg) && parts.attrName !== undefined) {
    // `!GetAtt Res.Attr` is one scalar: the fix rewrites it whole, keeping the attribute.
    out.push({
      message: `GetAtt names '${parts.resName}', which is not a resource in this template.${didYouMean(cands)}`,
      start: c.arg.start,
      end: c.arg.end,
      data: cands.length ? { fix: 'replace', start: c.arg.start, end: c.arg.end, candidates: cands.map((x) => `${x}.${parts.attrName}`) } : undefined,
    });
    return;
  }
  report(out, parts.res, `GetAtt names '${parts.resName}', which is not a resource in this template.`, cands);
}, { skipForeign: true });

/** Types whose `Outputs.<name>` GetAtt reads an output of another stack (any name). */
const STACK_OUTPUT_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application', 'AWS::ServiceCatalog::CloudFormationProvisionedProduct']);

export const getAttAttribute = callRule('CFN4003', 'GetAtt attribute does not exist on that resource type', ['E1010'], (c, idx, out, text) => {
  if (c.fn !== 'Fn::GetAtt') return;
  const parts = getAttParts(c.arg);
  if (!parts?.resName || !parts.attr || parts.attrName === undefined) return;
  const r = idx.resources.get(parts.resName);
  if (!r) return;
  if (r.type && STACK_OUTPUT_TYPES.has(r.type) && parts.attrName.startsWith('Outputs.')) return;
  // SAM exposes generated resources' attributes as `Version.X`, `Alias.X`, `Role.X`, ...
  if (r.type?.startsWith('AWS::Serverless::') && parts.attrName.includes('.')) return;
  const attrs = attributesOf(r.type);
  if (!attrs || attrs.includes(parts.attrName)) return;
  if (r.type?.startsWith('AWS::Serverless::') && attrs.length === 0) return;
  const cands = closest(parts.attrName, attrs, 3);
  out.push({
    message: `${r.type} has no attribute '${parts.attrName}'.${didYouMean(cands)} ${attrs.length ? `Attributes: ${attrs.slice(0, 10).join(', ')}${attrs.length > 10 ? ', …' : ''}.` : 'It has no attributes to read.'}`,
    start: parts.attr.start,
    end: parts.attr.end,
    data: cands.length ? attrFix(parts.attr, parts.attr === parts.res ? `${parts.resName}.` : '', text, cands) : undefined,
  });
}, { skipForeign: true });

/** Replace just the attribute: in `Res.Attr` (one plain scalar) the part after the dot. */
function attrFix(attr: Node, before: string, text: string, candidates: string[]): FixData | undefined {
  if (!before) return { fix: 'replace', start: attr.start, end: attr.end, candidates };
  if (!text.startsWith(before, attr.start)) return undefined; // quoted or escaped: leave it to the user
  return { fix: 'replace', start: attr.start + before.length, end: attr.end, candidates };
}

export const subVariablesResolve = callRule('CFN4004', 'Fn::Sub variable does not resolve', ['E1019'], (c, idx, out, source) => {
  if (c.fn !== 'Fn::Sub') return;
  let strNode: Node | undefined = c.arg;
  let vars = new Set<string>();
  if (isSeq(c.arg)) {
    strNode = c.arg.items[0];
    const m = c.arg.items[1];
    if (isMap(m)) vars = new Set(m.pairs.map(keyText));
    else if (m && intrinsicName(m)) return;
  }
  if (!isScalar(strNode) || typeof strNode.value !== 'string') return;
  const text = strNode.value;
  for (const v of subVariables(text)) {
    const name = v.name;
    if (vars.has(name) || targetExists(idx, name)) continue;
    if (name.includes('.')) {
      const [res] = name.split('.');
      if (idx.resources.has(res) || isSamGenerated(idx, res)) continue;
    }
    if (idx.sam && /\.(Alias|Version)$/.test(name)) continue;
    const inner = locateVariable(source, strNode, name);
    const cands = closest(name, [...vars, ...idx.parameters.keys(), ...idx.resources.keys(), ...PSEUDO_PARAMETERS], 2);
    out.push({
      message: `Variable \${${name}} in Fn::Sub is not a parameter, resource, resource attribute or pseudo parameter${vars.size ? ', nor a key of the variable map' : ''}.${didYouMean(cands)}`,
      start: inner?.start ?? strNode.start,
      end: inner?.end ?? strNode.end,
      data: inner && cands.length ? { fix: 'replace', start: inner.start, end: inner.end, candidates: cands } : undefined,
    });
  }
}, { skipForeign: true });

/** Where `${name}` stands in the scalar as written, so the squiggle sits on the variable itself. */
function locateVariable(source: string, n: Node, name: string): { start: number; end: number } | undefined {
  const i = source.slice(n.start, n.end).indexOf('${' + name);
  if (i < 0) return undefined;
  return { start: n.start + i + 2, end: n.start + i + 2 + name.length };
}

export const findInMapTarget = callRule('CFN4005', 'Fn::FindInMap names a mapping or key that does not exist', ['E1011'], (c, idx, out) => {
  if (c.fn !== 'Fn::FindInMap' || !isSeq(c.arg)) return;
  const [mapNode, topNode, secondNode] = c.arg.items;
  const mapName = isScalar(mapNode) ? str(mapNode) : undefined;
  if (mapName === undefined) return;
  const map = idx.mappings.get(mapName);
  if (!map) {
    report(out, mapNode, `Fn::FindInMap names the mapping '${mapName}', which is not in the Mappings section.`, closest(mapName, idx.mappings.keys(), 2));
    return;
  }
  const top = isScalar(topNode) ? str(topNode) : undefined;
  if (top === undefined || !isMap(map.value)) return;
  const topEntry = get(map.value, top);
  const hasDefault = c.arg.items.length === 4;
  if (!topEntry) {
    if (!hasDefault) report(out, topNode, `Mapping '${mapName}' has no key '${top}'.`, closest(top, map.value.pairs.map(keyText), 2));
    return;
  }
  const second = isScalar(secondNode) ? str(secondNode) : undefined;
  if (second !== undefined && isMap(topEntry) && !get(topEntry, second) && !hasDefault) {
    report(out, secondNode, `Mapping '${mapName}' has no key '${second}' under '${top}'.`, closest(second, topEntry.pairs.map(keyText), 2));
  }
}, { skipForeign: true });

export const conditionNames = callRule('CFN4006', 'Fn::If or Condition names a condition that does not exist', ['E1028', 'E8002'], (c, idx, out) => {
  let nameNode: Node | undefined;
  if (c.fn === 'Fn::If' && isSeq(c.arg)) nameNode = c.arg.items[0];
  else if (c.fn === 'Condition') nameNode = c.arg;
  if (!nameNode || !isScalar(nameNode)) return;
  const name = str(nameNode);
  if (name === undefined || idx.conditions.has(name)) return;
  report(out, nameNode, `Condition '${name}' is not defined in the Conditions section.`, closest(name, idx.conditions.keys(), 2));
}, { skipForeign: true });

/** What is wrong with a function's arguments: a sentence (reported on the function's key) or one pointing at the argument at fault. */
type Problem = string | { problem: string; at: Node; data?: FixData };
type Shape = (arg: Node, idx: TemplateIndex) => Problem | undefined;
const listOf = (min: number, max = min): Shape => (a) => {
  if (intrinsicName(a)) return undefined;
  if (!isSeq(a)) return `takes a list of ${min === max ? min : `${min} to ${max}`} items`;
  if (a.items.length < min || a.items.length > max) return `takes ${min === max ? min : `${min} to ${max}`} items, not ${a.items.length}`;
  return undefined;
};
const scalarOrFn: Shape = (a) => (isScalar(a) || intrinsicName(a) ? undefined : 'takes a string (or another function)');
/** Functions whose result is one string, so never a list to select from. */
const STRING_FUNCTIONS = new Set(['Fn::Join', 'Fn::Sub', 'Fn::Base64']);
/** `[index, list]`: a whole-number index, a list (or a function returning one), and an index inside a literal list. */
const selectArgs: Shape = (a) => {
  if (!isSeq(a) || a.items.length !== 2) return undefined;
  const [index, list] = a.items;
  const i = isScalar(index) ? str(index)?.trim() : undefined;
  if (isScalar(index) && (i === undefined || !/^\d+$/.test(i))) return { problem: `takes a whole-number index first (0 for the first item), not '${i ?? ''}'`, at: index };
  if (isScalar(list) || STRING_FUNCTIONS.has(intrinsicName(list) ?? '')) {
    return { problem: 'selects from a list (a literal list, !GetAZs, !Split, !Cidr or a list parameter), not from one string', at: list };
  }
  if (isSeq(list) && i !== undefined && Number(i) >= list.items.length) {
    return { problem: `index ${i} is past the end of the ${list.items.length}-item list (indexes start at 0)`, at: index };
  }
  return undefined;
};
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** A region name, or '' for the stack's own region. */
const getAzsRegion: Shape = (a) => {
  const v = isScalar(a) && typeof a.value === 'string' ? a.value.trim() : undefined;
  if (!v || REGION.test(v)) return undefined;
  const az = /^(.*-\d{1,2})[a-z]$/.exec(v);
  if (az && REGION.test(az[1])) {
    return { problem: `takes a region, not the Availability Zone '${v}'`, at: a, data: { fix: 'replace', start: a.start, end: a.end, candidates: [az[1]] } };
  }
  return { problem: `takes a region name such as us-east-1 (or '' for the stack's region), not '${v}'`, at: a };
};
const CONDITION_ITEMS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals', 'Condition', 'Fn::If', 'Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn']);
/** Fn::And/Or/Not take conditions: other condition functions or `{Condition: Name}`. */
function conditionItems(a: Node): string | undefined {
  if (!isSeq(a)) return undefined;
  const bad = a.items.find((i) => {
    if (intrinsicName(i) && CONDITION_ITEMS.has(intrinsicName(i)!)) return false;
    return !(isMap(i) && i.pairs.length === 1 && i.pairs[0].key.value === 'Condition');
  });
  return bad ? 'takes conditions (Fn::Equals, Fn::And, Fn::Or, Fn::Not or {Condition: Name}), not plain values' : undefined;
}

/** A `Ref` to a list-typed parameter among Fn::Equals' values: it yields a list, not a string. */
function listParameter(a: Node, idx: TemplateIndex): Problem | undefined {
  if (!isSeq(a)) return undefined;
  for (const item of a.items) {
    if (intrinsicName(item) !== 'Ref') continue;
    const name = str((item as MapNode).pairs[0].value);
    const type = name === undefined ? undefined : str(get(idx.parameters.get(name)?.value, 'Type'));
    if (type && (type === 'CommaDelimitedList' || /^List<|::List<|^AWS::SSM::Parameter::Value<List</.test(type))) {
      return { problem: `compares strings, but parameter '${name}' is a ${type}, which Ref gives as a list; compare one item (!Select [0, !Ref ${name}]) or the joined text (!Join [',', !Ref ${name}])`, at: item };
    }
  }
  return undefined;
}

const SHAPES: Record<string, Shape> = {
  Ref: (a) => (isScalar(a) && typeof a.value === 'string' ? undefined : 'takes the name of a parameter or resource as a plain string'),
  'Fn::GetAtt': (a) => {
    if (isScalar(a)) return str(a)?.includes('.') ? undefined : "takes 'Resource.Attribute' or [Resource, Attribute]";
    return isSeq(a) && a.items.length === 2 ? undefined : "takes 'Resource.Attribute' or [Resource, Attribute]";
  },
  'Fn::Sub': (a) => {
    if (isScalar(a)) return undefined;
    if (isSeq(a) && a.items.length === 2 && (isMap(a.items[1]) || intrinsicName(a.items[1]))) return undefined;
    return 'takes a string, or [string, {variable: value}]';
  },
  'Fn::Join': (a) => listOf(2)(a, undefined!) ?? (isSeq(a) && !isScalar(a.items[0]) ? 'needs a delimiter string first' : undefined),
  'Fn::Select': (a, idx) => listOf(2)(a, idx) ?? selectArgs(a, idx),
  'Fn::Split': listOf(2),
  'Fn::If': listOf(3),
  'Fn::Equals': (a, idx) => listOf(2)(a, idx) ?? (isSeq(a) && a.items.some((i) => !isScalar(i) && !intrinsicName(i)) ? 'compares two strings (or functions that return strings), not lists or mappings' : undefined) ?? listParameter(a, idx),
  'Fn::And': (a, idx) => listOf(2, 10)(a, idx) ?? conditionItems(a),
  'Fn::Or': (a, idx) => listOf(2, 10)(a, idx) ?? conditionItems(a),
  'Fn::Not': (a, idx) => listOf(1)(a, idx) ?? conditionItems(a),
  'Fn::FindInMap': (a, idx) => listOf(3, idx.languageExtensions ? 4 : 3)(a, idx),
  'Fn::Base64': scalarOrFn,
  'Fn::Cidr': listOf(3),
  'Fn::GetAZs': (a, idx) => scalarOrFn(a, idx) ?? getAzsRegion(a, idx),
  'Fn::ImportValue': scalarOrFn,
};

export const functionShape = callRule('CFN4007', 'Intrinsic function has the wrong arguments', ['E1017', 'E1018', 'E1019', 'E1021', 'E1022', 'E1010', 'E1011', 'E1015', 'E1020', 'E1028', 'E1024'], (c, idx, out) => {
  const shape = SHAPES[c.fn];
  const problem = shape?.(c.arg, idx);
  if (typeof problem === 'string') {
    const key = c.node.pairs[0].key;
    out.push({ message: `${c.fn.replace(/^Fn::/, 'Fn::')} ${problem}.`, start: key.start, end: key.end });
  } else if (problem) {
    // A function argument is reported on its name (`!Join`), a list on its opening bracket.
    const at = isMap(problem.at) && problem.at.pairs.length ? problem.at.pairs[0].key : problem.at;
    out.push({ message: `${c.fn} ${problem.problem}.`, start: at.start, end: isSeq(at) ? at.start + 1 : at.end, data: problem.data });
  }
});

const SHORT_TAG_NAMES = Object.keys(SHORT_TAGS);

export const unknownFunction = cfnRule('CFN4008', 'Unknown intrinsic function', ['E1001', 'E3002', 'E3012', 'E1021'], (ctx) => {
  const names = [...INTRINSICS, 'Ref'];
  const { unknown, tags } = intrinsicCalls(ctx.doc, ctx.root);
  const out: RawFinding[] = unknown.map(({ node, name }) => {
    const key = node.pairs[0].key;
    const cands = closest(name, names, 2);
    return {
      message: `'${name}' is not an intrinsic function.${didYouMean(cands)}`,
      start: key.start,
      end: key.end,
      data: cands.length && !node.short ? { fix: 'replace' as const, start: key.start, end: key.end, candidates: cands } : undefined,
    };
  });
  for (const n of tags) {
    const tag = n.tag as string;
    const start = findTag(ctx.doc.text, tag, n.start);
    const cands = closest(tag, SHORT_TAG_NAMES, 2);
    out.push({
      message: `'${tag}' is not a CloudFormation tag, so CloudFormation rejects the template. If a tool expands it before deploying (rain, a packager), deploy through that tool; otherwise use an intrinsic function.${didYouMean(cands)}`,
      start,
      end: start + tag.length,
      data: cands.length ? { fix: 'replace' as const, start, end: start + tag.length, candidates: cands } : undefined,
    });
  }
  return out;
});

const NOT_IN_CONDITIONS = new Set(['Fn::If', 'Fn::GetAtt', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Base64', 'Fn::Cidr']);
export const functionPlacement = callRule('CFN4009', 'Intrinsic function not allowed where it stands', ['E1001', 'E8001', 'E8003', 'E8004', 'E8005', 'E8006'], (c, _idx, out) => {
  if (c.section === 'Conditions' && NOT_IN_CONDITIONS.has(c.fn)) {
    const key = c.node.pairs[0].key;
    out.push({ message: `${c.fn} cannot be used in the Conditions section; conditions use Fn::And, Fn::Or, Fn::Not, Fn::Equals, Condition, Ref and Fn::FindInMap.`, start: key.start, end: key.end });
  }
  if (c.section === 'Parameters') {
    const key = c.node.pairs[0].key;
    out.push({ message: `${c.fn} cannot be used in the Parameters section; parameter definitions are literal.`, start: key.start, end: key.end });
  }
});

export const intrinsicRules: Rule[] = [
  refTarget, getAttResource, getAttAttribute, subVariablesResolve, findInMapTarget, conditionNames, functionShape,
  unknownFunction, functionPlacement,
];
