import fs from 'node:fs';
import path from 'node:path';

/**
 * ../shared beside the checkout (or beside a parent folder, for git worktrees kept one level deeper);
 * tests that need it skip cleanly when it is absent.
 */
export const SHARED = findShared(path.resolve(__dirname, '..', '..'));

function findShared(checkout: string): string {
  for (let dir = path.dirname(checkout); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared');
    if (fs.existsSync(path.join(candidate, 'corpus')) || path.dirname(dir) === dir) return candidate;
  }
}
export const CORPUS = path.join(SHARED, 'corpus');
export const NOTES = path.join(SHARED, 'notes');
export const hasCorpus = fs.existsSync(path.join(CORPUS, 'cfn-lint-1.51-results.jsonl'));

export interface CfnLintFinding {
  rule: string;
  level: 'error' | 'warning' | 'informational';
  line: number;
  column: number;
  path: (string | number)[];
  message: string;
}

export function cfnLintResults(): { file: string; findings: CfnLintFinding[] }[] {
  return fs
    .readFileSync(path.join(CORPUS, 'cfn-lint-1.51-results.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}
