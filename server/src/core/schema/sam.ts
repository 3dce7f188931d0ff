/**
 * AWS SAM resource types, in our own words. SAM evolves faster than most tools, so the
 * property lists are generous: an unknown property is reported, but only names SAM has never had.
 */
export interface SamType {
  doc: string;
  properties: Record<string, string>;
  /** Required properties (beyond what Globals may supply). */
  required?: string[];
  /** Event source types accepted under `Events:`. */
  events?: string[];
  /** CloudFormation type whose attributes GetAtt may read on this resource. */
  attributesFrom?: string[];
}

const FUNCTION_EVENTS = [
  'S3', 'SNS', 'Kinesis', 'DynamoDB', 'SQS', 'Api', 'HttpApi', 'Schedule', 'ScheduleV2', 'CloudWatchEvent',
  'EventBridgeRule', 'CloudWatchLogs', 'IoTRule', 'AlexaSkill', 'Cognito', 'MSK', 'MQ', 'SelfManagedKafka', 'DocumentDB',
];

/** What may appear under an event source's `Properties:`, and what must. */
export interface SamEventProperties {
  properties: string[];
  required?: string[];
}

// Options shared by the event source mappings SAM generates for polled sources.
const ESM_COMMON = ['BatchSize', 'Enabled', 'FilterCriteria', 'KmsKeyArn', 'MaximumBatchingWindowInSeconds', 'MetricsConfig'];
const STREAM_ERROR_HANDLING = [
  'BisectBatchOnFunctionError', 'DestinationConfig', 'FunctionResponseTypes', 'MaximumRecordAgeInSeconds', 'MaximumRetryAttempts',
];
const STREAM_POSITION = ['StartingPosition', 'StartingPositionTimestamp'];
const KAFKA = [
  ...ESM_COMMON, ...STREAM_POSITION, ...STREAM_ERROR_HANDLING, 'Topics', 'ConsumerGroupId', 'SourceAccessConfigurations',
  'ProvisionedPollerConfig', 'SchemaRegistryConfig', 'LoggingConfig', 'TumblingWindowInSeconds', 'ParallelizationFactor',
];
// EventBridge rule targets (CloudWatchEvent is the older name of EventBridgeRule).
const RULE_EVENT = [
  'Pattern', 'EventBusName', 'Input', 'InputPath', 'InputTransformer', 'Target', 'DeadLetterConfig', 'RetryPolicy', 'RuleName', 'State', 'Enabled',
];
const SCHEDULE_EVENT = ['Schedule', 'Name', 'Description', 'Enabled', 'State', 'Input', 'DeadLetterConfig', 'RetryPolicy', 'Target', 'RoleArn'];
const SCHEDULE_V2_EVENT = [
  'ScheduleExpression', 'ScheduleExpressionTimezone', 'Name', 'Description', 'State', 'GroupName', 'Input', 'StartDate', 'EndDate',
  'FlexibleTimeWindow', 'DeadLetterConfig', 'RetryPolicy', 'RoleArn', 'KmsKeyArn', 'PermissionsBoundary', 'OmitName',
];

/**
 * Properties of each function event source type. Generous on purpose: SAM keeps adding options,
 * so a name is only reported when SAM has never accepted it for that type.
 */
