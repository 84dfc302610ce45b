import { count, line, Pricer, Unpriceable, usageBasis, used } from './pricer';

/** A CloudFront distribution: bytes out to viewers (tiered) and HTTPS requests; origin fetches from S3 are free. */
export const cloudFrontDistribution: Pricer = (id, distribution, context) => {
  const priceClass = (distribution.Properties?.DistributionConfig as { PriceClass?: string } | undefined)?.PriceClass ?? 'PriceClass_All';
  const usage = context.usage(id);
  const gb = used(usage, 'dataOutGb');
  const requests = used(usage, 'requests');
  const where = `viewers in North America (${priceClass})`;
  return [
    line(context, 'Amazon CloudFront', `data transfer out to ${where}`, 'cloudfront.data-out', gb, usageBasis(usage, `${count(gb)} GB`)),
    line(context, 'Amazon CloudFront', 'HTTPS requests', 'cloudfront.https', requests / 10_000, usageBasis(usage, `${count(requests)} requests`)),
  ];
};

/** A WAF web ACL: the ACL, each rule or rule group, and the requests it inspects. */
export const wafWebAcl: Pricer = (id, acl, context) => {
  const rules = ((acl.Properties?.Rules as unknown[] | undefined) ?? []).length;
  const usage = context.usage(id);
  const requests = used(usage, 'requests');
  return [
    line(context, 'AWS WAF', 'web ACL', 'waf.web-acl', 1, 'template: one web ACL'),
    line(context, 'AWS WAF', `rules and rule groups (${rules})`, 'waf.rule', rules, `template: ${rules} rules`),
    line(context, 'AWS WAF', 'requests inspected', 'waf.requests', requests / 1e6, usageBasis(usage, `${count(requests)} requests`)),
  ];
};

/** An IVS low-latency channel: hours of video input by channel type, and hours of HD output to viewers. */
export const ivsChannel: Pricer = (id, channel, context) => {
  const type = String(channel.Properties?.Type ?? 'STANDARD');
  if (type !== 'STANDARD' && type !== 'BASIC') throw new Unpriceable(`IVS ${type} channels have no price here`);
  const usage = context.usage(id);
  const input = used(usage, 'inputHours');
  const output = used(usage, 'outputHours');
  return [
    line(context, 'Amazon IVS', `video input, ${type.toLowerCase()} channel`, `ivs.input.${type.toLowerCase()}`, input, usageBasis(usage, `${input} hours live`)),
    line(context, 'Amazon IVS', 'video output, HD, to viewers', 'ivs.output.hd', output, usageBasis(usage, `${count(output)} viewer-hours`)),
  ];
};
