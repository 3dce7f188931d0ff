import fs = require('node:fs');
import path = require('node:path');

/**
 * Generated data files live in dist/ beside the bundles. From a bundle, __dirname is dist/;
 * from sources run by tests, walk up to the project root and look in dist/.
 */
export function locateGenerated(file: string): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const direct = path.join(here, file);
  if (fs.existsSync(direct)) return direct;
  let dir = here;
  for (let i = 0; i < 8; i++) {
    const p = path.join(dir, 'dist', file);
    if (fs.existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`Generated file ${file} not found; run \`npm run build\` first.`);
}
