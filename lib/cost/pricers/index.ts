import { autoScalingGroup, fargateTask, lambdaFunction, scheduledAction, serverlessApplication } from './compute';
import { docdbCluster, docdbInstance, dynamoTable, rdsCluster, rdsInstance } from './databases';
import { cloudFrontDistribution, ivsChannel, wafWebAcl } from './edge';
import { apiV2, athenaWorkGroup, firehose, iotTopicRule, schedule, sqsQueue } from './messaging';
import { elasticIp, flowLog, loadBalancer, natGateway, vpcEndpoint } from './network';
import { Pricer } from './pricer';
import { alarm, canary, dashboard, kmsKey, logGroup, secret } from './operations';
import { s3Bucket } from './storage';

/** The pricer of each CloudFormation resource type the model prices. */
export const PRICERS: Readonly<Record<string, Pricer>> = {
  'AWS::AutoScaling::AutoScalingGroup': autoScalingGroup,
  'AWS::AutoScaling::ScheduledAction': scheduledAction,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::ECS::TaskDefinition': fargateTask,
  'AWS::Serverless::Application': serverlessApplication,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::EIP': elasticIp,
  'AWS::EC2::VPCEndpoint': vpcEndpoint,
  'AWS::EC2::FlowLog': flowLog,
  'AWS::RDS::DBInstance': rdsInstance,
  'AWS::RDS::DBCluster': rdsCluster,
  'AWS::DocDB::DBInstance': docdbInstance,
  'AWS::DocDB::DBCluster': docdbCluster,
  'AWS::DynamoDB::GlobalTable': dynamoTable,
  'AWS::DynamoDB::Table': dynamoTable,
  'AWS::S3::Bucket': s3Bucket,
  'AWS::CloudFront::Distribution': cloudFrontDistribution,
  'AWS::WAFv2::WebACL': wafWebAcl,
  'AWS::IVS::Channel': ivsChannel,
  'AWS::ApiGatewayV2::Api': apiV2,
  'AWS::SQS::Queue': sqsQueue,
  'AWS::Scheduler::Schedule': schedule,
  'AWS::IoT::TopicRule': iotTopicRule,
  'AWS::KinesisFirehose::DeliveryStream': firehose,
  'AWS::Athena::WorkGroup': athenaWorkGroup,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::CloudWatch::Dashboard': dashboard,
  'AWS::Synthetics::Canary': canary,
  'AWS::KMS::Key': kmsKey,
  'AWS::SecretsManager::Secret': secret,
};
