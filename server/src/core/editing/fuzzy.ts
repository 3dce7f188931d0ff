/** Scores at or above this mean the query appears literally (as a prefix or substring). */
export const LITERAL_MATCH = 1000;

/**
 * Fuzzy matching for long candidate lists (1,800 resource types): `s3bucket`, `ec2inst` and
 * `AWS::S3::Bu` all find what they mean. Higher is better; -1 is no match.
 */
export function fuzzyScore(query: string, candidate: string, lowerCandidate = candidate.toLowerCase(), lowerQuery = query.toLowerCase()): number {
  const q = lowerQuery;
  const c = lowerCandidate;
  if (!q) return 0;
  if (c.startsWith(q)) return 2000 - c.length;
  const sub = c.indexOf(q);
  if (sub >= 0) return 1500 - c.length + (boundary(candidate, sub) ? 200 : 0);
  // Every query character in order; runs and segment starts (`::X`, camel humps) score higher.
  let score = 0;
  let from = 0;
  let prev = -2;
  for (const ch of q) {
    if (ch === ':' ) continue;
    let at = -1;
    // Prefer the next occurrence at a segment start over an earlier one mid-word.
    for (let i = c.indexOf(ch, from); i >= 0; i = c.indexOf(ch, i + 1)) {
      if (at < 0) at = i;
      if (i === prev + 1) { at = i; break; }
      if (boundary(candidate, i)) { at = i; break; }
    }
    if (at < 0) return -1;
    score += at === prev + 1 ? 6 : 1;
    if (boundary(candidate, at)) score += 10;
    prev = at;
    from = at + 1;
  }
  return score - c.length * 0.01;
}

function boundary(s: string, i: number): boolean {
  if (i === 0) return true;
  const p = s[i - 1];
  const ch = s[i];
  return p === ':' || p === '-' || p === '_' || p === '.' || (p >= 'a' && p <= 'z' && ch >= 'A' && ch <= 'Z') || (!/\d/.test(p) && /\d/.test(ch));
}
