import fs from 'node:fs';
import { locateGenerated } from './locate';

/**
 * Compact type reference from scripts/generate-spec.mjs:
 * 's' string, 'i' integer, 'n' number, 'b' boolean, 'j' JSON, 'd' date-time, 'tag' a Key/Value tag,
 * ['e', ...allowed] string enum, ['r', id] property type, ['l', T] list, ['m', T] map, ['u', ...T] any of.
 */
export type SpecType = string | [string, ...unknown[]];

export interface SpecProperty {
  t: SpecType;
  r?: 1;
}

export interface SpecResource {
  p: Record<string, SpecProperty>;
  a: Record<string, SpecType>;
}

export interface SpecPropertyType {
  n: string;
  p: Record<string, SpecProperty>;
}

/** dist/cfn-spec.json: every type name, and one JSON string per service parsed on first use. */
interface SpecFile {
  source: string;
  names: string[];
  chunks: Record<string, string>;
}

interface Chunk {
  r: Record<string, SpecResource>;
  t: Record<string, SpecPropertyType>;
}

let spec: SpecFile | undefined;
const chunks = new Map<string, Chunk | null>();
let docFile: { chunks: Record<string, string> } | undefined;
const docChunks = new Map<string, Record<string, string>>();

/** The outer file parses in ~10 ms: its chunks are strings, not objects, until a service is used. */
function load(): SpecFile {
  spec ??= JSON.parse(fs.readFileSync(locateGenerated('cfn-spec.json'), 'utf8')) as SpecFile;
  return spec;
}

function serviceOf(typeOrId: string): string {
  const hash = typeOrId.indexOf('#');
  return (hash >= 0 ? typeOrId.slice(0, hash) : typeOrId).split('::').slice(0, 2).join('::');
}

function chunk(service: string): Chunk | null {
  let c = chunks.get(service);
  if (c === undefined) {
    const raw = load().chunks[service];
    c = raw ? (JSON.parse(raw) as Chunk) : null;
    chunks.set(service, c);
  }
  return c;
}

export function resourceSpec(type: string): SpecResource | undefined {
  const r = chunk(serviceOf(type))?.r;
  return r && Object.prototype.hasOwnProperty.call(r, type) ? r[type] : undefined;
}

/** Property type ids are qualified by service (`AWS::S3#123`), so the right chunk is known. */
export function propertyTypeSpec(id: string): SpecPropertyType | undefined {
  const t = chunk(serviceOf(id))?.t;
  return t && Object.prototype.hasOwnProperty.call(t, id) ? t[id] : undefined;
}

export function allResourceTypes(): string[] {
  return load().names;
}

/**
 * Documentation lines, loaded separately and only for hovers. Keys: `AWS::S3::Bucket`,
 * `AWS::S3::Bucket.BucketName` (property), `AWS::S3::Bucket@Arn` (attribute), `<typeId>.Prop`.
 */
export function specDoc(key: string): string | undefined {
  docFile ??= JSON.parse(fs.readFileSync(locateGenerated('cfn-docs.json'), 'utf8')) as { chunks: Record<string, string> };
  const svc = serviceOf(key);
  let c = docChunks.get(svc);
  if (!c) {
    c = docFile.chunks[svc] ? (JSON.parse(docFile.chunks[svc]) as Record<string, string>) : {};
    docChunks.set(svc, c);
  }
  return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
}

/** Human name of a spec type, e.g. "List of String", "Map of Tag". */
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
      return (rest as SpecType[]).map(typeLabel).join(' or ');
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
  d: 'Timestamp',
  tag: 'Tag',
};
