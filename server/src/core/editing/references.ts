/**
 * Names a template defines and every place that uses them: logical IDs (parameters and resources
 * share one namespace), conditions and mappings, through Ref, GetAtt (both forms), `${X}` and
 * `${X.Attr}` in Sub strings, DependsOn, Condition (resource/output attribute, Fn::If,
 * `!Condition`) and FindInMap. Go to definition, find references, highlight and rename all read
 * this one table, built once per parsed version.
 */
import { subPlaceholders } from '../cfn/sub';
import { templateIndex, type TemplateIndex } from '../cfn/template';
import { PSEUDO_PARAMETERS } from '../cfn/vocabulary';
import type { TemplateDocument } from '../document/model';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, type MapNode, type Node, type Pair } from '../document/nodes';
import type { TextEdit } from '../fixes';

/** Parameters and resources share logical IDs; conditions and mappings each have their own names. */
export type Namespace = 'logicalId' | 'condition' | 'mapping';

export interface Occurrence {
  name: string;
  ns: Namespace;
  /** Range of the name itself (inside quotes, before `.Attr`). */
  start: number;
  end: number;
  /** The key that defines the name (vs. a use of it). */
  definition: boolean;
  /** For definitions: what the name is. */
  what?: 'parameter' | 'resource' | 'condition' | 'mapping';
}

export interface SymbolTable {
  occurrences: Occurrence[];
  definitions: Map<string, Occurrence>;
}

const cache = new WeakMap<TemplateDocument, SymbolTable>();
const EMPTY_ROOT: MapNode = { kind: 'map', pairs: [], start: 0, end: 0 };

export function symbolTable(doc: TemplateDocument): SymbolTable {
  let t = cache.get(doc);
  if (t) return t;
  t = build(doc);
  cache.set(doc, t);
  return t;
}

const id = (ns: Namespace, name: string) => `${ns}:${name}`;

/** What a template defines: the names uses are resolved against (once per parsed version). */
interface Names {
  root: MapNode;
  idx: TemplateIndex;
  definitions: Map<string, Occurrence>;
  /** The definitions outside Resources (parameters, conditions, mappings), in that order. */
  outside: Occurrence[];
  /** See namesToken. */
  token: object;
}

const namesCache = new WeakMap<TemplateDocument, Names>();

function namesOf(doc: TemplateDocument): Names {
  let names = namesCache.get(doc);
  if (names) return names;
  const root = isMap(doc.root) ? doc.root : EMPTY_ROOT;
  const idx = templateIndex(doc, root);
  const definitions = new Map<string, Occurrence>();
  const outside: Occurrence[] = [];
  const define = (p: Pair, ns: Namespace, what: Occurrence['what']) => {
    const o = definitionOf(doc.text, p, ns, what);
    if (o) {
      outside.push(o);
      definitions.set(id(ns, o.name), o);
    }
  };
  for (const p of idx.parameters.values()) define(p, 'logicalId', 'parameter');
  for (const r of idx.resources.values()) {
    const o = resourceDefinition(doc.text, r.pair);
    if (o) definitions.set(id('logicalId', o.name), o);
  }
  for (const p of idx.conditions.values()) define(p, 'condition', 'condition');
  for (const p of idx.mappings.values()) define(p, 'mapping', 'mapping');
  names = { root, idx, definitions, outside, token: namesToken(definitions, idx) };
  namesCache.set(doc, names);
  return names;
}

/**
 * The uses of names inside one resource entry (its DependsOn and Condition too, when it is the
 * template's resource of that name), sorted: what the symbol table holds for that entry, without
 * building the whole table (the dependency graph needs only these, on every keystroke).
 */
export function entryUses(doc: TemplateDocument, e: Pair): Occurrence[] {
  const { idx, definitions, token } = namesOf(doc);
  return new Collector(doc.text, idx, definitions, []).entry(e, token, idx.resources.get(keyText(e))?.pair === e);
}

/** Changes whenever the uses of unchanged entries may read differently (see namesToken). */
export function namesVersion(doc: TemplateDocument): object {
  return namesOf(doc).token;
}

