/**
 * What each CloudFormation resource type is in an architecture diagram: its category (which decides
 * the group a box is drawn in) and, for types that can be the face of a box, the AWS Architecture
 * Icon and the service name shown. Every type a stage synthesizes is listed here, so none falls to a
 * guessed default (test/workshop/diagram/resource-catalog.test.ts keeps it so).
 */

/** What a resource is to the workload, as a diagram groups it. */
export type Category =
  /** A managed front door at AWS's edge or in front of the VPC: CDN, APIs, IoT Core, IVS, WAF. */
  | 'edge'
  /** A load balancer: the entry point inside the VPC. */
  | 'load-balancer'
  /** Where the workload's code runs. */
  | 'compute'
  /** Messaging and events between parts: queues, topics, rules, schedules. */
  | 'integration'
  /** Moves records in a stream (Firehose, Kinesis): analytics, not compute. */
  | 'streaming'
  /** Queries and catalogues data at rest (Glue, Athena). */
  | 'analytics'
  /** Holds the workload's data: databases, tables, buckets. */
  | 'data'
  /** Keys, secrets and permissions. */
  | 'security'
  /** Logs, alarms, dashboards and fleet management. */
  | 'operations'
  /** The VPC and what wires it: subnets, routes, gateways, security groups. */
  | 'network'
  /** Part of another resource's configuration (listeners, routes, policies, cluster members): never a box of its own. */
  | 'configuration'
  /** Deployment machinery (custom resources, CDK metadata). */
  | 'deployment';

/** How a diagram draws one resource type. */
export interface ResourceKind {
  readonly category: Category;
  /** An icon file of the `aws-icons` package, for types that can be a box's face. */
  readonly icon?: string;
  /** The service name shown under a box whose face it is, where it differs from the namespace's. */
  readonly service?: string;
}

const ICON = (name: string) => `architecture-service/${name}.svg`;
const kind = (category: Category, icon?: string, service?: string): ResourceKind => ({ category, icon: icon && ICON(icon), service });
const config = kind('configuration');

const CATALOG: Record<string, ResourceKind> = {
  // Front doors
  'AWS::ApiGateway::RestApi': kind('edge', 'AmazonAPIGateway'),
  'AWS::ApiGatewayV2::Api': kind('edge', 'AmazonAPIGateway'),
  'AWS::CloudFront::Distribution': kind('edge', 'AmazonCloudFront'),
  'AWS::IoT::TopicRule': kind('edge', 'AWSIoTCore'),
  'AWS::IoT::ProvisioningTemplate': kind('edge', 'AWSIoTCore'),
  'AWS::IVS::Channel': kind('edge', 'AmazonInteractiveVideoService'),
  'AWS::WAFv2::WebACL': kind('edge', 'AWSWAF'),
  'AWS::ElasticLoadBalancingV2::LoadBalancer': kind('load-balancer', 'ElasticLoadBalancing'),
  // Compute
  'AWS::AutoScaling::AutoScalingGroup': kind('compute', 'AmazonEC2AutoScaling'),
  'AWS::EC2::Instance': kind('compute', 'AmazonEC2'),
  'AWS::ECS::Cluster': kind('compute', 'AmazonElasticContainerService'),
  'AWS::ECS::Service': kind('compute', 'AWSFargate'),
  'AWS::ECS::TaskDefinition': kind('compute', 'AWSFargate'),
  'AWS::Lambda::Function': kind('compute', 'AWSLambda'),
  // Integration
  'AWS::Events::Rule': kind('integration', 'AmazonEventBridge'),
  'AWS::Scheduler::Schedule': kind('integration', 'AmazonEventBridge'),
  'AWS::SNS::Topic': kind('integration', 'AmazonSimpleNotificationService'),
  'AWS::SQS::Queue': kind('integration', 'AmazonSimpleQueueService'),
  // Streaming and analytics
  'AWS::KinesisFirehose::DeliveryStream': kind('streaming', 'AmazonDataFirehose', 'Data Firehose'),
  'AWS::Kinesis::Stream': kind('streaming', 'AmazonKinesisDataStreams', 'Kinesis Data Streams'),
  'AWS::Athena::WorkGroup': kind('analytics', 'AmazonAthena'),
  'AWS::Glue::Database': kind('analytics', 'AWSGlue'),
  'AWS::Glue::Table': kind('analytics', 'AWSGlue'),
  // Data
  'AWS::DocDB::DBCluster': kind('data', 'AmazonDocumentDB'),
  'AWS::DynamoDB::GlobalTable': kind('data', 'AmazonDynamoDB'),
  'AWS::DynamoDB::Table': kind('data', 'AmazonDynamoDB'),
  'AWS::RDS::DBCluster': kind('data', 'AmazonAurora', 'Aurora'),
  'AWS::RDS::DBInstance': kind('data', 'AmazonRDS'),
  'AWS::S3::Bucket': kind('data', 'AmazonSimpleStorageService'),
  // Security
  'AWS::IAM::InstanceProfile': kind('security'),
  'AWS::IAM::Policy': kind('security'),
  'AWS::IAM::Role': kind('security'),
  'AWS::KMS::Key': kind('security', 'AWSKeyManagementService'),
  'AWS::SecretsManager::Secret': kind('security', 'AWSSecretsManager'),
  // Operations
  'AWS::CloudWatch::Alarm': kind('operations', 'AmazonCloudWatch'),
  'AWS::Synthetics::Canary': kind('operations', 'AmazonCloudWatch'),
  'AWS::CloudWatch::Dashboard': kind('operations', 'AmazonCloudWatch'),
  'AWS::Logs::LogGroup': kind('operations', 'AmazonCloudWatch', 'CloudWatch Logs'),
  'AWS::Logs::LogStream': kind('operations'),
  'AWS::Logs::ResourcePolicy': kind('operations'),
  'AWS::SSM::Association': kind('operations', 'AWSSystemsManager'),
  // Network
  'AWS::EC2::EIP': kind('network'),
  'AWS::EC2::FlowLog': kind('network'),
  'AWS::EC2::InternetGateway': kind('network'),
  'AWS::EC2::NatGateway': kind('network'),
  'AWS::EC2::Route': kind('network'),
  'AWS::EC2::RouteTable': kind('network'),
  'AWS::EC2::SecurityGroup': kind('network'),
  'AWS::EC2::SecurityGroupEgress': kind('network'),
  'AWS::EC2::SecurityGroupIngress': kind('network'),
  'AWS::EC2::Subnet': kind('network'),
  'AWS::EC2::SubnetRouteTableAssociation': kind('network'),
  'AWS::EC2::VPC': { category: 'network', icon: 'architecture-group/VirtualprivatecloudVPC.svg' },
  'AWS::EC2::VPCEndpoint': kind('network'),
  'AWS::EC2::VPCGatewayAttachment': kind('network'),
  // Configuration of another resource
  'AWS::ApiGateway::Account': config,
  'AWS::ApiGatewayV2::Integration': config,
  'AWS::ApiGatewayV2::Route': config,
  'AWS::ApiGatewayV2::Stage': config,
  'AWS::AutoScaling::ScalingPolicy': config,
  'AWS::AutoScaling::ScheduledAction': config,
  'AWS::CloudFront::CachePolicy': config,
  'AWS::CloudFront::OriginAccessControl': config,
  'AWS::DocDB::DBClusterParameterGroup': config,
  // A cluster member: the cluster holds the data and is the box.
  'AWS::DocDB::DBInstance': config,
  'AWS::DocDB::DBSubnetGroup': config,
  'AWS::EC2::LaunchTemplate': config,
  'AWS::ElasticLoadBalancingV2::Listener': config,
  'AWS::ElasticLoadBalancingV2::ListenerRule': config,
  'AWS::ElasticLoadBalancingV2::TargetGroup': config,
  'AWS::IoT::Policy': config,
  'AWS::IVS::RecordingConfiguration': config,
  'AWS::IVS::StreamKey': config,
  'AWS::Lambda::EventInvokeConfig': config,
  'AWS::Lambda::EventSourceMapping': config,
  'AWS::Lambda::Permission': config,
  // The alias callers invoke and the versions it points at are the function's, not boxes of their own.
  'AWS::Lambda::Alias': config,
  'AWS::Lambda::Version': config,
  'AWS::WAFv2::LoggingConfiguration': config,
  'AWS::RDS::DBSubnetGroup': config,
  'AWS::S3::BucketPolicy': config,
  'AWS::SecretsManager::ResourcePolicy': config,
  'AWS::SecretsManager::RotationSchedule': config,
  'AWS::SecretsManager::SecretTargetAttachment': config,
  // The Secrets Manager rotation function, deployed from the Serverless Application Repository.
  'AWS::Serverless::Application': config,
  'AWS::SNS::TopicPolicy': config,
  'AWS::SQS::QueuePolicy': config,
  // Deployment machinery
  'AWS::CDK::Metadata': kind('deployment'),
  'AWS::CloudFormation::CustomResource': kind('deployment'),
  // CodeDeploy shifts traffic between function versions during a deployment.
  'AWS::CodeDeploy::Application': kind('deployment'),
  'AWS::CodeDeploy::DeploymentGroup': kind('deployment'),
};

