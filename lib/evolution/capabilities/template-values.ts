import { CfnTemplate } from '../data-safety';

/** A resource of a synthesized template, with its logical ID. */
export interface TemplateResource {
  readonly id: string;
  readonly type: string;
  readonly properties: any;
}

/** Stands in for a value known only at deploy time (a Ref, a GetAtt, a Sub) inside a string. */
export const TOKEN = '«deploy-time»';

/** The template's resources of one type, in template order. */
export function resourcesOfType(template: CfnTemplate, type: string): TemplateResource[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => ({ id, type: r.Type, properties: r.Properties ?? {} }));
}

/** The logical ID a `Ref` or `Fn::GetAtt` points at, if the value is one. */
export function referencedId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof v.Ref === 'string') return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** A string value as text, with every deploy-time part (inside `Fn::Join`, `Fn::Base64`) shown as {@link TOKEN}. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if ('Fn::Base64' in v) return textOf(v['Fn::Base64']);
    const join = v['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return join[1].map(textOf).join(join[0]);
    }
  }
  return TOKEN;
}
