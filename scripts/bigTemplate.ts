/** A realistic ~5,000-line template for benchmarks: queues, tables, functions, roles wired with Ref/GetAtt/Sub. */
export function bigTemplate(targetLines = 5000): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: Benchmark template', 'Parameters:', '  Env:', '    Type: String', '    Default: dev', '    AllowedValues: [dev, prod]', 'Conditions:', '  IsProd: !Equals [!Ref Env, prod]', 'Resources:'];
  let i = 0;
  while (out.length < targetLines - 20) {
    out.push(
      `  Queue${i}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      `      QueueName: !Sub "\${AWS::StackName}-\${Env}-q${i}"`,
      '      VisibilityTimeout: 60',
      '      RedrivePolicy:',
      `        deadLetterTargetArn: !GetAtt Dlq${i}.Arn`,
      '        maxReceiveCount: 5',
      `  Dlq${i}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      MessageRetentionPeriod: 1209600',
      `  Table${i}:`,
      '    Type: AWS::DynamoDB::Table',
      '    Condition: IsProd',
      '    Properties:',
      '      BillingMode: PROVISIONED',
      '      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }',
      '      AttributeDefinitions:',
      '        - AttributeName: pk',
      '          AttributeType: S',
      '      KeySchema:',
      '        - AttributeName: pk',
      '          KeyType: HASH',
    );
    i++;
  }
  out.push('Outputs:', '  FirstQueue:', '    Value: !Ref Queue0', '    Export:', '      Name: !Sub "${AWS::StackName}-Queue0"');
  return out.join('\n') + '\n';
}
