import { Tags } from 'aws-cdk-lib';
import { fleet, newStack, outcomesOf } from './support';

describe('WellArchitected-FleetServesOneComponent', () => {
  test('a fleet that declares one component is compliant', () => {
    const stack = newStack();
    Tags.of(fleet(stack)).add('wa:component', 'video');
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet that serves several components is not', () => {
    const stack = newStack();
    Tags.of(fleet(stack)).add('wa:component', 'video + chat');
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('a tag on an enclosing scope reaches the fleet', () => {
    const stack = newStack();
    fleet(stack);
    Tags.of(stack).add('wa:component', 'video+chat');
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet that declares no component is not judged', () => {
    const stack = newStack();
    fleet(stack);
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([]);
  });
});
