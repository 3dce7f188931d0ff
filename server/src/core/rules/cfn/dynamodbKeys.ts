/**
 * DynamoDB key schemas (DDB1003 key order, DDB1004 key attribute without a definition, DDB1005
 * definition no key uses). DynamoDB requires AttributeDefinitions to list exactly the attributes
 * the table's and its indexes' key schemas use, and each key schema to be HASH then optional RANGE.
 * Tables whose keys or definitions are built with intrinsics are skipped: their values are unknown.
 */
import { entryFact, type ResourceInfo } from '../../cfn/template';
import { get, intrinsicName, isMap, isSeq, str, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { resourceRule } from '../define';
import type { Rule } from '../types';

const TABLE_TYPES = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);

interface KeyElement {
  name: string;
  nameNode: ScalarNode;
  type?: string;
  typeNode?: ScalarNode;
}
interface Table {
  resource: string;
  /** The table's key schema, then each index's. */
  schemas: { owner: string; keys: KeyElement[] }[];
  definitions: { name: string; node: ScalarNode }[];
}

/** A list whose items are all plain mappings, or undefined when anything in it is computed. */
function literalMaps(n: Node | undefined): MapNode[] | undefined {
  if (n === undefined) return [];
  if (!isSeq(n)) return undefined;
  const maps = n.items.filter((i): i is MapNode => isMap(i) && !intrinsicName(i));
  return maps.length === n.items.length ? maps : undefined;
}

function scalarText(n: Node | undefined): { text: string; node: ScalarNode } | undefined {
  const t = n?.kind === 'scalar' ? str(n) : undefined;
  return t === undefined ? undefined : { text: t, node: n as ScalarNode };
}

function keys(schema: Node | undefined): KeyElement[] | undefined {
  const items = literalMaps(schema);
  if (!items) return undefined;
  const out: KeyElement[] = [];
  for (const it of items) {
    const name = scalarText(get(it, 'AttributeName'));
    if (!name) return undefined;
    const type = scalarText(get(it, 'KeyType'));
    out.push({ name: name.text, nameNode: name.node, type: type?.text, typeNode: type?.node });
  }
  return out;
}

/** A table whose key schemas and definitions are all written literally, else undefined. */
function tableOf(r: ResourceInfo): Table | undefined {
  if (!r.type || !TABLE_TYPES.has(r.type) || !isMap(r.properties)) return undefined;
  const p = r.properties;
  const defs = literalMaps(get(p, 'AttributeDefinitions'));
  const tableKeys = keys(get(p, 'KeySchema'));
  if (!defs || !tableKeys || !get(p, 'AttributeDefinitions')) return undefined;
  const definitions = defs.map((d) => scalarText(get(d, 'AttributeName')));
  if (definitions.some((d) => !d)) return undefined;
  const schemas = [{ owner: r.name, keys: tableKeys }];
  for (const k of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes']) {
    const idxs = literalMaps(get(p, k));
    if (!idxs) return undefined;
    for (const ix of idxs) {
      const ks = keys(get(ix, 'KeySchema'));
      if (!ks) return undefined;
      schemas.push({ owner: `index ${str(get(ix, 'IndexName')) ?? '?'}`, keys: ks });
    }
  }
  return { resource: r.name, schemas, definitions: definitions.map((d) => ({ name: d!.text, node: d!.node })) };
}

const tableFacts = new WeakMap<ResourceInfo, Table | undefined>();
export const ddbKeyOrder = resourceRule('DDB1003', 'DynamoDB key schema not HASH then RANGE', ['E3039'], (_ctx, r, out) => {
  const t = entryFact(tableFacts, r, tableOf);
  if (!t) return;
  t.schemas.forEach((s, i) => {
    const k = s.keys;
    if (k.length === 0) return;
    const types = k.map((e) => e.type);
    if (i === 0 && k.length > 2) {
      out.push({ message: `The table's key schema has ${k.length} attributes; a table key is one HASH attribute and at most one RANGE attribute.`, start: k[2].nameNode.start, end: k[2].nameNode.end });
      return;
    }
    if (i === 0 && k.length === 2 && types[0] === 'HASH' && types[1] === 'HASH' && k[1].typeNode) {
      const n = k[1].typeNode;
      out.push({ message: `A table key has one HASH (partition) attribute; the second key attribute must be the RANGE (sort) key.`, start: n.start, end: n.end, data: { fix: 'replace', start: n.start, end: n.end, candidates: ['RANGE'] } });
      return;
    }
    // Global secondary indexes may have several HASH then several RANGE attributes (multi-attribute keys).
    const firstRange = types.indexOf('RANGE');
    const late = firstRange < 0 ? -1 : types.findIndex((t, j) => j > firstRange && t === 'HASH');
    const bad = types[0] === 'RANGE' ? 0 : late;
    if (bad >= 0 && k[bad].typeNode) {
      out.push({
        message: `The key schema of ${s.owner} lists a RANGE (sort) key before a HASH (partition) key; DynamoDB requires the HASH key${i === 0 ? '' : 's'} first. Reorder the entries.`,
        start: k[bad].typeNode!.start,
        end: k[bad].typeNode!.end,
      });
    }
  });
});

export const ddbKeyUndefined = resourceRule('DDB1004', 'DynamoDB key attribute missing from AttributeDefinitions', ['E3039'], (_ctx, r, out) => {
  const t = entryFact(tableFacts, r, tableOf);
  if (!t) return;
  const defined = t.definitions.map((d) => d.name);
  for (const s of t.schemas) {
    for (const k of s.keys) {
      if (defined.includes(k.name)) continue;
      const cands = closest(k.name, defined, 2);
      out.push({
        message: `Key attribute '${k.name}' of ${s.owner} is not in the table's AttributeDefinitions; DynamoDB needs the type of every key attribute there.${didYouMean(cands)}`,
        start: k.nameNode.start,
        end: k.nameNode.end,
        data: cands.length ? { fix: 'replace', start: k.nameNode.start, end: k.nameNode.end, candidates: cands } : undefined,
      });
    }
  }
});

export const ddbUnusedDefinition = resourceRule('DDB1005', 'DynamoDB attribute definition that no key uses', ['E3039'], (_ctx, r, out) => {
  const t = entryFact(tableFacts, r, tableOf);
  if (!t) return;
  const used = new Set(t.schemas.flatMap((s) => s.keys.map((k) => k.name)));
  for (const d of t.definitions) {
    if (used.has(d.name)) continue;
    out.push({
      message: `AttributeDefinitions lists '${d.name}', but no key of the table or its indexes uses it; DynamoDB rejects definitions of non-key attributes (items can hold any attribute without one). Remove it.`,
      start: d.node.start,
      end: d.node.end,
    });
  }
});

export const dynamodbKeyRules: Rule[] = [ddbKeyOrder, ddbKeyUndefined, ddbUnusedDefinition];
