import { conditionSolver } from '../../cfn/conditions';
import { templateIndex, type ResourceInfo, type TemplateIndex } from '../../cfn/template';
import { CREATION_POLICY_KEYS, DELETION_POLICIES, isCustomType, isModuleType, RESOURCE_KEYS, UPDATE_POLICY_KEYS, UPDATE_REPLACE_POLICIES } from '../../cfn/vocabulary';
import type { TemplateDocument } from '../../document/model';
import { get, getPair, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import { cfnRule, eachResource, replaceFinding, resourceRule } from '../define';
import { isNoValue, validateValue, type SchemaIssue, type SchemaIssueKind } from '../jsonschema/validate';
import { registryServiceTypeNames, registryType, registryTypeNames } from '../../schema/registry';
import { SAM_RESOURCE_KEYS } from '../../schema/sam';
import { closest, didYouMean, distance } from '../../suggest';
import type { RawFinding, Rule, RuleContext } from '../types';
import { samSchemaIssues } from '../sam/schema';
import { describe } from './sections';


/** Types CloudFormation accepts that the resource spec does not list (CDK's metadata marker). */
const EXTRA_TYPES = ['AWS::CDK::Metadata'];

/**
 * Properties `aws cloudformation package` (and `sam package`) rewrite from a local path to an
 * S3 location: a plain string there is a packaging input, not a type error.
 */
const PACKAGEABLE = new Set([
  'AWS::Lambda::Function.Code', 'AWS::Lambda::LayerVersion.Content', 'AWS::ApiGateway::RestApi.BodyS3Location',
  'AWS::StepFunctions::StateMachine.DefinitionS3Location', 'AWS::ElasticBeanstalk::ApplicationVersion.SourceBundle',
  'AWS::AppSync::GraphQLSchema.DefinitionS3Location', 'AWS::AppSync::Resolver.RequestMappingTemplateS3Location',
  'AWS::AppSync::Resolver.ResponseMappingTemplateS3Location', 'AWS::AppSync::FunctionConfiguration.RequestMappingTemplateS3Location',
  'AWS::AppSync::FunctionConfiguration.ResponseMappingTemplateS3Location', 'AWS::CloudFormation::Stack.TemplateURL',
  'AWS::Glue::Job.Command', 'AWS::CodeCommit::Repository.Code', 'AWS::ECR::Repository.RepositoryPolicyText',
]);


export const resourceType = resourceRule('CFN3001', 'Resource has no Type, or Type is not a plain string', ['E3001'], (_ctx, r, out) => {
  if (isScalar(r.node)) {
    const text = str(r.node) ?? '';
    const m = /^Type:(\S.*)$/.exec(text);
    if (m) {
      // `Type:AWS::EC2::Instance` with no space after the colon is one scalar, not a key.
      out.push({
        message: `'${text}' is read as one string because there is no space after 'Type:'. Write 'Type: ${m[1]}'.`,
        start: r.node.start,
        end: r.node.end,
        data: { fix: 'replace', start: r.node.start, end: r.node.end, candidates: [`Type: ${m[1]}`] },
      });
      return;
    }
  }
  if (!isMap(r.node)) {
    out.push({ message: `Resource '${r.name}' must be a mapping with a Type${describe(r.node)}.`, start: r.pair.key.start, end: r.pair.key.end });
    return;
  }
  const tp = getPair(r.node, 'Type');
  if (!tp) {
    const typeLike = r.node.pairs.find((p) => /^Type:/.test(keyText(p)));
    out.push({ message: `Resource '${r.name}' has no Type. Add e.g. 'Type: AWS::S3::Bucket'.`, start: typeLike?.key.start ?? r.pair.key.start, end: typeLike?.key.end ?? r.pair.key.end });
  } else if (!isScalar(tp.value) || typeof tp.value.value !== 'string') {
    out.push({ message: `The Type of '${r.name}' must be a plain string such as AWS::S3::Bucket${intrinsicName(tp.value) ? '; intrinsic functions are not allowed here' : ''}.`, start: tp.value.start, end: tp.value.end });
  }
});

export const knownType = resourceRule('CFN3002', 'Unknown resource type', ['E3006'], (ctx, r, out) => {
  const t = r.type;
  if (!t || !r.typeNode || typeof r.typeNode.value !== 'string') return;
  if (isCustomType(t) || isModuleType(t) || registryType(t) || EXTRA_TYPES.includes(t)) return;
  if (t.startsWith('AWS::Serverless::')) return; // SAM's own rule reports these
  if (templateIndex(ctx.doc, ctx.root).foreignTransform && !t.startsWith('AWS::')) return; // a macro may define it
  out.push(replaceFinding(r.typeNode, `'${t}' is not a known resource type.`, closestTypes(t)));
});

/**
 * Did-you-mean for a resource type. When the service part is right (`AWS::SQS::Queu`), a near miss
 * in that service is the obvious answer (`AWS::SQS::Queue`, not `AWS::PCS::Queue`) and the search stays
 * among its few types; otherwise, or when nothing there is within two edits, all 1,585 are compared.
 */
function closestTypes(t: string): string[] {
  const own = closest(t, registryServiceTypeNames(t), 3);
  if (own.length && distance(t.toLowerCase(), own[0].toLowerCase(), 3) <= 2) return own;
  return closest(t, registryTypeNames(), 3);
}

const valueCache = new WeakMap<TemplateDocument, SchemaIssue[]>();

/** Schema findings for every resource, computed once per document and split across the property rules. */
function propertyFindings(ctx: RuleContext): SchemaIssue[] {
  const hit = valueCache.get(ctx.doc);
  if (hit) return hit;
  const idx = templateIndex(ctx.doc, ctx.root);
  const allowedValues = (param: string) => {
    const av = get(idx.parameters.get(param)?.value, 'AllowedValues');
    return isSeq(av) && av.items.every(isScalar) ? av.items.map((i) => String((i as ScalarNode).value)) : undefined;
  };
  // One resource's findings read its entry and the parameters only: reusable per entry.
  const out = eachResource(ctx, 'CFN3003:schema', (r) => resourceSchemaIssues(r, allowedValues));
  // Serverless resources: the value checks of SAM's schema share these codes (unknown and missing keys are SAM1xxx).
  if (idx.sam) for (const f of samSchemaIssues(ctx)) if (f.issue !== 'unknown' && f.issue !== 'required' && !f.shallow) out.push(f);
  valueCache.set(ctx.doc, out);
  return out;
}

function resourceSchemaIssues(r: ResourceInfo, allowedValues: (param: string) => string[] | undefined): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  if (!r.type || !isMap(r.node) || r.type.startsWith('AWS::Serverless::')) return out; // SAM rules own these
  const schema = registryType(r.type);
  if (!schema) return out;
  const propsPair = getPair(r.node, 'Properties');
  const props = propsPair?.value;
  // Properties chosen by Fn::If: each branch is a whole Properties mapping; other functions can't be read.
  if (props && intrinsicName(props) && intrinsicName(props) !== 'Fn::If') return out;
  if (props && !isMap(props) && intrinsicName(props) !== 'Fn::If') {
    if (!(isScalar(props) && props.value === null)) {
      out.push({ issue: 'type', message: `Properties of '${r.name}' must be a mapping${describe(props)}.`, start: propsPair!.key.start, end: propsPair!.key.end });
      return out;
    }
  }
  const map: MapNode = isMap(props) ? props : { kind: 'map', pairs: [], start: propsPair?.value.start ?? r.pair.key.start, end: propsPair?.value.end ?? r.pair.key.start };
  const key = propsPair ? { start: propsPair.key.start, end: propsPair.key.end } : { start: r.pair.key.start, end: r.pair.key.end };
  const found: SchemaIssue[] = [];
  validateValue({ root: schema, allowedValues }, props && intrinsicName(props) ? props : map, schema, { path: ['Resources', r.name, 'Properties'], name: r.type, key }, found);
  for (const f of found) {
    if (f.issue === 'type' && f.path && PACKAGEABLE.has(`${r.type}.${f.path[3]}`) && f.path.length === 4) continue;
    // Without a Properties key at all there is nowhere to add keys to: no quick fix.
    if (!propsPair && f.issue === 'required') delete f.data;
    out.push(f);
  }
  for (const p of map.pairs) {
    const k = keyText(p);
    if (!schema.readOnly?.includes(k) || isNoValue(p.value)) continue;
    out.push({
      issue: 'readOnly',
      message: `'${k}' is read-only on ${r.type}: CloudFormation sets it. Remove it, and read it with !GetAtt ${r.name}.${k} where you need it.`,
      start: p.key.start,
      end: p.key.end,
      path: ['Resources', r.name, 'Properties', k],
      data: { fix: 'deletePair', start: p.start, end: p.end, key: k },
    });
  }
  return out;
}

