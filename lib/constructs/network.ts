import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Properties of {@link Network}. */
export interface NetworkProps {
  /**
   * Availability Zones to spread over. Listing them gives more than two AZs without a context lookup.
   * @default - the region's first two AZs, resolved at deploy time (Fn::GetAZs)
   */
  readonly availabilityZones?: string[];
  /**
   * Whether the app subnets get internet egress through a NAT gateway per AZ. Stages without
   * instances turn it off: the subnets stay (same logical IDs) and the NAT gateways, the VPC's
   * biggest fixed cost, go.
   * @default true
   */
  readonly egress?: boolean;
}

/** Where a short-lived task (a Fargate batch job) runs so that it reaches AWS APIs and public registries. */
export interface TaskPlacement {
  readonly subnets: ec2.SubnetSelection;
  readonly assignPublicIp: boolean;
}

/**
 * Three-tier VPC: public subnets for load balancers and NAT, app subnets for instances, isolated data
 * subnets for databases; REJECTed traffic is logged.
 */
export class Network extends Construct {
  public readonly vpc: ec2.Vpc;
  /** Whether the app subnets reach the internet through NAT gateways. */
  public readonly egress: boolean;

  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, id);
    const egress = props.egress ?? true;
    this.egress = egress;
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      availabilityZones: props.availabilityZones,
      maxAzs: props.availabilityZones ? undefined : 2,
      natGateways: egress ? undefined : 0,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        {
          name: 'App',
          subnetType: egress ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED,
          cidrMask: 22,
        },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // Free gateway endpoints: S3 and DynamoDB traffic from the app subnets never pays NAT processing.
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
      flowLogs: {
        Rejected: {
          trafficType: ec2.FlowLogTrafficType.REJECT,
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
        },
      },
    });
    // CDK tags each subnet with its kind for Vpc.fromLookup(), which this project never uses. Turning
    // egress off would change that tag on the app subnets and nothing else: an update for a tag only.
    Tags.of(this.vpc).remove('aws-cdk:subnet-type', { includeResourceTypes: ['AWS::EC2::Subnet'] });
  }

  /** Subnets for instances and VPC-attached functions. */
  public get appSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: 'App' };
  }

  /**
   * Where batch tasks run. With NAT gateways, in the app subnets. Without them, in the public subnets
   * with a public IP: the task reaches ECR Public, CloudWatch Logs and the AWS APIs through the internet
   * gateway (S3 and DynamoDB through the free gateway endpoints, whose routes the public subnets carry
   * too), and its security group admits nothing inbound. That costs nothing while no task runs, unlike
   * NAT gateways or interface endpoints, which bill every hour; and ECR Public, where the jobs' stock
   * images live, has no interface endpoint at all.
   */
  public get taskPlacement(): TaskPlacement {
    return this.egress
      ? { subnets: this.appSubnets, assignPublicIp: false }
      : { subnets: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: true };
  }

  /** Subnets for databases: no route to or from the internet. */
  public get dataSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: 'Data' };
  }
}