function build(doc: TemplateDocument): SymbolTable {
  const { root, idx, definitions, outside, token } = namesOf(doc);
  // Occurrences outside Resources, sorted at the end; each resource entry's come sorted from its cache.
  const rest: Occurrence[] = [...outside];
  const refs = new Collector(doc.text, idx, definitions, rest);
  const inResources: Occurrence[] = [];
  for (const p of root.pairs) {
    const section = keyText(p);
    if (section === 'Mappings') continue; // plain data, no functions
    if (section === 'Resources' && isMap(p.value) && !intrinsicName(p.value)) {
      // What visit does for the section mapping itself, then each entry through its recorded names.
      for (const e of p.value.pairs) {
        const resource = idx.resources.get(keyText(e))?.pair === e;
        const def = resource ? resourceDefinition(doc.text, e) : undefined;
        if (def) inResources.push(def);
        for (const o of refs.entry(e, token, resource)) inResources.push(o);
      }
    } else refs.visit(p.value, section, undefined, 0);
  }
  for (const o of idx.outputs.values()) refs.scalar(get(o.value, 'Condition'), 'condition');
  // The console's parameter groups and labels name parameters too.
  const ui = get(get(root, 'Metadata'), 'AWS::CloudFormation::Interface');
  const groups = get(ui, 'ParameterGroups');
  if (isSeq(groups)) for (const g of groups.items) {
    const ps = get(g, 'Parameters');
    if (isSeq(ps)) for (const n of ps.items) refs.scalar(n, 'logicalId');
  }
  const labels = get(ui, 'ParameterLabels');
  if (isMap(labels)) for (const p of labels.pairs) refs.scalar(p.key, 'logicalId');

  rest.sort((a, b) => a.start - b.start);
  const occurrences = mergeByStart(rest, inResources);
  // An alias (`*ref`) expands to nodes already seen: keep one occurrence per range.
  const unique = occurrences.filter((o, i) => i === 0 || o.start !== occurrences[i - 1].start);
  return { occurrences: unique, definitions };
}

