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

interface SpecFile {
  source: string;
  resources: Record<string, SpecResource>;
  types: Record<string, SpecPropertyType>;
}

let spec: SpecFile | undefined;
let docs: Record<string, string> | undefined;
let typeNames: string[] | undefined;

/** Loaded on first use (a 1.5 MB JSON parse, ~30 ms), never at start-up. */
function load(): SpecFile {
  spec ??= JSON.parse(fs.readFileSync(locateGenerated('cfn-spec.json'), 'utf8')) as SpecFile;
  return spec;
}

export function specSource(): string {
  return load().source;
}

export function resourceSpec(type: string): SpecResource | undefined {
  const r = load().resources;
  return Object.prototype.hasOwnProperty.call(r, type) ? r[type] : undefined;
}

export function propertyTypeSpec(id: string): SpecPropertyType | undefined {
  return load().types[id];
}

export function allResourceTypes(): string[] {
  typeNames ??= Object.keys(load().resources).sort();
  return typeNames;
}

/**
 * Documentation lines, loaded separately and only for hovers. Keys: `AWS::S3::Bucket`,
 * `AWS::S3::Bucket.BucketName` (property), `AWS::S3::Bucket@Arn` (attribute), `#<typeId>.Prop`.
 */
export function specDoc(key: string): string | undefined {
  docs ??= JSON.parse(fs.readFileSync(locateGenerated('cfn-docs.json'), 'utf8')) as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(docs, key) ? docs[key] : undefined;
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