function propertyRule(code: string, issue: SchemaIssueKind, title: string, cfnLint: string[], severity: 'error' | 'warning' = 'error'): Rule {
  return cfnRule(code, title, cfnLint, (ctx) => (templateIndex(ctx.doc, ctx.root).foreignTransform ? [] : propertyFindings(ctx).filter((f) => f.issue === issue)), severity);
}

export const unknownProperty = propertyRule('CFN3003', 'unknown', 'Unknown resource property', ['E3002']);
export const requiredProperty = propertyRule('CFN3004', 'required', 'Required resource property missing', ['E3003']);
export const propertyType = propertyRule('CFN3005', 'type', 'Property value has the wrong type', ['E3012', 'E3002']);
export const propertyEnum = propertyRule('CFN3006', 'enum', 'Property value is not one of the allowed values', ['E3030']);
export const propertyRange = propertyRule('CFN3101', 'range', 'Number outside the allowed range', ['E3034']);
export const propertyLength = propertyRule('CFN3102', 'length', 'String too short or too long', ['E3033']);
export const propertyPattern = propertyRule('CFN3103', 'pattern', 'String does not match the required pattern', ['E3031']);
export const propertyItems = propertyRule('CFN3104', 'items', 'List has too few or too many items', ['E3032']);
export const propertyUnique = propertyRule('CFN3105', 'unique', 'List items must be unique', ['E3037']);
export const propertyAlternatives = propertyRule('CFN3106', 'alternatives', 'Exactly one (or at least one) of a group of properties', ['E3014', 'E3015']);
export const propertyDependent = propertyRule('CFN3107', 'dependent', 'Property needs, or excludes, another property', ['E3020', 'E3021']);
export const propertyReadOnly = propertyRule('CFN3108', 'readOnly', 'Read-only property set in a template', [], 'warning');