export const SAM_EVENT_PROPERTIES: Record<string, SamEventProperties> = {
  S3: { properties: ['Bucket', 'Events', 'Filter'], required: ['Bucket', 'Events'] },
  SNS: { properties: ['Topic', 'FilterPolicy', 'FilterPolicyScope', 'Region', 'SqsSubscription', 'RedrivePolicy'], required: ['Topic'] },
  Kinesis: {
    properties: [...ESM_COMMON, ...STREAM_POSITION, ...STREAM_ERROR_HANDLING, 'Stream', 'ParallelizationFactor', 'TumblingWindowInSeconds'],
    required: ['Stream', 'StartingPosition'],
  },
  DynamoDB: {
    properties: [...ESM_COMMON, ...STREAM_POSITION, ...STREAM_ERROR_HANDLING, 'Stream', 'ParallelizationFactor', 'TumblingWindowInSeconds'],
    required: ['Stream', 'StartingPosition'],
  },
  SQS: {
    properties: [...ESM_COMMON, 'Queue', 'FunctionResponseTypes', 'ScalingConfig', 'ProvisionedPollerConfig'],
    required: ['Queue'],
  },
  Api: {
    properties: ['Path', 'Method', 'RestApiId', 'Auth', 'RequestModel', 'RequestParameters', 'TimeoutInMillis', 'ResponseTransferMode'],
    required: ['Path', 'Method'],
  },
  HttpApi: { properties: ['ApiId', 'Path', 'Method', 'Auth', 'PayloadFormatVersion', 'RouteSettings', 'TimeoutInMillis'] },
  Schedule: { properties: SCHEDULE_EVENT, required: ['Schedule'] },
  ScheduleV2: { properties: SCHEDULE_V2_EVENT },
  CloudWatchEvent: { properties: RULE_EVENT },
  EventBridgeRule: { properties: RULE_EVENT },
  CloudWatchLogs: { properties: ['LogGroupName', 'FilterPattern'], required: ['LogGroupName', 'FilterPattern'] },
  IoTRule: { properties: ['Sql', 'AwsIotSqlVersion'], required: ['Sql'] },
  AlexaSkill: { properties: ['SkillId'] },
  Cognito: { properties: ['UserPool', 'Trigger'], required: ['UserPool', 'Trigger'] },
  MSK: { properties: [...KAFKA, 'Stream'], required: ['Stream', 'Topics'] },
  MQ: {
    properties: [...ESM_COMMON, 'Broker', 'Queues', 'SourceAccessConfigurations', 'SecretsManagerKmsKeyId', 'DynamicPolicyName'],
    required: ['Broker', 'Queues', 'SourceAccessConfigurations'],
  },
  SelfManagedKafka: { properties: [...KAFKA, 'KafkaBootstrapServers'], required: ['KafkaBootstrapServers', 'Topics', 'SourceAccessConfigurations'] },
  DocumentDB: {
    properties: [
      ...ESM_COMMON, ...STREAM_POSITION, 'Cluster', 'DatabaseName', 'CollectionName', 'FullDocument', 'SourceAccessConfigurations', 'SecretsManagerKmsKeyId',
    ],
    required: ['Cluster', 'DatabaseName', 'SourceAccessConfigurations'],
  },
};

/** State machine event sources where their properties differ from the function ones. */
export const SAM_STATE_MACHINE_EVENT_PROPERTIES: Record<string, SamEventProperties> = {
  Api: { properties: ['Path', 'Method', 'RestApiId', 'Auth', 'UnescapeMappingTemplate'], required: ['Path', 'Method'] },
};

/** The property table for an event source `type` under a resource of `resourceType`. */
export function samEventProperties(resourceType: string, type: string): SamEventProperties | undefined {
  if (resourceType === 'AWS::Serverless::StateMachine') return SAM_STATE_MACHINE_EVENT_PROPERTIES[type] ?? SAM_EVENT_PROPERTIES[type];
  return SAM_EVENT_PROPERTIES[type];
}

