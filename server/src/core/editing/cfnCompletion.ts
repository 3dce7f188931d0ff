/**
 * Completion in CloudFormation and SAM templates. The cursor (cursor.ts) says which key path we are
 * at and what is typed; this module decides what fits there: sections, resource attributes, types,
 * properties, values, intrinsic functions and their targets.
 */
import { attributesOf, isOwnAttribute } from '../cfn/getatt';
import { templateIndex, type TemplateIndex } from '../cfn/template';
import { allParameterTypes, DELETION_POLICIES, PARAMETER_KEYS, PSEUDO_PARAMETERS, RESOURCE_KEYS, SECTIONS, UPDATE_REPLACE_POLICIES } from '../cfn/vocabulary';
import type { TemplateDocument } from '../document/model';
import { locate } from '../document/locate';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../document/nodes';
import { SAM_TRANSFORM, type Kind } from '../kind';
import { specDoc } from '../schema/cfnDocs';
import { allResourceTypes, resourceSpec, typeLabel, type SpecType } from '../schema/resourceView';
import { INTRINSIC_DOCS, PSEUDO_DOCS, RESOURCE_ATTRIBUTE_DOCS, SECTION_DOCS } from '../schema/cfnLanguage';
import { SAM_GLOBALS, SAM_RESOURCE_KEYS, SAM_TYPES } from '../schema/sam';
import { inlineContext, type Cursor, type Inline, type Segment } from './cursor';
import { enumOf, isScalarType, propertySlot, propertySuffix, scalarValues, type Slot } from './cfnSpecSlots';
import { fuzzyScore, LITERAL_MATCH } from './fuzzy';
import type { CompletionItem, CompletionKind, CompletionResult } from './types';
import { insertKey, nodeAt, wordEnd } from './util';

interface Ctx {
  doc: TemplateDocument;
  kind: Kind;
  offset: number;
  cur: Cursor;
  idx: TemplateIndex;
  root: MapNode;
}

const EMPTY_ROOT: MapNode = { kind: 'map', pairs: [], start: 0, end: 0 };
/** At most this many resource types are sent at once; the client asks again as the user types. */
const MAX_TYPES = 100;

export function cfnCompletions(doc: TemplateDocument, kind: Kind, offset: number, cur: Cursor): CompletionResult {
  const root = isMap(doc.root) ? doc.root : EMPTY_ROOT;
  const ctx: Ctx = { doc, kind, offset, cur, idx: templateIndex(doc, root), root };
  if (cur.at === 'key') return done(keyItems(ctx, cur.path, cur.start));
  // A list entry that may be the first key of a mapping (`- Ke|` in Tags).
  if (cur.at === 'item' && !cur.json && /^([A-Za-z][\w:.-]*)?$/.test(cur.text) && !cur.hasColon) {
    const keys = keyItems(ctx, cur.path, cur.start, true);
    if (keys.length) return done(keys);
  }
  return valueItems(ctx);
}

function done(items: CompletionItem[]): CompletionResult {
  return { items, isIncomplete: false };
}

// ---------------------------------------------------------------------------------------------
// Keys

