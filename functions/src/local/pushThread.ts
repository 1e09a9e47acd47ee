/** One worker thread of the local push run: its share of a phase's shards, on its own client. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { createAppContext } from '../context.js';
import { runPushShard, type PushShard, type PushShardReport } from '../matching/pushJob.js';
import type { SnapshotPosition } from '../matching/positionSnapshot.js';
import { loadAppSecrets } from '../secrets.js';

const { config, shards, positionsJson, now } = workerData as {
  config: Config;
  shards: PushShard[];
  positionsJson: string;
  now: string;
};

const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
const positions = JSON.parse(positionsJson) as SnapshotPosition[];
const reports: PushShardReport[] = [];
for (const shard of shards) reports.push(await runPushShard(ctx, shard, positions, new Date(now)));
ctx.table.db.destroy();
parentPort!.postMessage(reports);
