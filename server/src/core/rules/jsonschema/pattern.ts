/**
 * The one place schema `pattern`s meet user text. Patterns come from our generated table, values
 * from templates: values are bounded so a pathological pattern cannot stall a keystroke. When a
 * linear-time matcher is available project-wide, swap it in here.
 */
const MAX_VALUE = 2048;
const compiled = new Map<string, RegExp | null>();

/** true / false, or undefined when we cannot tell (pattern unreadable, value too long). */
export function matchesPattern(pattern: string, value: string): boolean | undefined {
  if (value.length > MAX_VALUE) return undefined;
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = null;
    for (const flags of ['u', '']) {
      try {
        re = new RegExp(pattern, flags);
        break;
      } catch {
        /* next flag set */
      }
    }
    compiled.set(pattern, re);
  }
  return re ? re.test(value) : undefined;
}
