/**
 * What-if: given parameter values and a region, which conditions hold, which resources and
 * outputs exist, and what each value becomes with the intrinsic functions worked out where they
 * can be. Anything only known at deploy time (GetAtt, a resource's Ref, the account ID, imports)
 * becomes a symbol `{{Name}}`; a function whose inputs are not all known stays a function with
 * its arguments resolved as far as they go. Pure data in, plain JSON-able data out; never throws.
 */
import { evaluateFnCidr } from '../calc';
import type { TemplateDocument } from '../document/model';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../document/nodes';
import { subPlaceholders } from './sub';
import { templateIndex, type TemplateIndex } from './template';

export interface ResolveOptions {
  /** Parameter values by name; pseudo parameters (`AWS::AccountId`, `AWS::StackName`) may be given too. */
  parameters?: Record<string, string>;
  /** Default us-east-1. */
  region?: string;
}

export interface ParameterChoice {
  name: string;
  type: string;
  default?: string;
  allowedValues?: string[];
  /** The value used: given, else the Default; undefined when neither (then it is a symbol). */
  value?: string;
  source: 'given' | 'default' | 'none';
}

export interface Resolution {
  region: string;
  parameters: ParameterChoice[];
  /** null when a condition depends on something unknown (a parameter without a value, the account ID…). */
  conditions: Record<string, boolean | null>;
  /** The template with Resources and Outputs resolved; entries whose condition is false are left out. */
  template: Record<string, unknown>;
  /** Logical IDs of the resources and outputs the chosen values remove. */
  removed: { resources: string[]; outputs: string[] };
}

/** A value known only at deploy time, printed as `{{text}}` (also inside strings it is joined into). */
export class Sym {
  /** `composite`: text already spells symbols inside a longer string (`arn:…:{{Bucket}}/*`). */
  constructor(readonly text: string, readonly composite = false) {}
  toJSON(): string {
    return this.composite ? this.text : `{{${this.text}}}`;
  }
}

/** A function that could not be worked out; printed in long form with its arguments resolved. */
class Pending {
  constructor(readonly fn: string, readonly args: unknown) {}
  toJSON(): Record<string, unknown> {
    return { [this.fn]: this.args };
  }
}

/** `AWS::NoValue`: the key or list item holding it disappears. */
const NO_VALUE = Symbol('AWS::NoValue');

type Value = unknown;

const MAX_DEPTH = 200;
const EMPTY_ROOT: MapNode = { kind: 'map', pairs: [], start: 0, end: 0 };

/** Availability Zone counts per region; names are placeholders (`us-east-1a`, …) since each account maps letters itself. */
const AZ_COUNT: Record<string, number> = {
  'us-east-1': 6, 'us-east-2': 3, 'us-west-1': 2, 'us-west-2': 4, 'ca-central-1': 3, 'ca-west-1': 3,
  'eu-west-1': 3, 'eu-west-2': 3, 'eu-west-3': 3, 'eu-central-1': 3, 'eu-central-2': 3, 'eu-north-1': 3,
  'eu-south-1': 3, 'eu-south-2': 3, 'ap-northeast-1': 3, 'ap-northeast-2': 4, 'ap-northeast-3': 3,
  'ap-southeast-1': 3, 'ap-southeast-2': 3, 'ap-southeast-3': 3, 'ap-southeast-4': 3, 'ap-south-1': 3,
  'ap-south-2': 3, 'ap-east-1': 3, 'sa-east-1': 3, 'me-south-1': 3, 'me-central-1': 3, 'af-south-1': 3,
  'il-central-1': 3, 'cn-north-1': 3, 'cn-northwest-1': 3, 'us-gov-west-1': 3, 'us-gov-east-1': 3,
};

