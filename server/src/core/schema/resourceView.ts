/**
 * The registry table seen as the small property tree that completion and hover walk: per resource
 * type its settable properties (type, required) and its GetAtt attributes, nested objects by id.
 * Built per type on first use from the same table validation reads (one source per fact).
 *
 * Compact types: 's' string, 'i' integer, 'n' number, 'b' boolean, 'j' free-form JSON,
 * ['e', ...allowed] string enum, ['r', id] object, ['l', T] list, ['m', T] map, ['u', ...T] any of.
 * Object ids: `AWS::S3::Bucket#BucketEncryption` (a schema definition) or
 * `AWS::S3::Bucket#/properties/X` (an object written inline), resolved by propertyTypeSpec.
 */
import { registryType, registryTypeNames, type JsonSchema, type RegistryType } from './registry';

export type SpecType = string | [string, ...unknown[]];

export interface SpecProperty {
  t: SpecType;
  r?: 1;
}

export interface SpecResource {
  /** Properties a template sets (read-only ones left out). */
  p: Record<string, SpecProperty>;
  /** GetAtt attributes, with their types where the schema says. */
  a: Record<string, SpecType | undefined>;
}

export interface SpecPropertyType {
  n: string;
  p: Record<string, SpecProperty>;
}

const resources = new Map<string, SpecResource | null>();
const objects = new Map<string, SpecPropertyType | null>();

export function resourceSpec(type: string): SpecResource | undefined {
  let r = resources.get(type);
  if (r === undefined) {
    const reg = registryType(type);
    r = reg ? resourceView(type, reg) : null;
    resources.set(type, r);
  }
  return r ?? undefined;
}

export function propertyTypeSpec(id: string): SpecPropertyType | undefined {
  let o = objects.get(id);
  if (o === undefined) {
    o = null;
    const hash = id.indexOf('#');
    const type = id.slice(0, hash);
    const reg = hash > 0 ? registryType(type) : undefined;
    const where = id.slice(hash + 1);
    const s = reg && (where.startsWith('/') ? atPointer(reg, where) : own(reg.definitions, where));
    if (s) o = { n: where.startsWith('/') ? labelOfPointer(where) : where, p: props(type, reg!, s, where.startsWith('/') ? where : `/definitions/${where}`) };
    objects.set(id, o);
  }
  return o ?? undefined;
}

export function allResourceTypes(): string[] {
  return registryTypeNames();
}

function resourceView(type: string, reg: RegistryType): SpecResource {
  const readOnly = new Set(reg.readOnly ?? []);
  const p = props(type, reg, reg, '');
  for (const name of Object.keys(p)) if (readOnly.has(name)) delete p[name];
  const a: Record<string, SpecType | undefined> = {};
  for (const name of [...(reg.readOnly ?? []), ...(reg.getAtt ?? [])]) a[name] = attributeType(type, reg, name.split('.'));
  return { p, a };
}

function props(type: string, root: RegistryType, obj: JsonSchema, ptr: string): Record<string, SpecProperty> {
  const out: Record<string, SpecProperty> = {};
  const required = new Set(obj.required ?? []);
  for (const [name, s] of Object.entries(obj.properties ?? {})) {
    const e: SpecProperty = { t: typeOf(type, root, s, `${ptr}/properties/${name}`, 0) };
    if (required.has(name)) e.r = 1;
    out[name] = e;
  }
  return out;
}

function typeOf(type: string, root: RegistryType, s: JsonSchema, ptr: string, depth: number): SpecType {
  if (depth > 12) return 'j';
  if (s.$ref) {
    const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
    const def = m ? own(root.definitions, m[1]) : undefined;
    if (!m || !def) return 'j';
    return def.properties ? ['r', `${type}#${m[1]}`] : typeOf(type, root, def, `/definitions/${m[1]}`, depth + 1);
  }
  if (Array.isArray(s.enum) && s.enum.length && s.enum.every((v) => typeof v === 'string')) return ['e', ...(s.enum as string[])];
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length > 1) return ['u', ...types.map((t) => typeOf(type, root, { ...s, type: t }, ptr, depth + 1))];
  switch (types[0]) {
    case 'string':
      return 's';
    case 'integer':
      return 'i';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'array':
      return ['l', s.items ? typeOf(type, root, s.items, `${ptr}/items`, depth + 1) : 'j'];
    case 'object':
    case undefined:
      break;
    default:
      return 'j';
  }
  if (s.properties) return ['r', `${type}#${ptr}`];
  const values = Object.entries(s.patternProperties ?? {});
  if (values.length === 1) return ['m', typeOf(type, root, values[0][1], `${ptr}/patternProperties/${values[0][0]}`, depth + 1)];
  if (s.additionalProperties && typeof s.additionalProperties === 'object') return ['m', typeOf(type, root, s.additionalProperties, `${ptr}/additionalProperties`, depth + 1)];
  const alts = (s.oneOf ?? s.anyOf ?? []).filter((x) => x.type !== undefined || x.$ref !== undefined || x.properties !== undefined);
  if (types[0] === undefined && alts.length) return alts.length === 1 ? typeOf(type, root, alts[0], ptr, depth + 1) : ['u', ...alts.map((x) => typeOf(type, root, x, ptr, depth + 1))];
  return 'j';
}

/** The type of a (dotted) attribute, following its path through the properties. */
function attributeType(type: string, root: RegistryType, path: string[]): SpecType | undefined {
  let s: JsonSchema | undefined = root;
  for (const name of path) {
    s = s && deref(root, s);
    s = s?.properties ? own(s.properties, name) : undefined;
    if (!s) return undefined;
  }
  return typeOf(type, root, s!, '', 0);
}

function deref(root: RegistryType, s: JsonSchema): JsonSchema | undefined {
  for (let i = 0; i < 12 && s.$ref; i++) {
    const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
    const def = m ? own(root.definitions, m[1]) : undefined;
    if (!def) return undefined;
    s = def;
  }
  return s;
}

function atPointer(root: RegistryType, ptr: string): JsonSchema | undefined {
  let cur: unknown = root;
  for (const seg of ptr.split('/').slice(1)) {
    if (!cur || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur && typeof cur === 'object' ? (cur as JsonSchema) : undefined;
}

/** `/properties/Rules/items` → `Rules`: the nearest named step. */
function labelOfPointer(ptr: string): string {
  const segs = ptr.split('/').filter((x) => x && !['properties', 'items', 'definitions', 'patternProperties', 'additionalProperties'].includes(x));
  return segs[segs.length - 1] ?? 'Object';
}

function own<T>(o: Record<string, T> | undefined, k: string): T | undefined {
  return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** Human name of a type, e.g. "List of String", "Map of Tag". */
export function typeLabel(t: SpecType): string {
  if (typeof t === 'string') return SIMPLE_LABELS[t] ?? t;
  const [k, ...rest] = t as [string, ...unknown[]];
  switch (k) {
    case 'e':
      return 'String';
    case 'r':
      return propertyTypeSpec(rest[0] as string)?.n ?? 'Object';
    case 'l':
      return `List of ${typeLabel(rest[0] as SpecType)}`;
    case 'm':
      return `Map of ${typeLabel(rest[0] as SpecType)}`;
    case 'u':
      return [...new Set((rest as SpecType[]).map(typeLabel))].join(' or ');
    default:
      return k;
  }
}

const SIMPLE_LABELS: Record<string, string> = {
  s: 'String',
  i: 'Integer',
  n: 'Number',
  b: 'Boolean',
  j: 'JSON',
};
