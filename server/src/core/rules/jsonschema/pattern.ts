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

function compile(pattern: string): Matcher | null {
  try {
    const re = RE2JS.compile(pattern);
    return (v) => re.matcher(v).find();
  } catch {
    /* lookaround and friends: below */
  }
  for (const flags of ['u', '']) {
    try {
      const re = new RegExp(pattern, flags);
      return (v) => re.test(v);
    } catch {
      /* next flag set */
    }
  }
  return null;
}
