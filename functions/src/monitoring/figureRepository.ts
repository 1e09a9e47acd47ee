/**
 * The regions' monthly figures, kept from the changes of month records and of the registry's
 * records (their trainings) in the table's stream: each change moves the figures of the
 * person's village, township, county, city and province
 * by figureDelta, exactly once. A change's id is written with its ADDs in one transaction
 * (under attribute_not_exists, kept two days: longer than a stream keeps a record), so a
 * redelivered or retried change finds its id there and moves nothing.
 */
import { PutCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  addFigures,
  ancestorAt,
  monthFactSchema,
  MONTH_FIGURES,
  monthFigures,
  regionsOf,
  trainingFigures,
  type MonthFact,
  type MonthFigure,
  type MonthFigures,
} from '@bangfu/shared';
import { TRANSACTION_ITEMS } from '../db/limits.js';
import { batchGet } from '../db/batchGet.js';
import * as z from 'zod';
import { employmentEntity, workerEntity } from '../db/entities.js';
import { cancellationReasons } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

/** One change of a worker's month record: its id (the stream record's), and the record before and after. */
export interface MonthChange {
  changeId: string;
  before?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
}

/** 零就业家庭 of a region's month, and the day they were counted. */
export interface HouseholdCount {
  count: number;
  countedOn: string;
}

/** A region's figures of a month, every figure present (0 when nobody counted). */
export interface RegionMonth {
  regionCode: string;
  month: string;
  figures: Record<MonthFigure, number>;
}

const CHANGE_ID_DAYS = 2;
const CONFLICT_ATTEMPTS = 8;

/** The month fact of a stored record, or undefined for one the figures do not count (no subject: written before). */
function factOf(item: Record<string, unknown> | undefined): MonthFact | undefined {
  if (!item || item.type !== 'employment') return undefined;
  const parsed = monthFactSchema.safeParse(item);
  return parsed.success ? parsed.data : undefined;
}

/** What one village's month gets from a stored item. */
interface VillageMonth {
  villageCode: string;
  month: string;
  figures: MonthFigures;
}

/** What a stored item adds to its village's months: a month record its month, a person their trainings. */
function contributionsOf(item: Record<string, unknown> | undefined): VillageMonth[] {
  const fact = factOf(item);
  if (fact) return [{ villageCode: fact.subject.villageCode, month: fact.month, figures: monthFigures(fact) }];
  const person = trainedPersonSchema.safeParse(item);
  if (!person.success) return [];
  return trainingFigures(person.data.trainings).map((m) => ({ villageCode: person.data.villageCode, ...m }));
}

/** Of a registry record, what the training figures read. */
const trainedPersonSchema = z.object({
  type: z.literal('worker'),
  villageCode: z.string().length(12),
  trainings: z.array(z.object({ endedOn: z.string() })),
});

/** Where a change moves figures: each region-month of its item, by what the new item adds less what the old one added. */
function movesOf(change: MonthChange): Map<string, RegionMonthDelta> {
  const moves = new Map<string, RegionMonthDelta>();
  for (const [item, sign] of [
    [change.before, -1],
    [change.after, 1],
  ] as const) {
    for (const { villageCode, month, figures } of contributionsOf(item)) {
      for (const regionCode of regionsOf(villageCode)) {
        const key = `${regionCode}#${month}`;
        const move = moves.get(key) ?? { regionCode, month, delta: {} };
        addFigures(move.delta, figures, sign);
        moves.set(key, move);
      }
    }
  }
  for (const [key, move] of moves) if (!Object.keys(move.delta).length) moves.delete(key);
  return moves;
}

interface RegionMonthDelta {
  regionCode: string;
  month: string;
  delta: MonthFigures;
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFigureRepository({ db, tableName }: TableRef) {
  const addTo = (regionCode: string, month: string, delta: MonthFigures, now: Date) => {
    const names = Object.keys(delta) as MonthFigure[];
    return {
      Update: {
        TableName: tableName,
        Key: keys.monthFigures(regionCode, month),
        UpdateExpression: `SET regionCode = :region, #month = :month, updatedAt = :now ADD ${names.map((_, i) => `#f${i} :f${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#month': 'month', ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: {
          ':region': regionCode,
          ':month': month,
          ':now': now.toISOString(),
          ...Object.fromEntries(names.map((name, i) => [`:f${i}`, delta[name]])),
        },
      },
    };
  };

