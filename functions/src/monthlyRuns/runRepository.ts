/**
 * The record of a sharded run (每月岗位推送, 免申即享, the daily recommendation lists) over a region: its plan when it
 * starts, each shard's figures as it ends, the time it finished. Shards run side by side
 * under the state machine's Distributed Map and may be retried (a Lambda that timed out
 * after its work, a redriven execution), so a shard's figures are written once, in the same
 * transaction as their sum (db/putOnce.ts): a second report of the same shard changes nothing.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putOnceAndAdd } from '../db/putOnce.js';
import { keys, type RunKind } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

export type RunFigures = Record<string, number>;

export function createRunRepository(table: TableRef) {
  const { db, tableName } = table;
  return {
    /** The run's plan, written when it starts. */
    async start(kind: RunKind, run: { runId: string; regionCode: string; shards: number } & Record<string, unknown>) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.monthlyRun(kind, run.regionCode, run.runId),
            type: `${kind}Run`,
            ...run,
            startedAt: new Date().toISOString(),
          },
        }),
      );
    },

    /**
     * One shard's figures, kept under the shard and added to the run's (an ADD each: shards end
     * in any order). `alreadyRecorded` when this shard had reported before: nothing is added twice.
     */
    async recordShard(
      kind: RunKind,
      run: { regionCode: string; runId: string },
      shard: string,
      figures: RunFigures,
    ): Promise<'recorded' | 'alreadyRecorded'> {
      const first = await putOnceAndAdd(
        table,
        { ...keys.monthlyRunShard(kind, run.runId, shard), type: `${kind}RunShard`, figures, at: new Date().toISOString() },
        { key: keys.monthlyRun(kind, run.regionCode, run.runId), add: { shardsDone: 1, ...figures } },
      );
      return first ? 'recorded' : 'alreadyRecorded';
    },

    /** Stamps the run finished and answers its record: the plan and the shards' sums. */
    async finish(kind: RunKind, regionCode: string, runId: string): Promise<Record<string, unknown> | undefined> {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.monthlyRun(kind, regionCode, runId),
          UpdateExpression: 'SET finishedAt = :at',
          ExpressionAttributeValues: { ':at': new Date().toISOString() },
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes;
    },
  };
}

export type RunRepository = ReturnType<typeof createRunRepository>;
