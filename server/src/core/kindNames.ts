/** The kinds of file we check and how each is named to the user: one table for messages, CLI and status bar. */
export type Kind = 'cfn' | 'sam' | 'appspec' | 'buildspec';
export const KINDS: readonly Kind[] = ['cfn', 'sam', 'appspec', 'buildspec'];

export const KIND_LABELS: Record<Kind, { short: string; long: string }> = {
  cfn: { short: 'CloudFormation', long: 'CloudFormation' },
  sam: { short: 'SAM', long: 'SAM' },
  appspec: { short: 'AppSpec', long: 'CodeDeploy appspec' },
  buildspec: { short: 'Buildspec', long: 'CodeBuild buildspec' },
};
