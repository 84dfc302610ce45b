/** Services as an attendee knows them, by the CloudFormation namespace of a resource type. */
const SERVICE_NAMES: Record<string, string> = {
  ApiGateway: 'API Gateway',
  ApiGatewayV2: 'API Gateway',
  ApplicationAutoScaling: 'Application Auto Scaling',
  Athena: 'Athena',
  AutoScaling: 'EC2 Auto Scaling',
  CloudFront: 'CloudFront',
  CloudWatch: 'CloudWatch',
  DocDB: 'DocumentDB',
  DynamoDB: 'DynamoDB',
  EC2: 'EC2',
  ECR: 'ECR',
  ECS: 'ECS',
  ElasticLoadBalancingV2: 'Elastic Load Balancing',
  Events: 'EventBridge',
  Glue: 'Glue',
  IAM: 'IAM',
  IoT: 'IoT Core',
  IVS: 'IVS',
  KMS: 'KMS',
  Lambda: 'Lambda',
  Logs: 'CloudWatch Logs',
  RDS: 'RDS',
  S3: 'S3',
  Scheduler: 'EventBridge Scheduler',
  SecretsManager: 'Secrets Manager',
  Serverless: 'Serverless Application Repository',
  SNS: 'SNS',
  SQS: 'SQS',
  SSM: 'Systems Manager',
  WAFv2: 'WAF',
};

/** EC2 types that are the network rather than servers: the diff calls their changes out. */
const NETWORK_TYPES = new Set([
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::NatGateway',
  'AWS::EC2::EIP',
  'AWS::EC2::VPCEndpoint',
  'AWS::EC2::FlowLog',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
]);

/** Whether a resource type is part of the network (VPC, subnets, routes, gateways, security groups). */
export function isNetworkType(type: string): boolean {
  return NETWORK_TYPES.has(type);
}

/** The service a resource type belongs to, e.g. `AWS::DocDB::DBCluster` → `DocumentDB`. */
export function serviceOf(type: string): string {
  if (isNetworkType(type)) return 'VPC';
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return 'Custom resources';
  if (type === 'AWS::CDK::Metadata') return 'CDK';
  const namespace = type.split('::')[1] ?? type;
  return SERVICE_NAMES[namespace] ?? namespace;
}

/** `AWS::DocDB::DBCluster` → `DBCluster`. */
export function shortType(type: string): string {
  return type.split('::').slice(2).join('::') || type;
}

/** A construct path as a reader knows it: without the stack and CDK's `Resource`/`Default` leaves. */
export function shortPath(constructPath: string, stackName: string): string {
  const parts = constructPath.split('/');
  if (parts[0] === stackName) parts.shift();
  while (parts.length > 1 && ['Resource', 'Default'].includes(parts[parts.length - 1])) parts.pop();
  return parts.join('/');
}
