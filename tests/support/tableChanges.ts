/**
 * What the app wrote, read from the table's own stream (the table is created with
 * NEW_AND_OLD_IMAGES, as in AWS). DynamoDB Local serves the streams API; the SDK's
 * streams client is not a dependency, so this speaks its JSON protocol directly
 * (DynamoDB Local does not check signatures). Unlike a Scan of the whole table
 * (a fifth of a second for the demo county), one GetRecords costs a few milliseconds,
 * so every single request can be checked, and each change names the item's key.
 */

export interface TableChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  pk: string;
  sk: string;
}

interface Shard {
  ShardId: string;
  SequenceNumberRange: { EndingSequenceNumber?: string };
}

export interface TableChanges {
  /** Every change since the previous call (or since the tail was opened), in order. */
  drain(): Promise<TableChange[]>;
}

/** `region` picks the database in a DynamoDB Local run without -sharedDb (it is keyed by access key and region). */
export async function tailTable(endpoint: string, region: string, tableName: string): Promise<TableChanges> {
  const send = async (target: string, body: unknown): Promise<any> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDBStreams_20120810.${target}`,
        authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`streams ${target}: ${JSON.stringify(json)}`);
    return json;
  };
  const { Streams } = await send('ListStreams', { TableName: tableName });
  const streamArn: string | undefined = Streams?.[0]?.StreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream`);

  const shards = async (): Promise<Shard[]> => (await send('DescribeStream', { StreamArn: streamArn })).StreamDescription.Shards;
  const iterator = async (shardId: string, type: 'LATEST' | 'TRIM_HORIZON') =>
    (await send('GetShardIterator', { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type })).ShardIterator as string;

  // Open shards are read from now on; a shard that appears later is read from its start.
  const iterators = new Map<string, string | undefined>();
  for (const shard of await shards()) {
    if (!shard.SequenceNumberRange.EndingSequenceNumber) iterators.set(shard.ShardId, await iterator(shard.ShardId, 'LATEST'));
  }

  const drain = async (): Promise<TableChange[]> => {
    const changes: TableChange[] = [];
    let shardClosed = false;
    for (const [shardId, current] of iterators) {
      let next = current;
      while (next) {
        const page = await send('GetRecords', { ShardIterator: next });
        for (const record of page.Records as any[]) {
          changes.push({ eventName: record.eventName, pk: record.dynamodb.Keys.pk.S, sk: record.dynamodb.Keys.sk.S });
        }
        next = page.NextShardIterator;
        if (page.Records.length === 0) break;
      }
      iterators.set(shardId, next);
      if (current && !next) shardClosed = true;
    }
    if (!shardClosed) return changes;
    let opened = false;
    for (const shard of await shards()) {
      if (iterators.has(shard.ShardId)) continue;
      iterators.set(shard.ShardId, await iterator(shard.ShardId, 'TRIM_HORIZON'));
      opened = true;
    }
    return opened ? [...changes, ...(await drain())] : changes;
  };
  return { drain };
}
