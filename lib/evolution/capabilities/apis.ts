/**
 * What API Gateway offers: HTTP API and WebSocket API routes, and REST API methods with their paths.
 * The routes in the template are the handlers' own route tables (the constructs add one API route per
 * handler route), so reading the template reads the code.
 */
import { CfnTemplate } from '../data-safety';
import type { Capability } from './capability';
import { canonicalPath } from './http-paths';
import { referencedId, resourcesOfType } from './template-values';

/** WebSocket routes API Gateway itself calls (connection life cycle, unroutable frames): not actions a client asks for. */
const WEBSOCKET_SYSTEM_ROUTES = new Set(['$connect', '$disconnect', '$default']);

function apiV2Capabilities(template: CfnTemplate): Capability[] {
  const protocols = new Map(resourcesOfType(template, 'AWS::ApiGatewayV2::Api').map((api) => [api.id, api.properties.ProtocolType]));
  const capabilities: Capability[] = [];
  for (const route of resourcesOfType(template, 'AWS::ApiGatewayV2::Route')) {
    const apiId = referencedId(route.properties.ApiId) ?? '';
    const key: string = route.properties.RouteKey;
    const via = `API Gateway ${apiId}`;
    if (protocols.get(apiId) === 'WEBSOCKET') {
      if (!WEBSOCKET_SYSTEM_ROUTES.has(key)) capabilities.push({ id: `WebSocket ${key}`, via });
    } else if (key === '$default') {
      capabilities.push({ id: 'HTTP ANY /{+}', via });
    } else {
      const [method, path] = key.split(' ');
      capabilities.push({ id: `HTTP ${method} ${canonicalPath(path)}`, via });
    }
  }
  return capabilities;
}

function restApiCapabilities(template: CfnTemplate): Capability[] {
  const resources = new Map(resourcesOfType(template, 'AWS::ApiGateway::Resource').map((r) => [r.id, r.properties]));
  const pathOf = (resourceId: unknown): string => {
    const id = referencedId(resourceId);
    const resource = id ? resources.get(id) : undefined;
    // A reference to anything but a Resource is the API's root resource.
    return resource ? `${pathOf(resource.ParentId).replace(/\/$/, '')}/${resource.PathPart}` : '/';
  };
  return resourcesOfType(template, 'AWS::ApiGateway::Method')
    .filter((m) => m.properties.HttpMethod !== 'OPTIONS') // CORS preflight
    .map((m) => ({ id: `HTTP ${m.properties.HttpMethod} ${canonicalPath(pathOf(m.properties.ResourceId))}`, via: `API Gateway ${referencedId(m.properties.RestApiId)}` }));
}

export function apiCapabilities(template: CfnTemplate): Capability[] {
  return [...apiV2Capabilities(template), ...restApiCapabilities(template)];
}
