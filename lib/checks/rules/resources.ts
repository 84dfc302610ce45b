import { CfnResource, Stack, TagManager } from 'aws-cdk-lib';

/**
 * Reading resources and their relations from a stack's construct tree, for rules that look beyond
 * the one resource they check. Relations are CloudFormation references (`Ref`, `Fn::GetAtt`) between
 * logical IDs, exactly what the template will hold.
 */

/** A value with every token resolved to its CloudFormation form. */
export function resolved(node: CfnResource, value: unknown): unknown {
  return Stack.of(node).resolve(value);
}

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

/** How many entries the longest of some list properties has once resolved (subnets, zones, mappings). */
export function longestList(node: CfnResource, ...values: unknown[]): number {
  return Math.max(0, ...values.map((value) => resolved(node, value)).map((list) => (Array.isArray(list) ? list.length : 0)));
}

/** Whether a property of `node` refers to the resource `target`. */
export function refersTo(node: CfnResource, value: unknown, target: CfnResource): boolean {
  return referencedIds(resolved(node, value)).has(logicalIdOf(target));
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
}

/** The resource's tags (as aspects applied them at synth), or an empty record when it takes none. */
export function tagsOf(node: CfnResource): Record<string, string> {
  return TagManager.isTaggable(node) ? node.tags.tagValues() : {};
}

/** The `+`-separated values of a tag, e.g. `wa:component=video+chat` → `['video', 'chat']`. */
export function tagList(node: CfnResource, key: string): string[] {
  const value = tagsOf(node)[key];
  return value ? value.split('+').map((v) => v.trim()).filter(Boolean) : [];
}