  const markApplied = (changeId: string, now: Date) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...keys.figureChange(changeId),
        type: 'figureChange',
        at: now.toISOString(),
        [TTL_ATTRIBUTE]: epochSeconds(new Date(now.getTime() + CHANGE_ID_DAYS * 86_400_000)),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });

  /** The items of one partition from one month's key to another's: one Query (24 months of figures fit in one page). */
  const monthRange = async (from: { pk: string; sk: string }, to: { sk: string }) =>
    (
      await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': from.pk, ':from': from.sk, ':to': to.sk },
        }),
      )
    ).Items ?? [];

  /**
   * Writes one transaction, again while it only met another writer of the same figures (a
   * county's or province's item is shared by every consumer). Returns false when a change's id
   * was already there: then nothing of it was written.
   */
  async function transact(items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons?.includes('ConditionalCheckFailed')) return false;
        if (reasons?.includes('TransactionConflict') && attempt < CONFLICT_ATTEMPTS) {
          await sleep(20 * 2 ** attempt * Math.random());
          continue;
        }
        throw error;
      }
    }
  }

  /** One change alone: its id and its ADDs, or nothing if it was applied before. */
  async function applyOne(change: MonthChange, now: Date): Promise<boolean> {
    const moves = [...movesOf(change).values()];
    return transact([markApplied(change.changeId, now), ...moves.map((m) => addTo(m.regionCode, m.month, m.delta, now))]);
  }

  return {
    /**
     * Applies changes in as few transactions as fit: their ids, and the ADDs summed per
     * region-month. A group that meets an id already applied (a redelivery) is applied again
     * change by change, each once. Changes that move nothing are passed over.
     * Returns how many changes moved figures now, and how many had before.
     */
    async applyChanges(changes: readonly MonthChange[], now = new Date()): Promise<{ applied: number; already: number }> {
      let applied = 0;
      let already = 0;
      let group: MonthChange[] = [];
      let sums = new Map<string, RegionMonthDelta>();
      const flush = async () => {
        if (!group.length) return;
        const items = [
          ...group.map((change) => markApplied(change.changeId, now)),
          ...[...sums.values()].filter((m) => Object.keys(m.delta).length).map((m) => addTo(m.regionCode, m.month, m.delta, now)),
        ];
        if (await transact(items)) applied += group.length;
        else {
          for (const change of group) {
            if (await applyOne(change, now)) applied++;
            else already++;
          }
        }
        group = [];
        sums = new Map();
      };
      for (const change of changes) {
        const moves = movesOf(change);
        // A change that moves nothing (a record written again as it was) needs no id kept: doing it twice does nothing.
        if (!moves.size) continue;
        const newKeys = [...moves.keys()].filter((key) => !sums.has(key)).length;
        if (group.length + 1 + sums.size + newKeys > TRANSACTION_ITEMS) await flush();
        group.push(change);
        for (const [key, move] of moves) {
          const sum = sums.get(key);
          if (sum) addFigures(sum.delta, move.delta);
          else sums.set(key, { ...move, delta: { ...move.delta } });
        }
      }
      await flush();
      return { applied, already };
    },

    /** A region's figures of the months from `from` to `to`, oldest first: one Query. */
    async months(regionCode: string, from: string, to: string): Promise<RegionMonth[]> {
      const Items = await monthRange(keys.monthFigures(regionCode, from), keys.monthFigures(regionCode, to));
      return Items.map((item) => ({ regionCode, month: String(item.month), figures: complete(item) }));
    },

    /**
     * 零就业家庭 of a county's month, by region code, as counted on `countedOn` (the daily run):
     * one item per county-month, written whole.
     */
    async putHouseholds(countyCode: string, month: string, counts: Record<string, number>, countedOn: string): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.householdCounts(countyCode, month), type: 'householdCounts', month, counts, countedOn },
        }),
      );
    },

    /** 零就业家庭 of a county's months from `from` to `to` (one Query): by month, each region's count; months not counted are absent. */
    async countyHouseholds(
      countyCode: string,
      from: string,
      to: string,
    ): Promise<Map<string, { counts: Record<string, number>; countedOn: string }>> {
      const Items = await monthRange(keys.householdCounts(countyCode, from), keys.householdCounts(countyCode, to));
      return new Map(
        Items.map((item) => [
          String(item.month),
          { counts: item.counts as Record<string, number>, countedOn: String(item.countedOn) },
        ]),
      );
    },

    /** 零就业家庭 of a county or a region in it, by month from `from` to `to`; months not counted are absent. */
    async households(regionCode: string, from: string, to: string): Promise<Map<string, HouseholdCount>> {
      const counted = await this.countyHouseholds(ancestorAt(regionCode, 'county'), from, to);
      return new Map(
        [...counted].map(([month, { counts, countedOn }]) => [month, { count: counts[regionCode] ?? 0, countedOn }]),
      );
    },

    /** The figures of many regions and months at once (BatchGetItem), by `<region>#<month>`; absent ones have none. */
    async many(wanted: readonly { regionCode: string; month: string }[]): Promise<Map<string, Record<MonthFigure, number>>> {
      const items = await batchGet(
        { db, tableName },
        wanted.map((w) => keys.monthFigures(w.regionCode, w.month)),
      );
      return new Map(items.map((item) => [`${String(item.regionCode)}#${String(item.month)}`, complete(item)]));
    },

    /**
     * The figures of a county (or a township or village of it) for a month, recomputed from the
     * month records of its people and the trainings on their records (`trained`, when a run has
     * read them already): what the kept figures must equal.
     */
    async recompute(
      regionCode: string,
      month: string,
      trained?: readonly Record<string, unknown>[],
    ): Promise<Map<string, Record<MonthFigure, number>>> {
      const [records, people] = await Promise.all([
        queryAll(db, { TableName: tableName, ...employmentEntity.inRegion(regionCode, month) }),
        trained ?? this.trainedPeople(regionCode),
      ]);
      const byRegion = new Map<string, MonthFigures>();
      for (const item of [...records, ...people]) {
        for (const part of contributionsOf(item)) {
          if (part.month !== month) continue;
          for (const code of regionsOf(part.villageCode).filter((c) => c.startsWith(regionCode))) {
            byRegion.set(code, addFigures(byRegion.get(code) ?? {}, part.figures));
          }
        }
      }
      return new Map([...byRegion].map(([code, figures]) => [code, complete(figures)]));
    },

    /**
     * The registry records of a region with trainings on them, as the figures read them. The
     * filter is applied after the read: every record of the region is paid for, so a run over
     * several months reads them once and passes them to each month's recompute.
     */
    async trainedPeople(regionCode: string): Promise<Record<string, unknown>[]> {
      return queryAll(db, {
        TableName: tableName,
        ...workerEntity.inRegion(regionCode, {
          FilterExpression: 'size(trainings) > :none',
          ExpressionAttributeValues: { ':none': 0 },
        }),
        ProjectionExpression: '#type, villageCode, trainings',
        ExpressionAttributeNames: { '#type': 'type' },
      });
    },

    /**
     * Reconciliation of a county's month: the kept figures of the county and of each of its
     * townships and villages with records set to what their people's records add up to, by
     * ADDing the difference, so changes applied meanwhile are not undone. Every change moves
     * all five levels of its person alike, so what a lost or doubled change left at the county
     * it left at the city and province too: the county's difference goes there as well.
     * Returns the regions that were off.
     */
    async reconcile(
      countyCode: string,
      month: string,
      now = new Date(),
      trained?: readonly Record<string, unknown>[],
    ): Promise<string[]> {
      const expected: Map<string, Record<MonthFigure, number>> = await this.recompute(countyCode, month, trained);
      const codes = [...new Set([countyCode, ...expected.keys()])];
      const keptItems = await batchGet(
        { db, tableName },
        codes.map((code) => keys.monthFigures(code, month)),
      );
      const kept = new Map(keptItems.map((item) => [String(item.regionCode), complete(item)]));
      const off: string[] = [];
      for (const code of codes) {
        const want: Record<MonthFigure, number> = expected.get(code) ?? NO_FIGURES;
        const have: Record<MonthFigure, number> = kept.get(code) ?? NO_FIGURES;
        const diff: MonthFigures = {};
        for (const figure of MONTH_FIGURES) {
          const by = want[figure] - have[figure];
          if (by !== 0) diff[figure] = by;
        }
        if (!Object.keys(diff).length) continue;
        off.push(code);
        const regions = code === countyCode ? [code, ancestorAt(code, 'city'), ancestorAt(code, 'province')] : [code];
        for (const region of regions) await transact([addTo(region, month, diff, now)]);
      }
      return off.sort();
    },
  };
}

export type FigureRepository = ReturnType<typeof createFigureRepository>;

/** A month nobody in the region was recorded. */
export const NO_FIGURES: Readonly<Record<MonthFigure, number>> = complete({});

/** Every figure, 0 where the item has none. */
function complete(item: Record<string, unknown>): Record<MonthFigure, number> {
  return Object.fromEntries(MONTH_FIGURES.map((figure) => [figure, Number(item[figure] ?? 0)])) as Record<MonthFigure, number>;
}
