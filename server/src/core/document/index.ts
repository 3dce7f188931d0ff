import { LineIndex, parserText } from './lines';
import type { TemplateDocument } from './model';
import { parseJson } from './json';
import { parseYamlCst } from './yamlCst';
import { reparseIncrementally } from './incremental';

export * from './model';
export * from './nodes';
export { LineIndex } from './lines';
export type { Position } from './lines';

export interface ParseOptions {
  /** Files larger than this many bytes are not parsed (one info diagnostic instead). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Parse once. `format` is chosen from the first non-blank character: `{`/`[` is JSON, anything else YAML. */
export function parseTemplate(uri: string, version: number, text: string, opts: ParseOptions = {}): TemplateDocument {
  const lines = new LineIndex(text);
  const base = { uri, version, text, lines, duplicates: [], root: null };
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes) return { ...base, format: 'yaml', problems: [], skipped: tooLargeMessage(text.length, maxBytes) };
  const binary = binaryReason(text);
  if (binary) return { ...base, format: 'yaml', problems: [], skipped: binary };
  const format = looksJson(text) ? 'json' : 'yaml';
  const body = parserText(text, format);
  const parsed = format === 'json' ? parseJson(body) : parseYamlCst(body);
  return { ...base, format, ...parsed };
}

export function tooLargeMessage(size: number, maxBytes: number): string {
  return `File is ${(size / 1048576).toFixed(1)} MB, above the ${(maxBytes / 1048576).toFixed(1)} MB limit (setting awsNotes.maxFileSizeMB, CLI --max-size-mb); not checked.`;
}

/** A document that was not read at all (e.g. refused by size before reading): it holds only the reason. */
export function skippedDocument(uri: string, reason: string): TemplateDocument {
  return { uri, version: 1, text: '', lines: new LineIndex(''), duplicates: [], root: null, format: 'yaml', problems: [], skipped: reason };
}

function looksJson(text: string): boolean {
  const m = /^\s*(\S)/.exec(text); // \s includes a BOM
  return !!m && (m[1] === '{' || m[1] === '[');
}

/**
 * NUL bytes, or many U+FFFD replacement characters or control characters (binary bytes read as
 * Latin-1 by the CLI), mean this is not a text template.
 */
function binaryReason(text: string): string | undefined {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) return 'File contains NUL bytes (binary data); not checked.';
  let replaced = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  if (replaced * 100 > sample.length) return 'File is not valid UTF-8 text; not checked.';
  if ((replaced + control) * 100 > sample.length) return 'File is not text (it has many control characters); not checked.';
  return undefined;
}

/** One parse per (uri, version), shared by every feature. */
export class DocumentCache {
  private readonly docs = new Map<string, TemplateDocument>();
  constructor(private readonly opts: ParseOptions = {}) {}

  /** The options every parse uses (a fix is re-parsed with the same ones). */
  get options(): ParseOptions {
    return { ...this.opts };
  }

  get(uri: string, version: number, text: () => string): TemplateDocument {
    const hit = this.docs.get(uri);
    if (hit && hit.version === version) return hit;
    const t = text();
    const maxBytes = this.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const doc = (hit && t.length <= maxBytes && reparseIncrementally(hit, t, version)) || parseTemplate(uri, version, t, this.opts);
    this.docs.set(uri, doc);
    return doc;
  }

  peek(uri: string): TemplateDocument | undefined {
    return this.docs.get(uri);
  }

  delete(uri: string): void {
    this.docs.delete(uri);
  }

  setOptions(opts: ParseOptions): void {
    Object.assign(this.opts, opts);
    this.docs.clear();
  }
}
