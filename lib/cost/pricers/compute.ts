import { CfnResource, CfnTemplate, numberOf, referencedResource } from '../template-facts';
import { count, line, PricedLine, Pricer, Unpriceable, usageBasis, used } from './pricer';

/** The instance type and EBS volumes of the launch template an Auto Scaling group launches. */
function launchSpec(template: CfnTemplate, group: CfnResource): { instanceType: string; volumeGb: number; volumeType: string } {
  const spec = group.Properties?.LaunchTemplate as { LaunchTemplateId?: unknown } | undefined;
  const found = referencedResource(template, spec?.LaunchTemplateId);
  const data = found?.[1].Properties?.LaunchTemplateData as
    | { InstanceType?: string; BlockDeviceMappings?: Array<{ Ebs?: { VolumeSize?: unknown; VolumeType?: string } }> }
    | undefined;
  if (!data?.InstanceType) throw new Unpriceable('its instance type is not in a launch template of this template (mixed instances or a launch configuration are not modelled)');
  const volumes = data.BlockDeviceMappings ?? [];
  const volumeTypes = new Set(volumes.map((v) => v.Ebs?.VolumeType ?? 'gp3'));
  if ([...volumeTypes].some((t) => t !== 'gp3')) throw new Unpriceable(`its EBS volume type (${[...volumeTypes].join(', ')}) has no price here; gp3 only`);
  // Without mappings the AMI's root volume applies: 8 GiB for Amazon Linux 2023.
  const volumeGb = volumes.length ? volumes.reduce((sum, v) => sum + (numberOf(v.Ebs?.VolumeSize) ?? 8), 0) : 8;
  return { instanceType: data.InstanceType, volumeGb, volumeType: 'gp3' };
}

/** How many instances a group runs when nobody scales it: its desired capacity, else its minimum. */
function baseCapacity(group: CfnResource): number {
  return numberOf(group.Properties?.DesiredCapacity) ?? numberOf(group.Properties?.MinSize) ?? 0;
}

/** EC2 instances and their volumes for an Auto Scaling group, at its base capacity unless the load says otherwise. */
export const autoScalingGroup: Pricer = (id, group, context) => {
  const { instanceType, volumeGb } = launchSpec(context.template, group);
  const usage = context.usage(id);
  const instances = usage.quantities.instances ?? baseCapacity(group);
  const basis = usage.quantities.instances !== undefined
    ? usageBasis(usage, `${instances} instances`)
    : `template: ${instances} instances (${group.Properties?.DesiredCapacity !== undefined ? 'desired capacity' : 'minimum size'}), ${context.hours} h; scaling out under load is not modelled`;
  return [
    line(context, 'Amazon EC2', `${instanceType} instances`, `ec2.${instanceType}`, instances * context.hours, basis),
    line(context, 'Amazon EBS', `gp3 volumes, ${volumeGb} GB each`, 'ebs.gp3', instances * volumeGb, `template: ${instances} instances x ${volumeGb} GB`),
  ];
};

/**
 * A scheduled action that raises a group above its base capacity (pre-scaling for a known event):
 * the extra instance-hours until the group's next scheduled action lowers it again.
 */
