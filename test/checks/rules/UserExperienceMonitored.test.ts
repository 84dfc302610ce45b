import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as synthetics from 'aws-cdk-lib/aws-synthetics';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-UserExperienceMonitored', () => {
  test('a public API is compliant when a canary exercises the workload, and not without one', () => {
    const monitored = newStack();
    new apigwv2.HttpApi(monitored, 'Api');
    new synthetics.Canary(monitored, 'Heartbeat', {
      runtime: synthetics.Runtime.SYNTHETICS_NODEJS_PUPPETEER_9_1,
      test: synthetics.Test.custom({ handler: 'index.handler', code: synthetics.Code.fromInline('exports.handler = async () => {};') }),
    });
    const blind = newStack();
    new apigwv2.HttpApi(blind, 'Api');
    new s3.Bucket(blind, 'NotAnEntryPoint');
    expect(outcomesOf(monitored, 'UserExperienceMonitored')).toEqual([{ outcome: 'compliant', path: 'S/Api/Resource' }]);
    expect(outcomesOf(blind, 'UserExperienceMonitored')).toEqual([{ outcome: 'nonCompliant', path: 'S/Api/Resource' }]);
  });
});
