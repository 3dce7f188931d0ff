import { type ResourceInfo, templateIndex } from '../../cfn/template';
import { get, getPair, intrinsicName, isMap, keyText, str, type MapNode, type Pair } from '../../document/nodes';
import { SAM_TRANSFORM } from '../../kind';
import { SAM_GLOBALS, SAM_TYPES, samEventProperties } from '../../schema/sam';
import { closest, didYouMean } from '../../suggest';
import { kindRule, replaceFinding } from '../define';
import type { RawFinding, Rule, RuleContext } from '../types';
import { samPolicyRules } from './policies';
import { samSchemaIssues } from './schema';

const SAM = ['sam'] as const;

function eachServerless(ctx: RuleContext, fn: (r: ResourceInfo, out: RawFinding[]) => void): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of templateIndex(ctx.doc, ctx.root).resources.values()) {
    if (r.type?.startsWith('AWS::Serverless::') && isMap(r.node)) fn(r, out);
  }
  return out;
}

/** Each event (a mapping under `Properties.Events`) of each serverless resource type that has events. */
function eachEvent(ctx: RuleContext, fn: (r: ResourceInfo, eventTypes: string[], event: Pair & { value: MapNode }, out: RawFinding[]) => void): RawFinding[] {
  return eachServerless(ctx, (r, out) => {
    const eventTypes = SAM_TYPES[r.type!]?.events;
    const events = get(get(r.node, 'Properties'), 'Events');
    if (!eventTypes || !isMap(events)) return;
    for (const e of events.pairs) if (isMap(e.value)) fn(r, eventTypes, e as Pair & { value: MapNode }, out);
  });
}

export const samType = kindRule(SAM, 'SAM1001', 'Unknown AWS::Serverless type', ['E3006', 'E0001'], (ctx) => {
  return eachServerless(ctx, (r, out) => {
    if (SAM_TYPES[r.type!] || !r.typeNode) return;
    const cands = closest(r.type!, Object.keys(SAM_TYPES), 2);
    out.push(replaceFinding(r.typeNode, `'${r.type}' is not a SAM resource type.`, cands, ` SAM types: ${Object.keys(SAM_TYPES).map((t) => t.slice(17)).join(', ')}.`));
  });
});

export const samProperties = kindRule(SAM, 'SAM1002', 'Unknown property on a SAM resource', ['E0001', 'E3002'], (ctx) => {
  return eachServerless(ctx, (r, out) => {
    const t = SAM_TYPES[r.type!];
    const props = get(r.node, 'Properties');
    if (!t || !isMap(props)) return;
    const names = Object.keys(t.properties);
    for (const p of props.pairs) {
      const k = keyText(p);
      if (names.includes(k) || k.startsWith('Fn::')) continue;
      const cands = closest(k, names, 3);
      out.push({
        message: `'${k}' is not a property of ${r.type}.${didYouMean(cands)}`,
        start: p.key.start,
        end: p.key.end,
        data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
      });
    }
  }).concat(deepSchemaIssues(ctx, 'unknown'));
});

/** Findings of SAM's schema below where the hand-written rules look (nested objects, lists of objects). */
function deepSchemaIssues(ctx: RuleContext, issue: 'unknown' | 'required'): RawFinding[] {
  return samSchemaIssues(ctx).filter((f) => f.issue === issue && !f.shallow && f.path?.[0] === 'Resources');
}

export const samGlobalsKeys = kindRule(SAM, 'SAM1101', 'Key not allowed in that Globals section', ['E0001'], (ctx) => {
  return samSchemaIssues(ctx)
    .filter((f) => f.issue === 'unknown' && f.path?.[0] === 'Globals')
    .map((f) => ({ ...f, message: `${f.message.replace(/\.?( Did you mean.*| Remove it\.)?$/, '')}: SAM does not take it from Globals.${f.path![1]}.${(f.message.match(/ Did you mean.*$/) ?? [' Set it on each resource instead.'])[0]}` }));
});

function globalsFor(root: MapNode, type: string): MapNode | undefined {
  const g = get(root, 'Globals');
  const section = Object.entries(SAM_GLOBALS).find(([, t]) => t === type)?.[0];
  const v = section ? get(g, section) : undefined;
  return isMap(v) ? v : undefined;
}

export const samRequired = kindRule(SAM, 'SAM1003', 'Required property missing on a SAM resource', ['E0001'], (ctx) => {
  return eachServerless(ctx, (r, out) => {
    const t = SAM_TYPES[r.type!];
    if (!t) return;
    const props = get(r.node, 'Properties');
    if (intrinsicName(props)) return;
    const globals = globalsFor(ctx.root, r.type!);
    const has = (k: string) => !!get(props, k) || !!get(globals, k);
    const missing = (t.required ?? []).filter((k) => !has(k));
    const at = getPair(r.node, 'Properties')?.key ?? r.pair.key;
    if (missing.length) {
      out.push({
        message: `${r.type} '${r.name}' is missing required ${missing.length === 1 ? 'property' : 'properties'} ${missing.map((m) => `'${m}'`).join(', ')}.`,
        start: at.start,
        end: at.end,
        data: isMap(props) && props.pairs.length ? { fix: 'addKeys', keys: missing, sibling: props.pairs[0].key.start, lastEnd: props.pairs[props.pairs.length - 1].end } : undefined,
      });
    }
  }).concat(deepSchemaIssues(ctx, 'required'));
});

