import * as lambda from 'aws-cdk-lib/aws-lambda';
import { smallFunction } from './lambda-fixtures';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-FunctionLogsStructured', () => {
  test('an invoked function logging JSON is compliant, one logging text is not; a function nothing invokes is not judged', () => {
    const stack = newStack();
    smallFunction(stack, 'Json', { loggingFormat: lambda.LoggingFormat.JSON });
    smallFunction(stack, 'Text', { loggingFormat: lambda.LoggingFormat.TEXT });
    smallFunction(stack, 'Helper', {}, false);
    expect(outcomesOf(stack, 'FunctionLogsStructured')).toEqual([
      { outcome: 'compliant', path: 'S/Json/Resource' },
      { outcome: 'nonCompliant', path: 'S/Text/Resource' },
    ]);
  });
});