function keyItems(ctx: Ctx, path: Segment[], start: number, inItem = false): CompletionItem[] {
  const [section, name, third] = path;
  const existing = existingKeys(ctx, path);
  const out: CompletionItem[] = [];
  const add = (label: string, kind: CompletionKind, o: KeyOpts = {}) => {
    if (!existing.has(label)) out.push(keyItem(ctx, start, label, kind, o));
  };
  if (path.length === 0) {
    const order = Object.keys(SECTIONS);
    for (const s of order) {
      if (s === 'Globals' && ctx.kind !== 'sam') continue;
      add(s, 'section', { documentation: SECTION_DOCS[s], suffix: sectionSuffix(s), sort: String(order.indexOf(s)).padStart(2, '0') });
    }
    return out;
  }
  if (inItem && typeof path[path.length - 1] !== 'number') return out;
  if (section === 'Resources' && typeof name === 'string') {
    const r = ctx.idx.resources.get(name);
    if (path.length === 2) {
      const keys = [...RESOURCE_KEYS.filter((k) => k !== 'Version'), ...(ctx.kind === 'sam' ? SAM_RESOURCE_KEYS : [])];
      keys.forEach((k, i) =>
        add(k, 'key', { documentation: RESOURCE_ATTRIBUTE_DOCS[k], suffix: resourceKeySuffix(k), sort: String(i).padStart(2, '0'), retrigger: k === 'Type' || k === 'DependsOn' || k === 'Condition' }),
      );
      return out;
    }
    if (third === 'Properties' && r?.type) out.push(...propertyKeys(ctx, r.type, path.slice(3), start, existing, inItem));
    return out;
  }
  if (section === 'Parameters' && path.length === 2) {
    PARAMETER_KEYS.forEach((k, i) => add(k, 'key', { sort: k === 'Type' ? '00' : k === 'Default' || k === 'Description' ? '01' : String(i + 2).padStart(2, '0'), retrigger: k === 'Type' }));
    return out;
  }
  if (section === 'Outputs' && path.length === 2) {
    add('Value', 'key', { sort: '0', documentation: 'The value the stack returns (often a Ref, GetAtt or Sub).' });
    add('Description', 'key', { sort: '1' });
    add('Export', 'key', { sort: '2', suffix: ':\n  Name: ${1}', documentation: 'Export the value under a name other stacks in this Region can import with Fn::ImportValue.' });
    add('Condition', 'key', { sort: '3', retrigger: true, documentation: 'Create this output only when the condition is true.' });
    return out;
  }
  if (section === 'Outputs' && path.length === 3 && third === 'Export') {
    add('Name', 'key');
    return out;
  }
  if (section === 'Globals' && ctx.kind === 'sam') {
    if (path.length === 1) for (const g of Object.keys(SAM_GLOBALS)) add(g, 'key', { suffix: ':\n  ${1}', documentation: `Properties every ${SAM_GLOBALS[g]} in this template gets.` });
    else if (path.length === 2 && typeof name === 'string' && SAM_GLOBALS[name]) out.push(...samPropertyKeys(ctx, SAM_GLOBALS[name], start, existing));
    return out;
  }
  // Inside a value that takes an expression (a condition, an output value): long forms.
  const inExpression = (section === 'Conditions' && path.length >= 2) || (section === 'Outputs' && path.length >= 3);
  if (!inItem && inExpression) out.push(...functionItems(ctx, start, 'long', path));
  return out;
}

interface KeyOpts {
  detail?: string;
  documentation?: string;
  /** Snippet text after the key name in YAML (a value choice, a nested block); default `: `. */
  suffix?: string;
  sort?: string;
  retrigger?: boolean;
}

function keyItem(ctx: Ctx, start: number, label: string, kind: CompletionKind, o: KeyOpts): CompletionItem {
  const { cur } = ctx;
  const item: CompletionItem = { label, kind, replace: { start, end: wordEnd(ctx.doc.text, ctx.offset, KEY_CHARS) } };
  if (o.detail) item.detail = o.detail;
  if (o.documentation) item.documentation = o.documentation;
  if (o.sort !== undefined) item.sortText = o.sort + label;
  insertKey(item, cur, o.suffix ?? ': ');
  if (o.retrigger && !o.suffix && item.isSnippet) item.retrigger = true;
  return item;
}

function sectionSuffix(s: string): string {
  if (s === 'AWSTemplateFormatVersion') return ": '2010-09-09'";
  if (s === 'Transform') return `: \${1|${SAM_TRANSFORM},AWS::LanguageExtensions|}`;
  if (s === 'Description') return ': ${1}';
  return ':\n  ${0}';
}

function resourceKeySuffix(k: string): string | undefined {
  if (k === 'Properties' || k === 'Metadata' || k === 'CreationPolicy' || k === 'UpdatePolicy') return ':\n  ${0}';
  if (k === 'DeletionPolicy') return `: \${1|${DELETION_POLICIES.join(',')}|}`;
  if (k === 'UpdateReplacePolicy') return `: \${1|${UPDATE_REPLACE_POLICIES.join(',')}|}`;
  return undefined;
}

