import path = require('node:path');
import { parseTemplate, type TemplateDocument } from '../core/document';
import { readText } from '../core/files';
import { detectKind } from '../core/kind';
import { UsageError } from './io';

/**
 * The one CloudFormation/SAM template `graph` and `resolve` work on. A missing file, or a file
 * that is not a template, is a usage error (exit 2) with a message saying which.
 */
export function readTemplateFile(file: string | undefined, cwd: string): TemplateDocument {
  if (!file) throw new UsageError('give one template file');
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    text = readText(abs);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const doc = parseTemplate(abs, 1, text);
  if (doc.skipped) throw new UsageError(`${file}: ${doc.skipped}`);
  const kind = detectKind(doc, { fileName: abs });
  if (kind !== 'cfn' && kind !== 'sam') throw new UsageError(`${file} is not a CloudFormation or SAM template`);
  return doc;
}
