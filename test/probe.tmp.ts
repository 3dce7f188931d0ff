import { parseTemplate } from '../server/src/core/document';
import { lintDocument } from '../server/src/core/lint';
import { readText } from '../server/src/core/files';
for (const f of process.argv.slice(2)) {
  const doc = parseTemplate(f, 1, readText(f));
  for (const x of lintDocument(doc, { fileName: f }).findings) console.log(`${doc.lines.positionAt(x.start).line + 1}:${doc.lines.positionAt(x.start).character + 1} ${x.severity} ${x.code} ${x.message.slice(0, 200)}`);
}
