import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnNatGateway, CfnSubnet, CfnVPC, CfnVPCEndpoint } from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { refersTo, resolved, resourcesOfType } from '../resources';

/** Services reachable through free gateway endpoints instead of a metered NAT gateway. */
const GATEWAY_SERVICES = ['s3', 'dynamodb'];

/**
 * A VPC that pays for NAT gateways sends its S3 and DynamoDB traffic through gateway endpoints,
 * which cost nothing, instead of through the NAT gateways, which bill every gigabyte they process.
 * VPCs without NAT gateways are not judged.
 */
export function GatewayEndpointsWithNat(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnVPC)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const subnets = (resourcesOfType(stack, CfnSubnet.CFN_RESOURCE_TYPE_NAME) as CfnSubnet[]).filter((s) => refersTo(s, s.vpcId, node));
  const hasNat = (resourcesOfType(stack, CfnNatGateway.CFN_RESOURCE_TYPE_NAME) as CfnNatGateway[]).some((nat) =>
    subnets.some((subnet) => refersTo(nat, nat.subnetId, subnet)),
  );
  if (!hasNat) return NagRuleCompliance.NOT_APPLICABLE;
  const endpoints = (resourcesOfType(stack, CfnVPCEndpoint.CFN_RESOURCE_TYPE_NAME) as CfnVPCEndpoint[]).filter(
    (e) => refersTo(e, e.vpcId, node) && (resolved(e, e.vpcEndpointType) ?? 'Gateway') === 'Gateway',
  );
  const services = endpoints.map((e) => JSON.stringify(resolved(e, e.serviceName)));
  // The name ends in the service (`com.amazonaws.<region>.s3`, or `.s3` as the last piece of a join): `.s3express` is another service.
  const covered = GATEWAY_SERVICES.every((service) => services.some((name) => name.includes(`.${service}"`)));
  return covered ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
