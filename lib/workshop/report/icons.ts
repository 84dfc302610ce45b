import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * AWS Architecture Icons (the official set, from the MIT-licensed `aws-icons` package) per resource
 * type. Icons are inlined as data URIs, so the report needs no file or network at view time.
 */
const ICON_FILES: Record<string, string> = {
  'AWS::ApiGatewayV2::Api': 'architecture-service/AmazonAPIGateway.svg',
  'AWS::Athena::WorkGroup': 'architecture-service/AmazonAthena.svg',
  'AWS::AutoScaling::AutoScalingGroup': 'architecture-service/AmazonEC2AutoScaling.svg',
  'AWS::CloudFront::Distribution': 'architecture-service/AmazonCloudFront.svg',
  'AWS::CloudWatch::Alarm': 'architecture-service/AmazonCloudWatch.svg',
  'AWS::CloudWatch::Dashboard': 'architecture-service/AmazonCloudWatch.svg',
  'AWS::DocDB::DBCluster': 'architecture-service/AmazonDocumentDB.svg',
  'AWS::DynamoDB::GlobalTable': 'architecture-service/AmazonDynamoDB.svg',
  'AWS::DynamoDB::Table': 'architecture-service/AmazonDynamoDB.svg',
  'AWS::EC2::VPC': 'architecture-group/VirtualprivatecloudVPC.svg',
  'AWS::ECS::Cluster': 'architecture-service/AmazonElasticContainerService.svg',
  'AWS::ECS::TaskDefinition': 'architecture-service/AWSFargate.svg',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'architecture-service/ElasticLoadBalancing.svg',
  'AWS::Events::Rule': 'architecture-service/AmazonEventBridge.svg',
  'AWS::Glue::Database': 'architecture-service/AWSGlue.svg',
  'AWS::Glue::Table': 'architecture-service/AWSGlue.svg',
  'AWS::IoT::TopicRule': 'architecture-service/AWSIoTCore.svg',
  'AWS::IVS::Channel': 'architecture-service/AmazonInteractiveVideoService.svg',
  'AWS::KMS::Key': 'architecture-service/AWSKeyManagementService.svg',
  'AWS::Lambda::Function': 'architecture-service/AWSLambda.svg',
  'AWS::Logs::LogGroup': 'architecture-service/AmazonCloudWatch.svg',
  'AWS::RDS::DBCluster': 'architecture-service/AmazonAurora.svg',
  'AWS::RDS::DBInstance': 'architecture-service/AmazonRDS.svg',
  'AWS::S3::Bucket': 'architecture-service/AmazonSimpleStorageService.svg',
  'AWS::Scheduler::Schedule': 'architecture-service/AmazonEventBridge.svg',
  'AWS::SecretsManager::Secret': 'architecture-service/AWSSecretsManager.svg',
  'AWS::SNS::Topic': 'architecture-service/AmazonSimpleNotificationService.svg',
  'AWS::SQS::Queue': 'architecture-service/AmazonSimpleQueueService.svg',
  'AWS::SSM::Association': 'architecture-service/AWSSystemsManager.svg',
  'AWS::WAFv2::WebACL': 'architecture-service/AWSWAF.svg',
  users: 'architecture-group/AWSCloud.svg',
};
const FALLBACK = 'architecture-group/AWSCloud.svg';

const ICON_ROOT = path.join(path.dirname(require.resolve('aws-icons/package.json')), 'icons');
const cache = new Map<string, string>();

/** The icon of a resource type as a `data:` URI, or the AWS Cloud icon for types without one. */
export function iconUri(type: string): string {
  const file = ICON_FILES[type] ?? FALLBACK;
  let uri = cache.get(file);
  if (!uri) {
    uri = `data:image/svg+xml;base64,${fs.readFileSync(path.join(ICON_ROOT, file)).toString('base64')}`;
    cache.set(file, uri);
  }
  return uri;
}

/** Whether a type has an icon of its own (the diagram picks a part's main service among these). */
export function hasIcon(type: string): boolean {
  return type in ICON_FILES;
}
