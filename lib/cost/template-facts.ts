/** A CloudFormation resource as the cost model reads it. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

/** A CloudFormation template as the cost model reads it. */
export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
}

/** The logical ID a `Ref` or `Fn::GetAtt` points at, if the value is one. */
export function referencedId(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return v.Ref;
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  }
  return undefined;
}

/** A property read as a number: templates carry numbers as numbers or strings. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A resource of the template by logical ID, when the value references one. */
export function referencedResource(template: CfnTemplate, value: unknown): [string, CfnResource] | undefined {
  const id = referencedId(value);
  const resource = id === undefined ? undefined : template.Resources?.[id];
  return id !== undefined && resource ? [id, resource] : undefined;
}
