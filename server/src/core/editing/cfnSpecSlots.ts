/**
 * The resource spec seen from a cursor: which properties a position inside `Properties:` takes,
 * and the snippet text that writes one of them with its structure (a list, a nested object with
 * its required keys, a choice of allowed values).
 */
import { propertyTypeSpec, resourceSpec, type SpecProperty, type SpecType } from '../schema/resourceView';
import type { Segment } from './cursor';

/** A position in the spec: a set of properties (an object) and/or the type of one value. */
export interface Slot {
  /** Properties of the object at this position. */
  props?: Record<string, SpecProperty>;
  /** Prefix of the documentation keys of those properties (`AWS::S3::Bucket` or a property type id). */
  docPrefix?: string;
  /** Type of the value at this position. */
  t?: SpecType;
  prop?: SpecProperty;
  /** Documentation key of the property this value belongs to. */
  docKey?: string;
}

const INTRINSIC = /^(Ref|Condition|Fn::.+)$/;

/** Walk `Properties` keys and list indexes of a resource type to the slot at the cursor. */
export function propertySlot(type: string, rest: readonly Segment[]): Slot | undefined {
  const spec = resourceSpec(type);
  if (!spec) return undefined;
  let slot: Slot = { props: spec.p, docPrefix: type };
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i];
    if (typeof seg === 'string' && INTRINSIC.test(seg)) {
      // The 2nd and 3rd arguments of Fn::If stand where the value itself would.
      if (seg === 'Fn::If' && typeof rest[i + 1] === 'number' && rest[i + 1] !== 0) {
        i++;
        continue;
      }
      return undefined;
    }
    const next = step(slot, seg);
    if (!next) return undefined;
    slot = next;
  }
  return slot;
}

function step(slot: Slot, seg: Segment): Slot | undefined {
  if (typeof seg === 'number') {
    const item = slot.t !== undefined ? listItem(slot.t) : undefined;
    return item !== undefined ? withObject({ t: item }) : undefined;
  }
  if (slot.props) {
    const p = slot.props[seg];
    if (!p) return undefined;
    return withObject({ t: p.t, prop: p, docKey: slot.docPrefix ? `${slot.docPrefix}.${seg}` : undefined });
  }
  const t = slot.t !== undefined ? unwrap(slot.t) : undefined;
  if (t !== undefined && typeof t !== 'string' && t[0] === 'm') return withObject({ t: t[1] as SpecType });
  return undefined;
}

/** Attach the properties when the slot's value is an object. */
function withObject(slot: Slot): Slot {
  const o = slot.t !== undefined ? objectOf(slot.t) : undefined;
  return o ? { ...slot, props: o.props, docPrefix: o.id } : slot;
}

function objectOf(t: SpecType): { props: Record<string, SpecProperty>; id?: string } | undefined {
  const u = unwrap(t);
  if (typeof u !== 'string' && u[0] === 'r') {
    const id = u[1] as string;
    const pt = propertyTypeSpec(id);
    return pt ? { props: pt.p, id } : undefined;
  }
  return undefined;
}

function listItem(t: SpecType): SpecType | undefined {
  const u = unwrap(t);
  return typeof u !== 'string' && u[0] === 'l' ? (u[1] as SpecType) : undefined;
}

/** Of `A or B` types, the one to write: the first that is not free-form JSON. */
function unwrap(t: SpecType): SpecType {
  if (typeof t === 'string' || t[0] !== 'u') return t;
  const alts = t.slice(1) as SpecType[];
  return unwrap(alts.find((a) => a !== 'j') ?? alts[0]);
}

export function enumOf(t: SpecType): string[] | undefined {
  const u = unwrap(t);
  return typeof u !== 'string' && u[0] === 'e' ? (u.slice(1) as string[]) : undefined;
}

/** Values to offer for a scalar slot: its enum, or true/false. */
export function scalarValues(t: SpecType): string[] {
  const u = unwrap(t);
  if (u === 'b') return ['true', 'false'];
  return enumOf(u) ?? [];
}

export function isScalarType(t: SpecType): boolean {
  const u = unwrap(t);
  return typeof u === 'string' ? u !== 'j' : u[0] === 'e';
}

// ---------------------------------------------------------------------------------------------
// Snippet text

/** Counter for `${n}` tab stops across one snippet. */
interface Stops {
  n: number;
}

/**
 * What follows `Name` when a property is inserted in YAML: `: ${1}`, `: ${1|a,b|}`, or a nested
 * block with the required keys of an object, indented relative to the key (the editor adds the
 * line's own indentation).
 */
export function propertySuffix(t: SpecType, stops: Stops = { n: 1 }, depth = 0): string {
  const u = unwrap(t);
  if (typeof u === 'string') return u === 'j' ? `:\n  ${stop(stops)}` : `: ${valueStop(u, stops)}`;
  switch (u[0]) {
    case 'e':
      return `: ${valueStop(u, stops)}`;
    case 'l': {
      const item = unwrap(u[1] as SpecType);
      const obj = objectOf(item);
      if (obj && depth < 2) return `:\n  - ${requiredBlock(obj.props, '    ', stops, depth + 1).trimStart()}`;
      return `:\n  - ${valueStop(item, stops)}`;
    }
    case 'm':
      return `:\n  ${stop(stops, 'Key')}: ${stop(stops)}`;
    case 'r': {
      const obj = objectOf(u);
      if (obj && depth < 2) return `:\n  ${requiredBlock(obj.props, '  ', stops, depth + 1).trimStart()}`;
      return `:\n  ${stop(stops)}`;
    }
    default:
      return `: ${stop(stops)}`;
  }
}

/** The required keys of an object, one a line; a bare tab stop when none is required. */
function requiredBlock(props: Record<string, SpecProperty>, indent: string, stops: Stops, depth: number): string {
  const req = Object.entries(props).filter(([, p]) => p.r);
  if (!req.length) return indent + stop(stops);
  return req
    .map(([name, p]) => {
      const suffix = propertySuffix(p.t, stops, depth).replace(/\n/g, `\n${indent}`);
      return `${indent}${name}${suffix}`;
    })
    .join('\n');
}

function valueStop(t: SpecType, stops: Stops): string {
  const values = scalarValues(t);
  // Choices can't hold `,` or `|`; such enums get a plain tab stop (completion still lists them).
  if (values.length && values.length <= 30 && values.every((v) => !/[,|$}\\]/.test(v))) return `\${${stops.n++}|${values.join(',')}|}`;
  return stop(stops);
}

function stop(stops: Stops, placeholder?: string): string {
  return placeholder ? `\${${stops.n++}:${placeholder}}` : `\${${stops.n++}}`;
}