export function availabilityZones(region: string): string[] {
  const n = AZ_COUNT[region] ?? 3;
  return Array.from({ length: n }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
}

/** The parameters a what-if view offers: type, Default and AllowedValues of each. */
function parameterChoices(idx: TemplateIndex, given: Record<string, string> = {}): ParameterChoice[] {
  const out: ParameterChoice[] = [];
  for (const [name, p] of idx.parameters) {
    const d = get(p.value, 'Default');
    const def = isScalar(d) && d.value !== null ? String(d.value) : isSeq(d) ? d.items.map(str).join(',') : undefined;
    const av = get(p.value, 'AllowedValues');
    const allowedValues = isSeq(av) ? av.items.map(str).filter((s): s is string => s !== undefined) : undefined;
    const isGiven = Object.hasOwn(given, name);
    const value = isGiven ? given[name] : def;
    out.push({ name, type: str(get(p.value, 'Type')) ?? 'String', default: def, allowedValues, value, source: isGiven ? 'given' : def !== undefined ? 'default' : 'none' });
  }
  return out;
}

export function resolveTemplate(doc: TemplateDocument, opts: ResolveOptions = {}): Resolution {
  const root = isMap(doc.root) ? doc.root : EMPTY_ROOT;
  const idx = templateIndex(doc, root);
  const r = new Resolver(idx, opts);
  const template: Record<string, unknown> = {};
  const removed = { resources: [] as string[], outputs: [] as string[] };
  for (const p of root.pairs) {
    const section = keyText(p);
    if (section === 'Resources' || section === 'Outputs') {
      const entries: Record<string, unknown> = {};
      if (isMap(p.value)) {
        for (const e of p.value.pairs) {
          const name = keyText(e);
          const cond = str(get(e.value, 'Condition'));
          if (cond !== undefined && r.condition(cond) === false) {
            (section === 'Resources' ? removed.resources : removed.outputs).push(name);
            continue;
          }
          const v = r.value(e.value, 0);
          if (v !== NO_VALUE) entries[name] = v;
        }
      }
      template[section] = entries;
    } else {
      // Declarations (Parameters, Mappings, Conditions, Metadata…) are shown as written.
      template[section] = plain(p.value, 0);
    }
  }
  const conditions: Record<string, boolean | null> = {};
  for (const name of idx.conditions.keys()) conditions[name] = r.condition(name) ?? null;
  return { region: r.region, parameters: r.choices, conditions, template: toJson(template) as Record<string, unknown>, removed };
}

/** Symbols and pending functions as their printed form, so the result is plain JSON data. */
function toJson(v: Value): unknown {
  return JSON.parse(JSON.stringify(v));
}

/** A node as plain data, no functions evaluated. */
function plain(n: Node, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map((i) => plain(i, depth + 1));
  const o: Record<string, unknown> = {};
  for (const p of n.pairs) o[keyText(p)] = plain(p.value, depth + 1);
  return o;
}

const isKnown = (v: Value): boolean => !(v instanceof Sym) && !(v instanceof Pending) && v !== NO_VALUE && (!Array.isArray(v) || v.every(isKnown));
const isText = (v: Value): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

class Resolver {
  readonly region: string;
  readonly choices: ParameterChoice[];
  private readonly params = new Map<string, Value>();
  private readonly pseudo: Record<string, Value>;
  private readonly conds = new Map<string, boolean | undefined>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly idx: TemplateIndex, opts: ResolveOptions) {
    this.region = opts.region || 'us-east-1';
    const given = opts.parameters ?? {};
    this.choices = parameterChoices(idx, given);
    for (const c of this.choices) {
      if (c.value === undefined) continue;
      // List parameters are lists to Ref; everything else (Number included) is a string.
      this.params.set(c.name, /^(List<|CommaDelimitedList)/.test(c.type) ? c.value.split(',').map((s) => s.trim()) : c.value);
    }
    const cn = this.region.startsWith('cn-');
    this.pseudo = {
      'AWS::Region': this.region,
      'AWS::Partition': cn ? 'aws-cn' : this.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
      'AWS::URLSuffix': cn ? 'amazonaws.com.cn' : 'amazonaws.com',
      'AWS::AccountId': new Sym('AWS::AccountId'),
      'AWS::StackName': new Sym('AWS::StackName'),
      'AWS::StackId': new Sym('AWS::StackId'),
      'AWS::NotificationARNs': new Sym('AWS::NotificationARNs'),
      'AWS::NoValue': NO_VALUE,
    };
    for (const [k, v] of Object.entries(given)) if (k.startsWith('AWS::') && k !== 'AWS::NoValue') this.pseudo[k] = k === 'AWS::NotificationARNs' ? v.split(',') : v;
  }

  /** true/false, or undefined when it depends on something unknown (or on itself). */
  condition(name: string): boolean | undefined {
    if (this.conds.has(name)) return this.conds.get(name);
    const p = this.idx.conditions.get(name);
    if (!p || this.evaluating.has(name)) return undefined;
    this.evaluating.add(name);
    const v = this.bool(p.value, 0);
    this.evaluating.delete(name);
    this.conds.set(name, v);
    return v;
  }

  private bool(n: Node, depth: number): boolean | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (isScalar(n)) {
      const s = str(n);
      return s === 'true' ? true : s === 'false' ? false : undefined;
    }
    if (!isMap(n) || n.pairs.length !== 1) return undefined;
    const k = n.pairs[0].key.value;
    const a = n.pairs[0].value;
    if (k === 'Condition') return this.condition(str(a) ?? '');
    const items = isSeq(a) ? a.items : [];
    if (k === 'Fn::Equals') {
      if (items.length !== 2) return undefined;
      const [x, y] = items.map((i) => this.value(i, depth + 1));
      if (!isKnown(x) || !isKnown(y)) return undefined;
      return canonical(x) === canonical(y);
    }
    if (k === 'Fn::Not') return items.length === 1 ? negate(this.bool(items[0], depth + 1)) : undefined;
    if (k === 'Fn::And' || k === 'Fn::Or') {
      const vs = items.map((i) => this.bool(i, depth + 1));
      const decisive = k === 'Fn::And' ? false : true;
      if (vs.includes(decisive)) return decisive;
      return vs.includes(undefined) ? undefined : !decisive;
    }
    if (k === 'Fn::Contains' || k === 'Fn::EachMemberEquals' || k === 'Fn::EachMemberIn') return undefined;
    // Another function (Fn::If, FindInMap…) returning "true"/"false".
    const v = this.value(n, depth + 1);
    return v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
  }

  value(n: Node, depth: number): Value {
    if (depth > MAX_DEPTH) return new Sym('too deep');
    if (n.kind === 'scalar') return n.value;
    if (n.kind === 'seq') {
      const out: Value[] = [];
      for (const it of n.items) {
        const v = this.value(it, depth + 1);
        if (v !== NO_VALUE) out.push(v);
      }
      return out;
    }
    const fn = intrinsicName(n);
    if (fn) return this.call(fn, n.pairs[0].value, depth + 1);
    const o: Record<string, Value> = {};
    for (const p of n.pairs) {
      const v = this.value(p.value, depth + 1);
      if (v !== NO_VALUE) o[keyText(p)] = v;
    }
    return o;
  }

  private call(fn: string, arg: Node, depth: number): Value {
    const items = isSeq(arg) ? arg.items : undefined;
    const args = () => this.value(arg, depth);
    switch (fn) {
      case 'Ref':
        return this.ref(str(arg) ?? '');
      case 'Fn::GetAtt': {
        const [res, attr] = items ? [str(items[0]), this.value(items[1] ?? arg, depth)] : (str(arg) ?? '').split(/\.(.*)/);
        return new Sym(`${res}.${isText(attr) ? attr : '?'}`);
      }
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::If': {
        if (!items || items.length !== 3) return new Pending(fn, args());
        const c = this.condition(str(items[0]) ?? '');
        if (c === undefined) return new Pending(fn, [str(items[0]), this.value(items[1], depth), this.value(items[2], depth)]);
        return this.value(items[c ? 1 : 2], depth);
      }
      case 'Fn::Join': {
        const a = args();
        if (!Array.isArray(a) || a.length !== 2 || !isText(a[0]) || !Array.isArray(a[1])) return new Pending(fn, a);
        return concat(a[1].map((x, i) => (i ? [String(a[0]), x] : [x])).flat());
      }
      case 'Fn::Select': {
        const a = args();
        if (!Array.isArray(a) || a.length !== 2 || !isText(a[0]) || !Array.isArray(a[1])) return new Pending(fn, a);
        const i = Number(a[0]);
        return Number.isInteger(i) && i >= 0 && i < a[1].length ? a[1][i] : new Pending(fn, a);
      }
      case 'Fn::Split': {
        const a = args();
        if (!Array.isArray(a) || a.length !== 2 || typeof a[0] !== 'string' || !a[0] || typeof a[1] !== 'string') return new Pending(fn, a);
        return a[1].split(a[0]);
      }
      case 'Fn::FindInMap':
        return this.findInMap(args());
      case 'Fn::GetAZs': {
        const a = args();
        if (a === '' || a === null) return availabilityZones(this.region);
        return typeof a === 'string' ? availabilityZones(a) : new Pending(fn, a);
      }
      case 'Fn::Cidr': {
        const a = args();
        if (!Array.isArray(a) || a.length !== 3 || !a.every(isText)) return new Pending(fn, a);
        const r = evaluateFnCidr(String(a[0]), String(a[1]), String(a[2]));
        return r.ok ? r.blocks : new Pending(fn, a);
      }
      case 'Fn::ImportValue': {
        const a = args();
        return new Sym(`ImportValue ${isText(a) ? a : a instanceof Sym ? a.toJSON() : '?'}`);
      }
      case 'Fn::Length': {
        const a = args();
        return Array.isArray(a) ? a.length : new Pending(fn, a);
      }
      case 'Fn::ToJsonString': {
        const a = args();
        return isKnown(a) && !containsPending(a) ? JSON.stringify(a) : new Pending(fn, a);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const b = this.bool({ kind: 'map', pairs: [{ key: { kind: 'scalar', value: fn, quoted: false, start: 0, end: 0 }, value: arg, start: 0, end: 0 }], start: 0, end: 0 }, depth);
        return b ?? new Pending(fn, args());
      }
      case 'Condition':
        return this.condition(str(arg) ?? '') ?? new Pending(fn, str(arg));
      default:
        // Fn::Base64 stays readable (its input resolved); Fn::Transform and others are kept.
        return new Pending(fn, args());
    }
  }

  private ref(name: string): Value {
    if (this.params.has(name)) return this.params.get(name);
    if (name in this.pseudo) return this.pseudo[name];
    return new Sym(name);
  }

  private sub(arg: Node, depth: number): Value {
    const items = isSeq(arg) ? arg.items : undefined;
    const s = items ? items[0] : arg;
    if (!isScalar(s) || typeof s.value !== 'string') return new Pending('Fn::Sub', this.value(arg, depth));
    const vars = new Map<string, Value>();
    const m = items?.[1];
    if (m && !isMap(m)) return new Pending('Fn::Sub', this.value(arg, depth));
    if (isMap(m) && !intrinsicName(m)) for (const p of m.pairs) vars.set(keyText(p), this.value(p.value, depth));
    const parts: Value[] = [];
    let last = 0;
    const text = s.value;
    for (const x of subPlaceholders(text)) {
      parts.push(text.slice(last, x.index));
      last = x.end;
      const inner = x.inner;
      if (inner.startsWith('!')) {
        parts.push('${' + inner.slice(1) + '}');
        continue;
      }
      const name = inner.trim();
      if (vars.has(name)) parts.push(vars.get(name));
      else if (name.includes('.') && !name.startsWith('AWS::')) parts.push(new Sym(name));
      else parts.push(this.ref(name));
    }
    parts.push(text.slice(last));
    return concat(parts);
  }

  private findInMap(a: Value): Value {
    if (!Array.isArray(a) || a.length < 3 || !a.slice(0, 3).every(isText)) return new Pending('Fn::FindInMap', a);
    const [map, k1, k2] = a.slice(0, 3).map(String);
    const top = get(this.idx.mappings.get(map)?.value, k1);
    const leaf = get(top, k2);
    if (leaf) return this.value(leaf, 1);
    // LanguageExtensions' DefaultValue, used when the keys are missing.
    const dflt = a[3] && typeof a[3] === 'object' && !Array.isArray(a[3]) ? (a[3] as Record<string, Value>).DefaultValue : undefined;
    return dflt !== undefined ? dflt : new Pending('Fn::FindInMap', a);
  }
}

