import fc from 'fast-check';

/** Characters that backtracking regexes tend to trip on, plus whatever a given pattern mentions. */
const BASE = ['!If', '!Sub ', 'Fn::', '${', 'AWS::', '# ', '- ', ': ', 'Ref', ' ', '\t', '\n', '\r\n', 'a', 'x', '0', '-', ':', '!', '#', '"', "'", '$', '{', '}', '[', ']', '(', ')', '.', '/', '\\', ',', '|', '>', '&', '*', '=', '_', '@', 'A', 'é'];

/** The literal characters a regex source mentions (escapes unwrapped): the bait most likely to make it backtrack. */
export function charsOf(source: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const n = source[++i];
      if ('sS'.includes(n)) out.add(' ');
      else if ('dD'.includes(n)) out.add('7');
      else if ('wW'.includes(n)) out.add('w');
      else if (!/[bBnrtux0-9pk]/.test(n)) out.add(n);
    } else if (!'^$()[]{}*+?|'.includes(c)) out.add(c);
  }
  return [...out];
}

/**
 * Backtracking-hostile text: long runs of one string, alternations of two, runs followed by a
 * character that makes the match fail at the very end (the classic nested-quantifier and
 * adjacent-`\s*` traps), optionally after a prefix. `extra` adds characters to the pool.
 */
export function hostileText(extra: readonly string[] = [], maxRun = 30_000): fc.Arbitrary<string> {
  const pool = [...new Set([...BASE, ...extra])];
  const piece = fc.oneof(fc.constantFrom(...pool), fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)).map(([a, b]) => a + b));
  const run = fc.tuple(piece, fc.integer({ min: maxRun / 4, max: maxRun })).map(([p, n]) => p.repeat(Math.ceil(n / p.length)));
  return fc.oneof(
    fc.tuple(fc.constantFrom('', ...pool), run, fc.constantFrom('', ...pool)).map(([a, r, b]) => a + r + b),
    fc.tuple(run, run, fc.constantFrom(...pool)).map(([r1, r2, b]) => r1.slice(0, maxRun / 2) + r2.slice(0, maxRun / 2) + b),
    fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool), fc.integer({ min: 100, max: maxRun / 8 })).map(([a, b, n]) => (a.repeat(8) + b).repeat(n)),
  );
}
