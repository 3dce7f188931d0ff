import { RE2JS } from 're2js';

/**
 * The one place schema `pattern`s meet template text. Patterns run in RE2 (linear time, as the
 * template's own AllowedPatterns do in core/userPattern); the few registry patterns RE2 cannot
 * express (lookaround) come from our generated table and run natively on bounded values.
 */
const MAX_VALUE = 2048;
type Matcher = (v: string) => boolean;
const compiled = new Map<string, Matcher | null>();

/** true / false, or undefined when we cannot tell (pattern unreadable, value too long). */
export function matchesPattern(pattern: string, value: string): boolean | undefined {
  if (value.length > MAX_VALUE) return undefined;
  let m = compiled.get(pattern);
  if (m === undefined) {
    m = compile(pattern);
    compiled.set(pattern, m);
  }
  return m ? m(value) : undefined;
}

function compile(source: string): Matcher | null {
  // Java's \p{Print} (the registry's dialect) has no RE2 or JavaScript spelling: any non-control character.
  const pattern = source.replace(/\\p\{Print\}/g, '[^\\x00-\\x1F\\x7F]');
  try {
    const re = RE2JS.compile(pattern);
    return (v) => re.matcher(v).find();
  } catch {
    /* lookaround and friends: below */
  }
  // Without the u flag \p{…} would silently mean the letters p{…}: only try it when there is none.
  for (const flags of /\\[pP]\{/.test(pattern) ? ['u'] : ['u', '']) {
    try {
      const re = new RegExp(pattern, flags);
      return (v) => re.test(v);
    } catch {
      /* next flag set */
    }
  }
  return null;
}
