import fs = require('node:fs');
import { locateGenerated } from './locate';

/**
 * Documentation text for hovers and completion items, and nothing else: facts (names, types,
 * required, attributes) come from the registry table (resourceView.ts). dist/docs/ is written at
 * build time by scripts/generate-docs.mjs from @aws-cdk/aws-service-spec, one file per service
 * (`AWS-S3.json`) read the first time a hover needs it. Keys: `AWS::S3::Bucket` (type),
 * `AWS::S3::Bucket.BucketName` (property), `AWS::S3::Bucket@Arn` (attribute),
 * `AWS::S3::Bucket#BucketEncryption.ServerSideEncryptionConfiguration` (property of a nested type).
 */
const services = new Map<string, Record<string, string>>();

export function specDoc(key: string): string | undefined {
  const hash = key.indexOf('#');
  const svc = (hash >= 0 ? key.slice(0, hash) : key).split('::').slice(0, 2).join('-');
  let c = services.get(svc);
  if (!c) {
    c = {};
    if (/^[A-Za-z0-9]+-[A-Za-z0-9]+$/.test(svc)) {
      try {
        c = JSON.parse(fs.readFileSync(locateGenerated(`docs/${svc}.json`), 'utf8')) as Record<string, string>;
      } catch {
        // no text for this service (or a build without docs): hovers show the facts alone
      }
    }
    services.set(svc, c);
  }
  return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
}
