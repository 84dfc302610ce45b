import { NagMessageLevel, rules } from 'cdk-nag';
import { AnalyticsTableColumnar } from '../rules/analytics/AnalyticsTableColumnar';
import { QueryScanLimited } from '../rules/analytics/QueryScanLimited';
import { EdgeCachesContent } from '../rules/cloudfront/EdgeCachesContent';
import { ModernHttpProtocols } from '../rules/cloudfront/ModernHttpProtocols';
import { SingleInstanceRecovers } from '../rules/compute/SingleInstanceRecovers';
import { StatefulDataRetained } from '../rules/deployment/StatefulDataRetained';
import { GlobalTableCapacityFollowsLoad } from '../rules/dynamodb/GlobalTableCapacityFollowsLoad';
import { TableContributorInsights } from '../rules/dynamodb/TableContributorInsights';
import { FunctionLogsStructured } from '../rules/lambda/FunctionLogsStructured';
import { VpcRoomToGrow } from '../rules/network/VpcRoomToGrow';
import { judgedOnWorldOpenIngress } from '../rules/network/world-open-ingress';
import { WebAclAdaptsToThreats } from '../rules/waf/WebAclAdaptsToThreats';
import { WellArchitectedRule } from './pack-rule';
import { DeployedGradually } from '../rules/deployment/DeployedGradually';
import { DeploymentRollsBackOnFailure } from '../rules/deployment/DeploymentRollsBackOnFailure';
import { DependencyWatched } from '../rules/monitoring/DependencyWatched';
import { UserExperienceMonitored } from '../rules/monitoring/UserExperienceMonitored';
import { CodeIntegrityVerified } from '../rules/security/CodeIntegrityVerified';

const { WARN } = NagMessageLevel;

/**
 * Rules that widen the Well-Architected pack's reach over the framework (issue 14): cdk-nag's own
 * rule functions that its HIPAA, NIST 800-53, PCI and Serverless packs call and the AWS Solutions
 * pack does not, each named after the AWS Config managed rule it mirrors; then this project's rules
 * for practices nothing else checks. All WARN: each is evidence for a best practice, and none is a
 * defect severe enough to stop a deployment on its own. Their best practices, and the source of
 * each link, are in framework/rule-mapping.json; docs/wa-mapping-sources.md says why.
 */
