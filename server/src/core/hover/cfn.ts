import { attributesOf } from '../cfn/getatt';
import { templateIndex } from '../cfn/template';
import { validParameterType } from '../cfn/vocabulary';
import type { TemplateDocument } from '../document/model';
import { locate, type Located } from '../document/locate';
import { get, intrinsicName, isMap, isScalar, str, type MapNode, type Node } from '../document/nodes';
import type { Kind } from '../kind';
import { specDoc } from '../schema/cfnDocs';
import { propertyTypeSpec, resourceSpec, typeLabel, type SpecProperty, type SpecType } from '../schema/resourceView';
import { INTRINSIC_DOCS, OUTPUT_KEY_DOCS, PARAMETER_KEY_DOCS, PSEUDO_DOCS, RESOURCE_ATTRIBUTE_DOCS, SECTION_DOCS } from '../schema/cfnLanguage';
import { SAM_TYPES } from '../schema/sam';
import type { HoverResult } from './types';

/** What a hover in a CloudFormation/SAM template is about: the term (for notes search) and the spec text. */
export function cfnHover(doc: TemplateDocument, _kind: Kind, offset: number): HoverResult | null {
  const root = doc.root;
  if (!isMap(root)) return null;
  const loc = locate(root, offset);
  if (loc.steps.length < 2) return null;
  const keys = loc.steps.slice(1).map((s) => s.key);
  const last = loc.steps[loc.steps.length - 1];
  const range = (n: { start: number; end: number }) => ({ start: n.start, end: n.end });

  // Top-level section key.
  if (keys.length === 1 && loc.onKey) {
    const k = String(keys[0]);
    const d = SECTION_DOCS[k];
    return d ? { term: k, markdown: `**${k}** (template section)\n\n${d}`, ...range(last.pair!.key) } : null;
  }

  // An intrinsic function key or short tag, anywhere.
  const fnHit = intrinsicAt(loc, offset);
  if (fnHit) return fnHit;

  const section = String(keys[0]);
  const idx = templateIndex(doc, root);

  // Ref to a pseudo parameter, parameter or resource.
  const parent = loc.steps[loc.steps.length - 2]?.node;
  if (!loc.onKey && isScalar(last.node) && last.key === 'Ref' && isMap(parent)) {
    const name = str(last.node) ?? '';
    if (PSEUDO_DOCS[name]) return { term: name, markdown: `**${name}** (pseudo parameter)\n\n${PSEUDO_DOCS[name]}`, ...range(last.node) };
    const r = idx.resources.get(name);
    if (r?.type) return { term: r.type, markdown: `**${name}**: ${r.type}\n\n${typeDoc(r.type)}`, ...range(last.node) };
    const p = idx.parameters.get(name);
    if (p) return { term: name, markdown: `**${name}** (parameter, ${str(get(p.value, 'Type')) ?? 'String'})${str(get(p.value, 'Description')) ? `\n\n${str(get(p.value, 'Description'))}` : ''}`, ...range(last.node) };
  }

  if (section === 'Resources' && keys.length >= 2) {
    const r = idx.resources.get(String(keys[1]));
    if (!r) return null;
    // Resource logical ID, or its Type value.
    if ((keys.length === 2 && loc.onKey) || (keys.length === 3 && keys[2] === 'Type' && !loc.onKey)) {
      if (!r.type) return null;
      return { term: r.type, markdown: `**${r.type}**\n\n${typeDoc(r.type)}${requiredList(r.type)}`, ...range(keys.length === 2 ? last.pair!.key : last.node) };
    }
    // Resource attribute key (DependsOn, DeletionPolicy, ...).
    if (keys.length === 3 && loc.onKey) {
      const k = String(keys[2]);
      const d = RESOURCE_ATTRIBUTE_DOCS[k];
      return d ? { term: k, markdown: `**${k}** (resource attribute)\n\n${d}`, ...range(last.pair!.key) } : null;
    }
    // A property key (or a value under it) inside Properties.
    if (keys[2] === 'Properties' && keys.length >= 4 && r.type) {
      const hit = propertyAt(r.type, keys.slice(3), loc);
      if (hit) return hit;
    }
  }

  // GetAtt attribute.
  const getAtt = getAttAt(loc, idx.resources);
  if (getAtt) return getAtt;

  // Keys of a parameter or an output.
  if (keys.length === 3 && loc.onKey && (section === 'Parameters' || section === 'Outputs')) {
    const k = String(keys[2]);
    const d = (section === 'Parameters' ? PARAMETER_KEY_DOCS : OUTPUT_KEY_DOCS)[k];
    if (d) return { term: k, markdown: `**${k}** (${section === 'Parameters' ? 'parameter' : 'output'} property)\n\n${d}`, ...range(last.pair!.key) };
  }

  // Parameter Type value.
  if (section === 'Parameters' && keys.length === 3 && keys[2] === 'Type' && !loc.onKey) {
    const t = str(last.node) ?? '';
    if (validParameterType(t)) return { term: t, markdown: `**${t}** (parameter type)\n\n${parameterTypeDoc(t)}`, ...range(last.node) };
  }
  return null;
}

