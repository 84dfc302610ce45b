import { Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';

/**
 * Exercise "Give the monolith headroom" (video 1): lets the monolith's one pool grow to `maxCapacity`
 * instances. Stage 1 caps it at 3 over a floor of 2, the ~100 users the talk's team tested with; a
 * sold-out stream needs room for demand to at least double. Call it at the end of `buildMonolith`
 * (stages/video/stage-1-monolith.ts): `giveMonolithHeadroom(stack);` (or change `maxCapacity: 3` there).
 */
export function giveMonolithHeadroom(stack: Stack, maxCapacity = 12): void {
  const group = stack.node.findChild('AppPool').node.findChild('Group') as autoscaling.AutoScalingGroup;
  (group.node.defaultChild as autoscaling.CfnAutoScalingGroup).maxSize = String(maxCapacity);
}
