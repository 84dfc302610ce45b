import { App, Stack, Validations } from 'aws-cdk-lib';
import { acknowledge } from '../../lib/checks/acknowledge';

function acknowledgedIds(stack: Stack): Record<string, string> {
  return Object.assign(
    {},
    ...stack.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data),
  );
}

describe('acknowledge', () => {
  test('uses the namespaced id, so the finding stays in the report with its reason', () => {
    const stack = new Stack(new App(), 'S');
    acknowledge(stack, { rule: 'AwsSolutions-EC23', reason: 'Public entry point for viewers, by design.' });
    expect(acknowledgedIds(stack)).toEqual({ 'AwsSolutions::AwsSolutions-EC23': 'Public entry point for viewers, by design.' });
  });

  test('keeps granular finding ids intact and takes an explicit plugin', () => {
    const stack = new Stack(new App(), 'S');
    acknowledge(
      stack,
      { rule: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray takes no narrower resource than *.' },
      { rule: 'WA-REL-Bulkhead', plugin: 'WellArchitected', reason: 'Stage 1 is one blast radius on purpose.' },
    );
    expect(Object.keys(acknowledgedIds(stack))).toEqual([
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'WellArchitected::WA-REL-Bulkhead',
    ]);
  });

  test('refuses an acknowledgement without a real reason', () => {
    const stack = new Stack(new App(), 'S');
    expect(() => acknowledge(stack, { rule: 'AwsSolutions-S1', reason: 'ok' })).toThrow(/needs a reason/);
  });
});