function typeDoc(type: string): string {
  const sam = SAM_TYPES[type];
  if (sam) return sam.doc;
  return specDoc(type) ?? (type.startsWith('Custom::') ? 'A custom resource: a Lambda function or SNS topic (ServiceToken) creates, updates and deletes it.' : '');
}

function requiredList(type: string): string {
  const spec = resourceSpec(type);
  const sam = SAM_TYPES[type];
  const req = spec ? Object.entries(spec.p).filter(([, p]) => p.r).map(([n]) => n) : sam?.required ?? [];
  const attrs = attributesOf(type) ?? [];
  let s = req.length ? `\n\nRequired properties: ${req.map((r) => `\`${r}\``).join(', ')}` : '';
  if (attrs.length) s += `\n\nGetAtt attributes: ${attrs.slice(0, 12).map((a) => `\`${a}\``).join(', ')}${attrs.length > 12 ? ', …' : ''}`;
  return s;
}

/** Walk the property path through the spec to the property the cursor is on. */
function propertyAt(type: string, path: (string | number | undefined)[], loc: Located): HoverResult | null {
  const sam = SAM_TYPES[type];
  const last = loc.steps[loc.steps.length - 1];
  if (sam) {
    const name = String(path[0]);
    const d = sam.properties[name];
    if (!d || path.length !== 1) return null;
    const at = loc.onKey ? last.pair!.key : loc.steps[4]?.pair?.key ?? last.node;
    return { term: name, markdown: `**${name}** — ${type}\n\n${d}`, start: at.start, end: at.end };
  }
  const spec = resourceSpec(type);
  if (!spec) return null;
  let props: Record<string, SpecProperty> | undefined = spec.p;
  let owner = type;
  let docOwner = type;
  let found: { name: string; prop: SpecProperty; docKey: string; owner: string } | undefined;
  let depthOfFound = -1;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (typeof k === 'number') continue;
    if (!props || k === undefined || !props[k]) break;
    found = { name: k, prop: props[k], docKey: `${docOwner}.${k}`, owner };
    depthOfFound = i;
    const next = refOf(props[k].t);
    if (!next) {
      props = undefined;
      continue;
    }
    const t = propertyTypeSpec(next);
    owner = t?.n ?? owner;
    docOwner = next;
    props = t?.p;
  }
  if (!found) return null;
  // Only when the cursor is on that property's key or directly on its scalar value.
  const stepIndex = 4 + depthOfFound; // steps: root, Resources, Name, Properties, path[0], ...
  const step = loc.steps[stepIndex];
  if (!step?.pair) return null;
  if (loc.steps.length - 1 !== stepIndex && !(loc.steps.length - 1 === stepIndex + 1 && typeof path[depthOfFound + 1] === 'number')) return null;
  const d = specDoc(found.docKey) ?? '';
  const enumValues = enumOf(found.prop.t);
  const md = [
    `**${found.name}** — ${found.owner} · ${typeLabel(found.prop.t)}${found.prop.r ? ' · required' : ''}`,
    d,
    enumValues ? `Allowed values: ${enumValues.map((v) => `\`${v}\``).join(', ')}` : '',
  ].filter(Boolean).join('\n\n');
  // A nested key is explained in the context of the properties above it (`AWS::S3::Bucket.LifecycleConfiguration`).
  const parents = path.slice(0, depthOfFound).filter((k): k is string => typeof k === 'string');
  const context = [type, ...parents].join('.');
  return { term: found.name, context, markdown: md, start: step.pair.key.start, end: step.pair.key.end };
}

function refOf(t: SpecType): string | undefined {
  if (typeof t === 'string') return undefined;
  if (t[0] === 'r') return t[1] as string;
  if (t[0] === 'l' || t[0] === 'm') return refOf(t[1] as SpecType);
  if (t[0] === 'u') for (const x of t.slice(1) as SpecType[]) { const r = refOf(x); if (r) return r; }
  return undefined;
}

function enumOf(t: SpecType): string[] | undefined {
  if (typeof t !== 'string' && t[0] === 'e') return t.slice(1) as string[];
  return undefined;
}

function intrinsicAt(loc: Located, offset: number): HoverResult | null {
  for (let i = loc.steps.length - 1; i >= 1; i--) {
    const parent = loc.steps[i - 1].node;
    const fn = intrinsicName(parent);
    if (!fn) continue;
    const key = (parent as MapNode).pairs[0].key;
    if (offset >= key.start && offset <= key.end) {
      const d = INTRINSIC_DOCS[fn];
      if (!d) return null;
      return { term: fn, markdown: `**${fn}** (intrinsic function)\n\n${d.summary}\n\n\`\`\`yaml\n${d.syntax}\n\`\`\``, start: key.start, end: key.end };
    }
  }
  return null;
}

