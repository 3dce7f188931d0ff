/**
 * Synthetic study notes for the bench (never committed: generated at run time). Mixed styles
 * as users write them: markdown headings, bullets with facts, tables, Q&A, code blocks. Like
 * real notes, most words come from a large vocabulary (skewed toward common ones) and a given
 * AWS term appears in a small share of passages. Deterministic for a given size and seed.
 */
const SERVICES = ['SQS', 'SNS', 'Lambda', 'DynamoDB', 'Kinesis', 'S3', 'EC2', 'VPC', 'IAM', 'CloudFormation', 'CodeDeploy', 'CodeBuild', 'ELB', 'RDS', 'EBS', 'Route 53', 'CloudFront', 'KMS'];
const TERMS = ['VisibilityTimeout', 'MessageRetentionPeriod', 'Timeout', 'MemorySize', 'ReadCapacityUnits', 'ShardCount', 'BucketName', 'CidrBlock', 'SecurityGroupIngress', 'DeletionPolicy', 'BeforeInstall', 'pre_build', 'iam:PassRole', 'aws:SecureTransport'];
const WORDS = 'the a queue message retention days seconds limit throughput partition key region zone subnet route table policy role bucket object version encryption replica cache latency capacity units read write stream shard consumer producer function timeout memory deploy hook phase build artifact'.split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function synthNotes(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'de', 'gu'];
  const vocab = Array.from({ length: 20_000 }, (_, i) => syll[i % 12] + syll[Math.floor(i / 12) % 12] + syll[Math.floor(i / 144) % 12] + (i >= 1728 ? syll[Math.floor(i / 1728) % 12] : ''));
  const word = () => (r() < 0.3 ? pick(WORDS) : vocab[Math.floor(vocab.length * r() ** 3)]);
  const sentence = () => {
    const n = 6 + Math.floor(r() * 14);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(r() < 0.004 ? pick(TERMS) : r() < 0.02 ? pick(SERVICES) : word());
    return w.join(' ') + ` ${Math.floor(r() * 1000)}.`;
  };
  const out: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const svc = pick(SERVICES);
    const block: string[] = [`# ${svc} notes ${n++}`, ''];
    for (let k = 0; k < 3; k++) {
      block.push(`## ${r() < 0.05 ? pick(TERMS) : `${word()} ${word()}`}`, '');
      const style = r();
      if (style < 0.5) for (let i = 0; i < 4; i++) block.push(`- ${sentence()}`);
      else if (style < 0.7) block.push('| Setting | Value |', '|---|---|', ...Array.from({ length: 5 }, () => `| ${word()} | ${Math.floor(r() * 900)} s |`));
      else if (style < 0.9) block.push(`Q: ${sentence()}`, `A: ${sentence()} ${sentence()}`);
      else block.push('```yaml', `${word()}: ${Math.floor(r() * 100)}`, '```');
      block.push('');
    }
    const text = block.join('\n') + '\n';
    out.push(text);
    size += Buffer.byteLength(text);
  }
  return out.join('');
}
