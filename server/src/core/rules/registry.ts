import type { Kind } from '../kind';
import { appspecRules } from './appspec';
import { buildspecRules } from './buildspec';
import { cfnRules } from './cfn';
import { DOCUMENT_CODES } from './document';
import { practiceRules } from './practice';
import { samRules } from './sam';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [...cfnRules, ...practiceRules, ...samRules, ...appspecRules, ...buildspecRules];

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

/** One row per code: the title and cfn-lint ids live on the rule (or in DOCUMENT_CODES), nowhere else. */
export interface CatalogEntry {
  code: string;
  title: string;
  kinds: string;
  cfnLint: readonly string[];
}

export function ruleCatalog(): CatalogEntry[] {
  return [
    ...DOCUMENT_CODES.map((d) => ({ code: d.code, title: d.title, kinds: 'all', cfnLint: [] })),
    ...allRules.map((r) => ({ code: r.code, title: r.title, kinds: r.kinds.join(', '), cfnLint: r.cfnLint ?? [] })),
  ];
}

/** The README's rule table, generated from the catalog (scripts/update-readme.ts writes it; a test checks it). */
export function ruleTableMarkdown(): string {
  const rows = ruleCatalog().map((r) => `| [${r.code}](docs/rules.md#${r.code.toLowerCase()}) | ${r.title} | ${r.kinds} | ${r.cfnLint.join(', ')} |`);
  return ['| code | what it finds | kinds | cfn-lint |', '|---|---|---|---|', ...rows].join('\n');
}
