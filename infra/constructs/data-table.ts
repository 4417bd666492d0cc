import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '#shared/kernel/table-definition';
import type { StageSettings } from './stage.ts';

/** The single table, shaped by the same definition the local runtime creates in DynamoDB Local. */
export class DataTable extends Construct {
  readonly table: Table;
  /** exact ARNs, so a Query grant never reaches an index nobody declared */
  readonly indexArns: string[];
  readonly streamArn: string;

  constructor(scope: Construct, id: string, settings: StageSettings) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      stream: StreamViewType[tableDefinition.streamView],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: settings.deletionProtection,
      removalPolicy: settings.removalPolicy,
    });
    for (const index of tableDefinition.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
    this.indexArns = tableDefinition.globalIndexes.map((index) => `${this.table.tableArn}/index/${index.indexName}`);
    // The outbox relay depends on the stream; fail the synth rather than deploy a table without one.
    if (this.table.tableStreamArn === undefined) throw new Error('The table definition must ask for a stream');
    this.streamArn = this.table.tableStreamArn;
  }
}
