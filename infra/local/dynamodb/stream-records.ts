import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

/** The record as Lambda hands it over: epoch-second times, base64 binaries, the real region. */
export function toLambdaRecord(record: StreamRecord, options: { streamArn: string; region: string }): DynamoDBRecord {
  const { dynamodb } = record;
  const image = (attributes: Record<string, unknown> | undefined) =>
    attributes
      ? (Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, toLambdaValue(value)])) as Record<
          string,
          AttributeValue
        >)
      : undefined;
  const stream: NonNullable<DynamoDBRecord['dynamodb']> = {
    ...(dynamodb?.ApproximateCreationDateTime
      ? { ApproximateCreationDateTime: Math.floor(dynamodb.ApproximateCreationDateTime.getTime() / 1000) }
      : {}),
    Keys: image(dynamodb?.Keys),
    ...(dynamodb?.NewImage ? { NewImage: image(dynamodb.NewImage) } : {}),
    ...(dynamodb?.OldImage ? { OldImage: image(dynamodb.OldImage) } : {}),
    SequenceNumber: dynamodb?.SequenceNumber,
    SizeBytes: dynamodb?.SizeBytes,
    StreamViewType: dynamodb?.StreamViewType,
  };
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: options.region,
    dynamodb: stream,
    eventSourceARN: options.streamArn,
    ...(record.userIdentity ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } } : {}),
  };
}

function toLambdaValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toLambdaValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '$unknown')
        .map(([key, inner]) => [key, toLambdaValue(inner)]),
    );
  }
  return value;
}
