import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * Reading resources and their relations from a stack's construct tree, for rules that look beyond
 * the one resource they check. Relations are CloudFormation references (`Ref`, `Fn::GetAtt`) between
 * logical IDs, exactly what the template will hold.
 */

/** The logical ID of a resource, as it appears in the template. */
export function logicalIdOf(node: CfnResource): string {
  return Stack.of(node).resolve(node.logicalId) as string;
}

/** Every logical ID a resolved value refers to through `Ref` or `Fn::GetAtt`, however deeply nested. */
export function referencedIds(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, found);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.add(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner) && typeof inner[0] === 'string') found.add(inner[0]);
      else referencedIds(inner, found);
    }
  }
  return found;
}

let index = new WeakMap<Stack, Map<string, CfnResource[]>>();

/**
 * The stack's resources of one CloudFormation type. The tree is final once validation starts, so
 * the index is built once per stack; {@link forgetResourceIndexes} drops it when a pack runs again.
 */
export function resourcesOfType(stack: Stack, type: string): readonly CfnResource[] {
  let byType = index.get(stack);
  if (!byType) {
    byType = new Map();
    for (const child of stack.node.findAll()) {
      if (CfnResource.isCfnResource(child) && Stack.of(child) === stack) {
        const list = byType.get(child.cfnResourceType) ?? [];
        list.push(child);
        byType.set(child.cfnResourceType, list);
      }
    }
    index.set(stack, byType);
  }
  return byType.get(type) ?? [];
}

let memo = new WeakMap<Stack, Map<string, unknown>>();

/**
 * A value computed once per stack and validation run (the alarms that watch something, say), for
 * rules that would otherwise recompute it for every resource they check.
 */
export function perStack<T>(stack: Stack, key: string, compute: () => T): T {
  let values = memo.get(stack);
  if (!values) memo.set(stack, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}

/** Drops every cached index and value, so a pack that runs again sees the tree as it is now. */
export function forgetResourceIndexes(): void {
  index = new WeakMap();
  memo = new WeakMap();
  entries = new WeakMap();
}

/** One resource as the template holds it: type, resolved properties, and the CloudFormation options that matter to rules. */
export interface TemplateEntry {
  readonly Type: string;
  /** Resolved properties, PascalCase as in the template, property overrides applied. Empty when there are none. */
  readonly Properties: Record<string, any>;
  readonly DeletionPolicy?: string;
  readonly UpdatePolicy?: Record<string, any>;
  readonly CreationPolicy?: Record<string, any>;
}

let entries = new WeakMap<CfnResource, TemplateEntry>();

/**
 * The resource exactly as it will be written to the template. Rules read this rather than L1 class
 * getters, because the pack is a library: an app may build a resource as a generic `CfnResource`,
 * with `CfnInclude`, with escape-hatch overrides (`addPropertyOverride`), or with another copy of
 * aws-cdk-lib whose classes `instanceof` does not recognise. Every one of them renders through
 * `CfnElement._toCloudFormation()`, the method each stack calls to write its template (present with
 * this signature since CDK v1, marked internal but part of the rendering contract every CfnElement
 * subclass implements); the result is resolved with the public `Stack.resolve`. No private field is read.
 */
export function templateEntry(node: CfnResource): TemplateEntry {
  let entry = entries.get(node);
  if (!entry) {
    const render = (node as unknown as { _toCloudFormation?: () => unknown })._toCloudFormation;
    if (typeof render !== 'function') throw new Error(`${node.node.path}: this aws-cdk-lib cannot render a resource to CloudFormation`);
    const rendered = Stack.of(node).resolve(render.call(node)) as { Resources?: Record<string, Partial<TemplateEntry>> };
    const only = Object.values(rendered?.Resources ?? {})[0] ?? {};
    entry = { ...only, Type: only.Type ?? node.cfnResourceType, Properties: only.Properties ?? {} } as TemplateEntry;
    entries.set(node, entry);
  }
  return entry;
}

/** The resource's resolved CloudFormation properties (PascalCase, as in the template). */
export function cfnProperties(node: CfnResource): Record<string, any> {
  return templateEntry(node).Properties;
}

/** Whether the resource is of one of these CloudFormation types. Matching by type, never by class, works across aws-cdk-lib copies. */
export function isType(node: CfnResource, ...types: string[]): boolean {
  return types.includes(node.cfnResourceType);
}
