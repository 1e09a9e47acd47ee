/**
 * `npm run job:figures-reconcile [-- regionCode [month…]]`: the reconciliation of the monthly
 * figures against the local product's database (start it first with `npm start`): each county's
 * figures of each month put right from its people's month records. The demo county and the two
 * months before this one by default; the same code as the scheduled Lambda.
 */
import { chinaMonth } from '@bangfu/shared';
import { monthsToReconcile, reconcileFigures } from '../monitoring/reconcile.js';
import { runLocalJob } from './localJob.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

runLocalJob(async (ctx) => {
  const [region = DEMO_COUNTY_CODE, ...months] = process.argv.slice(2).filter(Boolean);
  const report = await reconcileFigures(ctx, region, months.length ? months : monthsToReconcile(chinaMonth(new Date())));
  process.stdout.write(
    `务工数据核对 ${region} ${report.months.join(', ')} (${report.counties} counties): ` +
      `${report.putRight.length ? `put right ${report.putRight.join('; ')}` : 'every figure matched the records'}\n`,
  );
});
