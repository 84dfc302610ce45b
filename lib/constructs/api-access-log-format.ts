import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';

/** One JSON object per line, each field a `$context` variable, so Logs Insights can filter and aggregate by field. */
function jsonLine(fields: Record<string, string>): AccessLogFormat {
  return AccessLogFormat.custom(JSON.stringify(Object.fromEntries(Object.entries(fields).map(([name, variable]) => [name, `$context.${variable}`]))));
}

/**
 * Access log lines of an HTTP API stage as JSON, with the variables HTTP APIs support (they differ
 * from REST APIs', which `AccessLogFormat.jsonWithStandardFields` is written for).
 */
export function httpApiAccessLogFormat(): AccessLogFormat {
  return jsonLine({
    requestId: 'requestId',
    requestTime: 'requestTime',
    sourceIp: 'identity.sourceIp',
    userAgent: 'identity.userAgent',
    httpMethod: 'httpMethod',
    routeKey: 'routeKey',
    protocol: 'protocol',
    status: 'status',
    responseLength: 'responseLength',
    responseLatency: 'responseLatency',
    integrationStatus: 'integration.status',
    integrationLatency: 'integration.latency',
    integrationError: 'integrationErrorMessage',
  });
}

/** Access log lines of a WebSocket API stage as JSON: one per connect, message and disconnect. */
export function webSocketAccessLogFormat(): AccessLogFormat {
  return jsonLine({
    requestId: 'requestId',
    requestTime: 'requestTime',
    sourceIp: 'identity.sourceIp',
    connectionId: 'connectionId',
    eventType: 'eventType',
    routeKey: 'routeKey',
    status: 'status',
    integrationLatency: 'integration.latency',
    error: 'error.message',
  });
}