export const samEvents = kindRule(SAM, 'SAM1004', 'Event source without a Type, or with an unknown Type', ['E0001'], (ctx) => {
  return eachEvent(ctx, (r, eventTypes, e, out) => {
    const tp = getPair(e.value, 'Type');
    if (!tp) {
      out.push({ message: `Event '${keyText(e)}' of '${r.name}' has no Type (e.g. Api, SQS, Schedule).`, start: e.key.start, end: e.key.end });
      return;
    }
    const v = str(tp.value);
    if (v !== undefined && !eventTypes.includes(v)) {
      const cands = closest(v, eventTypes, 2);
      out.push(replaceFinding(tp.value, `'${v}' is not an event source type for ${r.type}.`, cands, ` Types: ${eventTypes.join(', ')}.`));
    }
  });
});

export const samGlobals = kindRule(SAM, 'SAM1005', 'Unknown section under Globals', ['E0001'], (ctx) => {
  const g = get(ctx.root, 'Globals');
  if (!isMap(g)) return [];
  const out: RawFinding[] = [];
  const names = Object.keys(SAM_GLOBALS);
  for (const p of g.pairs) {
    const k = keyText(p);
    if (names.includes(k)) continue;
    const cands = closest(k, names, 2);
    out.push(replaceFinding(p.key, `'${k}' is not a Globals section.`, cands, ` Sections: ${names.join(', ')}.`));
  }
  return out;
});

export const samTransform = kindRule(SAM, 'SAM1006', 'Serverless resources without the SAM transform', ['E3038'], (ctx) => {
  const t = get(ctx.root, 'Transform');
  const listed = t && (str(t) === SAM_TRANSFORM || (t.kind === 'seq' && t.items.some((i) => str(i) === SAM_TRANSFORM)));
  if (listed) return [];
  // One finding per serverless resource, as CloudFormation rejects each type; the fix rides on the first.
  const serverless = [...templateIndex(ctx.doc, ctx.root).resources.values()].filter((r) => r.type?.startsWith('AWS::Serverless::') && r.typeNode);
  const top = ctx.root.pairs[0];
  return serverless.map((r, i) => ({
    message: `${r.type} needs 'Transform: ${SAM_TRANSFORM}' at the top of the template; without it CloudFormation rejects the type.`,
    start: r.typeNode!.start,
    end: r.typeNode!.end,
    data: t || i > 0 ? undefined : { fix: 'edits' as const, title: `Add Transform: ${SAM_TRANSFORM}`, edits: [{ start: top?.start ?? 0, end: top?.start ?? 0, text: `Transform: ${SAM_TRANSFORM}\n` }] },
  }));
});

export const samEventSourceProperties = kindRule(SAM, 'SAM1007', 'Unknown or missing property in an event source', ['E0001'], (ctx) => {
  return eachEvent(ctx, (r, eventTypes, e, out) => {
    const type = str(get(e.value, 'Type'));
    if (type === undefined || !eventTypes.includes(type)) return; // SAM1004
    const table = samEventProperties(r.type!, type);
    if (!table) return;
    const propsPair = getPair(e.value, 'Properties');
    const props = propsPair?.value;
    if (props && intrinsicName(props)) return;
    const name = keyText(e);
    const suggested = new Set<string>(); // a typo of a required name is reported once, as the typo
    if (isMap(props)) {
      for (const p of props.pairs) {
        const k = keyText(p);
        if (table.properties.includes(k) || k.startsWith('Fn::')) continue;
        const cands = closest(k, table.properties, 3);
        for (const c of cands) suggested.add(c);
        out.push({
          message: `'${k}' is not a property of a ${type} event (event '${name}' of '${r.name}').${didYouMean(cands)}`,
          start: p.key.start,
          end: p.key.end,
          data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
        });
      }
    } else if (props?.kind === 'seq') {
      return;
    }
    const missing = (table.required ?? []).filter((k) => !getPair(props, k) && !suggested.has(k));
    if (!missing.length) return;
    const at = propsPair?.key ?? e.key;
    const data = isMap(props) && props.pairs.length
      ? { fix: 'addKeys' as const, keys: missing, sibling: props.pairs[0].key.start, lastEnd: props.pairs[props.pairs.length - 1].end }
      : propsPair && isMap(props) ? { fix: 'addKeys' as const, keys: missing, parent: propsPair.key.start } : undefined;
    out.push({
      message: `${type} event '${name}' of '${r.name}' is missing required ${missing.length === 1 ? 'property' : 'properties'} ${missing.map((m) => `'${m}'`).join(', ')}.`,
      start: at.start,
      end: at.end,
      data,
    });
  });
});

export const samRules: Rule[] = [samType, samProperties, samRequired, samEvents, samGlobals, samTransform, samEventSourceProperties, samGlobalsKeys, ...samPolicyRules];
