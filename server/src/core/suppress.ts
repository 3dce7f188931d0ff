import { commentsOf } from './document/comments';
import type { TemplateDocument } from './document/model';
import { get, isMap, isScalar, isSeq, str, type Node } from './document/nodes';
import { ruleByCode } from './rules/registry';
import type { Finding } from './rules/types';

/**
 * Suppressions users already write:
 * - `Metadata: cfn-lint: config: ignore_checks: [E3012]` at template level or on one resource;
 *   cfn-lint ids map to ours through each rule's `cfnLint` list (a prefix like `E30` matches too);
 * - comments of our own: `# aws-notes-disable CODE[, CODE]` (whole file),
 *   `# aws-notes-disable-next-line CODE` and a trailing `# aws-notes-disable-line CODE`.
 *   Without codes they silence everything in their scope;
 * - other scanners' resource-level suppressions, for the codes whose `scanners` list the id:
 *   `Metadata: cfn_nag: rules_to_suppress: [{id: W2}]`, `checkov: skip: [{id: CKV_AWS_24}]`,
 *   `guard: SuppressedRules: [INCOMING_SSH_DISABLED]`.
 */
export function applySuppressions(doc: TemplateDocument, root: Node | null, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const scopes: { start: number; end: number; ids: string[]; matches: (ids: string[], code: string) => boolean }[] = [];
  const templateIds = ignoreChecks(get(root, 'Metadata'));
  if (templateIds.length) scopes.push({ start: 0, end: doc.text.length, ids: templateIds, matches: matchesCfnLint });
  const res = get(root, 'Resources');
  if (isMap(res)) {
    for (const p of res.pairs) {
      const meta = get(p.value, 'Metadata');
      const ids = ignoreChecks(meta);
      if (ids.length) scopes.push({ start: p.start, end: p.end, ids, matches: matchesCfnLint });
      for (const tool of SCANNERS) {
        const other = tool.ids(meta);
        if (other.length) scopes.push({ start: p.start, end: p.end, ids: other, matches: (list, code) => list.some((id) => ruleByCode(code)?.scanners?.[tool.name]?.includes(id)) });
      }
    }
  }
  const comments = commentSuppressions(doc);
  if (!scopes.length && !comments.file && !comments.lines.size) return findings;
  return findings.filter((f) => {
    const line = doc.lines.positionAt(f.start).line;
    if (comments.file && matchesOurs(comments.file, f.code)) return false;
    const l = comments.lines.get(line);
    if (l && matchesOurs(l, f.code)) return false;
    for (const s of scopes) {
      if (f.start >= s.start && f.start <= s.end && s.matches(s.ids, f.code)) return false;
    }
    return true;
  });
}

function ignoreChecks(meta: Node | undefined): string[] {
  const list = get(get(get(meta, 'cfn-lint'), 'config'), 'ignore_checks');
  if (isSeq(list)) return list.items.map(str).filter((s): s is string => !!s);
  if (isScalar(list) && str(list)) return [str(list)!];
  return [];
}

/** Strings of a list, or of the `idField` of each mapping in it. */
function idList(list: Node | undefined, idField?: string): string[] {
  const items = isSeq(list) ? list.items : list ? [list] : [];
  return items.map((n) => str(idField && isMap(n) ? get(n, idField) : n)).filter((s): s is string => !!s);
}

const SCANNERS: { name: 'cfnNag' | 'checkov' | 'guard'; ids: (meta: Node | undefined) => string[] }[] = [
  { name: 'cfnNag', ids: (m) => idList(get(get(m, 'cfn_nag'), 'rules_to_suppress'), 'id') },
  { name: 'checkov', ids: (m) => idList(get(get(m, 'checkov'), 'skip'), 'id') },
  { name: 'guard', ids: (m) => idList(get(get(m, 'guard'), 'SuppressedRules')) },
];

function matchesCfnLint(ids: string[], code: string): boolean {
  const mapped = ruleByCode(code)?.cfnLint ?? [];
  return ids.some((id) => id === code || mapped.some((m) => m === id || m.startsWith(id)));
}

function matchesOurs(codes: string[] | true, code: string): boolean {
  return codes === true || codes.includes(code);
}

const COMMENT = /^(?:#|\/\/|\/\*)\s*aws-notes-disable(-next-line|-line)?\b([^\n#*]*)/;

/** Only real comments count (the parser's comment tokens), never text in a string or a command. */
function commentSuppressions(doc: TemplateDocument): { file?: string[] | true; lines: Map<number, string[] | true> } {
  const lines = new Map<number, string[] | true>();
  let file: string[] | true | undefined;
  if (!doc.text.includes('aws-notes-disable')) return { lines };
  for (const c of commentsOf(doc)) {
    const m = COMMENT.exec(c.text);
    if (!m) continue;
    const codes = m[2].split(/[\s,]+/).filter((x) => /^[A-Z]+\d+$/.test(x));
    const value: string[] | true = codes.length ? codes : true;
    const line = doc.lines.positionAt(c.start).line;
    if (m[1] === '-next-line') lines.set(line + 1, value);
    else if (m[1] === '-line') lines.set(line, value);
    else file = value === true || file === true ? true : [...(file ?? []), ...value];
  }
  return { file, lines };
}
