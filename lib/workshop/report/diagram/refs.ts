/** A reference from one resource's properties to another resource. */
export interface TemplateRef {
  /** The logical ID referred to. */
  readonly target: string;
  /** The property path it was found under, e.g. `TargetGroupARNs.0`. */
  readonly at: string;
}

/** Every Ref, Fn::GetAtt and Fn::Sub `${X}` in a value, with where it sits. */
export function refsIn(value: unknown, at = ''): TemplateRef[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, at ? `${at}.${i}` : String(i)));
  if (!value || typeof value !== 'object') return [];
  const found: TemplateRef[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'Ref' && typeof v === 'string' && !v.startsWith('AWS::')) found.push({ target: v, at });
    else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(v) ? v[0] : typeof v === 'string' ? v.split('.')[0] : undefined;
      if (typeof target === 'string') found.push({ target, at });
    } else if (key === 'Fn::Sub') {
      const text = Array.isArray(v) ? v[0] : v;
      for (const m of String(text).matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) if (!m[1].startsWith('AWS')) found.push({ target: m[1], at });
      if (Array.isArray(v)) found.push(...refsIn(v[1], at));
    } else {
      found.push(...refsIn(v, at ? `${at}.${key}` : key));
    }
  }
  return found;
}
