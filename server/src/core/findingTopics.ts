/**
 * What a finding is about, as a notes search: the rule family's service steers the search
 * (`CIDR1003` → VPC and subnet sizes, `APPSPEC1015` → CodeDeploy lifecycle hooks), the rule's
 * title says the topic within it.
 */
const FAMILY_CONTEXT: Record<string, string> = {
  CIDR: 'VPC subnet CIDR',
  APPSPEC: 'CodeDeploy AppSpec',
  BUILDSPEC: 'CodeBuild buildspec',
  DDB: 'DynamoDB',
  SQS: 'SQS queue',
  IAM: 'IAM policy',
  SG: 'security group',
  LAMBDA: 'Lambda function',
  SAM: 'SAM serverless',
  CFN: 'CloudFormation template',
};

/** Rules whose title names the mistake rather than the topic: the topic, in the words notes use. */
const CODE_QUERY: Record<string, string> = {
  CIDR1003: 'VPC subnet CIDR size prefix /16 /28',
  APPSPEC1015: 'lifecycle hooks',
};

/**
 * A title is several words: a passage must share most of them (three quarters), or any note
 * mentioning "subnet" would explain every subnet finding.
 */
export function findingTopic(code: string, title: string): { query: string; context?: string; minShare: number } {
  const family = /^[A-Z]+/.exec(code)?.[0] ?? '';
  return { query: CODE_QUERY[code] ?? title.replace(/[`*_()]/g, ' '), context: FAMILY_CONTEXT[family], minShare: 0.75 };
}