function negate(b: boolean | undefined): boolean | undefined {
  return b === undefined ? undefined : !b;
}

function canonical(v: Value): string {
  return Array.isArray(v) ? JSON.stringify(v.map(canonical)) : String(v);
}

function containsPending(v: Value): boolean {
  if (v instanceof Pending || v instanceof Sym) return true;
  if (Array.isArray(v)) return v.some(containsPending);
  if (v && typeof v === 'object') return Object.values(v).some(containsPending);
  return false;
}

/**
 * Strings joined together: text when every part is known; a symbol spelling the whole value
 * (`arn:aws:s3:::{{Bucket}}/*`) when some part is only known at deploy time; a pending
 * function when a part is a list or an unresolved function.
 */
function concat(parts: Value[]): Value {
  if (parts.every(isText)) return parts.map(String).join('');
  if (parts.every((p) => isText(p) || p instanceof Sym)) {
    const syms = parts.filter((p) => p instanceof Sym && p.text !== '');
    const rest = parts.filter((p) => !(p instanceof Sym) && String(p) !== '');
    if (syms.length === 1 && rest.length === 0) return syms[0];
    return new Sym(parts.map((p) => (p instanceof Sym ? p.toJSON() : String(p))).join(''), true);
  }
  return new Pending('Fn::Join', ['', parts]);
}
