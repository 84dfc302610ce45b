import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** A small inline function; `invoked` grants a service permission to call it, as an API or event rule would. */
export function smallFunction(stack: Stack, id: string, props: Partial<lambda.FunctionProps> = {}, invoked = true): lambda.Function {
  const fn = new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
    timeout: Duration.seconds(10),
    ...props,
  });
  if (invoked) fn.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com'));
  return fn;
}
