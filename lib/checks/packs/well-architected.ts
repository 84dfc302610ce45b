import { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { IApplyRule, NagMessageLevel, NagPack, NagPackProps, rules } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { FleetMultiAz } from '../rules/autoscaling/FleetMultiAz';
import { FleetPreScaledForKnownPeaks } from '../rules/autoscaling/FleetPreScaledForKnownPeaks';
import { FleetRollingUpdate } from '../rules/autoscaling/FleetRollingUpdate';
import { FleetScalingHeadroom } from '../rules/autoscaling/FleetScalingHeadroom';
import { FleetServesOneComponent } from '../rules/autoscaling/FleetServesOneComponent';
import { BatchWorkOnDemand } from '../rules/compute/BatchWorkOnDemand';
import { GravitonWhereOffered } from '../rules/compute/GravitonWhereOffered';
import { ManagedCompute } from '../rules/compute/ManagedCompute';
import { ServersPatchedAutomatically } from '../rules/compute/ServersPatchedAutomatically';
import { DatabaseClusterMultiAz } from '../rules/database/DatabaseClusterMultiAz';
import { DatabaseSurvivesDelete } from '../rules/database/DatabaseSurvivesDelete';
import { NoCommercialLicence } from '../rules/database/NoCommercialLicence';
import { DatabaseCapacityFollowsLoad } from '../rules/database/DatabaseCapacityFollowsLoad';
import { StorageGrowsWithUse } from '../rules/database/StorageGrowsWithUse';
import { TablePointInTimeRecovery } from '../rules/dynamodb/TablePointInTimeRecovery';
import { TimeSeriesTableTtl } from '../rules/dynamodb/TimeSeriesTableTtl';
import { LoadBalancerMultiAz } from '../rules/elbv2/LoadBalancerMultiAz';
import { TargetsStateless } from '../rules/elbv2/TargetsStateless';
import { LoadBalancerThrottled } from '../rules/elbv2/LoadBalancerThrottled';
import { LambdaAsyncFailureDestination } from '../rules/lambda/LambdaAsyncFailureDestination';
import { LambdaEventSourceMappingDestination } from '../rules/lambda/LambdaEventSourceMappingDestination';
import { IvsIngestEncrypted } from '../rules/ivs/IvsIngestEncrypted';
import { IvsPlaybackAuthorized } from '../rules/ivs/IvsPlaybackAuthorized';
import { ComponentAlarmed } from '../rules/monitoring/ComponentAlarmed';
import { ComponentOnDashboard } from '../rules/monitoring/ComponentOnDashboard';
import { ComputeTraced } from '../rules/monitoring/ComputeTraced';
import { forgetResourceIndexes } from '../rules/resources';
import { DataEncryptedAtRest } from '../rules/security/DataEncryptedAtRest';
import { EntryPointAuthenticated } from '../rules/security/EntryPointAuthenticated';
import { TlsCertificateManaged } from '../rules/security/TlsCertificateManaged';
import { GatewayEndpointsWithNat } from '../rules/network/GatewayEndpointsWithNat';
import { BrowserContentThroughCdn } from '../rules/s3/BrowserContentThroughCdn';
import { BucketLifecycle } from '../rules/s3/BucketLifecycle';
import { WellArchitectedRule } from './pack-rule';
import { PackRecorder, RecordingOptions } from './recording';
import { REUSED_AND_COVERAGE_RULES } from './reused-rules';

const { ERROR, WARN, INFO } = NagMessageLevel;

/**
 * The pack's rules. The pillars and best practices each one gives evidence for are data
 * (framework/rule-mapping.json), not code; a rule only reads resources and their relations.
 * Where cdk-nag already has a rule, it is reused rather than rewritten.
 */
export const WELL_ARCHITECTED_RULES: readonly WellArchitectedRule[] = [
  // Reliability: fault isolation, scaling, recovery
  { rule: FleetServesOneComponent, level: WARN, info: 'Load balancer routes of several workload components reach this fleet: one blast radius for all of them.', explanation: 'A bulkhead per component keeps one failure or load spike from taking the others down.' },
  { rule: TargetsStateless, level: WARN, info: 'The target group pins clients to one target (sticky sessions): the target holds their state.', explanation: 'Keep state out of the servers so any of them can serve any request and losing one loses no sessions.' },
  { rule: FleetScalingHeadroom, level: ERROR, info: 'The fleet cannot scale past twice its floor, or no scaling policy adjusts it.', explanation: 'Capacity must follow demand automatically, with room for demand to at least double.' },
  { rule: FleetPreScaledForKnownPeaks, level: WARN, info: 'No scheduled action or predictive scaling prepares the fleet for known peaks.', explanation: 'Reactive scaling lags a crowd that arrives at once; scale ahead of known peaks.' },
  { rule: FleetMultiAz, level: ERROR, info: 'The fleet runs in a single Availability Zone.', explanation: 'Spread capacity over Availability Zones so a zone failure leaves the workload running.' },
  { rule: LoadBalancerMultiAz, level: ERROR, info: 'The load balancer has nodes in fewer than two Availability Zones.', explanation: 'An entry point in one zone fails with that zone.' },
  { rule: DatabaseClusterMultiAz, level: ERROR, info: 'The database cluster has fewer than two instances across Availability Zones.', explanation: 'A failover needs a standby instance in another zone.' },
  { rule: DatabaseSurvivesDelete, level: ERROR, info: 'Deleting the database (by a call or a stack change) would delete its data.', explanation: 'Keep data through deletion: deletion protection, or a final snapshot.' },
  { rule: TablePointInTimeRecovery, level: WARN, info: 'The DynamoDB table (or a replica) has no point-in-time recovery.', explanation: 'Back up data automatically so a bad write can be undone.' },
  { rule: rules.s3.S3BucketVersioningEnabled, level: WARN, info: 'The bucket does not keep object versions.', explanation: 'Versions let an overwritten or deleted object be recovered.' },
  { rule: rules.autoscaling.AutoScalingGroupELBHealthCheckRequired, level: WARN, info: 'The fleet behind a load balancer does not use its health checks.', explanation: 'Replace instances the load balancer finds unhealthy, not only those EC2 finds broken.' },
  { rule: LambdaAsyncFailureDestination, level: WARN, info: 'The function is invoked asynchronously, but events that fail every retry go nowhere (no on-failure destination or dead-letter queue).', explanation: 'Events that fail every retry must land somewhere they can be replayed.' },
  { rule: LambdaEventSourceMappingDestination, level: WARN, info: 'The event source mapping has no on-failure destination (for an SQS source: the queue has no dead-letter queue).', explanation: 'A batch that fails every retry must land somewhere it can be replayed.' },
  { rule: LoadBalancerThrottled, level: WARN, info: 'No rate-based AWS WAF rule throttles requests to the internet-facing load balancer.', explanation: 'Throttle requests so a surge or a retry storm cannot exhaust the fleet behind the entry point.' },
  { rule: rules.apigw.APIGWDefaultThrottling, level: WARN, info: 'The API stage has no default throttling.', explanation: 'Throttle requests so a surge cannot exhaust the backend.' },
  // Operational excellence: observability and safe deployment
  { rule: ComponentAlarmed, level: WARN, info: 'No alarm with an action (or event rule notifying a topic) watches this component.', explanation: 'A component failure should reach a person before a customer reports it.' },
  { rule: ComponentOnDashboard, level: WARN, info: 'No CloudWatch dashboard shows this component.', explanation: 'During an incident operators need the workload\'s health in one place.' },
  { rule: rules.cloudwatch.CloudWatchAlarmAction, level: WARN, info: 'The alarm has no action.', explanation: 'An alarm nobody is told about is a graph, not an alert.' },
  { rule: ComputeTraced, level: WARN, info: 'The request-serving compute does not send traces to X-Ray.', explanation: 'Distributed tracing shows where a request spent its time and where it failed.' },
  { rule: ServersPatchedAutomatically, level: WARN, info: 'No scheduled patch baseline runs on these servers.', explanation: 'Servers the team runs must receive operating-system patches without waiting for a redeploy.' },
  { rule: FleetRollingUpdate, level: WARN, info: 'The fleet replaces instances without waiting for each batch to report healthy.', explanation: 'Deploy in small batches that stop and roll back on failure.' },
  { rule: rules.rds.RDSEnhancedMonitoringEnabled, level: WARN, info: 'The database instance has no enhanced monitoring.', explanation: 'Operating-system metrics explain database slowdowns that engine metrics cannot.' },
  // Security
  { rule: TlsCertificateManaged, level: ERROR, info: 'TLS is not terminated with an ACM certificate of the workload\'s own domain.', explanation: 'Use certificates the account manages, issued and renewed by ACM.' },
  { rule: rules.elb.ALBHttpToHttpsRedirection, level: ERROR, info: 'The load balancer serves plain HTTP without redirecting it to HTTPS.', explanation: 'Clients must not be able to talk to the workload unencrypted.' },
  { rule: rules.elb.ALBWAFEnabled, level: WARN, info: 'No AWS WAF web ACL protects the load balancer.', explanation: 'Inspect and filter web traffic at the edge of the workload.' },
  { rule: rules.ec2.EC2IMDSv2Enabled, level: ERROR, info: 'Instances accept IMDSv1.', explanation: 'IMDSv2 blocks credential theft through server-side request forgery.' },
  { rule: rules.rds.RDSAutomaticMinorVersionUpgradeEnabled, level: WARN, info: 'The database instance does not take minor version upgrades automatically.', explanation: 'Minor versions carry security fixes; apply them in the maintenance window.' },
  { rule: EntryPointAuthenticated, level: WARN, info: 'The public entry point serves callers it has not authenticated.', explanation: 'Know who is calling before serving them, or accept anonymous access on purpose.' },
  { rule: DataEncryptedAtRest, level: WARN, info: 'The message store keeps its data unencrypted at rest (no server-side encryption).', explanation: 'Encrypt data at rest; any key AWS encrypts with counts, key ownership is a separate practice.' },
  { rule: IvsIngestEncrypted, level: ERROR, info: 'The IVS channel accepts unencrypted RTMP ingest.', explanation: 'RTMPS keeps the stream and its key private in transit.' },
  { rule: IvsPlaybackAuthorized, level: WARN, info: 'The IVS channel plays to anyone who has its URL.', explanation: 'Signed playback tokens limit viewing to the audience that was let in.' },
  // Performance efficiency, cost optimization, sustainability
  { rule: BrowserContentThroughCdn, level: WARN, info: 'Browsers read this bucket directly, not through a CDN.', explanation: 'Serve content from edge locations close to viewers, at CDN prices.' },
  { rule: GravitonWhereOffered, level: WARN, info: 'The compute does not run on Graviton, though the service offers it.', explanation: 'Graviton does the same work for less energy and less money.' },
  { rule: ManagedCompute, level: INFO, info: 'The team runs these servers itself.', explanation: 'Managed services carry patching, scaling and replacement, and share hardware efficiently.' },
  { rule: BatchWorkOnDemand, level: WARN, info: 'The boot script schedules recurring (batch) work on always-on servers.', explanation: 'Run batch work only when there is work, scheduled or event-driven, apart from interactive work.' },
  { rule: NoCommercialLicence, level: WARN, info: 'The database engine carries a commercial licence.', explanation: 'Licence fees are paid per vCPU whether the capacity is used or not; open engines have none.' },
  { rule: DatabaseCapacityFollowsLoad, level: WARN, info: 'The database runs on fixed instance capacity, sized for its peak.', explanation: 'Let database compute follow load: serverless capacity (Aurora Serverless v2, DocumentDB Serverless) or replicas that auto scale.' },
  { rule: StorageGrowsWithUse, level: WARN, info: 'Database storage is provisioned up front and cannot grow by itself.', explanation: 'Pay for the storage used, and let it grow with the data.' },
  { rule: GatewayEndpointsWithNat, level: WARN, info: 'S3 and DynamoDB traffic leaves the VPC through NAT gateways that bill per gigabyte.', explanation: 'Gateway endpoints carry S3 and DynamoDB traffic privately and for free.' },
  { rule: BucketLifecycle, level: WARN, info: 'The bucket keeps every current object in its storage class forever.', explanation: 'Move data to cheaper tiers as it ages, and expire what is no longer needed.' },
  { rule: TimeSeriesTableTtl, level: WARN, info: 'The time-ordered table never expires items.', explanation: 'Hot data should leave hot storage when it cools.' },
  { rule: rules.cloudwatch.CloudWatchLogGroupRetentionPeriod, level: WARN, info: 'The log group keeps its logs forever.', explanation: 'Keep logs as long as they are useful, then let them go.' },
  ...REUSED_AND_COVERAGE_RULES,
];

/**
 * This project's Well-Architected pack: rules for what the talk's lessons turn on (blast radius,
 * scaling, multi-AZ, licences, storage, CDN, lifecycle, on-demand batch, Graviton, managed services,
 * alarms, IVS), plus cdk-nag rules reused where they already exist. Every result is recorded for the
 * per-pillar scorecard.
 */
export class WellArchitectedChecks extends NagPack {
  public readonly name = 'WellArchitected';
  private readonly recorder: PackRecorder;
  /** The rules, wrapped for recording once rather than for every resource. */
  private recordedRules?: readonly Omit<IApplyRule, 'node'>[];

  constructor(scope: IConstruct | undefined, options: RecordingOptions, props?: NagPackProps) {
    super(scope, props);
    this.packName = 'WellArchitected';
    this.recorder = new PackRecorder(options, this.name);
  }

  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.recorder.starting();
    forgetResourceIndexes();
    return super.validateScope(scope);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.recorder.finished(super.validate(context), context);
  }

  protected applyRule(params: IApplyRule): void {
    super.applyRule(this.recorder.wrap(this.readPackName, params));
  }

  protected checkResource(node: CfnResource): void {
    this.recordedRules ??= WELL_ARCHITECTED_RULES.map(({ rule, level, info, explanation }) =>
      this.recorder.wrap(this.readPackName, { ruleSuffixOverride: rule.name, info, explanation, level, rule, node }));
    for (const recorded of this.recordedRules) {
      super.applyRule({ ...recorded, node });
    }
  }
}
