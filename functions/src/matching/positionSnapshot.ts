/**
 * The positions a push or nightly lists run scores: every public, open position of the province,
 * read once when the run starts (one by-region Query per county) and frozen, so every shard of the run —
 * in a Lambda of the state machine or a local worker thread — ranks against the same list.
 * In DynamoDB it is kept as gzip'd JSON chunks under the item size limit, for a day.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { ancestorAt, chinaDate, isListable, matchPositionOf, type MatchPosition } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { batchPut } from '../db/batchWrite.js';
import { queryAll } from '../db/paging.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import { newRunId, townshipsUnder } from '../monthlyRuns/plan.js';
import { countyPositions, isPublic } from '../positions/positionRepository.js';

/** A position as the run needs it: for scoring, and the title and employer for the notice. */
export interface SnapshotPosition extends MatchPosition {
  employerName: string;
}

const CHUNK_BYTES = 300_000;
const KEEP_SECONDS = 24 * 3600;

/** The county codes under a province, city or county (from the region tree). */
async function countiesUnder(ctx: Pick<AppContext, 'regions'>, code: string): Promise<string[]> {
  if (code.length >= 6) return [ancestorAt(code, 'county')];
  const children = await ctx.regions.children(code);
  const nested = await Promise.all(children.map((child) => countiesUnder(ctx, child.code)));
  return nested.flat();
}

/** Every public position open today in the province of `regionCode`. */
export async function readProvincePositions(
  ctx: Pick<AppContext, 'regions' | 'table'>,
  regionCode: string,
  now = new Date(),
): Promise<SnapshotPosition[]> {
  const today = chinaDate(now);
  const positions: SnapshotPosition[] = [];
  for (const county of await countiesUnder(ctx, ancestorAt(regionCode, 'province'))) {
    for (const record of await countyPositions(ctx.table, county, today)) {
      if (!isPublic(record) || !isListable(record.position, today)) continue;
      positions.push({ ...matchPositionOf(record.position), employerName: record.position.employerName });
    }
  }
  return positions;
}

/**
 * A run over the positions as they are now (the monthly push, the nightly lists): its id, the
 * province's open positions frozen under it, its township shards, and its record started with
 * the plan's own figures.
 */
export async function startFrozenRun(
  ctx: Pick<AppContext, 'regions' | 'table' | 'runs'>,
  run: { kind: 'push' | 'lists'; regionCode: string; period: string; figures: Record<string, unknown> },
  now: Date,
) {
  const runId = newRunId(run.regionCode, run.period, now);
  const positions = await readProvincePositions(ctx, run.regionCode, now);
  await saveSnapshot(ctx, runId, positions, now);
  const townships = await townshipsUnder(ctx, run.regionCode);
  await ctx.runs.start(run.kind, {
    runId,
    regionCode: run.regionCode,
    ...run.figures,
    positions: positions.length,
    shards: townships.length,
  });
  return { runId, positions: positions.length, townships };
}

export async function saveSnapshot(
  ctx: Pick<AppContext, 'table'>,
  runId: string,
  positions: readonly SnapshotPosition[],
  now = new Date(),
): Promise<number> {
  const chunks: Buffer[] = [];
  let batch: SnapshotPosition[] = [];
  let size = 0;
  const flush = () => {
    chunks.push(gzipSync(JSON.stringify(batch)));
    batch = [];
    size = 0;
  };
  for (const position of positions) {
    const bytes = JSON.stringify(position).length;
    // gzip shrinks this JSON several times over: raw chunks of CHUNK_BYTES × 3 stay well under 400 KB.
    if (size + bytes > CHUNK_BYTES * 3 && batch.length > 0) flush();
    batch.push(position);
    size += bytes;
  }
  if (batch.length > 0 || chunks.length === 0) flush();
  const expiresAt = Math.floor(now.getTime() / 1000) + KEEP_SECONDS;
  await batchPut(
    ctx.table,
    chunks.map((data, i) => ({ ...keys.pushSnapshot(runId, i), type: 'pushSnapshot', data, [TTL_ATTRIBUTE]: expiresAt })),
  );
  return chunks.length;
}

export async function loadSnapshot(ctx: Pick<AppContext, 'table'>, runId: string): Promise<SnapshotPosition[]> {
  const items = await queryAll(ctx.table.db, {
    TableName: ctx.table.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.pushSnapshotOf(runId) },
  });
  if (items.length === 0) throw new Error(`push run ${runId}: no position snapshot (expired or never saved)`);
  return items.flatMap((item) => JSON.parse(gunzipSync(item.data as Uint8Array).toString('utf8')) as SnapshotPosition[]);
}
