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

/**
 * Three-tier VPC: public subnets for load balancers and NAT, app subnets for instances, isolated data
 * subnets for databases; REJECTed traffic is logged.
 */
export class Network extends Construct {
  public readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, id);
    const egress = props.egress ?? true;
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

  /** Subnets for databases: no route to or from the internet. */
  public get dataSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: 'Data' };
  }
}
