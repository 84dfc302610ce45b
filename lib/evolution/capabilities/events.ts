/**
 * What devices and analysts reach without an HTTP API: MQTT topics routed by IoT rules, tables
 * queryable in place, and job files that start work when they land.
 */
import { CfnTemplate } from '../data-safety';
import type { Capability } from './capability';
import { referencedId, resourcesOfType } from './template-values';

function topicCapabilities(template: CfnTemplate): Capability[] {
  return resourcesOfType(template, 'AWS::IoT::TopicRule').flatMap((rule) => {
    const sql: string = rule.properties.TopicRulePayload?.Sql ?? '';
    const topic = /\bFROM\s+'([^']+)'/i.exec(sql)?.[1];
    if (!topic) throw new Error(`IoT rule ${rule.id} has no FROM 'topic' in its SQL`);
    return [{ id: `MQTT publish ${topic}`, via: `IoT rule ${rule.id}` }];
  });
}

/** Glue tables: queryable in place with Athena as `<database>.<table>`. */
function tableCapabilities(template: CfnTemplate): Capability[] {
  const databases = new Map(resourcesOfType(template, 'AWS::Glue::Database').map((d) => [d.id, d.properties.DatabaseInput?.Name]));
  return resourcesOfType(template, 'AWS::Glue::Table').map((table) => {
    const database = typeof table.properties.DatabaseName === 'string' ? table.properties.DatabaseName : databases.get(referencedId(table.properties.DatabaseName) ?? '');
    return { id: `SQL ${database}.${table.properties.TableInput?.Name}`, via: `Glue table ${table.id}` };
  });
}

/** Event rules that start work when an object lands under a prefix: `Job on upload <prefix>*`. */
function jobCapabilities(template: CfnTemplate): Capability[] {
  return resourcesOfType(template, 'AWS::Events::Rule').flatMap((rule) => {
    const pattern = rule.properties.EventPattern;
    if (!pattern?.source?.includes('aws.s3') || !pattern['detail-type']?.includes('Object Created')) return [];
    const prefixes: string[] = (pattern.detail?.object?.key ?? []).map((k: any) => k?.prefix).filter((p: unknown) => typeof p === 'string');
    return (prefixes.length ? prefixes : ['']).map((prefix) => ({ id: `Job on upload ${prefix}*`, via: `event rule ${rule.id}` }));
  });
}

export function eventCapabilities(template: CfnTemplate): Capability[] {
  return [...topicCapabilities(template), ...tableCapabilities(template), ...jobCapabilities(template)];
}