export const SAM_TYPES: Record<string, SamType> = {
  'AWS::Serverless::Function': {
    doc: 'A Lambda function plus what it needs: an execution role, event source mappings or permissions for each event, and optionally a published version and alias.',
    properties: {
      Architectures: 'x86_64 or arm64.',
      AssumeRolePolicyDocument: 'Trust policy for the generated execution role.',
      AutoPublishAlias: 'Publish a new version on every code change and point this alias at it.',
      AutoPublishAliasAllProperties: 'Publish a new version when any property changes, not only code.',
      AutoPublishCodeSha256: 'A value whose change forces a new version.',
      CodeSigningConfigArn: 'Code signing configuration to enforce.',
      CodeUri: 'Where the code is: a local path (packaged by `sam build`/`package`) or an S3 location.',
      DeadLetterQueue: 'SQS queue or SNS topic for failed asynchronous invocations.',
      DeploymentPreference: 'Gradual deployment through CodeDeploy (Canary, Linear, AllAtOnce) with hooks and alarms.',
      Description: 'Description of the function.',
      DurableConfig: 'Durable execution settings.',
      Environment: 'Environment variables (`Variables:` map).',
      EphemeralStorage: 'Size of /tmp in MB (512–10,240).',
      EventInvokeConfig: 'Retries, maximum event age and destinations for asynchronous invocations.',
      Events: 'Event sources that invoke the function; each has a Type and Properties.',
      FileSystemConfigs: 'EFS access points to mount.',
      FunctionName: 'Physical name; leave it out so CloudFormation generates one.',
      FunctionScalingConfig: 'Scaling settings for functions on a capacity provider.',
      FunctionUrlConfig: 'A dedicated HTTPS endpoint for the function.',
      Handler: 'Entry point, e.g. `app.handler` (not used for container images).',
      ImageConfig: 'Overrides for a container image function (command, entry point, working directory).',
      ImageUri: 'ECR image for a container image function.',
      InlineCode: 'Source code written in the template.',
      KmsKeyArn: 'Key that encrypts environment variables.',
      Layers: 'Layer version ARNs to add (at most 5).',
      LoggingConfig: 'Log format, levels and log group.',
      MemorySize: 'Memory in MB (128–10,240); CPU scales with it.',
      PackageType: 'Zip or Image.',
      PermissionsBoundary: 'Permissions boundary for the generated role.',
      Policies: 'Policies for the generated role: managed policy names/ARNs, SAM policy templates or inline documents.',
      PropagateTags: 'Copy Tags to the resources SAM generates.',
      ProvisionedConcurrencyConfig: 'Pre-initialised execution environments on the alias.',
      PublishToLatestPublished: 'Publish settings for capacity-provider functions.',
      RecursiveLoop: 'Allow or Terminate detected recursive loops.',
      ReservedConcurrentExecutions: 'Concurrency reserved for (and capped at) this function.',
      Role: 'Use this existing role instead of generating one.',
      RolePath: 'Path of the generated role.',
      Runtime: 'Language runtime, e.g. python3.12, nodejs20.x.',
      RuntimeManagementConfig: 'When runtime updates are applied.',
      SnapStart: 'Snapshot the initialised environment to cut cold starts (Java, Python, .NET).',
      SourceKMSKeyArn: 'Key for the deployment package.',
      Tags: 'Tags for the function and its generated role.',
      Timeout: 'Seconds before the invocation is stopped (1–900; default 3).',
      Tracing: 'Active or PassThrough X-Ray tracing.',
      VersionDeletionPolicy: 'Keep or delete old published versions.',
      VersionDescription: 'Description of published versions.',
      VpcConfig: 'Subnets and security groups for VPC access.',
      CapacityProviderConfig: 'Run on a Lambda capacity provider.',
      TenancyConfig: 'Tenant isolation settings.',
    },
    events: FUNCTION_EVENTS,
    attributesFrom: ['AWS::Lambda::Function'],
  },
  'AWS::Serverless::Api': {
    doc: 'An API Gateway REST API with its deployment and stage, built from the Api events of functions or from an OpenAPI definition.',
    properties: {
      AccessLogSetting: 'Stage access logging.', AlwaysDeploy: 'Deploy on every stack update.', ApiKeySourceType: 'HEADER or AUTHORIZER.',
      Auth: 'Authorizers, API keys, resource policy, default authorizer.', BinaryMediaTypes: 'Media types treated as binary.',
      CacheClusterEnabled: 'Stage cache on or off.', CacheClusterSize: 'Stage cache size.', CanarySetting: 'Canary release on the stage.',
      Cors: 'CORS settings for every path.', DefinitionBody: 'Inline OpenAPI definition.', DefinitionUri: 'OpenAPI file location.',
      Description: 'Description.', DisableExecuteApiEndpoint: 'Turn off the default execute-api endpoint.', Domain: 'Custom domain.',
      EndpointConfiguration: 'EDGE, REGIONAL or PRIVATE.', FailOnWarnings: 'Fail deployment on OpenAPI warnings.',
      GatewayResponses: 'Customised gateway responses.', MergeDefinitions: 'Merge SAM-generated paths into DefinitionBody.',
      MethodSettings: 'Per-method stage settings (throttling, logging, caching).', MinimumCompressionSize: 'Compress payloads above this size.',
      Mode: 'overwrite or merge when updating from a definition.', Models: 'Request/response schemas.', Name: 'API name.',
      OpenApiVersion: 'OpenAPI version of the generated definition.', Policy: 'Resource policy.', PropagateTags: 'Copy Tags to generated resources.',
      StageName: 'Name of the stage SAM creates (required).', Tags: 'Tags.', TracingEnabled: 'X-Ray tracing on the stage.',
      Variables: 'Stage variables.', SecurityPolicy: 'TLS policy.', EndpointAccessMode: 'Endpoint access mode.',
    },
    required: ['StageName'],
    attributesFrom: ['AWS::ApiGateway::RestApi'],
  },
  'AWS::Serverless::HttpApi': {
    doc: 'An API Gateway HTTP API (cheaper, simpler than REST APIs) with its stage, from HttpApi events or an OpenAPI definition.',
    properties: {
      AccessLogSettings: 'Stage access logging.', Auth: 'JWT or Lambda authorizers.', CorsConfiguration: 'CORS settings.',
      DefaultRouteSettings: 'Default throttling and metrics.', DefinitionBody: 'Inline OpenAPI definition.', DefinitionUri: 'OpenAPI file location.',
      Description: 'Description.', DisableExecuteApiEndpoint: 'Turn off the default endpoint.', Domain: 'Custom domain.',
      FailOnWarnings: 'Fail on OpenAPI warnings.', Name: 'API name.', PropagateTags: 'Copy Tags to generated resources.',
      RouteSettings: 'Per-route settings.', StageName: 'Stage name (default `$default`).', StageVariables: 'Stage variables.', Tags: 'Tags.',
    },
    attributesFrom: ['AWS::ApiGatewayV2::Api'],
  },
  'AWS::Serverless::SimpleTable': {
    doc: 'A DynamoDB table with a single-attribute primary key; use AWS::DynamoDB::Table for sort keys, indexes or streams.',
    properties: {
      PrimaryKey: 'Name and Type (String, Number, Binary) of the partition key; default `id` String.',
      ProvisionedThroughput: 'ReadCapacityUnits and WriteCapacityUnits; without it the table is on-demand.',
      SSESpecification: 'Server-side encryption.', TableName: 'Physical name.', Tags: 'Tags.',
      PointInTimeRecoverySpecification: 'Point-in-time recovery.',
    },
    attributesFrom: ['AWS::DynamoDB::Table'],
  },
  'AWS::Serverless::LayerVersion': {
    doc: 'A Lambda layer version: shared code or dependencies that functions add with Layers.',
    properties: {
      CompatibleArchitectures: 'x86_64 and/or arm64.', CompatibleRuntimes: 'Runtimes the layer supports.', ContentUri: 'Where the layer content is.',
      Description: 'Description.', LayerName: 'Layer name.', LicenseInfo: 'License text or identifier.',
      PublishLambdaVersion: 'Publish with the functions that use it.', RetentionPolicy: 'Retain or Delete old versions.',
    },
    required: ['ContentUri'],
    attributesFrom: ['AWS::Lambda::LayerVersion'],
  },
  'AWS::Serverless::Application': {
    doc: 'A nested application from the Serverless Application Repository or an S3 template, deployed as a nested stack.',
    properties: {
      Location: 'ApplicationId and SemanticVersion, or a template URL/path.', NotificationARNs: 'SNS topics for stack events.',
      Parameters: 'Parameter values for the nested application.', Tags: 'Tags.', TimeoutInMinutes: 'Creation timeout.',
    },
    required: ['Location'],
    attributesFrom: ['AWS::CloudFormation::Stack'],
  },
  'AWS::Serverless::StateMachine': {
    doc: 'A Step Functions state machine with a generated role, from an inline definition or a definition file.',
    properties: {
      AutoPublishAlias: 'Publish a version and alias on change.', Definition: 'Inline Amazon States Language.',
      DefinitionSubstitutions: 'Values for ${placeholders} in the definition.', DefinitionUri: 'Definition file location.',
      DeploymentPreference: 'Gradual alias shift.', Events: 'Event sources that start executions.', Logging: 'CloudWatch Logs settings.',
      Name: 'State machine name.', PermissionsBoundary: 'Boundary for the generated role.', Policies: 'Policies for the generated role.',
      PropagateTags: 'Copy Tags to generated resources.', Role: 'Use this role instead of generating one.', RolePath: 'Role path.',
      Tags: 'Tags.', Tracing: 'X-Ray tracing.', Type: 'STANDARD or EXPRESS.', UseAliasAsEventTarget: 'Events target the alias.',
    },
    events: ['Api', 'Schedule', 'ScheduleV2', 'CloudWatchEvent', 'EventBridgeRule'],
    attributesFrom: ['AWS::StepFunctions::StateMachine'],
  },
  'AWS::Serverless::Connector': {
    doc: 'Grants one resource access to another (e.g. a function writing to a table) by generating the least-privilege policies.',
    properties: {
      Source: 'The resource that needs access (Id, or Arn and Type).', Destination: 'The resource accessed (one or a list).',
      Permissions: 'Read and/or Write.', SourceReference: 'Alternative to Source.',
    },
    required: ['Destination', 'Permissions'],
  },
  'AWS::Serverless::GraphQLApi': {
    doc: 'An AppSync GraphQL API with its schema, data sources, functions and resolvers.',
    properties: {
      ApiKeys: 'API keys.', Auth: 'Authorization modes.', Cache: 'Resolver caching.', DataSources: 'DynamoDB and Lambda data sources.',
      DomainName: 'Custom domain.', Functions: 'Pipeline functions.', Logging: 'Logging.', Name: 'API name.', Resolvers: 'Resolvers per type and field.',
      SchemaInline: 'Schema in the template.', SchemaUri: 'Schema file location.', Tags: 'Tags.', XrayEnabled: 'X-Ray tracing.',
      OwnerContact: 'Owner contact.', IntrospectionConfig: 'Introspection on or off.', QueryDepthLimit: 'Maximum query depth.',
      ResolverCountLimit: 'Maximum resolvers per query.', Visibility: 'GLOBAL or PRIVATE.',
    },
    required: ['Auth'],
    attributesFrom: ['AWS::AppSync::GraphQLApi'],
  },
  'AWS::Serverless::CapacityProvider': {
    doc: 'A Lambda capacity provider: managed EC2 capacity on which functions run.',
    properties: {
      CapacityProviderName: 'Name.', VpcConfig: 'Subnets and security groups.', OperatorRole: 'Role Lambda uses to manage instances.',
      InstanceRequirements: 'Instance types and architectures.', ScalingConfig: 'Scaling limits.', KmsKeyArn: 'Encryption key.',
      PropagateTags: 'Copy Tags.', Tags: 'Tags.',
    },
  },
};

/** Sections allowed under `Globals:` and the SAM type each applies to. */
export const SAM_GLOBALS: Record<string, string> = {
  Function: 'AWS::Serverless::Function',
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable',
  StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion',
  CapacityProvider: 'AWS::Serverless::CapacityProvider',
  WebSocketApi: 'AWS::Serverless::WebSocketApi',
};

/** Resource-level keys SAM adds beside the usual CloudFormation ones. */
export const SAM_RESOURCE_KEYS = ['Connectors', 'IgnoreGlobals'];
