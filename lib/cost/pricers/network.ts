import { count, line, PricedLine, Pricer, Unpriceable, usageBasis, used } from './pricer';

/** An Application Load Balancer: hours, LCUs for the bytes it processes, its public IPv4 addresses and the bytes it sends out. */
export const loadBalancer: Pricer = (id, lb, context) => {
  const p = lb.Properties ?? {};
  if ((p.Type ?? 'application') !== 'application') throw new Unpriceable(`only Application Load Balancers are priced, not type '${String(p.Type)}'`);
  const usage = context.usage(id);
  const processedGb = used(usage, 'processedGb');
  const lines: PricedLine[] = [
    line(context, 'Elastic Load Balancing', 'Application Load Balancer hours', 'elb.alb', context.hours, `template: one load balancer, ${context.hours} h`),
    // One LCU is 1 GB an hour processed for EC2 targets, so a month's GB are its LCU-hours when bytes dominate.
    line(context, 'Elastic Load Balancing', 'LCUs for processed bytes (1 GB an hour each)', 'elb.lcu', processedGb, usageBasis(usage, `${count(processedGb)} GB processed`)),
  ];
  if ((p.Scheme ?? 'internet-facing') === 'internet-facing') {
    const azs = ((p.Subnets as unknown[] | undefined) ?? (p.SubnetMappings as unknown[] | undefined) ?? []).length || 2;
    lines.push(line(context, 'Amazon VPC', `public IPv4 addresses (one per AZ, ${azs})`, 'vpc.public-ipv4', azs * context.hours, `template: internet-facing in ${azs} subnets`));
  }
  const outGb = used(usage, 'internetOutGb');
  lines.push(line(context, 'Data transfer', 'data transfer out to the internet', 'dto.internet', outGb, usageBasis(usage, `${count(outGb)} GB out`)));
  return lines;
};

/** A NAT gateway: hours and the bytes it processes. */
export const natGateway: Pricer = (id, _nat, context) => {
  const usage = context.usage(id);
  const gb = used(usage, 'processedGb');
  return [
    line(context, 'Amazon VPC', 'NAT gateway hours', 'vpc.nat', context.hours, `template: one NAT gateway, ${context.hours} h`),
    line(context, 'Amazon VPC', 'NAT gateway data processed', 'vpc.nat.data', gb, usageBasis(usage, `${count(gb)} GB`)),
  ];
};

/** An Elastic IP: a public IPv4 address, billed by the hour whether attached or idle. */
export const elasticIp: Pricer = (_id, _eip, context) => [
  line(context, 'Amazon VPC', 'public IPv4 address', 'vpc.public-ipv4', context.hours, `template: one address, ${context.hours} h`),
];

/** A VPC endpoint: gateway endpoints (S3, DynamoDB) are free; interface endpoints bill per AZ-hour and GB. */
export const vpcEndpoint: Pricer = (id, endpoint, context) => {
  const p = endpoint.Properties ?? {};
  const type = (p.VpcEndpointType as string | undefined) ?? 'Gateway';
  if (type === 'Gateway') return { free: 'Gateway endpoints (S3, DynamoDB) have no charge.' };
  if (type !== 'Interface') throw new Unpriceable(`${type} endpoints are not priced`);
  const azs = ((p.SubnetIds as unknown[] | undefined) ?? []).length || 2;
  const usage = context.usage(id);
  const gb = used(usage, 'processedGb');
  return [
    line(context, 'AWS PrivateLink', `interface endpoint in ${azs} AZs`, 'vpc.interface-endpoint', azs * context.hours, `template: ${azs} subnets, ${context.hours} h`),
    line(context, 'AWS PrivateLink', 'interface endpoint data processed', 'vpc.interface-endpoint.data', gb, usageBasis(usage, `${gb} GB`)),
  ];
};

/** A VPC flow log to CloudWatch Logs: vended-log ingestion (its storage is priced on the log group). */
export const flowLog: Pricer = (id, log, context) => {
  const destination = (log.Properties?.LogDestinationType as string | undefined) ?? 'cloud-watch-logs';
  if (destination !== 'cloud-watch-logs') throw new Unpriceable(`flow logs to ${destination} are not priced`);
  const usage = context.usage(id);
  const gb = used(usage, 'ingestGb');
  return [line(context, 'Amazon CloudWatch', 'flow log records ingested (vended logs)', 'cw.logs.vended', gb, usageBasis(usage, `${gb} GB`))];
};
