/** The `Resources` section of ECS and Lambda AppSpec files. */
import type { TemplateDocument } from '../../document/model';
import { isMap, isScalar, isSeq, keyText, type MapNode, type Node } from '../../document/nodes';
import { kindRule } from '../define';
import { blockToListItem, isPlaceholder } from '../textFixes';
import type { RawFinding, Rule } from '../types';
import { APPSPEC, pairAnyCase, platformOf } from './context';
import { describeNode } from './structure';

function valueAnyCase(map: Node | undefined, key: string): Node | undefined {
  return pairAnyCase(map, key)?.value;
}

/** Problems every platform with `Resources` shares: the section is there, is a list, and holds exactly one entry. */
function resourceCount(doc: TemplateDocument, root: MapNode, what: string): RawFinding[] {
  const res = pairAnyCase(root, 'Resources');
  if (!res) {
    const at = root.pairs[0]?.key ?? root;
    return [{ message: `This AppSpec file has hooks for ${what} but no 'Resources' section naming it; CodeDeploy needs one.`, start: at.start, end: at.end }];
  }
  if (isMap(res.value)) {
    const edits = blockToListItem(doc, res.value);
    return [{
      message: `'${keyText(res)}' must be a list: write '- ' before the ${what === 'ECS service' ? 'TargetService' : 'function'} entry.`,
      start: res.key.start,
      end: res.key.end,
      data: edits ? { fix: 'edits', title: 'Make the entry a list item', edits } : undefined,
    }];
  }
  if (!isSeq(res.value)) {
    return [{ message: `'${keyText(res)}' must be a list with one ${what} entry, not ${describeNode(res.value)}.`, start: res.key.start, end: res.key.end }];
  }
  if (isSeq(res.value) && res.value.items.length > 1) {
    return [{ message: `'${keyText(res)}' lists ${res.value.items.length} entries; a deployment takes exactly one ${what}. Use one AppSpec file (and deployment) per ${what}.`, start: res.key.start, end: res.key.end }];
  }
  return [];
}

/** The Properties mapping of each resource entry (`- Name: {Type, Properties}`). */
function propertiesOf(root: MapNode): { name: string; props: MapNode; entry: MapNode }[] {
  const res = valueAnyCase(root, 'Resources');
  if (!isSeq(res)) return [];
  const out: { name: string; props: MapNode; entry: MapNode }[] = [];
  for (const item of res.items) {
    if (!isMap(item)) continue;
    for (const p of item.pairs) {
      const props = valueAnyCase(p.value, 'Properties');
      if (isMap(p.value) && isMap(props)) out.push({ name: keyText(p), props, entry: p.value });
    }
  }
  return out;
}

export const appspecEcsService = kindRule(APPSPEC, 'APPSPEC1020', 'ECS target service incomplete or inconsistent', [], ({ doc, root }) => {
  if (platformOf(root) !== 'ecs') return [];
  const out = resourceCount(doc, root, 'ECS service');
  for (const { props } of propertiesOf(root)) {
    const td = valueAnyCase(props, 'TaskDefinition');
    if (isScalar(td) && typeof td.value === 'string' && td.value.trim() && !isPlaceholder(td) && !td.value.startsWith('arn:') && !/[[\]{}$]/.test(td.value)) {
      out.push({
        message: `TaskDefinition '${td.value}' is not an ARN; CodeDeploy expects the full task definition ARN (arn:aws:ecs:region:account:task-definition/family:revision), or a placeholder your pipeline replaces.`,
        start: td.start,
        end: td.end,
        severity: 'warning',
      });
    }
    const port = valueAnyCase(valueAnyCase(props, 'LoadBalancerInfo'), 'ContainerPort');
    if (isScalar(port) && !isPlaceholder(port)) {
      const n = typeof port.value === 'number' ? port.value : typeof port.value === 'string' && /^\s*\d+\s*$/.test(port.value) ? Number(port.value) : undefined;
      if (n !== undefined && (n < 1 || n > 65535 || !Number.isInteger(n))) {
        out.push({ message: `ContainerPort ${n} is not a port number (1-65535).`, start: port.start, end: port.end });
      }
    }
    const vpc = pairAnyCase(valueAnyCase(props, 'NetworkConfiguration'), 'AwsvpcConfiguration');
    if (vpc && isMap(vpc.value)) {
      const all = ['Subnets', 'SecurityGroups', 'AssignPublicIp'];
      const missing = all.filter((k) => !pairAnyCase(vpc.value, k));
      if (missing.length && missing.length < all.length) {
        out.push({
          message: `AwsvpcConfiguration sets ${all.filter((k) => !missing.includes(k)).join(' and ')} but not ${missing.join(' and ')}; give all three (Subnets, SecurityGroups, AssignPublicIp) or none, or CodeDeploy rejects the deployment.`,
          start: vpc.key.start,
          end: vpc.key.end,
        });
      }
      for (const k of ['Subnets', 'SecurityGroups']) {
        const list = valueAnyCase(vpc.value, k);
        if (isSeq(list) && list.items.length === 0) {
          const p = pairAnyCase(vpc.value, k)!;
          out.push({ message: `'${keyText(p)}' is empty; list at least one ID.`, start: p.key.start, end: p.key.end });
        }
      }
    }
  }
  return out;
});

export const appspecLambdaFunction = kindRule(APPSPEC, 'APPSPEC1021', 'Lambda function entry incomplete or inconsistent', [], ({ doc, root }) => {
  if (platformOf(root) !== 'lambda') return [];
  const out = resourceCount(doc, root, 'Lambda function');
  for (const { props } of propertiesOf(root)) {
    const cur = valueAnyCase(props, 'CurrentVersion');
    const target = valueAnyCase(props, 'TargetVersion');
    for (const v of [cur, target]) {
      if (isScalar(v) && typeof v.value === 'string' && v.value.trim().toUpperCase() === '$LATEST') {
        out.push({ message: "An alias cannot shift traffic to or from $LATEST; use published version numbers (publish a version first).", start: v.start, end: v.end });
      } else if (v && !isScalar(v)) {
        out.push({ message: `A version must be a single value (a published version number), not ${describeNode(v)}.`, start: v.start, end: v.end });
      }
    }
    if (isScalar(cur) && isScalar(target) && cur.value !== null && !isPlaceholder(cur) && String(cur.value).trim() === String(target.value).trim()) {
      out.push({
        message: `CurrentVersion and TargetVersion are both ${String(cur.value)}; the deployment would shift traffic to the version it already uses. Set TargetVersion to the newly published version.`,
        start: target.start,
        end: target.end,
        severity: 'warning',
      });
    }
  }
  return out;
});

export const resourceRules: Rule[] = [appspecEcsService, appspecLambdaFunction];
