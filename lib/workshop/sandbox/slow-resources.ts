/**
 * The resource types that set how long a deploy of a stage takes, with how long each takes to create
 * and to delete, in minutes. These are estimates, not measurements: AWS documents no creation time for
 * most of them; each says where its range comes from. Everything else in the stacks takes seconds to a
 * couple of minutes and runs in parallel.
 */
export interface SlowResource {
  /** CloudFormation types that make up the slow part (a cluster and its instances count as one). */
  readonly types: readonly string[];
  /** What the runbook calls it. */
  readonly label: string;
  readonly createMinutes: readonly [number, number];
  /** Removing it in a stage step, including its final snapshot where it has one. */
  readonly deleteMinutes: readonly [number, number];
  /** Where the range comes from. */
  readonly source: string;
}

export const SLOW_RESOURCES: readonly SlowResource[] = [
  {
    types: ['AWS::RDS::DBInstance'],
    label: 'RDS for Oracle (Multi-AZ)',
    createMinutes: [20, 45],
    deleteMinutes: [10, 30],
    source: 'estimate: no creation time found in AWS documentation; a Multi-AZ instance provisions a standby in a second AZ, and billing starts only when it is available (RDS User Guide, "DB instance status": creating is not billed)',
  },
  {
    types: ['AWS::RDS::DBCluster'],
    label: 'Aurora cluster and instances',
    createMinutes: [10, 20],
    deleteMinutes: [5, 15],
    source: 'AWS\'s agent toolkit (github.com/aws/agent-toolkit-for-aws, skill "creating-amazon-aurora-db-cluster-with-instances"): "Aurora cluster and instance creation can take 10-20 minutes"',
  },
  {
    types: ['AWS::DocDB::DBCluster'],
    label: 'DocumentDB cluster and instances',
    createMinutes: [10, 20],
    deleteMinutes: [5, 15],
    source: 'estimate: DocumentDB provisions clusters and instances as Aurora does (the same range); no creation time found in AWS documentation',
  },
  {
    types: ['AWS::CloudFront::Distribution'],
    label: 'CloudFront distribution',
    createMinutes: [5, 15],
    deleteMinutes: [10, 20],
    source: 'estimate: CloudFormation waits until the distribution is Deployed at every edge location; the AWS CLI\'s `aws cloudfront wait distribution-deployed` polls every 60 seconds for up to 35 minutes (AWS CLI reference); deleting disables it first, then deletes',
  },
  {
    types: ['AWS::AutoScaling::AutoScalingGroup'],
    label: 'Auto Scaling fleet',
    createMinutes: [5, 10],
    deleteMinutes: [2, 5],
    source: 'estimate: instances boot, install Node.js and the app, pass the health check and signal; the template\'s CreationPolicy allows 15 minutes (PT15M)',
  },
  {
    types: ['AWS::EC2::NatGateway'],
    label: 'NAT gateways',
    createMinutes: [2, 5],
    deleteMinutes: [2, 5],
    source: 'estimate',
  },
  {
    types: ['AWS::IVS::Channel'],
    label: 'IVS channel',
    createMinutes: [0, 1],
    deleteMinutes: [0, 1],
    source: 'estimate: CreateChannel returns the channel ready to stream; IVS must be offered in the region (see "Region")',
  },
];

/** Minutes every deploy takes besides its slow resources: the change set, the VPC, roles, functions, the rest in parallel. */
export const BASE_MINUTES: readonly [number, number] = [3, 6];
