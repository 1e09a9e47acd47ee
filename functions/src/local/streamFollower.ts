/**
 * On this machine, what Lambda's stream event sources do on AWS: reads the table's stream in
 * DynamoDB Local, shard by shard, and hands each batch of records to the same consumers as the
 * Lambdas — the month figures (jobs/monthFigures.ts), 岗位订阅 (jobs/jobAlerts.ts), then 短信提醒
 * (jobs/textMessages.ts) when `texts` is given. The
 * product's `npm start` follows it every second; the tests drain it to the end before reading
 * the figures or the inboxes. Order across shards does not matter: the figures a change moves
 * are sums, each change applied once by its id; a position reaches an inbox once ever.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { AppContext } from '../appContext.js';
import { fanOutPublished } from '../alerts/fanOut.js';
import { monthChangesOf, type TableStreamRecord } from '../monitoring/streamChanges.js';
import type { TextMessageSender } from '../notices/textMessageSender.js';
import { sendTextNotices } from '../notices/textNotices.js';

/** Lambda's batch size for the consumer (infra/); tests read in other sizes to redeliver differently. */
const BATCH = 100;

export interface StreamFollower {
  /** Reads every shard to its end now; resolves with how many records it read. */
  drain(): Promise<number>;
  /** Drains every `everyMs` until stopped (drains never overlap); `after` hears how each went. */
  follow(everyMs: number, after: (error?: unknown) => void): void;
  stop(): void;
}

export function createStreamFollower(
  ctx: Pick<AppContext, 'table' | 'figures' | 'alerts' | 'users' | 'subscribeMessages'>,
  {
    endpoint,
    region,
    batch = BATCH,
    texts,
  }: { endpoint: string; region: string; batch?: number; texts?: TextMessageSender | undefined },
): StreamFollower {
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  /** Per shard, the last sequence number handed on; a shard read to its closed end is done. */
  const read = new Map<string, string>();
  const done = new Set<string>();
  let streamArn: string | undefined;
  let last: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;

  async function shards(): Promise<Shard[]> {
    streamArn ??= (await ctx.table.db.send(new DescribeTableCommand({ TableName: ctx.table.tableName }))).Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`The table ${ctx.table.tableName} has no stream`);
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      all.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  async function drainShard(shard: Shard): Promise<number> {
    const shardId = shard.ShardId!;
    const after = read.get(shardId);
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      )
    ).ShardIterator;
    let count = 0;
    while (iterator) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: batch }),
      );
      if (Records.length) {
        const changes = monthChangesOf(Records as TableStreamRecord[]);
        if (changes.length) await ctx.figures.applyChanges(changes);
        await fanOutPublished(ctx, Records as TableStreamRecord[]);
        if (texts) await sendTextNotices({ table: ctx.table, texts }, Records as TableStreamRecord[]);
        read.set(shardId, Records.at(-1)!.dynamodb!.SequenceNumber!);
        count += Records.length;
      }
      if (!NextShardIterator) done.add(shardId);
      // An open shard read to its current end answers no records: come back on the next drain.
      iterator = Records.length ? NextShardIterator : undefined;
    }
    return count;
  }

  async function drainAll(): Promise<number> {
    let count = 0;
    for (const shard of await shards()) if (!done.has(shard.ShardId!)) count += await drainShard(shard);
    return count;
  }

  return {
    drain() {
      // After any drain under way: a caller that just wrote gets a drain that began after it.
      last = last.catch(() => 0).then(drainAll);
      return last;
    },
    follow(everyMs, after) {
      const tick = () => {
        this.drain()
          .then(() => after(), after)
          .finally(() => {
            if (timer) timer = setTimeout(tick, everyMs);
          });
      };
      timer = setTimeout(tick, everyMs);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      streams.destroy();
    },
  };
}
