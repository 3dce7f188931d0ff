import { templateIndex } from '../../cfn/template';
import type { TemplateDocument } from '../../document/model';
import { get, getPair, isMap, isScalar, isSeq, keyText, type MapNode, type ScalarNode } from '../../document/nodes';
import { registryType, resolveRef, samPropertiesSchema, samRegistry, type JsonSchema } from '../../schema/registry';
import { validateValue, type Place, type SchemaContext, type SchemaIssue } from '../jsonschema/validate';
import type { RuleContext } from '../types';

/** Serverless types whose pass-through properties are the CloudFormation type's own (same names). */
const PASS_THROUGH: Record<string, string> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
};
const GLOBALS_TYPES: Record<string, string> = { Function: 'AWS::Serverless::Function', LayerVersion: 'AWS::Serverless::LayerVersion', StateMachine: 'AWS::Serverless::StateMachine' };

export interface SamIssue extends SchemaIssue {
  /** Where the hand-written SAM rules already look (top-level Properties, event Properties, Globals sections): they own unknown/required there. */
  shallow: boolean;
}

const cache = new WeakMap<TemplateDocument, SamIssue[]>();

/**
 * Serverless resources and Globals validated at every depth against SAM's own schema; properties
 * SAM passes through unchanged are checked against the CloudFormation type they land on.
 */
export function samSchemaIssues(ctx: RuleContext): SamIssue[] {
  const hit = cache.get(ctx.doc);
  if (hit) return hit;
  const out: SamIssue[] = [];
  const idx = templateIndex(ctx.doc, ctx.root);
  if (!idx.foreignTransform) {
    const root = samRegistry();
    const allowedValues = (param: string) => {
      const av = get(idx.parameters.get(param)?.value, 'AllowedValues');
      return isSeq(av) && av.items.every(isScalar) ? av.items.map((i) => String((i as ScalarNode).value)) : undefined;
    };
    const check = (node: MapNode, schema: JsonSchema, cfnType: string | undefined, at: Place, topDepth: number) => {
      const context: SchemaContext = { root, allowedValues, external: (ref, place) => passThrough(ref, place, cfnType, topDepth) };
      const found: SchemaIssue[] = [];
      validateValue(context, node, schema, at, found);
      for (const f of found) if (!lenient(f)) out.push({ ...f, shallow: isShallow(f, topDepth) });
    };
    for (const r of idx.resources.values()) {
      if (!r.type?.startsWith('AWS::Serverless::') || !isMap(r.node)) continue;
      const schema = samPropertiesSchema(r.type);
      const propsPair = getPair(r.node, 'Properties');
      if (!schema || !propsPair || !isMap(propsPair.value)) continue;
      check(propsPair.value, schema, PASS_THROUGH[r.type], { path: ['Resources', r.name, 'Properties'], name: r.type, key: { start: propsPair.key.start, end: propsPair.key.end } }, 3);
    }
    const globals = get(ctx.root, 'Globals');
    if (isMap(globals)) {
      for (const p of globals.pairs) {
        const section = keyText(p);
        const def = resolveRef(root, `#/definitions/samtranslator__internal__schema_source__aws_serverless_${section.toLowerCase()}__Globals`);
        if (!def || !isMap(p.value)) continue; // unknown sections: SAM1005
        const type = GLOBALS_TYPES[section];
        check(p.value, def, type && PASS_THROUGH[type], { path: ['Globals', section], name: `Globals.${section}`, key: { start: p.key.start, end: p.key.end } }, 2);
      }
    }
  }
  cache.set(ctx.doc, out);
  return out;
}

/**
 * Where SAM's schema is stricter than SAM in practice: `EndpointConfiguration: REGIONAL` (a plain
 * string) deploys, and an application `Location` may name only its ApplicationId.
 */
const LENIENT: Record<string, SchemaIssue['issue']> = { EndpointConfiguration: 'type', Location: 'required' };

function lenient(f: SchemaIssue): boolean {
  const name = [...(f.path ?? [])].reverse().find((x) => typeof x === 'string');
  return typeof name === 'string' && LENIENT[name] === f.issue;
}

/** A pass-through property at the top of Properties (or of a Globals section) → the CloudFormation property schema. */
function passThrough(ref: string, at: Place, cfnType: string | undefined, topDepth: number): { root: JsonSchema; schema: JsonSchema } | undefined {
  if (ref !== '#/definitions/PassThroughProp' || !cfnType || at.path.length !== topDepth + 1) return undefined;
  const root = registryType(cfnType);
  const schema = root?.properties?.[String(at.path[topDepth])];
  return root && schema ? { root, schema } : undefined;
}

/** Unknown and missing keys the older, hand-tuned SAM rules already report (SAM1002, SAM1003, SAM1005, SAM1007). */
function isShallow(f: SchemaIssue, topDepth: number): boolean {
  if (f.issue !== 'unknown' && f.issue !== 'required' && f.issue !== 'alternatives') return false;
  const p = f.path ?? [];
  const depth = f.issue === 'unknown' ? p.length - 1 : p.length; // the map the key belongs to
  if (depth <= topDepth) return p[0] === 'Resources'; // Globals keys: only the schema knows them per type
  // Events.<name> and Events.<name>.Properties: SAM1004 / SAM1007.
  return p[0] === 'Resources' && p[3] === 'Events' && depth <= 6;
}
