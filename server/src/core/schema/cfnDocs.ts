import fs from 'node:fs';
import { locateGenerated } from './locate';

/**
 * Documentation text for hovers and completion items, and nothing else: facts (names, types,
 * required, attributes) come from the registry table (resourceView.ts). dist/cfn-docs.json is
 * written at build time by scripts/generate-docs.mjs from @aws-cdk/aws-service-spec, one JSON
 * string per service parsed the first time a hover needs it. Keys: `AWS::S3::Bucket` (type),
 * `AWS::S3::Bucket.BucketName` (property), `AWS::S3::Bucket@Arn` (attribute),
 * `AWS::S3::Bucket#BucketEncryption.ServerSideEncryptionConfiguration` (property of a nested type).
 */
let docFile: { chunks: Record<string, string> } | null | undefined;
const docChunks = new Map<string, Record<string, string>>();

export function specDoc(key: string): string | undefined {
  if (docFile === undefined) {
    try {
      docFile = JSON.parse(fs.readFileSync(locateGenerated('cfn-docs.json'), 'utf8')) as { chunks: Record<string, string> };
    } catch {
      docFile = null; // a build without the docs: hovers show the facts alone
    }
  }
  if (!docFile) return undefined;
  const hash = key.indexOf('#');
  const svc = (hash >= 0 ? key.slice(0, hash) : key).split('::').slice(0, 2).join('::');
  let c = docChunks.get(svc);
  if (!c) {
    c = docFile.chunks[svc] ? (JSON.parse(docFile.chunks[svc]) as Record<string, string>) : {};
    docChunks.set(svc, c);
  }
  return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
}
