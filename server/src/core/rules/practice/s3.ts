/** S3 buckets and bucket policies (BP1003–BP1005). */
import { get, getPair, isMap, isScalar, str, type Node } from '../../document/nodes';
import type { RawFinding } from '../types';
import { addProperty, hasKey, items, practiceRule, typeRange } from './util';

const BLOCK_ALL = '{BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}';
const SSE_S3 = '{ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}';

export const bucketPublicAccessBlock = practiceRule(
  'BP1003',
  'S3 bucket without a public access block',
  { checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'], guard: ['S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'] },
  (r, out: RawFinding[], ctx) => {
    if (hasKey(r.properties, 'PublicAccessBlockConfiguration')) return;
    out.push({
      message: `Bucket ${r.name} declares no PublicAccessBlockConfiguration, so nothing in the template stops a later ACL or bucket policy from making its objects public. Add one with all four settings true (unless the bucket must be public, e.g. a website).`,
      ...typeRange(r),
      data: addProperty(ctx.doc, r, 'PublicAccessBlockConfiguration', BLOCK_ALL),
    });
  },
  ['AWS::S3::Bucket'],
);

export const bucketEncryption = practiceRule(
  'BP1004',
  'S3 bucket without default encryption declared',
  { cfnNag: ['W41'], checkov: ['CKV_AWS_19'], guard: ['S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED'] },
  (r, out: RawFinding[], ctx) => {
    if (hasKey(r.properties, 'BucketEncryption')) return;
    out.push({
      message: `Bucket ${r.name} declares no BucketEncryption: S3 falls back to SSE-S3, but the template neither states nor enforces it, and cannot use a KMS key you control. Declare the default encryption you want.`,
      ...typeRange(r),
      data: addProperty(ctx.doc, r, 'BucketEncryption', SSE_S3),
    });
  },
  ['AWS::S3::Bucket'],
);

/** `Principal: "*"`, `{AWS: "*"}` or a list holding "*". */
export function isEveryone(p: Node | undefined): boolean {
  if (isScalar(p)) return str(p) === '*';
  if (isMap(p)) return items(get(p, 'AWS')).some((n) => str(n) === '*');
  return false;
}

export const bucketPolicyPublic = practiceRule(
  'BP1005',
  'Bucket policy allows everyone without a condition',
  { cfnNag: ['F16'], checkov: ['CKV_AWS_70'], guard: ['S3_BUCKET_POLICY_NO_WILDCARD_PRINCIPAL'] },
  (r, out: RawFinding[]) => {
    for (const s of items(get(get(r.properties, 'PolicyDocument'), 'Statement'))) {
      if (!isMap(s) || str(get(s, 'Effect')) !== 'Allow' || hasKey(s, 'Condition')) continue;
      const principal = getPair(s, 'Principal');
      if (!principal || !isEveryone(principal.value)) continue;
      out.push({
        message: `This statement allows anyone on the internet (Principal "*") with no Condition to narrow it: everything its actions cover is public. Name the principals, or add a Condition (e.g. aws:SourceVpce, aws:PrincipalOrgID, aws:SecureTransport).`,
        start: principal.value.start,
        end: principal.value.end,
      });
    }
  },
  ['AWS::S3::BucketPolicy'],
);
