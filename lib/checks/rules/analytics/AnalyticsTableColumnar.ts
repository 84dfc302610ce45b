import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, listField, propertyOf } from '../properties';

const COLUMNAR = /parquet|orc/i;

/**
 * A data-catalog table that queries scan is stored in a columnar format (Parquet, ORC, or an Iceberg
 * table, which stores Parquet) and partitioned (partition keys or partition projection), so a query
 * reads only the columns and partitions it needs: faster queries, less data scanned and moved.
 * Views are not judged.
 */
export function AnalyticsTableColumnar(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::Glue::Table') return NagRuleCompliance.NOT_APPLICABLE;
  const table = propertyOf(node, 'tableInput');
  if (field(table, 'tableType') === 'VIRTUAL_VIEW') return NagRuleCompliance.NOT_APPLICABLE;
  const parameters = (field(table, 'parameters') ?? {}) as Record<string, unknown>;
  const iceberg = propertyOf(node, 'openTableFormatInput') !== undefined || String(parameters.table_type ?? '').toUpperCase() === 'ICEBERG';
  if (iceberg) return NagRuleCompliance.COMPLIANT;
  const storage = field(table, 'storageDescriptor');
  const columnar = COLUMNAR.test(String(field(storage, 'inputFormat') ?? '')) || COLUMNAR.test(String(parameters.classification ?? ''));
  const partitioned = listField(table, 'partitionKeys').length > 0 || String(parameters['projection.enabled']) === 'true';
  return columnar && partitioned ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