export const scheduledAction: Pricer = (id, action, context) => {
  const found = referencedResource(context.template, (action.Properties ?? {}).AutoScalingGroupName);
  if (!found) throw new Unpriceable('its Auto Scaling group is not in this template');
  const [groupId, group] = found;
  const raisedTo = numberOf(action.Properties?.DesiredCapacity) ?? numberOf(action.Properties?.MinSize) ?? 0;
  const extra = raisedTo - baseCapacity(group);
  if (extra <= 0) return { free: 'It lowers the group back to its base capacity, which is priced on the group.' };
  const starts = Date.parse(String(action.Properties?.StartTime));
  const next = Object.values(context.template.Resources ?? {})
    .filter((r) => r.Type === action.Type && referencedResource(context.template, r.Properties?.AutoScalingGroupName)?.[0] === groupId)
    .map((r) => Date.parse(String(r.Properties?.StartTime)))
    .filter((t) => t > starts)
    .sort((a, b) => a - b)[0];
  if (!Number.isFinite(starts) || next === undefined) throw new Unpriceable('no later scheduled action of its group ends the raised capacity');
  if (action.Properties?.Recurrence !== undefined) throw new Unpriceable('recurring scheduled actions are not modelled');
  const hours = (next - starts) / 3_600_000;
  const usage = context.usage(id);
  const repeats = usage.quantities.repeatsPerMonth ?? 1;
  const { instanceType } = launchSpec(context.template, group);
  const basis = `template: ${extra} instances above base for ${hours} h until the next scheduled action` +
    (usage.quantities.repeatsPerMonth !== undefined ? `, x ${repeats} ${usageBasis(usage, 'events a month')}` : ', once a month');
  return [line(context, 'Amazon EC2', `${instanceType} instances pre-scaled for an event`, `ec2.${instanceType}`, extra * hours * repeats, basis)];
};

/** Requests, duration (by memory and architecture) and, with active tracing, X-Ray traces of a Lambda function. */
export const lambdaFunction: Pricer = (id, fn, context) => {
  const p = fn.Properties ?? {};
  const usage = context.usage(id);
  const invocations = used(usage, 'invocations');
  const ms = usage.quantities.msPerInvocation ?? 100;
  const memoryGb = (numberOf(p.MemorySize) ?? 128) / 1024;
  const arch = (Array.isArray(p.Architectures) && p.Architectures[0] === 'arm64') ? 'arm64' : 'x86_64';
  const basis = usageBasis(usage, `${count(invocations)} invocations of ${ms} ms`);
  const lines: PricedLine[] = [
    line(context, 'AWS Lambda', 'requests', 'lambda.requests', invocations / 1e6, basis),
    line(context, 'AWS Lambda', `duration, ${arch}, ${memoryGb * 1024} MB`, `lambda.${arch}`, invocations * (ms / 1000) * memoryGb, basis),
  ];
  if ((p.TracingConfig as { Mode?: string } | undefined)?.Mode === 'Active') {
    // X-Ray's default sampling rule: the first request each second and 5% of the rest.
    lines.push(line(context, 'AWS X-Ray', 'traces recorded (active tracing, default sampling: 5%)', 'xray.traces', (invocations * 0.05) / 1e6, basis));
  }
  return lines;
};

/** Fargate vCPU and memory of a task definition, for the task-hours the load runs it. */
export const fargateTask: Pricer = (id, task, context) => {
  const p = task.Properties ?? {};
  const compat = (p.RequiresCompatibilities as string[] | undefined) ?? [];
  if (!compat.includes('FARGATE')) throw new Unpriceable('only Fargate task definitions are priced (EC2 tasks run on instances priced elsewhere)');
  const vcpu = (numberOf(p.Cpu) ?? 0) / 1024;
  const memoryGb = (numberOf(p.Memory) ?? 0) / 1024;
  const arch = (p.RuntimePlatform as { CpuArchitecture?: string } | undefined)?.CpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64';
  const usage = context.usage(id);
  const hours = used(usage, 'taskHours');
  const basis = usageBasis(usage, `${hours} task-hours`);
  return [
    line(context, 'AWS Fargate', `${vcpu} vCPU, ${arch}`, `fargate.${arch}.vcpu`, hours * vcpu, basis),
    line(context, 'AWS Fargate', `${memoryGb} GB memory, ${arch}`, `fargate.${arch}.memory`, hours * memoryGb, basis),
  ];
};

/** A serverless application (the rotation function AWS publishes): its Lambda requests. */
export const serverlessApplication: Pricer = (id, _app, context) => {
  const usage = context.usage(id);
  const invocations = used(usage, 'invocations');
  return [line(context, 'AWS Lambda', "requests of the application's function (secret rotation)", 'lambda.requests', invocations / 1e6,
    usage.why ? usageBasis(usage, `${invocations} invocations`) : 'a rotation runs a few invocations of seconds a month: under a cent, not modelled further')];
};