export const resourceKeys = resourceRule('CFN3007', 'Unknown key at resource level', ['E3001'], (ctx, r, out) => {
  const allowed = ctx.kind === 'sam' ? SAM_ALLOWED_KEYS : RESOURCE_KEYS;
  if (!isMap(r.node)) return;
  for (const p of r.node.pairs) {
    const k = keyText(p);
    if (allowed.includes(k) || /^Type:/.test(k)) continue;
    if (k === 'Description' && r.type?.startsWith('AWS::Serverless::')) {
      // SAM's transform drops it: the stack deploys, the text is lost.
      out.push({
        severity: 'warning',
        message: `SAM ignores a 'Description' at resource level (in '${r.name}'), so it never reaches AWS. Move it under Properties if ${r.type} has a Description property, or make it a comment.`,
        start: p.key.start,
        end: p.key.end,
      });
      continue;
    }
    const cands = closest(k, allowed, 2);
    out.push(replaceFinding(p.key, `'${k}' is not a resource attribute (in '${r.name}').`, cands, `${cands.length ? '' : ' Properties go under Properties:.'}`));
  }
});

const SAM_ALLOWED_KEYS = [...RESOURCE_KEYS, ...SAM_RESOURCE_KEYS];

export const dependsOn = cfnRule('CFN3008', 'DependsOn names a resource that does not exist', ['E3005'], (ctx) => {
  const idx = templateIndex(ctx.doc, ctx.root);
  const names = [...idx.resources.keys()];
  const out: RawFinding[] = [];
  // Reads the other resources' names: checked again on every lint.
  for (const r of idx.resources.values()) {
    const d = get(r.node, 'DependsOn');
    if (!d) continue;
    const items = isSeq(d) ? d.items : [d];
    for (const it of items) {
      const name = str(it);
      if (!isScalar(it) || name === undefined) {
        out.push({ message: `DependsOn takes resource logical IDs as plain strings${intrinsicName(it) ? '; intrinsic functions are not allowed here' : ''}.`, start: it.start, end: it.end });
        continue;
      }
      if (name === r.name) {
        out.push({ message: `'${r.name}' depends on itself; remove it from DependsOn.`, start: it.start, end: it.end });
      } else if (!idx.resources.has(name) && !(idx.sam && names.some((n) => name.startsWith(n)))) {
        const cands = closest(name, names, 2);
        out.push(replaceFinding(it, `DependsOn names '${name}', which is not a resource in this template.`, cands));
      } else if (idx.resources.has(name)) {
        const absent = absentWhilePresent(idx, r.node, idx.resources.get(name)!.node);
        if (absent) {
          out.push({
            message: `DependsOn names '${name}', which is not created when condition '${absent}' is false, while '${r.name}' can be created then; CloudFormation rejects the template for those parameter values. Give '${r.name}' a condition that implies '${absent}', or remove '${name}' from DependsOn.`,
            start: it.start,
            end: it.end,
          });
        }
      }
    }
  }
  return out;
});

