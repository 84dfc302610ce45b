import { CfnResource, Stack } from 'aws-cdk-lib';
import { propertyOf } from '../properties';
import { logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/**
 * Logical IDs of the functions something invokes at run time: a resource-based permission (API
 * Gateway, EventBridge, S3, IoT, CloudFront), an event source mapping (queues, streams) or a
 * function URL. Functions CloudFormation alone invokes (custom-resource providers) are left out:
 * they run during deployments, which report their own failures.
 */
function invokedFunctionIds(stack: Stack): Set<string> {
  const ids = new Set<string>();
  for (const permission of resourcesOfType(stack, 'AWS::Lambda::Permission')) referencedIds(propertyOf(permission, 'functionName'), ids);
  for (const mapping of resourcesOfType(stack, 'AWS::Lambda::EventSourceMapping')) referencedIds(propertyOf(mapping, 'functionName'), ids);
  for (const url of resourcesOfType(stack, 'AWS::Lambda::Url')) referencedIds(propertyOf(url, 'targetFunctionArn'), ids);
  // A permission or mapping may name an alias or version; count the function behind it.
  for (const type of ['AWS::Lambda::Alias', 'AWS::Lambda::Version']) {
    for (const pointer of resourcesOfType(stack, type)) {
      if (ids.has(logicalIdOf(pointer))) referencedIds(propertyOf(pointer, 'functionName'), ids);
    }
  }
  return ids;
}

/** Whether the node is a Lambda function something invokes at run time. */
export function isInvokedFunction(node: CfnResource): boolean {
  if (node.cfnResourceType !== 'AWS::Lambda::Function') return false;
  const stack = Stack.of(node);
  return perStack(stack, 'invokedFunctionIds', () => invokedFunctionIds(stack)).has(logicalIdOf(node));
}

/** The aliases of a function that CodeDeploy shifts traffic on, with the deployment group each names. */
export function codeDeployAliasesOf(node: CfnResource): { alias: CfnResource; deploymentGroups: Set<string> }[] {
  const stack = Stack.of(node);
  const id = logicalIdOf(node);
  return resourcesOfType(stack, 'AWS::Lambda::Alias')
    .filter((alias) => referencedIds(propertyOf(alias, 'functionName')).has(id))
    .map((alias) => {
      const update = stack.resolve(alias.cfnOptions.updatePolicy?.codeDeployLambdaAliasUpdate);
      return { alias, deploymentGroups: update ? referencedIds(update) : new Set<string>() };
    })
    .filter((a) => a.deploymentGroups.size > 0);
}
