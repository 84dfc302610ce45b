import { CfnTemplate } from '../../../lib/evolution/data-safety';

/** A resource of a synthesized template, loosely typed: the class checks read CloudFormation as written. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: any;
  readonly DeletionPolicy?: string;
  readonly DependsOn?: string | string[];
}

/** Every resource of a template with its logical ID, optionally of one type. */
export function resourcesOf(template: CfnTemplate, type?: string): Array<[string, TemplateResource]> {
  return (Object.entries(template.Resources ?? {}) as Array<[string, TemplateResource]>).filter(([, r]) => type === undefined || r.Type === type);
}

/** The logical IDs a value refers to through `Ref` or `Fn::GetAtt`, anywhere inside it. */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    for (const [key, inner] of Object.entries(v)) {
      if (key === 'Ref' && typeof inner === 'string') ids.add(inner);
      else if (key === 'Fn::GetAtt') ids.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]);
      else walk(inner);
    }
  };
  walk(value);
  return ids;
}
