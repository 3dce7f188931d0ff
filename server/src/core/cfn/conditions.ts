import { canonical, get, intrinsicName, isMap, isScalar, isSeq, str, type MapNode, type Node } from '../document/nodes';
import { PSEUDO_PARAMETERS } from './vocabulary';
import type { TemplateIndex } from './template';

/**
 * Which combinations of the template's conditions can hold together. Conditions are built from
 * `Fn::Equals`; an equality of a parameter (or pseudo parameter) with a literal is decided by the
 * value that parameter takes, so `Env = prod` and `Env = dev` are never true together and a
 * parameter with AllowedValues takes only those. Any other equality is a free yes/no. The values
 * are enumerated (a few thousand combinations at most); past that, or for a condition we can't
 * read, the answer is "unknown" and callers stay silent.
 */
export type Scenario = Map<string, boolean>;

const MAX_COMBINATIONS = 4096;
const OTHER = '\u0000other';

interface Variable {
  key: string;
  values: string[];
}

export interface ConditionSolver {
  /** Every distinct truth vector of `names` that some parameter values produce; undefined when unknown. */
  scenarios(names: string[]): Scenario[] | undefined;
}

const cache = new WeakMap<TemplateIndex, ConditionSolver>();

export function conditionSolver(idx: TemplateIndex): ConditionSolver {
  let s = cache.get(idx);
  if (!s) cache.set(idx, (s = build(idx)));
  return s;
}

