import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/** Service principals that invoke a function asynchronously (the event is queued; a failure is retried, then dropped). */
// IoT is left out: topic rules invoke asynchronously (read from the rules below), but fleet-provisioning
// hooks and custom authorizers, which hold the same iot.amazonaws.com permission, are synchronous.
const ASYNC_PRINCIPALS = /^(s3|sns|events|logs|ses|codecommit|config|lambda\.alarms\.cloudwatch)\.amazonaws\.com$/;

/** Functions (by logical ID) something in the stack invokes asynchronously, and those with an on-failure destination or dead-letter queue. */
function asyncFacts(stack: Stack): { invokedAsync: Set<string>; catchFailures: Set<string> } {
  const invokedAsync = new Set<string>();
  for (const permission of resourcesOfType(stack, 'AWS::Lambda::Permission')) {
    const p = cfnProperties(permission);
    if (typeof p.Principal === 'string' && ASYNC_PRINCIPALS.test(p.Principal)) referencedIds(p.FunctionName, invokedAsync);
  }
  // Invokers that need no resource policy entry of their own, or whose permission lives elsewhere.
  for (const subscription of resourcesOfType(stack, 'AWS::SNS::Subscription')) {
    const p = cfnProperties(subscription);
    if (p.Protocol === 'lambda') referencedIds(p.Endpoint, invokedAsync);
  }
  for (const rule of resourcesOfType(stack, 'AWS::Events::Rule')) {
    for (const target of (cfnProperties(rule).Targets ?? []) as Array<{ Arn?: unknown }>) referencedIds(target.Arn, invokedAsync);
  }
  for (const schedule of resourcesOfType(stack, 'AWS::Scheduler::Schedule')) referencedIds(cfnProperties(schedule).Target?.Arn, invokedAsync);
  for (const topicRule of resourcesOfType(stack, 'AWS::IoT::TopicRule')) {
    for (const action of (cfnProperties(topicRule).TopicRulePayload?.Actions ?? []) as Array<{ Lambda?: { FunctionArn?: unknown } }>) {
      referencedIds(action.Lambda?.FunctionArn, invokedAsync);
    }
  }
  // An invoker may name an alias or version (a canary deployment's `live` alias); the function behind it is invoked.
  for (const type of ['AWS::Lambda::Alias', 'AWS::Lambda::Version']) {
    for (const pointer of resourcesOfType(stack, type)) {
      if (invokedAsync.has(logicalIdOf(pointer))) referencedIds(cfnProperties(pointer).FunctionName, invokedAsync);
    }
  }
  const catchFailures = new Set<string>();
  for (const config of resourcesOfType(stack, 'AWS::Lambda::EventInvokeConfig')) {
    const p = cfnProperties(config);
    if (p.DestinationConfig?.OnFailure?.Destination !== undefined) referencedIds(p.FunctionName, catchFailures);
  }
  for (const fn of resourcesOfType(stack, 'AWS::Lambda::Function')) {
    if (cfnProperties(fn).DeadLetterConfig?.TargetArn !== undefined) catchFailures.add(logicalIdOf(fn));
  }
  return { invokedAsync, catchFailures };
}

/**
 * A function that something invokes asynchronously (S3 notifications, SNS subscriptions, EventBridge
 * rules and schedules, IoT rules, CloudWatch Logs subscriptions, ...; read from the invokers and the
 * function's resource-based permissions) sends events that fail every retry to an on-failure
 * destination or a dead-letter queue, so they can be replayed instead of silently dropped. Functions
 * invoked only synchronously (API Gateway, load balancers, event source mappings) are not judged.
 */
export function LambdaAsyncFailureDestination(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::Lambda::Function') return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const { invokedAsync, catchFailures } = perStack(stack, 'lambdaAsyncFacts', () => asyncFacts(stack));
  const id = logicalIdOf(node);
  if (!invokedAsync.has(id)) return NagRuleCompliance.NOT_APPLICABLE;
  return catchFailures.has(id) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
