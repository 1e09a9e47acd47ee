/**
 * `npm run job:figures-backfill [-- countyCode]`: once, when a county starts using the monthly
 * figures, its people's month records written before them get a subject and a run of months
 * employed (monitoring/backfill.ts), against the local product's database (start it first with
 * `npm start`); the stream then moves the figures. The demo county by default. On AWS the
 * reconciliation Lambda does the same when invoked with `{"regionCode": "<county>", "backfill": true}`.
 */
import { backfillMonthRecords } from '../monitoring/backfill.js';
import { runLocalJob } from './localJob.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

runLocalJob(async (ctx) => {
  const [county = DEMO_COUNTY_CODE] = process.argv.slice(2).filter(Boolean);
  const report = await backfillMonthRecords(ctx, county);
  process.stdout.write(
    `务工数据补录 ${county}: ${report.people} people, ${report.subjects} records given their subject, ` +
      `${report.runs} given their run, ${report.skipped} changed meanwhile and left\n`,
  );
});
