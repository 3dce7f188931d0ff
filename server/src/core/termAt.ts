/**
 * Finds the AWS term under a cursor with a plain text scan, for `aws-notes explain --file ...`
 * and as a fallback where no parsed template is available. It recognizes:
 *   - resource and parameter types:   `Type: AWS::SQS::Queue`  → "AWS::SQS::Queue"
 *   - short-form intrinsics:          `!GetAtt Queue.Arn`      → "Fn::GetAtt" (`!Ref` → "Ref")
 *   - long-form intrinsics and keys:  `"Fn::Sub":`, `VisibilityTimeout:` → without quotes/colon
 *   - pseudo parameters in strings:   `${AWS::Region}`         → "AWS::Region"
 *   - any other word (phases, hooks, acronyms in notes).
 */

import { IAM_TERM_RE } from './notes/terms';

/** Characters that can be part of a term: letters, digits, `_`, `-`, `.`, `:` and `!`, `@`, `$` prefixes. */
const TERM_CHAR = /[A-Za-z0-9_:.\-!@$<>]/;

function isTermChar(ch: string | undefined): boolean {
  return ch !== undefined && TERM_CHAR.test(ch);
}

/** `!GetAtt` → `Fn::GetAtt`; `!Ref` and `!Condition` have no `Fn::` prefix. */
function expandShortTag(tag: string): string {
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return name;
  return `Fn::${name}`;
}

/**
 * Returns the term at `offset` in `text`, or undefined when the cursor is not on a word.
 * An offset just after a word still counts as on it (editors report the position after the
 * last character when the cursor is at the end of a word).
 */
export function termAt(text: string, offset: number): string | undefined {
  if (typeof text !== 'string' || !Number.isFinite(offset)) return undefined;
  let at = Math.max(0, Math.min(Math.floor(offset), text.length));
  if (!isTermChar(text[at]) && isTermChar(text[at - 1])) at--;
  if (!isTermChar(text[at])) return undefined;

  // Scan within the line only, and never further than a sane distance.
  let start = at;
  let end = at + 1;
  while (start > 0 && at - start < 200 && isTermChar(text[start - 1])) start--;
  while (end < text.length && end - at < 200 && isTermChar(text[end])) end++;
  let word = text.slice(start, end);
  let cursor = at - start;

  // `Key:value` without a space (invalid YAML but common in notes) or `Key:` — split on single
  // colons, keeping `::` inside resource types, and take the part under the cursor.
  // `iam:PassRole`, `aws:SecureTransport`: one IAM-style term, not "iam" or "aws".
  const whole = word.replace(/^[-.]+/, '').replace(/(?<![-.:])[-.:]+$/, '');
  if (IAM_TERM_RE.test(whole)) return whole;
  const parts: { s: number; e: number }[] = [];
  let partStart = 0;
  for (let i = 0; i < word.length; i++) {
    if (word[i] !== ':') continue;
    const prevColon = word[i - 1] === ':';
    const nextColon = word[i + 1] === ':';
    if (!prevColon && !nextColon) {
      parts.push({ s: partStart, e: i });
      partStart = i + 1;
    }
  }
  parts.push({ s: partStart, e: word.length });
  const part = parts.find((p) => cursor >= p.s && cursor <= p.e && p.e > p.s) ?? parts.find((p) => p.e > p.s);
  if (!part) return undefined;
  word = word.slice(part.s, part.e);
  cursor -= part.s;

  // `!GetAtt Queue.Arn` splits at the space already; `Queue.Arn` with the cursor on one side
  // stays whole except for trailing punctuation, which never belongs to a term.
  word = word.replace(/^[-.]+/, '').replace(/(?<![-.:])[-.:]+$/, ''); // the lookbehind keeps it linear
  // `$` only matters for `${...}` (handled by TERM_CHAR excluding braces) and `$LATEST`.
  if (word.startsWith('$') && !/^\$LATEST$/i.test(word)) word = word.slice(1);
  if (!word || !/[A-Za-z]/.test(word)) return undefined;
  if (/^![A-Za-z]/.test(word)) return expandShortTag(word.replace(/(?<![^A-Za-z0-9!])[^A-Za-z0-9!]+$/, ''));
  if (word.startsWith('!')) word = word.replace(/^!+/, '');
  return word || undefined;
}
