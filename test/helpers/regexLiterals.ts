import fs from 'node:fs';
import path from 'node:path';

export interface RegexLiteral {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/**
 * Every regular expression literal in a TypeScript file, found with a small tokenizer (strings,
 * template literals, comments and division are told apart from regexes by the previous token).
 */
export function regexLiterals(file: string): RegexLiteral[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: RegexLiteral[] = [];
  let prev = ''; // last significant character or keyword
  const braces: number[] = []; // template-literal nesting: brace depth where each `${` opened
  let depth = 0;
  let i = 0;
  const lineAt = (at: number) => src.slice(0, at).split('\n').length;
  const skipTemplate = () => {
    // at the character after ` or after the } closing a ${...}
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        braces.push(depth);
        depth++;
        prev = '{';
        return;
      } else i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? src.length : e + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
      i++;
      prev = 'str';
      continue;
    }
    if (c === '`') {
      i++;
      skipTemplate();
      if (prev !== '{') prev = 'str';
      continue;
    }
    if (c === '{') {
      depth++;
      prev = '{';
      i++;
      continue;
    }
    if (c === '}') {
      depth--;
      i++;
      if (braces.length && braces[braces.length - 1] === depth) {
        braces.pop();
        skipTemplate();
        if (prev !== '{') prev = 'str';
      } else prev = '}';
      continue;
    }
    if (c === '/' && (prev === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(prev) || ['return', 'typeof', 'case', 'of', 'in', 'void', 'yield', 'await', '=>'].includes(prev))) {
      const start = i;
      let inClass = false;
      for (i++; i < src.length; i++) {
        const d = src[i];
        if (d === '\\') i++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        else if (d === '\n') break;
      }
      const source = src.slice(start + 1, i);
      i++;
      const fm = /^[dgimsuyv]*/.exec(src.slice(i))![0];
      i += fm.length;
      out.push({ file, line: lineAt(start), source, flags: fm });
      prev = 'regex';
      continue;
    }
    if (c === '=' && src[i + 1] === '>') {
      prev = '=>';
      i += 2;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(src.slice(i, i + 40));
    if (word) {
      prev = word[0];
      i += word[0].length;
      continue;
    }
    prev = c;
    i++;
  }
  return out;
}

export function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFilesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}