/** How a diagram draws a type, or undefined for a type this catalogue does not know. */
export function resourceKind(type: string): ResourceKind | undefined {
  // Every `Custom::` type is a CloudFormation custom resource: a deployment step, whatever its name.
  if (type.startsWith('Custom::')) return CATALOG['AWS::CloudFormation::CustomResource'];
  return CATALOG[type];
}

/** The category of a type; a type the catalogue does not know is drawn as plain configuration, never as a box. */
export function categoryOf(type: string): Category {
  return resourceKind(type)?.category ?? 'configuration';
}

/** Categories whose parts are the workload itself (boxes with arrows); the rest support it or configure it. */
export const WORKLOAD_CATEGORIES: ReadonlySet<Category> = new Set(['edge', 'load-balancer', 'compute', 'integration', 'streaming', 'analytics', 'data']);

/**
 * The type that gives a part its face, in this order: front doors, then where code runs, then the data
 * it keeps, then how records move and are queried, then what only supports the rest. A part holding an
 * API and its table is its API; a Firehose stream with its transform function is the stream.
 */
export const FACE_ORDER: readonly string[] = [
  'AWS::IVS::Channel',
  'AWS::CloudFront::Distribution',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGateway::RestApi',
  'AWS::IoT::TopicRule',
  'AWS::IoT::ProvisioningTemplate',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::EC2::Instance',
  'AWS::ECS::Service',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Cluster',
  'AWS::DocDB::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::DynamoDB::GlobalTable',
  'AWS::DynamoDB::Table',
  'AWS::KinesisFirehose::DeliveryStream',
  'AWS::Kinesis::Stream',
  'AWS::S3::Bucket',
  'AWS::Lambda::Function',
  'AWS::Glue::Table',
  'AWS::Glue::Database',
  'AWS::Athena::WorkGroup',
  'AWS::Scheduler::Schedule',
  'AWS::Events::Rule',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::SecretsManager::Secret',
  'AWS::KMS::Key',
  'AWS::CloudWatch::Dashboard',
  'AWS::WAFv2::WebACL',
  'AWS::SSM::Association',
  'AWS::CloudWatch::Alarm',
  'AWS::Logs::LogGroup',
];
