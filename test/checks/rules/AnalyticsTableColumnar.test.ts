import * as glue from 'aws-cdk-lib/aws-glue';
import { newStack, outcomesOf } from './support';

const columns = [{ name: 'device', type: 'string' }, { name: 'value', type: 'double' }];

function table(stack: ReturnType<typeof newStack>, id: string, inputFormat: string, partitioned: boolean, tableType = 'EXTERNAL_TABLE') {
  new glue.CfnTable(stack, id, {
    catalogId: '123456789012',
    databaseName: 'telemetry',
    tableInput: {
      name: id.toLowerCase(),
      tableType,
      partitionKeys: partitioned ? [{ name: 'dt', type: 'string' }] : [],
      storageDescriptor: { columns, location: 's3://archive/readings/', inputFormat },
    },
  });
}

describe('WellArchitected-AnalyticsTableColumnar', () => {
  test('a partitioned Parquet table is compliant; CSV, or Parquet without partitions, is not; views are not judged', () => {
    const stack = newStack();
    table(stack, 'Parquet', 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat', true);
    table(stack, 'Csv', 'org.apache.hadoop.mapred.TextInputFormat', true);
    table(stack, 'Unpartitioned', 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat', false);
    table(stack, 'View', 'org.apache.hadoop.mapred.TextInputFormat', false, 'VIRTUAL_VIEW');
    expect(outcomesOf(stack, 'AnalyticsTableColumnar')).toEqual([
      { outcome: 'compliant', path: 'S/Parquet' },
      { outcome: 'nonCompliant', path: 'S/Csv' },
      { outcome: 'nonCompliant', path: 'S/Unpartitioned' },
    ]);
  });
});