/** Properties of the object at `rest` under a resource's Properties, required ones first. */
function propertyKeys(ctx: Ctx, type: string, rest: Segment[], start: number, existing: Set<string>, inItem: boolean): CompletionItem[] {
  if (SAM_TYPES[type]) {
    if (rest.length === 0) return samPropertyKeys(ctx, type, start, existing);
    // `Events: Name:` → Type and Properties of the event source.
    if (rest.length === 2 && rest[0] === 'Events' && SAM_TYPES[type].events) {
      return ['Type', 'Properties'].filter((k) => !existing.has(k)).map((k, i) => keyItem(ctx, start, k, 'key', { sort: String(i), suffix: k === 'Properties' ? ':\n  ${0}' : undefined, retrigger: k === 'Type' }));
    }
    return [];
  }
  const slot = propertySlot(type, rest);
  if (!slot) return [];
  // A scalar slot on its own line takes a long-form function (`Fn::Sub:`); a list entry gets values instead.
  if (!slot.props) return !inItem && slot.t !== undefined && isScalarType(slot.t) ? functionItems(ctx, start, 'long', ctx.cur.path) : [];
  const out: CompletionItem[] = [];
  for (const [name, p] of Object.entries(slot.props)) {
    if (existing.has(name)) continue;
    const doc = slot.docPrefix ? specDoc(`${slot.docPrefix}.${name}`) : undefined;
    const values = enumOf(p.t);
    out.push(
      keyItem(ctx, start, name, 'property', {
        detail: `${typeLabel(p.t)}${p.r ? ' · required' : ''}`,
        documentation: [doc, values ? `Allowed values: ${values.map((v) => `\`${v}\``).join(', ')}` : ''].filter(Boolean).join('\n\n') || undefined,
        suffix: propertySuffix(p.t),
        sort: p.r ? '0' : '1',
      }),
    );
  }
  return out;
}

function samPropertyKeys(ctx: Ctx, type: string, start: number, existing: Set<string>): CompletionItem[] {
  const sam = SAM_TYPES[type];
  if (!sam) return []; // a Globals section our SAM table does not describe (e.g. WebSocketApi)
  // Globals supply values, they don't have to: nothing is required there.
  const required = new Set(ctx.cur.path[0] === 'Globals' ? [] : sam.required ?? []);
  return Object.entries(sam.properties)
    .filter(([n]) => !existing.has(n))
    .map(([n, d]) => keyItem(ctx, start, n, 'property', { detail: `${type}${required.has(n) ? ' · required' : ''}`, documentation: d, sort: required.has(n) ? '0' : '1', suffix: samSuffix(n) }));
}

/** SAM properties whose value is a block. */
function samSuffix(name: string): string | undefined {
  if (/^(Events|Environment|Policies|Tags|VpcConfig|Auth|Cors|DeploymentPreference|Layers|Architectures|Variables|Globals|Location|Source|Destination|Permissions|ProvisionedThroughput|PrimaryKey)$/.test(name)) {
    return name === 'Policies' || name === 'Layers' || name === 'Architectures' || name === 'Permissions' ? ':\n  - ${1}' : ':\n  ${1}';
  }
  return undefined;
}

/** Keys already in the mapping at `path` (minus the one being edited). */
function existingKeys(ctx: Ctx, path: Segment[]): Set<string> {
  const n = nodeAt(ctx.root, path);
  const out = new Set<string>();
  if (isMap(n)) for (const p of n.pairs) if (!(ctx.offset >= p.key.start && ctx.offset <= p.key.end)) out.add(keyText(p));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

interface FnContext {
  fn: string;
  index: number;
  list: boolean;
  items: (string | undefined)[];
}

function valueItems(ctx: Ctx): CompletionResult {
  const { cur, doc, offset } = ctx;
  const inline = inlineContext(cur.text);
  const wordStart = cur.start + inline.wordAt;
  const fc = functionContext(ctx, inline);
  const path = cur.path;

  // The string of a Sub: variables after `${`, nothing elsewhere in it.
  if (fc?.fn === 'Fn::Sub' && (!fc.list || fc.index === 0)) return done(subVariableItems(ctx, inline.word, wordStart, findSubCall(ctx)) ?? []);
  if (inline.tag) return done(functionItems(ctx, wordStart, 'short', path));
  // No function fits inside a quoted string.
  const fns = () => (inline.quoted ? [] : functionItems(ctx, wordStart, 'short', path));

  const word = inline.word;
  const replace = { start: wordStart, end: wordEnd(doc.text, offset, VALUE_CHARS) };
  const names = (kind: CompletionKind, list: Iterable<string>, detail: (n: string) => string | undefined, documentation?: (n: string) => string | undefined, sort = '1') =>
    [...list].map((n): CompletionItem => valueItem(ctx, inline, n, kind, replace, { detail: detail(n), documentation: documentation?.(n), sort }));

  if (fc) {
    switch (fc.fn) {
      case 'Ref':
        return done(refTargets(ctx, inline, replace));
      case 'Fn::GetAtt':
        return done(getAttItems(ctx, inline, fc, word, wordStart));
      case 'Condition':
        return done(conditionItems(ctx, inline, replace));
      case 'Fn::If':
        if (fc.index === 0) return done(conditionItems(ctx, inline, replace));
        break;
      case 'Fn::FindInMap':
        return done(findInMapItems(ctx, inline, fc, replace));
      default:
        break;
    }
    return done(fns());
  }

  const [section, name, third] = path;
  const last = path[path.length - 1];
  const lastKey = typeof last === 'number' ? path[path.length - 2] : last;
  if (path.length === 1 && section === 'AWSTemplateFormatVersion') return done([valueItem(ctx, inline, '2010-09-09', 'value', replace, { quote: true })]);
  if (section === 'Transform' && path.length <= 2) return done(names('value', [SAM_TRANSFORM, 'AWS::LanguageExtensions'], () => 'Transform'));
  if (section === 'Resources' && typeof name === 'string') {
    if (path.length === 3 && third === 'Type') return typeItems(ctx, inline, word, replace);
    if (third === 'DependsOn' && (path.length === 3 || path.length === 4)) {
      const listed = new Set(dependsOnListed(ctx, path));
      const res = [...ctx.idx.resources.values()].filter((r) => r.name !== name && !listed.has(r.name));
      return done(res.map((r) => valueItem(ctx, inline, r.name, 'resource', replace, { detail: r.type })));
    }
    if (path.length === 3 && third === 'Condition') return done(conditionItems(ctx, inline, replace));
    if (path.length === 3 && third === 'DeletionPolicy') return done(names('value', DELETION_POLICIES, () => 'DeletionPolicy'));
    if (path.length === 3 && third === 'UpdateReplacePolicy') return done(names('value', UPDATE_REPLACE_POLICIES, () => 'UpdateReplacePolicy'));
    const type = ctx.idx.resources.get(name)?.type;
    if (third === 'Properties') {
      const rest = path.slice(3);
      const sam = type ? SAM_TYPES[type] : undefined;
      if (sam?.events && rest.length === 3 && rest[0] === 'Events' && rest[2] === 'Type') return done(names('value', sam.events, () => 'Event source type'));
      const slot = type && !sam ? propertySlot(type, rest) : undefined;
      return done([...slotValues(ctx, inline, slot, replace), ...fns()]);
    }
    return done([]);
  }
  if (section === 'Parameters' && path.length === 3) {
    if (third === 'Type') return done(names('value', allParameterTypes(), () => 'Parameter type'));
    if (third === 'NoEcho') return done(names('value', ['true', 'false'], () => 'NoEcho'));
    return done([]);
  }
  if ((section === 'Outputs' && path.length === 3 && third === 'Condition') || (section === 'Conditions' && lastKey === 'Condition' && path.length > 2)) {
    return done(conditionItems(ctx, inline, replace));
  }
  if (section === 'Outputs' || section === 'Conditions' || section === 'Rules') return done(fns());
  return done([]);
}

/** Which intrinsic function's argument the cursor is in: from the line's own tags, or the keys above. */
function functionContext(ctx: Ctx, inline: Inline): FnContext | undefined {
  if (inline.fn) return { fn: inline.fn, index: inline.index, list: inline.list, items: inline.items };
  const { path, at } = ctx.cur;
  const last = path[path.length - 1];
  if (at === 'value' && typeof last === 'string' && isIntrinsicName(last)) {
    return inline.bareList ? { fn: last, index: inline.index, list: true, items: inline.items } : { fn: last, index: 0, list: false, items: [] };
  }
  const owner = path[path.length - 2];
  if (typeof last === 'number' && typeof owner === 'string' && isIntrinsicName(owner)) {
    const seq = nodeAt(ctx.root, path.slice(0, -1));
    const items = isSeq(seq) ? seq.items.map((n) => (isScalar(n) ? str(n) : undefined)) : [];
    return { fn: owner, index: last, list: true, items };
  }
  return undefined;
}

function isIntrinsicName(s: string): boolean {
  return s === 'Ref' || s === 'Condition' || (s.startsWith('Fn::') && !s.startsWith('Fn::ForEach::'));
}

interface ValueOpts {
  detail?: string;
  documentation?: string;
  sort?: string;
  /** Write it quoted in YAML (a date-like version string). */
  quote?: boolean;
}

function valueItem(ctx: Ctx, inline: Inline, label: string, kind: CompletionKind, replace: { start: number; end: number }, o: ValueOpts = {}): CompletionItem {
  const item: CompletionItem = { label, kind, replace };
  if (o.detail) item.detail = o.detail;
  if (o.documentation) item.documentation = o.documentation;
  if (o.sort) item.sortText = o.sort + label;
  if (!inline.quoted) {
    if (ctx.cur.json && !/^(true|false|-?\d+(\.\d+)?)$/.test(label)) item.insertText = JSON.stringify(label);
    else if (!ctx.cur.json && o.quote) item.insertText = `'${label}'`;
  }
  return item;
}

function slotValues(ctx: Ctx, inline: Inline, slot: Slot | undefined, replace: { start: number; end: number }): CompletionItem[] {
  if (!slot?.t) return [];
  const values = scalarValues(slot.t);
  return values.map((v) => valueItem(ctx, inline, v, 'value', replace, { detail: typeLabel(slot.t as SpecType), sort: '0' }));
}

// ---------------------------------------------------------------------------------------------
// Targets of Ref, GetAtt, Sub, Condition, FindInMap, DependsOn

function refTargets(ctx: Ctx, inline: Inline, replace: { start: number; end: number }): CompletionItem[] {
  const { idx, cur } = ctx;
  const out: CompletionItem[] = [];
  for (const [name, p] of idx.parameters) {
    out.push(valueItem(ctx, inline, name, 'parameter', replace, { detail: `Parameter (${str(get(p.value, 'Type')) ?? 'String'})`, documentation: str(get(p.value, 'Description')), sort: '1' }));
  }
  // Conditions can only read parameters; a resource can't Ref itself.
  if (cur.path[0] !== 'Conditions') {
    const self = cur.path[0] === 'Resources' ? cur.path[1] : undefined;
    for (const r of idx.resources.values()) if (r.name !== self) out.push(valueItem(ctx, inline, r.name, 'resource', replace, { detail: r.type, sort: '2' }));
  }
  for (const p of PSEUDO_PARAMETERS) out.push(valueItem(ctx, inline, p, 'pseudo', replace, { detail: 'Pseudo parameter', documentation: PSEUDO_DOCS[p], sort: '3' }));
  return out;
}

function getAttItems(ctx: Ctx, inline: Inline, fc: FnContext, word: string, wordStart: number): CompletionItem[] {
  const text = ctx.doc.text;
  const self = ctx.cur.path[0] === 'Resources' ? ctx.cur.path[1] : undefined;
  let resName: string | undefined;
  let attrStart = wordStart;
  if (fc.list) {
    if (fc.index === 1) resName = fc.items[0];
    else if (fc.index !== 0) return [];
  } else {
    const dot = word.indexOf('.');
    if (dot >= 0) {
      resName = word.slice(0, dot);
      attrStart = wordStart + dot + 1;
    }
  }
  if (resName !== undefined) {
    const type = ctx.idx.resources.get(resName)?.type;
    const attrs = attributesOf(type) ?? [];
    const replace = { start: attrStart, end: wordEnd(text, ctx.offset, ATTR_CHARS) };
    return attrs.map((a) => valueItem(ctx, inline, a, 'attribute', replace, { detail: attributeType(type!, a), documentation: specDoc(`${type}@${a}`), sort: isOwnAttribute(type, a) ? '0' : '1' }));
  }
  const replace = { start: wordStart, end: wordEnd(text, ctx.offset, NAME_CHARS) };
  const out: CompletionItem[] = [];
  for (const r of ctx.idx.resources.values()) {
    // Types known to have no attributes can't be read; custom ones (undefined) may have any.
    if (r.name === self || attributesOf(r.type)?.length === 0) continue;
    const item = valueItem(ctx, inline, r.name, 'resource', replace, { detail: r.type });
    // `!GetAtt Name.` then the attributes.
    if (!fc.list) {
      item.insertText = `${r.name}.`;
      item.retrigger = true;
    }
    out.push(item);
  }
  return out;
}

function attributeType(type: string, attr: string): string | undefined {
  const sam = SAM_TYPES[type];
  const owners = sam ? sam.attributesFrom ?? [] : [type];
  for (const o of owners) {
    const t = resourceSpec(o)?.a[attr];
    if (t !== undefined) return typeLabel(t);
  }
  return undefined;
}

/**
 * `${` with no `}` yet in the Sub string typed so far: parameters, resources (and `Res.Attr`),
 * pseudo parameters and the keys of the Sub's own variable map.
 */
function subVariableItems(ctx: Ctx, typed: string, typedStart: number, call: MapNode | undefined): CompletionItem[] | undefined {
  const open = typed.lastIndexOf('${');
  if (open < 0 || typed.indexOf('}', open) >= 0) return undefined;
  const v = typed.slice(open + 2);
  if (v.startsWith('!') || /[^\w:.]/.test(v)) return [];
  const text = ctx.doc.text;
  const start = typedStart + open + 2;
  const end = wordEnd(text, ctx.offset, SUB_CHARS);
  const close = text[end] === '}' ? '' : '}';
  const item = (label: string, kind: CompletionKind, detail?: string, documentation?: string, sort = '1', replaceStart = start): CompletionItem => ({
    label,
    kind,
    replace: { start: replaceStart, end },
    insertText: label + close,
    sortText: sort + label,
    ...(detail ? { detail } : {}),
    ...(documentation ? { documentation } : {}),
  });
  const dot = v.indexOf('.');
  if (dot >= 0) {
    const type = ctx.idx.resources.get(v.slice(0, dot))?.type;
    return (attributesOf(type) ?? []).map((a) => item(a, 'attribute', attributeType(type!, a), specDoc(`${type}@${a}`), isOwnAttribute(type, a) ? '0' : '1', start + dot + 1));
  }
  const out: CompletionItem[] = [];
  const locals = call && isSeq(call.pairs[0].value) && isMap(call.pairs[0].value.items[1]) ? (call.pairs[0].value.items[1] as MapNode).pairs.map(keyText) : [];
  for (const l of locals) out.push(item(l, 'variable', 'Sub variable', undefined, '0'));
  for (const [name, p] of ctx.idx.parameters) out.push(item(name, 'parameter', `Parameter (${str(get(p.value, 'Type')) ?? 'String'})`, str(get(p.value, 'Description'))));
  for (const r of ctx.idx.resources.values()) out.push(item(r.name, 'resource', r.type, undefined, '2'));
  for (const p of PSEUDO_PARAMETERS) if (p !== 'AWS::NoValue' && p !== 'AWS::NotificationARNs') out.push(item(p, 'pseudo', 'Pseudo parameter', PSEUDO_DOCS[p], '3'));
  return out;
}

/** Sub variables inside a scalar that spans lines (`!Sub |` scripts). */
export function subVariableCompletions(doc: TemplateDocument, offset: number, scalar: Node, call: MapNode): CompletionItem[] {
  const root = isMap(doc.root) ? doc.root : EMPTY_ROOT;
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(offset).line);
  const from = Math.max(scalar.start, lineStart);
  const cur: Cursor = { path: [], at: 'value', start: from, text: doc.text.slice(from, offset), hasColon: false, json: doc.format === 'json', quoted: true };
  const ctx: Ctx = { doc, kind: 'cfn', offset, cur, idx: templateIndex(doc, root), root };
  return subVariableItems(ctx, cur.text, from, call) ?? [];
}

/** The Fn::Sub call around the cursor in the parsed tree, for its variable map. */
function findSubCall(ctx: Ctx): MapNode | undefined {
  const loc = locate(ctx.doc.root, ctx.offset);
  for (let i = loc.steps.length - 1; i >= 0; i--) {
    const n = loc.steps[i].node;
    if (intrinsicName(n) === 'Fn::Sub') return n as MapNode;
  }
  return undefined;
}

function conditionItems(ctx: Ctx, inline: Inline, replace: { start: number; end: number }): CompletionItem[] {
  const out: CompletionItem[] = [];
  const self = ctx.cur.path[0] === 'Conditions' ? ctx.cur.path[1] : undefined;
  for (const [name, p] of ctx.idx.conditions) {
    if (name === self) continue;
    const body = ctx.doc.text.slice(p.value.start, Math.min(p.value.end, p.value.start + 200));
    out.push(valueItem(ctx, inline, name, 'condition', replace, { detail: 'Condition', documentation: '```yaml\n' + body + '\n```' }));
  }
  return out;
}

function findInMapItems(ctx: Ctx, inline: Inline, fc: FnContext, replace: { start: number; end: number }): CompletionItem[] {
  const maps = ctx.idx.mappings;
  if (!fc.list) return [];
  if (fc.index === 0) return [...maps.keys()].map((m) => valueItem(ctx, inline, m, 'mapping', replace, { detail: 'Mapping' }));
  const map = fc.items[0] !== undefined ? maps.get(fc.items[0])?.value : undefined;
  if (!isMap(map)) return [];
  if (fc.index === 1) {
    const keys = map.pairs.map(keyText);
    return [
      ...keys.map((k) => valueItem(ctx, inline, k, 'mapKey', replace, { detail: `Key of ${fc.items[0]}` })),
      ...(ctx.cur.json ? [] : functionItems(ctx, replace.start, 'short', ctx.cur.path).filter((f) => f.label === '!Ref')),
    ];
  }
  if (fc.index === 2) {
    const top = fc.items[1] !== undefined ? get(map, fc.items[1]) : undefined;
    const seconds = new Set<string>();
    for (const p of isMap(top) ? [{ value: top }] : map.pairs) if (isMap(p.value)) for (const q of p.value.pairs) seconds.add(keyText(q));
    return [...seconds].map((k) => valueItem(ctx, inline, k, 'mapKey', replace, { detail: `Second-level key of ${fc.items[0]}` }));
  }
  return [];
}

function dependsOnListed(ctx: Ctx, path: Segment[]): string[] {
  const n = nodeAt(ctx.root, path.slice(0, 3));
  if (isSeq(n)) return n.items.filter((i) => !(ctx.offset >= i.start && ctx.offset <= i.end)).map((i) => str(i) ?? '');
  return [];
}

// ---------------------------------------------------------------------------------------------
// Resource types

let candidates: { t: string; lower: string }[] | undefined;
/** Every type name with its lower-case form, computed once: completion runs on each keystroke. */
function typeCandidates(): { t: string; lower: string }[] {
  candidates ??= [...allResourceTypes(), ...Object.keys(SAM_TYPES)].map((t) => ({ t, lower: t.toLowerCase() }));
  return candidates;
}

function typeItems(ctx: Ctx, inline: Inline, word: string, replace: { start: number; end: number }): CompletionResult {
  const q = word.trim();
  const lq = q.toLowerCase();
  let scored: { t: string; s: number }[] = [];
  for (const c of typeCandidates()) {
    const s = q ? fuzzyScore(q, c.t, c.lower, lq) : 0;
    if (s >= 0) scored.push({ t: c.t, s });
  }
  // Once the typed text is literally in some names (`AWS::S3::`), scattered matches are noise.
  if (scored.some((x) => x.s >= LITERAL_MATCH)) scored = scored.filter((x) => x.s >= LITERAL_MATCH);
  scored.sort((a, b) => b.s - a.s || (q ? a.t.length - b.t.length : 0) || (a.t < b.t ? -1 : 1));
  const top = scored.slice(0, MAX_TYPES);
  const items = top.map(({ t }, i) => {
    const item = valueItem(ctx, inline, t, 'type', { start: replace.start, end: wordEnd(ctx.doc.text, ctx.offset, TYPE_CHARS) }, { detail: t.startsWith('AWS::Serverless::') ? 'SAM resource type' : 'Resource type' });
    item.sortText = String(i).padStart(4, '0');
    // The client filters by the label; a fuzzy query (`s3bucket`) must still match.
    item.filterText = q && !t.toLowerCase().startsWith(q.toLowerCase()) ? `${q} ${t}` : t;
    item.docRef = `type:${t}`;
    return item;
  });
  return { items, isIncomplete: scored.length > top.length };
}

// ---------------------------------------------------------------------------------------------
// Intrinsic functions

/** Functions in the order people reach for them, with the snippet for the short form. */
const FUNCTIONS: { name: string; short: string; long: string; conditionOnly?: boolean; languageExtensions?: boolean; retrigger?: boolean }[] = [
  { name: 'Ref', short: '!Ref ', long: 'Ref: ', retrigger: true },
  { name: 'Fn::GetAtt', short: '!GetAtt ', long: 'Fn::GetAtt: ', retrigger: true },
  { name: 'Fn::Sub', short: "!Sub '${1}'", long: "Fn::Sub: '${1}'" },
  { name: 'Fn::Join', short: "!Join ['${1:,}', [${2}]]", long: "Fn::Join: ['${1:,}', [${2}]]" },
  { name: 'Fn::If', short: '!If [${1:Condition}, ${2}, ${3}]', long: 'Fn::If: [${1:Condition}, ${2}, ${3}]' },
  { name: 'Fn::Select', short: '!Select [${1:0}, ${2}]', long: 'Fn::Select: [${1:0}, ${2}]' },
  { name: 'Fn::Split', short: "!Split ['${1:,}', ${2}]", long: "Fn::Split: ['${1:,}', ${2}]" },
  { name: 'Fn::FindInMap', short: '!FindInMap [${1:MapName}, ${2:TopLevelKey}, ${3:SecondLevelKey}]', long: 'Fn::FindInMap: [${1:MapName}, ${2:TopLevelKey}, ${3:SecondLevelKey}]' },
  { name: 'Fn::ImportValue', short: '!ImportValue ${1}', long: 'Fn::ImportValue: ${1}' },
  { name: 'Fn::Base64', short: '!Base64 ${1}', long: 'Fn::Base64: ${1}' },
  { name: 'Fn::GetAZs', short: "!GetAZs '${1}'", long: "Fn::GetAZs: '${1}'" },
  { name: 'Fn::Cidr', short: '!Cidr [${1:ipBlock}, ${2:count}, ${3:cidrBits}]', long: 'Fn::Cidr: [${1:ipBlock}, ${2:count}, ${3:cidrBits}]' },
  { name: 'Fn::Equals', short: '!Equals [${1}, ${2}]', long: 'Fn::Equals: [${1}, ${2}]', conditionOnly: true },
  { name: 'Fn::And', short: '!And [${1}, ${2}]', long: 'Fn::And: [${1}, ${2}]', conditionOnly: true },
  { name: 'Fn::Or', short: '!Or [${1}, ${2}]', long: 'Fn::Or: [${1}, ${2}]', conditionOnly: true },
  { name: 'Fn::Not', short: '!Not [${1}]', long: 'Fn::Not: [${1}]', conditionOnly: true },
  { name: 'Condition', short: '!Condition ', long: 'Condition: ', conditionOnly: true, retrigger: true },
  { name: 'Fn::ToJsonString', short: '!ToJsonString ${1}', long: 'Fn::ToJsonString: ${1}', languageExtensions: true },
  { name: 'Fn::Length', short: '!Length ${1}', long: 'Fn::Length: ${1}', languageExtensions: true },
];

/** Functions CloudFormation rejects inside the Conditions section. */
const NOT_IN_CONDITIONS = new Set(['Fn::GetAtt', 'Fn::ImportValue', 'Fn::Cidr', 'Fn::GetAZs', 'Fn::Base64']);

/**
 * Intrinsic functions: `short` as tags for YAML values (`!Sub`), `long` as keys (`Fn::Sub:`);
 * JSON always gets the long form. Condition functions only where conditions are written.
 */
function functionItems(ctx: Ctx, start: number, form: 'short' | 'long', path: Segment[]): CompletionItem[] {
  const inConditions = path[0] === 'Conditions' || path[0] === 'Rules' || path.some((s) => s === 'Fn::And' || s === 'Fn::Or' || s === 'Fn::Not');
  const { json, quoted, at } = ctx.cur;
  if (json && form === 'short') {
    // A JSON value gets a whole `{"Fn::X": ...}` object; inside a string no function fits.
    return quoted || at === 'key' ? [] : jsonFunctionObjects(ctx, start, inConditions);
  }
  // The value of a named condition must itself be a condition function.
  const conditionTop = path[0] === 'Conditions' && path.length <= 2;
  const out: CompletionItem[] = [];
  FUNCTIONS.forEach((f, i) => {
    if (f.conditionOnly ? !inConditions : conditionTop || (inConditions && NOT_IN_CONDITIONS.has(f.name))) return;
    if (f.languageExtensions && !ctx.idx.languageExtensions) return;
    const d = INTRINSIC_DOCS[f.name];
    const label = form === 'short' ? (f.name === 'Ref' || f.name === 'Condition' ? `!${f.name}` : `!${f.name.slice(4)}`) : f.name;
    const end = wordEnd(ctx.doc.text, ctx.offset, form === 'short' ? TAG_CHARS : KEY_CHARS);
    let insertText = form === 'short' ? f.short : f.long;
    if (json) insertText = quoted ? f.name : `"${f.name}": `;
    else if (form === 'long' && ctx.cur.hasColon) insertText = f.name;
    out.push({
      label,
      kind: 'function',
      detail: form === 'short' ? f.name : 'intrinsic function',
      documentation: d ? `${d.summary}\n\n\`\`\`yaml\n${d.syntax}\n\`\`\`` : undefined,
      insertText,
      isSnippet: !json && insertText.includes('$'),
      sortText: `${inConditions && f.conditionOnly ? 8 : 9}${String(i).padStart(2, '0')}`,
      replace: { start, end },
      ...(f.retrigger && !ctx.cur.hasColon ? { retrigger: true } : {}),
    });
  });
  return out;
}

function jsonFunctionObjects(ctx: Ctx, start: number, inConditions: boolean): CompletionItem[] {
  return FUNCTIONS.filter((f) => (!f.conditionOnly || inConditions) && (!f.languageExtensions || ctx.idx.languageExtensions)).map((f, i) => ({
    label: f.name,
    kind: 'function' as const,
    detail: 'intrinsic function',
    documentation: INTRINSIC_DOCS[f.name]?.summary,
    insertText: `{ "${f.name}": \${1} }`,
    isSnippet: true,
    sortText: `9${String(i).padStart(2, '0')}`,
    replace: { start, end: ctx.offset },
  }));
}

// ---------------------------------------------------------------------------------------------
// Helpers

const KEY_CHARS = /[\w:.\-]/;
const VALUE_CHARS = /[\w:.\-/]/;
const NAME_CHARS = /[\w]/;
const ATTR_CHARS = /[\w.]/;
const SUB_CHARS = /[\w:.]/;
const TYPE_CHARS = /[\w:]/;
const TAG_CHARS = /[!\w:]/;