export const REUSED_AND_COVERAGE_RULES: readonly WellArchitectedRule[] = [
  // cdk-nag rules (AWS Config managed-rule counterparts) not in the AWS Solutions pack
  { rule: rules.lambda.LambdaConcurrency, level: WARN, info: 'The function has no reserved concurrency.', explanation: 'Reserve concurrency so one function cannot exhaust the account\'s shared concurrency quota, or be starved by another.' },
  { rule: rules.lambda.LambdaDefaultTimeout, level: WARN, info: 'The function runs with the default timeout.', explanation: 'Set a timeout that fits the work, so callers are not held by a stuck invocation.' },
  { rule: rules.lambda.LambdaDefaultMemorySize, level: WARN, info: 'The function runs with the default memory size.', explanation: 'Choose memory (and so CPU) from measurements, not the default.' },
  { rule: rules.lambda.LambdaLatestVersion, level: WARN, info: 'The function does not run on the latest runtime of its language.', explanation: 'Current runtimes carry fixes and performance improvements.' },
  { rule: rules.ecs.ECSClusterCloudWatchContainerInsights, level: WARN, info: 'The ECS cluster does not collect Container Insights metrics.', explanation: 'Task-level CPU, memory and network metrics show whether compute fits the work.' },
  { rule: rules.lambda.LambdaTracing, level: WARN, info: 'The function does not have active X-Ray tracing.', explanation: 'Traces show where a request spent its time and where it failed.' },
  { rule: rules.lambda.LambdaFunctionPublicAccessProhibited, level: WARN, info: 'The function\'s resource policy lets anyone invoke it.', explanation: 'Grant invoke permission to known principals only.' },
  { rule: rules.lambda.LambdaFunctionUrlAuth, level: WARN, info: 'The function URL requires no authentication.', explanation: 'Know who calls the function before it runs.' },
  { rule: rules.lambda.LambdaEventSourceSQSVisibilityTimeout, level: WARN, info: 'The queue\'s visibility timeout is shorter than the consuming function\'s timeout.', explanation: 'A message still being processed is delivered again, multiplying retries.' },
  { rule: rules.apigw.APIGWRequestValidation, level: WARN, info: 'The REST API does not validate requests against a model.', explanation: 'A request validator enforces the API\'s contract before the backend sees the request.' },
  { rule: rules.apigw.APIGWXrayEnabled, level: WARN, info: 'The REST API stage does not send traces to X-Ray.', explanation: 'Traces follow requests across the API and its backends.' },
  { rule: rules.apigw.APIGWSSLEnabled, level: WARN, info: 'The REST API stage presents no client certificate to its backend.', explanation: 'A client certificate lets the backend authenticate that calls come from the API.' },
  { rule: rules.appsync.AppSyncTracing, level: WARN, info: 'The GraphQL API does not send traces to X-Ray.', explanation: 'Traces follow requests across resolvers and data sources.' },
  { rule: rules.sns.SNSRedrivePolicy, level: WARN, info: 'The subscription has no dead-letter queue.', explanation: 'Messages that cannot be delivered must land somewhere they can be replayed.' },
  { rule: rules.eventbridge.EventBusDLQ, level: WARN, info: 'The event rule target has no dead-letter queue.', explanation: 'Events that cannot be delivered must land somewhere they can be replayed.' },
  { rule: rules.dynamodb.DynamoDBAutoScalingEnabled, level: WARN, info: 'The provisioned table (or an index) does not auto scale.', explanation: 'Capacity should follow load: on-demand, or auto scaling on provisioned capacity.' },
  { rule: rules.elasticache.ElastiCacheRedisClusterAutomaticBackup, level: WARN, info: 'The Redis cluster keeps no automatic backups.', explanation: 'Back up data automatically.' },
  { rule: rules.elasticbeanstalk.ElasticBeanstalkEnhancedHealthReportingEnabled, level: WARN, info: 'The Elastic Beanstalk environment does not report enhanced health.', explanation: 'Enhanced health reporting detects failing instances and requests.' },
  { rule: rules.iam.IAMPolicyNoStatementsWithAdminAccess, level: WARN, info: 'A policy grants full administrative access.', explanation: 'Grant only the actions and resources the principal needs.' },
  { rule: rules.iam.IAMPolicyNoStatementsWithFullAccess, level: WARN, info: 'A policy grants every action of a service.', explanation: 'Grant only the actions the principal needs.' },
  { rule: judgedOnWorldOpenIngress(rules.ec2.EC2RestrictedSSH), level: WARN, info: 'A security group allows SSH from anywhere.', explanation: 'Administer servers without interactive access open to the internet.' },
  { rule: judgedOnWorldOpenIngress(rules.ec2.EC2RestrictedCommonPorts), level: WARN, info: 'A security group opens a commonly attacked port to anywhere.', explanation: 'Allow only the traffic each network layer needs.' },
  { rule: rules.ec2.EC2InstanceNoPublicIp, level: WARN, info: 'The instance has a public IP address.', explanation: 'Keep servers in private network layers behind an entry point.' },
  { rule: rules.ec2.EC2InstancesInVPC, level: WARN, info: 'The instance is not in a VPC.', explanation: 'Place compute in network layers you control.' },
  { rule: rules.ec2.EC2InstanceProfileAttached, level: WARN, info: 'The instance has no instance profile.', explanation: 'Give servers temporary role credentials rather than stored keys.' },
  { rule: rules.autoscaling.AutoScalingLaunchConfigPublicIpDisabled, level: WARN, info: 'The launch configuration gives instances public IP addresses.', explanation: 'Keep servers in private network layers behind an entry point.' },
  { rule: rules.rds.RDSInstancePublicAccess, level: WARN, info: 'The database instance is publicly accessible.', explanation: 'Keep databases in private network layers.' },
  { rule: rules.rds.RDSLoggingEnabled, level: WARN, info: 'The database does not export its logs.', explanation: 'Database logs are evidence for investigations and troubleshooting.' },
  { rule: rules.s3.S3BucketPublicReadProhibited, level: WARN, info: 'The bucket allows public reads.', explanation: 'Analyse and remove public access to data.' },
  { rule: rules.s3.S3BucketPublicWriteProhibited, level: WARN, info: 'The bucket allows public writes.', explanation: 'Analyse and remove public access to data.' },
  { rule: rules.opensearch.OpenSearchErrorLogsToCloudWatch, level: WARN, info: 'The OpenSearch domain does not send error logs to CloudWatch.', explanation: 'Service logs are evidence for investigations and troubleshooting.' },
  { rule: rules.dms.DMSReplicationNotPublic, level: WARN, info: 'The DMS replication instance is public.', explanation: 'Keep data movement inside private network layers.' },
  { rule: rules.codebuild.CodeBuildProjectEnvVarAwsCred, level: WARN, info: 'The build project holds AWS credentials in plain environment variables.', explanation: 'Use the project\'s role and keep secrets in a secrets store.' },
  { rule: rules.codebuild.CodeBuildProjectSourceRepoUrl, level: WARN, info: 'The build project\'s source URL carries credentials.', explanation: 'Keep credentials out of configuration; use a connection or secrets store.' },
  { rule: rules.ecs.ECSTaskDefinitionUserForHostMode, level: WARN, info: 'A host-network container runs as root or without a user.', explanation: 'Run containers with the least privilege they need.' },
  { rule: rules.redshift.RedshiftClusterMaintenanceSettings, level: WARN, info: 'The Redshift cluster does not take version upgrades automatically, or keeps no snapshots.', explanation: 'Apply engine fixes in a maintenance window.' },
  { rule: rules.redshift.RedshiftEnhancedVPCRoutingEnabled, level: WARN, info: 'The Redshift cluster routes COPY and UNLOAD traffic outside the VPC.', explanation: 'Keep data traffic inside network layers you control.' },
  // This project's rules, for practices no existing rule checks
  { rule: StatefulDataRetained, level: WARN, info: 'A stack change that replaces or removes this data store would delete its data.', explanation: 'Plan for changes that go wrong: retain (or snapshot) data on replacement and removal.' },
  { rule: FunctionLogsStructured, level: WARN, info: 'The function writes plain-text logs.', explanation: 'JSON logs can be filtered and aggregated by field in CloudWatch Logs Insights.' },
  { rule: GlobalTableCapacityFollowsLoad, level: WARN, info: 'The global table runs on fixed provisioned capacity.', explanation: 'Capacity should follow load: on-demand, or auto scaling on writes and every replica\'s reads.' },
  { rule: TableContributorInsights, level: WARN, info: 'The table does not record its most accessed and most throttled keys.', explanation: 'A hot partition key is invisible in table-level averages.' },
  { rule: QueryScanLimited, level: WARN, info: 'The Athena workgroup does not cap the data a query may scan.', explanation: 'Athena bills per byte scanned; a per-query cap is a cost control.' },
  { rule: AnalyticsTableColumnar, level: WARN, info: 'The catalog table is not columnar and partitioned.', explanation: 'Columnar, partitioned data lets queries read only the columns and partitions they need.' },
  { rule: ModernHttpProtocols, level: WARN, info: 'Viewers are served over HTTP/1.1 only.', explanation: 'HTTP/2 and HTTP/3 multiplex requests over fewer connections.' },
  { rule: EdgeCachesContent, level: WARN, info: 'The distribution\'s default behavior does not cache.', explanation: 'Answer repeated reads at the edge instead of from the origin.' },
  { rule: WebAclAdaptsToThreats, level: WARN, info: 'The web ACL has only fixed match rules: no managed rule group and no rate-based rule.', explanation: 'Managed rule groups and rate-based rules block new attack patterns and abusive sources without a person updating rules.' },
  { rule: SingleInstanceRecovers, level: WARN, info: 'The lone instance has no alarm that recovers it when its host fails.', explanation: 'A component confined to one instance needs automatic recovery, since nothing replaces it.' },
  { rule: VpcRoomToGrow, level: WARN, info: 'The VPC\'s subnets sit in one Availability Zone or use its whole address space.', explanation: 'Leave addresses for new subnets and zones, and spread subnets over zones.' },
  // Observability and safe deployment, judged alike on servers, containers and functions
  { rule: rules.apigw.APIGWStructuredLogging, level: WARN, info: 'The API stage writes access logs that are not JSON.', explanation: 'Structured logs can be queried by field when analysing traffic and failures.' },
  { rule: rules.waf.WAFv2LoggingEnabled, level: WARN, info: 'The web ACL does not log the requests it inspects.', explanation: 'WAF logs are evidence for investigating attacks.' },
  { rule: UserExperienceMonitored, level: WARN, info: 'Nothing measures what users of this entry point experience (no Synthetics canary or RUM app monitor).', explanation: 'Synthetic and real-user monitoring show a broken journey even when components look healthy, and when nobody is using it.' },
  { rule: DependencyWatched, level: WARN, info: 'No alarm or dashboard watches this database, table, queue or stream.', explanation: 'Throttling, a growing backlog or failed deliveries should show as the dependency\'s, before they surface as callers\' errors.' },
  { rule: DeployedGradually, level: WARN, info: 'A new version reaches every user at once (no canary, linear, rolling or blue/green deployment).', explanation: 'Deploy gradually (CodeDeploy canary or linear for functions, rolling batches smaller than the fleet, ECS rolling) so a bad version reaches few users.' },
  { rule: DeploymentRollsBackOnFailure, level: WARN, info: 'A failed deployment is not rolled back automatically.', explanation: 'Roll back without waiting for a person: CodeDeploy on alarms, CloudFormation on missing instance signals, ECS on failed tasks or alarms.' },
  { rule: CodeIntegrityVerified, level: WARN, info: 'Code is deployed or fetched without a signature check (function without an enforcing code-signing configuration, or a boot script that runs downloaded code unverified).', explanation: 'Verifying a signature keeps code that was tampered with after the build from running.' },
];