function build(idx: TemplateIndex): ConditionSolver {
  // Per parameter: the literals conditions compare it with (its domain, plus "anything else").
  const literals = new Map<string, Set<string>>();
  const opaque = new Set<string>();
  /** The variables a condition reads (undefined: a condition we can't read). */
  const varsMemo = new Map<string, Set<string> | undefined>();

  const equalsParts = (arg: Node): { param: string; lit: string } | { both: [string, string] } | { opaque: string } | undefined => {
    if (!isSeq(arg) || arg.items.length !== 2) return undefined;
    const [a, b] = arg.items;
    const refOf = (n: Node) => (intrinsicName(n) === 'Ref' ? str((n as MapNode).pairs[0].value) : undefined);
    if (isScalar(a) && isScalar(b)) return { both: [String(a.value), String(b.value)] };
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const ref = refOf(x);
      if (ref && isScalar(y) && (idx.parameters.has(ref) || PSEUDO_PARAMETERS.includes(ref))) return { param: ref, lit: String(y.value) };
    }
    return { opaque: [canonical(a), canonical(b)].sort().join('=') };
  };

  const collect = (n: Node, seen: Set<string>, vars: Set<string>): boolean => {
    const fn = intrinsicName(n) ?? (isMap(n) && n.pairs.length === 1 && n.pairs[0].key.value === 'Condition' ? 'Condition' : undefined);
    if (!fn) return false;
    const arg = (n as MapNode).pairs[0].value;
    if (fn === 'Condition') {
      const name = str(arg);
      const sub = name === undefined ? undefined : varsOf(name, seen);
      if (!sub) return false;
      for (const v of sub) vars.add(v);
      return true;
    }
    if (fn === 'Fn::Equals') {
      const e = equalsParts(arg);
      if (!e) return false;
      if ('param' in e) {
        if (!literals.has(e.param)) literals.set(e.param, new Set());
        literals.get(e.param)!.add(e.lit);
        vars.add(`p:${e.param}`);
      } else if ('opaque' in e) {
        opaque.add(e.opaque);
        vars.add(`o:${e.opaque}`);
      }
      return true;
    }
    if (fn === 'Fn::Not' || fn === 'Fn::And' || fn === 'Fn::Or') return isSeq(arg) && arg.items.every((i) => collect(i, seen, vars));
    return false;
  };

  const varsOf = (name: string, seen = new Set<string>()): Set<string> | undefined => {
    if (varsMemo.has(name)) return varsMemo.get(name);
    const def = idx.conditions.get(name)?.value;
    if (!def || seen.has(name)) return undefined;
    seen.add(name);
    const vars = new Set<string>();
    const ok = collect(def, seen, vars);
    seen.delete(name);
    varsMemo.set(name, ok ? vars : undefined);
    return ok ? vars : undefined;
  };

  const domain = (key: string): string[] => {
    if (key.startsWith('o:')) return ['true', 'false'];
    const param = key.slice(2);
    const allowed = get(idx.parameters.get(param)?.value, 'AllowedValues');
    if (isSeq(allowed) && allowed.items.length && allowed.items.every(isScalar)) return allowed.items.map((i) => String((i as { value: unknown }).value));
    return [...(literals.get(param) ?? []), OTHER];
  };

  const evaluate = (n: Node, env: Map<string, string>, depth: number): boolean => {
    if (depth > 50) throw new Error('condition nesting');
    const fn = intrinsicName(n) ?? 'Condition';
    const arg = (n as MapNode).pairs[0].value;
    if (fn === 'Condition') return evaluate(idx.conditions.get(str(arg)!)!.value, env, depth + 1);
    if (fn === 'Fn::Equals') {
      const e = equalsParts(arg)!;
      if ('both' in e) return e.both[0] === e.both[1];
      if ('param' in e) return env.get(`p:${e.param}`) === e.lit;
      return env.get(`o:${e.opaque}`) === 'true';
    }
    const items = (arg as { items: Node[] }).items;
    if (fn === 'Fn::Not') return !evaluate(items[0], env, depth + 1);
    if (fn === 'Fn::And') return items.every((i) => evaluate(i, env, depth + 1));
    return items.some((i) => evaluate(i, env, depth + 1));
  };

  return {
    scenarios(names) {
      const keys = new Set<string>();
      for (const n of names) {
        const v = varsOf(n);
        if (!v) return undefined;
        for (const k of v) keys.add(k);
      }
      // Literals are gathered while reading conditions: read them all before building domains.
      const vars: Variable[] = [...keys].map((key) => ({ key, values: domain(key) }));
      if (vars.reduce((a, v) => a * v.values.length, 1) > MAX_COMBINATIONS) return undefined;
      const out = new Map<string, Scenario>();
      const env = new Map<string, string>();
      const visit = (i: number): void => {
        if (i === vars.length) {
          const sc: Scenario = new Map(names.map((n) => [n, evaluate(idx.conditions.get(n)!.value, env, 0)]));
          out.set(names.map((n) => (sc.get(n) ? '1' : '0')).join(''), sc);
          return;
        }
        for (const v of vars[i].values) {
          env.set(vars[i].key, v);
          visit(i + 1);
        }
      };
      try {
        visit(0);
      } catch {
        return undefined;
      }
      return [...out.values()];
    },
  };
}

/** A value with the `Fn::If`s whose conditions the scenario decides replaced by the chosen branch. */
export function chooseBranches(n: Node | undefined, sc: Scenario): Node | undefined {
  let cur = n;
  for (let i = 0; i < 20 && cur && intrinsicName(cur) === 'Fn::If'; i++) {
    const arg = (cur as MapNode).pairs[0].value;
    if (!isSeq(arg) || arg.items.length !== 3) return cur;
    const c = str(arg.items[0]);
    if (c === undefined || !sc.has(c)) return cur;
    cur = arg.items[sc.get(c) ? 1 : 2];
  }
  return cur;
}

/** The condition names `Fn::If`s in a value read (the value's own, and nested ones). */
export function ifConditions(n: Node | undefined, into: Set<string>, depth = 0): void {
  if (!n || depth > 30) return;
  if (intrinsicName(n) === 'Fn::If') {
    const arg = (n as MapNode).pairs[0].value;
    const c = isSeq(arg) ? str(arg.items[0]) : undefined;
    if (c !== undefined) into.add(c);
  }
  if (isMap(n)) for (const p of n.pairs) ifConditions(p.value, into, depth + 1);
  else if (isSeq(n)) for (const i of n.items) ifConditions(i, into, depth + 1);
}