/** Two lists sorted by start as one (`a` first on equal starts). */
function mergeByStart(a: Occurrence[], b: Occurrence[]): Occurrence[] {
  const out: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(b[j].start < a[i].start ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function definitionOf(text: string, p: Pair, ns: Namespace, what: Occurrence['what']): Occurrence | undefined {
  const name = keyText(p);
  const r = nameRange(text, p.key, name, true);
  return r && { name, ns, ...r, definition: true, what };
}

/** A resource's definition, read once per entry (see occurrencesByEntry) and moved with it. */
const definitionByEntry = new WeakMap<Pair, { base: number; def: Occurrence | undefined }>();

function resourceDefinition(text: string, e: Pair): Occurrence | undefined {
  let hit = definitionByEntry.get(e);
  if (!hit) definitionByEntry.set(e, (hit = { base: e.start, def: definitionOf(text, e, 'logicalId', 'resource') }));
  const d = e.start - hit.base;
  if (d && hit.def) hit.def = { ...hit.def, start: hit.def.start + d, end: hit.def.end + d };
  hit.base = e.start;
  return hit.def;
}

/**
 * What an entry's occurrences depend on besides the entry itself: the names defined (and, in SAM,
 * which resources are serverless, for the names SAM generates from them). Equal names give the
 * same object, so an entry's occurrences are reused with one comparison.
 */
let names: { sig: string; token: object } = { sig: '', token: {} };

function namesToken(defs: Map<string, Occurrence>, idx: TemplateIndex): object {
  let sig = idx.sam ? 'sam' : 'cfn';
  for (const k of defs.keys()) sig += '\u0000' + k;
  if (idx.sam) for (const r of idx.resources.values()) if (r.type?.startsWith('AWS::Serverless::')) sig += '\u0001' + r.name;
  if (sig !== names.sig) names = { sig, token: {} };
  return names.token;
}

/** A resource entry's occurrences, at the entry's offset `base`, valid while the defined names are those of `token`. */
const occurrencesByEntry = new WeakMap<Pair, { token: object; resource: boolean; base: number; occurrences: Occurrence[] }>();

/** A node that may name an entry, as visit finds it: a scalar (of a namespace) or a Sub argument. */
type Named = { node: Node | undefined; ns: Namespace; dotted: boolean } | { sub: Node | undefined };

/**
 * The named nodes of one resource entry, in visit's order. An entry the incremental parse kept is
 * the same object with its offsets shifted in place, so its nodes are still right: a keystroke walks
 * only the entry it changed. The names are resolved (against the definitions) on every build.
 */
const namedByEntry = new WeakMap<Pair, Named[]>();

function namesIn(entry: Pair): Named[] {
  let named = namedByEntry.get(entry);
  if (!named) {
    named = [];
    visitNamed(entry.value, 'Resources', undefined, 1, named);
    namedByEntry.set(entry, named);
  }
  return named;
}

function visitNamed(n: Node, section: string, parentFn: string | undefined, depth: number, out: Named[]): void {
  if (depth > 200) return;
  if (n.kind === 'seq') {
    for (const it of n.items) visitNamed(it, section, parentFn, depth + 1, out);
    return;
  }
  if (n.kind !== 'map') return;
  const fn = intrinsicName(n);
  const arg = n.pairs[0]?.value;
  if (fn === 'Ref') out.push({ node: arg, ns: 'logicalId', dotted: true });
  else if (fn === 'Fn::GetAtt') out.push({ node: isSeq(arg) ? arg.items[0] : arg, ns: 'logicalId', dotted: true });
  else if (fn === 'Fn::Sub') out.push({ sub: arg });
  else if (fn === 'Fn::If' && isSeq(arg)) out.push({ node: arg.items[0], ns: 'condition', dotted: false });
  else if (fn === 'Fn::FindInMap' && isSeq(arg)) out.push({ node: arg.items[0], ns: 'mapping', dotted: false });
  else if (fn === 'Condition') out.push({ node: arg, ns: 'condition', dotted: false });
  else if (n.pairs.length === 1 && n.pairs[0].key.value === 'Condition' && (section === 'Conditions' || parentFn === 'Fn::And' || parentFn === 'Fn::Or' || parentFn === 'Fn::Not')) {
    // The long form `{Condition: Name}` inside a condition expression.
    out.push({ node: arg, ns: 'condition', dotted: false });
  }
  for (const p of n.pairs) visitNamed(p.value, section, fn ?? parentFn, depth + 1, out);
}

class Collector {
  constructor(
    private readonly text: string,
    private readonly idx: TemplateIndex,
    private readonly defs: Map<string, Occurrence>,
    private out: Occurrence[],
  ) {}

  visit(n: Node, section: string, parentFn: string | undefined, depth: number): void {
    const named: Named[] = [];
    visitNamed(n, section, parentFn, depth, named);
    this.replay(named);
  }

  /**
   * The uses in one resource entry, sorted, with its DependsOn and Condition when it is the
   * template's resource of that name: reused, moved to its offset, while the entry and the
   * defined names are unchanged.
   */
  entry(e: Pair, token: object, resource: boolean): Occurrence[] {
    const hit = occurrencesByEntry.get(e);
    if (hit && hit.token === token && hit.resource === resource) {
      const d = e.start - hit.base;
      if (d) {
        hit.occurrences = hit.occurrences.map((o) => ({ ...o, start: o.start + d, end: o.end + d }));
        hit.base = e.start;
      }
      return hit.occurrences;
    }
    const out = this.out;
    const uses: Occurrence[] = (this.out = []);
    try {
      this.replay(namesIn(e));
      if (resource) {
        const dependsOn = get(e.value, 'DependsOn');
        for (const n of isSeq(dependsOn) ? dependsOn.items : dependsOn ? [dependsOn] : []) this.scalar(n, 'logicalId');
        this.scalar(get(e.value, 'Condition'), 'condition');
      }
    } finally {
      this.out = out;
    }
    uses.sort((a, b) => a.start - b.start);
    occurrencesByEntry.set(e, { token, resource, base: e.start, occurrences: uses });
    return uses;
  }

  replay(named: Named[]): void {
    for (const x of named) {
      if ('sub' in x) this.sub(x.sub);
      else this.scalar(x.node, x.ns, x.dotted);
    }
  }

  /**
   * A scalar that names an entry. `dotted`: the name may be followed by `.Attr` (GetAtt) or
   * `.Alias` (SAM's Ref). Names SAM generates from a serverless resource (`MyFunctionRole`)
   * count as uses of that resource, so renaming it renames them the way SAM would.
   */
  scalar(n: Node | undefined, ns: Namespace, dotted = false): void {
    if (!isScalar(n) || typeof n.value !== 'string') return;
    let name = n.value;
    if (dotted && name.includes('.')) name = name.slice(0, name.indexOf('.'));
    this.add(name, ns, n.start, n.end, false, name === n.value);
  }

  /** `whole`: the scalar is the name alone, so an escaped spelling of it may be replaced whole. */
  private add(name: string, ns: Namespace, from: number, to: number, exact = false, whole = false): void {
    let target = name;
    if (!this.defs.has(id(ns, name))) {
      if (ns !== 'logicalId') return;
      const owner = this.samOwner(name);
      if (!owner) return;
      target = owner;
    }
    const r = exact ? { start: from, end: from + target.length } : nameRange(this.text, { start: from, end: to }, target, whole && target === name);
    if (r) this.out.push({ name: target, ns, ...r, definition: false });
  }

  private samOwner(name: string): string | undefined {
    if (!this.idx.sam || PSEUDO_PARAMETERS.includes(name)) return undefined;
    let best: string | undefined;
    for (const r of this.idx.resources.values()) {
      if (r.type?.startsWith('AWS::Serverless::') && name.startsWith(r.name) && name !== r.name && (!best || r.name.length > best.length)) best = r.name;
    }
    return best;
  }

  /** `${Name}` and `${Name.Attr}` in a Sub string, read from the source so offsets are exact. */
  private sub(arg: Node | undefined): void {
    let s = arg;
    let locals = new Set<string>();
    if (isSeq(arg)) {
      s = arg.items[0];
      const vars = arg.items[1];
      if (isMap(vars)) locals = new Set(vars.pairs.map(keyText));
    }
    if (!isScalar(s) || typeof s.value !== 'string') return;
    const src = this.text.slice(s.start, s.end);
    for (const m of subPlaceholders(src)) {
      const inner = m.inner;
      if (inner.startsWith('!')) continue;
      const lead = inner.length - inner.trimStart().length;
      let name = inner.trim();
      if (name.includes('.')) name = name.slice(0, name.indexOf('.'));
      if (!name || locals.has(inner.trim()) || locals.has(name)) continue;
      this.add(name, 'logicalId', s.start + m.index + 2 + lead, 0, true);
    }
  }
}

/**
 * Where `name` is written in a node's text: at its start (after an opening quote, before `.Attr`).
 * An escaped spelling (`"\x51.QueueName"` is `Q.QueueName`) does not start with the name: then only
 * a quoted scalar that is the name alone is replaced whole; anything else is left alone rather
 * than matching the name somewhere else (inside the attribute).
 */
function nameRange(text: string, n: { start: number; end: number }, name: string, whole: boolean): { start: number; end: number } | undefined {
  const raw = text.slice(n.start, n.end);
  const q = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
  if (raw.startsWith(name, q)) return { start: n.start + q, end: n.start + q + name.length };
  if (whole && q && raw.length >= 2 && raw[raw.length - 1] === raw[0]) return { start: n.start + 1, end: n.end - 1 };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The occurrence (definition or use) under the cursor. */
function occurrenceAt(doc: TemplateDocument, offset: number): Occurrence | undefined {
  const occ = symbolTable(doc).occurrences;
  // Binary search on start; ranges never overlap.
  let lo = 0;
  let hi = occ.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (occ[mid].end < offset) lo = mid + 1;
    else if (occ[mid].start > offset) hi = mid - 1;
    else return occ[mid];
  }
  return undefined;
}

export function definitionAt(doc: TemplateDocument, offset: number): Occurrence | undefined {
  const o = occurrenceAt(doc, offset);
  return o ? symbolTable(doc).definitions.get(id(o.ns, o.name)) : undefined;
}

/** Every occurrence of the name under the cursor, in document order. */
export function referencesAt(doc: TemplateDocument, offset: number, includeDeclaration = true): Occurrence[] {
  const o = occurrenceAt(doc, offset);
  if (!o) return [];
  return symbolTable(doc).occurrences.filter((x) => x.ns === o.ns && x.name === o.name && (includeDeclaration || !x.definition));
}

/** Same as references, for highlighting: the definition is the "write", uses are "reads". */
export function highlightsAt(doc: TemplateDocument, offset: number): Occurrence[] {
  return referencesAt(doc, offset, true);
}

export type PrepareRenameResult = { start: number; end: number; placeholder: string } | { error: string };

export function prepareRename(doc: TemplateDocument, offset: number): PrepareRenameResult {
  const o = occurrenceAt(doc, offset);
  if (o) return { start: o.start, end: o.end, placeholder: o.name };
  let a = offset;
  let b = offset;
  while (a > offset - 100 && a > 0 && /[\w:]/.test(doc.text[a - 1])) a--;
  while (b < offset + 100 && b < doc.text.length && /[\w:]/.test(doc.text[b])) b++;
  const word = doc.text.slice(a, b);
  if (PSEUDO_PARAMETERS.includes(word)) return { error: `${word} is a pseudo parameter; it can't be renamed.` };
  return { error: 'Put the cursor on the name of a parameter, resource, condition or mapping (where it is defined or used) to rename it.' };
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

const KIND_LABEL: Record<Namespace, string> = { logicalId: 'logical ID', condition: 'condition name', mapping: 'mapping name' };

/** The minimal edits that rename the name under the cursor everywhere, or why it can't be done. */
export function renameAt(doc: TemplateDocument, offset: number, newName: string): RenameResult {
  const o = occurrenceAt(doc, offset);
  if (!o) return { error: (prepareRename(doc, offset) as { error: string }).error };
  if (newName === o.name) return { edits: [] };
  if (!/^[A-Za-z0-9]+$/.test(newName)) return { error: `'${newName}' is not a valid ${KIND_LABEL[o.ns]}: use only letters A-Z, a-z and digits 0-9.` };
  const table = symbolTable(doc);
  const taken = table.definitions.get(id(o.ns, newName));
  if (taken) {
    const what = taken.what === 'parameter' ? 'a parameter' : taken.what === 'resource' ? 'a resource' : `a ${taken.what}`;
    return { error: `'${newName}' is already ${what} in this template.` };
  }
  if (o.ns === 'logicalId' && PSEUDO_PARAMETERS.includes(newName)) return { error: `'${newName}' is a pseudo parameter.` };
  const edits = referencesAt(doc, offset, true).map((x) => ({ start: x.start, end: x.end, text: newName }));
  return { edits };
}
