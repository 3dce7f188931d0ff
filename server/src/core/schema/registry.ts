import fs = require('node:fs');
import { locateGenerated } from './locate';
import { firstAtLeast } from '../sorted';

/**
 * The CloudFormation registry table written by scripts/import-schemas.mjs (server/data/registry,
 * copied to dist/registry at build): JSON Schema facts per resource type, one file per service,
 * read the first time a template uses that service, one line per type, each decoded on its first use.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  enum?: unknown[];
  enumCaseInsensitive?: boolean;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  dependentRequired?: Record<string, string[]>;
  dependentExcluded?: Record<string, string[]>;
  dependencies?: Record<string, string[] | JsonSchema>;
  /** cfn-lint's keywords: exactly one / at least one of these properties. */
  requiredXor?: string[];
  requiredOr?: string[];
  definitions?: Record<string, JsonSchema>;
}

export interface RegistryType extends JsonSchema {
  /** Read-only properties (GetAtt attributes), dotted for nested ones: `Endpoint.Address`. */
  readOnly?: string[];
  /** Settable properties GetAtt reads too (older types), dotted like `readOnly`: the attributes are both lists. */
  getAtt?: string[];
  /** Top-level properties that name the resource (RoleName, BucketName): unique per type in a template. */
  primaryIdentifier?: string[];
}

interface Index {
  source: string;
  types: string[];
}

let index: Index | undefined;
/** Per service, its `.types` text (scripts/build.d/registry.mjs), or null when there is no such service. */
const services = new Map<string, string | null>();
/** Types decoded so far (only known ones: a type being typed is looked up on every keystroke). */
const decoded = new Map<string, RegistryType>();

function loadIndex(): Index {
  index ??= JSON.parse(fs.readFileSync(locateGenerated('registry/index.json'), 'utf8')) as Index;
  return index;
}

/** Where the service part of a type ends (`AWS::S3` of `AWS::S3::Bucket`), or -1 (without arrays: called for every resource on every keystroke). */
function serviceEnd(type: string): number {
  const first = type.indexOf('::');
  return first < 0 ? -1 : type.indexOf('::', first + 2);
}

/** `AWS::S3::Bucket` → `AWS-S3`. */
function serviceFile(type: string): string {
  const end = serviceEnd(type);
  return (end < 0 ? type : type.slice(0, end)).replace('::', '-');
}

/** The schema of a resource type, or undefined when the registry does not know it. */
export function registryType(type: string): RegistryType | undefined {
  const known = decoded.get(type);
  if (known) return known;
  // Each line is `["<type>",{…}]` after a line break (a type name needs no JSON escapes).
  const text = /["\\\n]/.test(type) ? null : serviceText(serviceFile(type));
  const at = text ? text.indexOf(`\n["${type}",`) : -1;
  if (!text || at < 0) return undefined;
  const schema = (JSON.parse(text.slice(at + 1, text.indexOf('\n', at + 1))) as [string, RegistryType])[1];
  decoded.set(type, schema);
  return schema;
}

function serviceText(svc: string): string | null {
  let text = services.get(svc);
  if (text === undefined) {
    text = null;
    if (/^[A-Za-z0-9]+-[A-Za-z0-9]+$/.test(svc)) {
      try {
        text = fs.readFileSync(locateGenerated(`registry/${svc}.types`), 'utf8');
      } catch {
        text = null; // no such service
      }
    }
    services.set(svc, text);
  }
  return text;
}

export function registryTypeNames(): string[] {
  return loadIndex().types;
}

const serviceTypes = new Map<string, string[]>();

/**
 * The known types of the service `type` names (`AWS::S3::Bucke` → `AWS::S3::*`), empty when no type
 * has that prefix. The index is sorted, so this is a binary search, not a pass over 1,585 names.
 */
export function registryServiceTypeNames(type: string): string[] {
  const end = serviceEnd(type);
  if (end < 0) return [];
  const prefix = type.slice(0, end + 2);
  let hit = serviceTypes.get(prefix);
  if (!hit) {
    const types = registryTypeNames();
    const lo = firstAtLeast(types, prefix);
    let hi = lo;
    while (hi < types.length && types[hi].startsWith(prefix)) hi++;
    serviceTypes.set(prefix, (hit = types.slice(lo, hi)));
  }
  return hit;
}

export function registrySource(): string {
  return loadIndex().source;
}

/** Follow a local `$ref` (`#/definitions/X`) within `root`. */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  const m = /^#\/definitions\/(.+)$/.exec(ref);
  const defs = root.definitions;
  return m && defs && Object.prototype.hasOwnProperty.call(defs, m[1]) ? defs[m[1]] : undefined;
}

/** SAM's own schema (resources, event sources, Globals), its policy templates and the managed policy names. */
export interface SamRegistry extends JsonSchema {
  source: string;
  /** Policy template name → its parameter names. */
  policyTemplates: Record<string, string[]>;
  managedPolicies: string[];
}

let sam: SamRegistry | undefined;

export function samRegistry(): SamRegistry {
  sam ??= JSON.parse(fs.readFileSync(locateGenerated('registry/sam.json'), 'utf8')) as SamRegistry;
  return sam;
}

/** The SAM schema definition of a serverless type's Properties (`AWS::Serverless::Function` → …function__Properties). */
export function samPropertiesSchema(type: string): JsonSchema | undefined {
  const m = /^AWS::Serverless::(\w+)$/.exec(type);
  if (!m) return undefined;
  const defs = samRegistry().definitions ?? {};
  // The translator's module names: `httpapi`, `graphqlapi`, but `capacity_provider`.
  for (const name of [m[1].toLowerCase(), m[1].replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()]) {
    const d = defs[`samtranslator__internal__schema_source__aws_serverless_${name}__Properties`];
    if (d) return d;
  }
  return undefined;
}
