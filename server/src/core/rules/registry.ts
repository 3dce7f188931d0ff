import type { Kind } from '../kind';
import { appspecRules } from './appspec';
import { buildspecRules } from './buildspec';
import { cfnRules } from './cfn';
import { samRules } from './sam';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [...cfnRules, ...samRules, ...appspecRules, ...buildspecRules];

const byKind = new Map<Kind, Rule[]>();
export function rulesFor(kind: Kind): Rule[] {
  let list = byKind.get(kind);
  if (!list) {
    list = allRules.filter((r) => r.kinds.includes(kind));
    byKind.set(kind, list);
  }
  return list;
}

export function ruleByCode(code: string): Rule | undefined {
  return allRules.find((r) => r.code === code);
}
