import type { TemplateDocument } from '../document/model';
import { get, isMap, isSeq, str, type MapNode, type Node, type Pair, type ScalarNode } from '../document/nodes';
import { isSamTemplate, SAM_TRANSFORM } from '../kind';

export interface ResourceInfo {
  name: string;
  pair: Pair;
  node: Node;
  type?: string;
  typeNode?: ScalarNode;
  properties?: Node;
}

/** Small per-document indexes every cross-entry check reads (built once per parsed version). */
export interface TemplateIndex {
  root: MapNode;
  sam: boolean;
  /** Transforms other than SAM and LanguageExtensions: macros we can't expand, so checks that depend on the final template back off. */
  foreignTransform: boolean;
  languageExtensions: boolean;
  parameters: Map<string, Pair>;
  resources: Map<string, ResourceInfo>;
  conditions: Map<string, Pair>;
  mappings: Map<string, Pair>;
  outputs: Map<string, Pair>;
}

const cache = new WeakMap<TemplateDocument, TemplateIndex>();
/** A resource entry the incremental parse kept (same Pair, shifted in place) reads the same: built once. */
const resourceInfos = new WeakMap<Pair, ResourceInfo>();

/**
 * A fact read from one resource entry alone, computed once per entry: an entry the incremental
 * parse kept is the same object (offsets shifted in place), so a keystroke recomputes only the
 * entry it changed. A fact may hold the entry's nodes (their offsets stay right), never offsets.
 */
export function entryFact<T>(facts: WeakMap<ResourceInfo, T>, r: ResourceInfo, read: (r: ResourceInfo) => T): T {
  if (facts.has(r)) return facts.get(r) as T;
  const fact = read(r);
  facts.set(r, fact);
  return fact;
}

export function templateIndex(doc: TemplateDocument, root: MapNode): TemplateIndex {
  let idx = cache.get(doc);
  if (idx) return idx;
  const t = get(root, 'Transform');
  const transforms = (isSeq(t) ? t.items.map(str) : [str(t)]).filter((x): x is string => !!x);
  const hasInlineTransform = isMap(t) && !!get(t, 'Name');
  idx = {
    root,
    sam: isSamTemplate(root),
    foreignTransform: hasInlineTransform || transforms.some((x) => x !== SAM_TRANSFORM && x !== 'AWS::LanguageExtensions'),
    languageExtensions: transforms.includes('AWS::LanguageExtensions'),
    parameters: entries(get(root, 'Parameters')),
    resources: new Map(),
    conditions: entries(get(root, 'Conditions')),
    mappings: entries(get(root, 'Mappings')),
    outputs: entries(get(root, 'Outputs')),
  };
  const res = get(root, 'Resources');
  if (isMap(res)) {
    for (const p of res.pairs) {
      const name = String(p.key.value ?? '');
      if (name.startsWith('Fn::ForEach::')) continue;
      let info = resourceInfos.get(p);
      if (!info) {
        const typeNode = get(p.value, 'Type');
        info = { name, pair: p, node: p.value, type: str(typeNode), typeNode: typeNode?.kind === 'scalar' ? typeNode : undefined, properties: get(p.value, 'Properties') };
        resourceInfos.set(p, info);
      }
      idx.resources.set(name, info);
    }
  }
  cache.set(doc, idx);
  return idx;
}

/** Named entries of a section; `Fn::ForEach::*` loops (LanguageExtensions) generate entries we can't name, so they are left out. */
function entries(n: Node | undefined): Map<string, Pair> {
  const m = new Map<string, Pair>();
  if (isMap(n)) for (const p of n.pairs) {
    const k = String(p.key.value ?? '');
    if (!k.startsWith('Fn::ForEach::')) m.set(k, p);
  }
  return m;
}

/**
 * SAM creates resources the author never writes (`MyFunctionRole`, `ServerlessRestApi`,
 * `MyFunctionMyEventPermission`, ...) and lets `!Ref MyFunction.Alias` name generated ones.
 * Any name that starts with a serverless resource's logical ID, or with SAM's implicit API
 * names, is accepted as a target.
 */
export function isSamGenerated(idx: TemplateIndex, name: string): boolean {
  if (!idx.sam) return false;
  if (/^Serverless(RestApi|HttpApi|DeploymentApplication)/.test(name)) return true;
  for (const r of idx.resources.values()) {
    if (r.type?.startsWith('AWS::Serverless::') && name.startsWith(r.name) && name !== r.name) return true;
  }
  return false;
}
