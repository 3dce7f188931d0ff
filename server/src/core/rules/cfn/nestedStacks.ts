/**
 * Nested stacks whose template is a local file (CFN3201 parameters, CFN3202 missing file).
 * `aws cloudformation package` and `sam deploy` upload a local TemplateURL (or SAM Location); the
 * child's Parameters decide what the parent must pass. The file is read through the reader the
 * front end injects (ctx.readFile), relative to the template's own folder.
 */
import path = require('node:path');
import { fileURLToPath } from 'node:url';
import { conditionSolver } from '../../cfn/conditions';
import { templateIndex } from '../../cfn/template';
import { parseTemplate } from '../../document';
import { get, getPair, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { cfnRule } from '../define';
import type { RawFinding, Rule, RuleContext } from '../types';

const LOCATION: Record<string, string> = { 'AWS::CloudFormation::Stack': 'TemplateURL', 'AWS::Serverless::Application': 'Location' };

interface Child {
  resource: string;
  urlNode: ScalarNode;
  file: string;
  /** Undefined when the file could not be read. */
  parameters?: { name: string; required: boolean }[];
  props: Node | undefined;
}

/** The folder of the template being linted, when it is a local file. */
function templateDir(uri: string): string | undefined {
  try {
    if (uri.startsWith('file://')) return path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) || !path.isAbsolute(uri) ? undefined : path.dirname(uri);
}

const cache = new WeakMap<RuleContext['doc'], Child[]>();
function children(ctx: RuleContext): Child[] {
  const hit = cache.get(ctx.doc);
  if (hit) return hit;
  const out: Child[] = [];
  const dir = ctx.readFile ? templateDir(ctx.doc.uri) : undefined;
  if (dir) {
    for (const r of templateIndex(ctx.doc, ctx.root).resources.values()) {
      const key = r.type ? LOCATION[r.type] : undefined;
      const url = key ? get(r.properties, key) : undefined;
      if (!isScalar(url) || typeof url.value !== 'string') continue;
      const ref = url.value.trim();
      // Remote templates (https://, s3://) are not ours to fetch.
      if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
      const file = path.resolve(dir, ref);
      const text = ctx.readFile!(file);
      let parameters: Child['parameters'];
      if (text !== undefined) {
        const child = parseTemplate(file, 0, text);
        const params = isMap(child.root) ? get(child.root, 'Parameters') : undefined;
        if (child.problems.some((p) => (p.severity ?? 'error') === 'error') || (params !== undefined && !isMap(params))) continue;
        parameters = isMap(params) ? params.pairs.map((p) => ({ name: keyText(p), required: get(p.value, 'Default') === undefined })) : [];
      }
      out.push({ resource: r.name, urlNode: url, file: ref, parameters, props: r.properties });
    }
  }
  cache.set(ctx.doc, out);
  return out;
}

/** The Parameters mapping a nested stack gets, one per Fn::If branch (with the conditions that choose it). */
interface Branch {
  map: MapNode | undefined;
  when: [string, boolean][];
}

/** Plain mappings, `Fn::If` branches (nested too) and `AWS::NoValue` (nothing passed); undefined for anything computed otherwise. */
function branches(n: Node | undefined, when: Branch['when'] = [], depth = 0): Branch[] | undefined {
  if (n === undefined || (intrinsicName(n) === 'Ref' && str((n as MapNode).pairs[0].value) === 'AWS::NoValue')) return [{ map: undefined, when }];
  if (!isMap(n) || depth > 10) return undefined;
  if (intrinsicName(n) === 'Fn::If') {
    const arg = n.pairs[0].value;
    const cond = isSeq(arg) && arg.items.length === 3 ? str(arg.items[0]) : undefined;
    if (!cond || !isSeq(arg)) return undefined;
    const yes = branches(arg.items[1], [...when, [cond, true]], depth + 1);
    const no = branches(arg.items[2], [...when, [cond, false]], depth + 1);
    return yes && no ? [...yes, ...no] : undefined;
  }
  if (intrinsicName(n) || n.pairs.some((p) => /^(Fn::|Ref$)/.test(keyText(p)))) return undefined;
  return [{ map: n, when }];
}

/** Some parameter values make every condition of a branch come out as it says (silent when that can't be known). */
function possible(ctx: RuleContext, when: Branch['when']): boolean {
  const all = conditionSolver(templateIndex(ctx.doc, ctx.root)).scenarios([...new Set(when.map(([k]) => k))]);
  return !!all?.some((sc) => when.every(([k, v]) => sc.get(k) === v));
}

export const nestedStackParameters = cfnRule('CFN3201', 'Nested stack parameters that do not match the child template', [], (ctx) => {
  const out: RawFinding[] = [];
  for (const c of children(ctx)) {
    if (!c.parameters) continue;
    const given = getPair(c.props, 'Parameters');
    const options = branches(given?.value);
    if (!options) continue;
    const names = c.parameters.map((p) => p.name);
    for (const { map, when } of options) {
      if (when.length && !possible(ctx, when)) continue;
      const scenario = when.length ? ` when ${when.map(([k, v]) => `${k} is ${v}`).join(' and ')}` : '';
      const pairs = map?.pairs ?? [];
      for (const p of pairs) {
        const k = keyText(p);
        if (names.includes(k)) continue;
        const cands = closest(k, names, 2);
        out.push({
          message: `${c.file} has no parameter '${k}'; CloudFormation rejects parameters the nested template does not declare.${didYouMean(cands)}`,
          start: p.key.start,
          end: p.key.end,
          data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
        });
      }
      const passed = new Set(pairs.map(keyText));
      const missing = c.parameters.filter((p) => p.required && !passed.has(p.name)).map((p) => p.name);
      if (missing.length) {
        const at = given?.key ?? c.urlNode;
        out.push({
          message: `${c.file} needs ${missing.map((m) => `'${m}'`).join(', ')} (no Default there), but ${c.resource} does not pass ${missing.length === 1 ? 'it' : 'them'} in Parameters${scenario}.`,
          start: at.start,
          end: at.end,
          data: map?.pairs.length ? { fix: 'addKeys', keys: missing, sibling: map.pairs[0].key.start, lastEnd: map.pairs[map.pairs.length - 1].end } : undefined,
        });
      }
    }
  }
  return out;
});

export const nestedStackFile = cfnRule('CFN3202', 'Nested stack template file not found', [], (ctx) => {
  return children(ctx)
    .filter((c) => !c.parameters && str(c.urlNode) !== undefined)
    .map((c) => ({
      message: `No readable template at '${c.file}' (relative to this template's folder); packaging the stack fails.`,
      start: c.urlNode.start,
      end: c.urlNode.end,
    }));
}, 'warning');

export const nestedStackRules: Rule[] = [nestedStackParameters, nestedStackFile];