/** The condition of `target` that can be false while `source` exists (undefined: never, or we can't tell). */
function absentWhilePresent(idx: TemplateIndex, source: Node, target: Node): string | undefined {
  const ct = str(get(target, 'Condition'));
  if (ct === undefined) return undefined;
  const cs = str(get(source, 'Condition'));
  if (cs === ct) return undefined;
  const scenarios = conditionSolver(idx).scenarios(cs === undefined ? [ct] : [cs, ct]);
  return scenarios?.some((sc) => (cs === undefined || sc.get(cs)) && !sc.get(ct)) ? ct : undefined;
}

export const resourceCondition = cfnRule('CFN3009', 'Resource Condition is not defined', ['E8002'], (ctx) => {
  const idx = templateIndex(ctx.doc, ctx.root);
  const out: RawFinding[] = [];
  const check = (n: Node | undefined) => {
    if (!n) return;
    const c = str(n);
    if (c === undefined) {
      out.push({ message: 'Condition must be the name of a condition in the Conditions section.', start: n.start, end: n.end });
    } else if (!idx.conditions.has(c)) {
      const cands = closest(c, idx.conditions.keys(), 2);
      out.push(replaceFinding(n, `Condition '${c}' is not defined in the Conditions section.`, cands));
    }
  };
  for (const r of idx.resources.values()) check(get(r.node, 'Condition'));
  for (const o of idx.outputs.values()) check(get(o.value, 'Condition'));
  return out;
});

const POLICY_FUNCTIONS = ['Ref', 'Fn::If', 'Fn::FindInMap', 'Fn::Sub'];

const STRING_FUNCTIONS = new Set(['Ref', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Base64', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::FindInMap']);

