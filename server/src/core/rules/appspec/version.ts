import { isScalar, type ScalarNode } from '../../document/nodes';
import { kindRule, versionMissing } from '../define';
import type { RawFinding, Rule } from '../types';
import { APPSPEC, pairAnyCase, platformOf } from './context';

export const appspecVersionMissing = kindRule(APPSPEC, 'APPSPEC1001', "AppSpec file without 'version'", [], ({ doc, root }) => {
  const message = "An AppSpec file needs 'version: 0.0' (the only AppSpec version); CodeDeploy rejects the revision without it.";
  return versionMissing(doc, root, !!pairAnyCase(root, 'version'), message, { yaml: '0.0', json: '0.0' });
});

/** True when a scalar is the number 0.0 as written (`0.0`, `0.00`); YAML reads `0.0` as the number 0. */
function isZeroPointZero(n: ScalarNode): boolean {
  if (typeof n.value === 'number') return n.value === 0 && /^0\.0+$/.test(n.source ?? '0.0');
  return false;
}

export const appspecVersionValue = kindRule(APPSPEC, 'APPSPEC1002', "AppSpec 'version' is not 0.0", [], ({ doc, root }) => {
  const pair = pairAnyCase(root, 'version');
  if (!pair || !isScalar(pair.value)) return [];
  const v = pair.value;
  if (isZeroPointZero(v)) return [];
  const toNumber = { fix: 'edits' as const, title: "Change to 'version: 0.0'", edits: [{ start: v.start, end: v.end, text: '0.0' }] };
  const out: RawFinding[] = [];
  if (typeof v.value === 'string' && v.value.trim() === '0.0') {
    // The 1.x agent compares the parsed value with the number 0.0, so text '0.0' fails on instances;
    // the ECS and Lambda services accept both spellings.
    if (platformOf(root) === 'server') {
      out.push({
        message: "Write the version without quotes: 'version: 0.0'. The CodeDeploy agent on EC2/on-premises instances compares it with the number 0.0 and refuses the text \"0.0\".",
        start: v.start,
        end: v.end,
        severity: 'warning',
        data: toNumber,
      });
    }
    return out;
  }
  if (typeof v.value === 'number' && v.value === 0) {
    out.push({ message: `Write the version as 0.0, not ${v.source ?? v.value}.`, start: v.start, end: v.end, severity: 'warning', data: toNumber });
    return out;
  }
  const shown = v.value === null ? 'empty' : `'${v.source ?? v.value}'`;
  out.push({
    message: `AppSpec 'version' must be 0.0 (the only version CodeDeploy knows), not ${shown}. It is not your application's version.`,
    start: v.value === null ? pair.key.start : v.start,
    end: v.value === null ? pair.key.end : v.end,
    data: v.value === null ? undefined : toNumber,
  });
  return out;
});

export const versionRules: Rule[] = [appspecVersionMissing, appspecVersionValue];
