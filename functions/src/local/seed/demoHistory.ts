/**
 * For `npm start` only: a year of month records for the demo county's people, so 务工监测 has
 * months to compare from the first look. Most are working (more of the full labour), some come
 * home around the Spring Festival (务工回流), incomes by where they work. demo-worker-1 and -2 are
 * left without records: the walkthroughs (binding, 我的补贴, 为你推荐) start from them as they are.
 * The tests seed the county without this history and write the months each needs.
 */
import {
  chinaMonth,
  previousMonth,
  type EmploymentInput,
  type EmploymentRecord,
  type EmploymentPlace,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../../appContext.js';
import { batchPut } from '../../db/batchWrite.js';
import type { WorkerItem } from '../../registry/workerRepository.js';
import { DEMO_COUNTY_CODE, mulberry32 } from './demoCounty.js';

const MONTHS = 13; // this month and the twelve before: each month beside last year's
const LEFT_AS_THEY_ARE = new Set(['demo-worker-1', 'demo-worker-2']);
const WORKING_CHANCE: Record<Worker['labourClass'], number> = { full: 0.85, half: 0.65, weak: 0.45, none: 0 };
const INCOME_YUAN: Record<EmploymentPlace, [number, number]> = {
  withinCounty: [2200, 3600],
  acrossCounty: [2800, 4200],
  acrossCity: [3200, 5000],
  acrossProvince: [3800, 6500],
};
const PLACES: EmploymentPlace[] = [
  'withinCounty',
  'withinCounty',
  'acrossCounty',
  'acrossCity',
  'acrossProvince',
  'acrossProvince',
];

/** A person's month: working somewhere for a wage, or at home and why. */
function monthOf(worker: Pick<Worker, 'labourClass'>, month: string, random: () => number): EmploymentInput {
  const springFestival = month.endsWith('-01') || month.endsWith('-02');
  if (random() < WORKING_CHANCE[worker.labourClass] - (springFestival ? 0.25 : 0)) {
    const place = PLACES[Math.floor(random() * PLACES.length)]!;
    const [low, high] = INCOME_YUAN[place];
    return {
      status: 'employed',
      place,
      form: place === 'withinCounty' && random() < 0.5 ? 'assistanceWorkshop' : 'enterprise',
      monthlyIncomeFen: Math.round(low + random() * (high - low)) * 100,
    };
  }
  return { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: springFestival ? 'returnedFromWork' : 'idle' };
}

/** Writes the year of records in batches (the table is fresh: no record is there to supersede). */
export async function seedDemoHistory(ctx: Pick<AppContext, 'table' | 'workers' | 'users' | 'employment'>, now = new Date()) {
  const random = mulberry32(150224);
  const months: string[] = [chinaMonth(now)];
  while (months.length < MONTHS) months.unshift(previousMonth(months[0]!));
  const left = new Set(
    (await Promise.all([...LEFT_AS_THEY_ARE].map((userId) => ctx.users.get(userId)))).map((user) => user?.workerId),
  );
  const workers: WorkerItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.workers.page({ regionCode: DEMO_COUNTY_CODE, limit: 500, cursor });
    workers.push(...(page.items as unknown as WorkerItem[]).filter((w) => !left.has(w.workerId)));
    cursor = page.nextCursor;
  } while (cursor);
  const by = { source: 'staff' as const, userId: 'demo-staff-village-1', level: 'village' as const };
  const records = workers.flatMap((worker) => {
    let monthBefore: EmploymentRecord | undefined;
    return months.map((month) => {
      monthBefore = ctx.employment.nextRecord(worker, month, monthOf(worker, month, random), by, {
        revision: 0,
        ...(monthBefore ? { monthBefore } : {}),
      });
      return monthBefore;
    });
  });
  await batchPut(
    ctx.table,
    records.flatMap((record) => ctx.employment.writeItems(record).map((write) => write.Put.Item)),
  );
  // Each record's newest month, as the registry's employment filter and the push read it.
  const newest = records.filter((record) => record.month === months.at(-1));
  for (const record of newest) await ctx.employment.noteLatest(record);
  return { workers: workers.length, months: months.length, records: records.length };
}