export const policies = resourceRule('CFN3010', 'DeletionPolicy, UpdateReplacePolicy, CreationPolicy or UpdatePolicy not valid', ['E3035', 'E3036', 'E3055', 'E3016', 'E1019', 'E1020'], (ctx, r, out) => {
  const languageExtensions = templateIndex(ctx.doc, ctx.root).languageExtensions;
  if (!isMap(r.node)) return;
  for (const [key, allowed] of [['DeletionPolicy', DELETION_POLICIES], ['UpdateReplacePolicy', UPDATE_REPLACE_POLICIES]] as const) {
    const pair = getPair(r.node, key);
    const v = pair?.value;
    const fn = intrinsicName(v);
    // Ref to a parameter, Fn::If, FindInMap and Sub resolve to a string here (anything with LanguageExtensions).
    if (!pair || !v || (fn && (POLICY_FUNCTIONS.includes(fn) || languageExtensions))) continue;
    const s = str(v);
    if (s === undefined || !allowed.includes(s)) {
      const cands = s ? closest(s, allowed, 2) : [];
      // A list or mapping is reported on its key, the line that names the policy.
      const at = isScalar(v) ? v : pair.key;
      out.push({
        message: `${key} must be one of ${allowed.join(', ')}${s === undefined ? (fn ? `; ${fn} is not allowed here` : '') : `, not '${s}'`}.${didYouMean(cands)}`,
        start: at.start,
        end: at.end,
        data: { fix: 'replace', start: v.start, end: v.end, candidates: cands.length ? cands : ['Retain', 'Delete'] },
      });
    }
  }
  for (const [key, allowed] of [['CreationPolicy', CREATION_POLICY_KEYS], ['UpdatePolicy', UPDATE_POLICY_KEYS]] as const) {
    const v = get(r.node, key);
    const fn = intrinsicName(v);
    if (!v || fn === 'Fn::If') continue;
    // Functions that only ever give a string or a list cannot stand for the policy mapping.
    if (fn && STRING_FUNCTIONS.has(fn)) {
      const key0 = (v as MapNode).pairs[0].key;
      out.push({ message: `${key} must be a mapping (keys: ${allowed.join(', ')}); ${fn} gives a string or a list. Write the mapping (functions may stand for values inside it), or choose between mappings with Fn::If.`, start: key0.start, end: key0.end });
      continue;
    }
    if (fn) continue;
    if (!isMap(v)) {
      out.push({ message: `${key} must be a mapping (keys: ${allowed.join(', ')}).`, start: v.start, end: v.end });
      continue;
    }
    for (const p of v.pairs) {
      const k = keyText(p);
      if (allowed.includes(k) || k === 'Fn::If') continue;
      const cands = closest(k, allowed, 2);
      out.push({ message: `'${k}' is not a ${key} key.${didYouMean(cands)} Keys: ${allowed.join(', ')}.`, start: p.key.start, end: p.key.end, data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : undefined });
    }
  }
});

export const logicalIds = cfnRule('CFN3011', 'Logical ID not alphanumeric, or too many resources', ['E3006', 'E1001', 'E3010'], (ctx) => {
  const idx = templateIndex(ctx.doc, ctx.root);
  const out: RawFinding[] = [];
  for (const r of idx.resources.values()) {
    if (idx.languageExtensions && r.name.startsWith('Fn::ForEach')) continue;
    if (!/^[A-Za-z0-9]+$/.test(r.name)) {
      out.push({ message: `Logical ID '${r.name}' must be alphanumeric (A–Z, a–z, 0–9); remove '${r.name.replace(/[A-Za-z0-9]/g, '')}'.`, start: r.pair.key.start, end: r.pair.key.end });
    }
  }
  if (idx.resources.size > 500) {
    const r = [...idx.resources.values()][500];
    out.push({ message: `The template declares ${idx.resources.size} resources; CloudFormation allows at most 500. Split it into nested stacks.`, start: r.pair.key.start, end: r.pair.key.end });
  }
  return out;
});

export const customResource = resourceRule('CFN3012', 'Custom resource without ServiceToken', ['E3003'], (_ctx, r, out) => {
  if (!r.type || !isCustomType(r.type) || !isMap(r.node)) return;
  const props = get(r.node, 'Properties');
  if (intrinsicName(props)) return;
  if (!get(props, 'ServiceToken')) {
    const k = getPair(r.node, 'Properties')?.key ?? r.typeNode ?? r.pair.key;
    out.push({
      message: `Custom resource '${r.name}' needs Properties.ServiceToken: the ARN of the Lambda function or SNS topic that handles it.`,
      start: k.start,
      end: k.end,
      data: isMap(props) && props.pairs.length ? { fix: 'addKeys', keys: ['ServiceToken'], sibling: props.pairs[0].key.start, lastEnd: props.pairs[props.pairs.length - 1].end } : undefined,
    });
  }
});

export const resourceRules = [
  resourceType, knownType, unknownProperty, requiredProperty, propertyType, propertyEnum, resourceKeys, dependsOn,
  resourceCondition, policies, logicalIds, customResource, propertyRange, propertyLength, propertyPattern, propertyItems,
  propertyUnique, propertyAlternatives, propertyDependent, propertyReadOnly,
];
