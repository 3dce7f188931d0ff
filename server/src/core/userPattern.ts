import { RE2JS } from 're2js';

/** Longer patterns are not checked: nobody writes one, and compiling one costs time. */
const MAX_PATTERN = 4096;
const cache = new Map<string, RE2JS | null>();

/**
 * Whether `text` matches the whole of a CloudFormation AllowedPattern (a Java regular expression),
 * or undefined when we cannot tell. Patterns come from the template, so they run in RE2 (linear
 * time; `(a+)+$` cannot hang the server). A pattern RE2 cannot express (backreferences,
 * lookaround, possessive quantifiers) or one whose Java meaning differs from RE2's (class
 * intersection `&&`, nested classes `[a[b]]`) is not checked: being silent beats being wrong.
 */
export function matchesAllowedPattern(pattern: string, text: string): boolean | undefined {
  const re = compile(pattern);
  return re ? re.matches(text) : undefined;
}

function compile(pattern: string): RE2JS | null {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  re = null;
  if (pattern.length <= MAX_PATTERN && !javaOnly(pattern)) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Java syntax that RE2 would read differently without an error: `[` or `&&` inside a class. */
function javaOnly(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (!inClass && c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++; // a leading ] is a literal
    } else if (inClass && c === ']') inClass = false;
    else if (inClass && (c === '[' || (c === '&' && pattern[i + 1] === '&'))) return true;
  }
  return false;
}