function getAttAt(loc: Located, resources: Map<string, { type?: string }>): HoverResult | null {
  for (let i = loc.steps.length - 1; i >= 1; i--) {
    const n = loc.steps[i].node;
    if (loc.steps[i].key !== 'Fn::GetAtt' && loc.steps[i - 1]?.key !== 'Fn::GetAtt') continue;
    const arg: Node = loc.steps[i].key === 'Fn::GetAtt' ? n : loc.steps[i - 1].node;
    let resName: string | undefined;
    let attr: string | undefined;
    if (isScalar(arg)) [resName, attr] = splitOnce(str(arg) ?? '');
    else if (arg.kind === 'seq') [resName, attr] = [str(arg.items[0]), str(arg.items[1])];
    const type = resName ? resources.get(resName)?.type : undefined;
    if (!type || !attr) return null;
    const d = specDoc(`${type}@${attr}`);
    const target = isScalar(n) ? n : arg;
    return { term: attr, context: type, markdown: `**${resName}.${attr}** — attribute of ${type}${d ? `\n\n${d}` : ''}`, start: target.start, end: target.end };
  }
  return null;
}

function splitOnce(s: string): [string, string | undefined] {
  const i = s.indexOf('.');
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function parameterTypeDoc(t: string): string {
  if (t === 'String') return 'A text value.';
  if (t === 'Number') return 'An integer or float; CloudFormation still passes it to resources as a string.';
  if (t === 'CommaDelimitedList') return 'Comma-separated strings, returned by Ref as a list.';
  if (t.startsWith('List<')) return 'A comma-separated list; Ref returns a list. AWS-specific lists are validated against existing resources.';
  if (t.startsWith('AWS::SSM::Parameter::Value')) return 'The value is read from Systems Manager Parameter Store at deploy time; the parameter value is the SSM parameter name.';
  if (t === 'AWS::SSM::Parameter::Name') return 'The name of a Systems Manager parameter (its value is not read).';
  return 'An AWS-specific type: the console shows a picker and CloudFormation checks the value exists in the account and Region.';
}
