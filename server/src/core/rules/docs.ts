import fs = require('node:fs');
import path = require('node:path');
import { pathToFileURL } from 'node:url';

let base: string | undefined;

/** docs/rules.md ships with the extension and the CLI; every code has a heading there. */
export function ruleDocsUrl(code: string): string {
  if (base === undefined) {
    let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
    let found = '';
    for (let i = 0; i < 8 && !found; i++) {
      const p = path.join(dir, 'docs', 'rules.md');
      if (fs.existsSync(p)) found = p;
      dir = path.dirname(dir);
    }
    base = found ? pathToFileURL(found).href : 'docs/rules.md';
  }
  return `${base}#${code.toLowerCase()}`;
}
