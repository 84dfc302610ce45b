import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** Services reachable through free gateway endpoints instead of a metered NAT gateway. */
const GATEWAY_SERVICES = ['s3', 'dynamodb'];

/**
 * A VPC that pays for NAT gateways sends its S3 and DynamoDB traffic through gateway endpoints,
 * which cost nothing, instead of through the NAT gateways, which bill every gigabyte they process.
 * VPCs without NAT gateways are not judged.
 */
export function GatewayEndpointsWithNat(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::EC2::VPC')) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const vpc = logicalIdOf(node);
  const inVpc = (r: CfnResource) => referencedIds(cfnProperties(r).VpcId).has(vpc);
  const subnets = new Set(resourcesOfType(stack, 'AWS::EC2::Subnet').filter(inVpc).map(logicalIdOf));
  const hasNat = resourcesOfType(stack, 'AWS::EC2::NatGateway').some((nat) => [...referencedIds(cfnProperties(nat).SubnetId)].some((id) => subnets.has(id)));
  if (!hasNat) return NagRuleCompliance.NOT_APPLICABLE;
  const endpoints = resourcesOfType(stack, 'AWS::EC2::VPCEndpoint').filter((e) => inVpc(e) && (cfnProperties(e).VpcEndpointType ?? 'Gateway') === 'Gateway');
  const services = endpoints.map((e) => JSON.stringify(cfnProperties(e).ServiceName));
  // The name ends in the service (`com.amazonaws.<region>.s3`, or `.s3` as the last piece of a join): `.s3express` is another service.
  const covered = GATEWAY_SERVICES.every((service) => services.some((name) => name.includes(`.${service}"`)));
  return covered ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
