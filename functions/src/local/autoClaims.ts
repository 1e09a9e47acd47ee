/**
 * `npm run job:auto-claims [-- countyCode…]`: the monthly 免申即享 run against the local
 * product's database (start it first with `npm start`); the demo county by default.
 * The same plan, shards and finish as the state machine (functions/src/jobs/autoClaims.ts),
 * the shards a few at a time in this process.
 */
import { formatYuan } from '@bangfu/shared';
import { runAutoClaims } from '../subsidies/autoClaims.js';
import { runLocalJob } from './localJob.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

runLocalJob(async (ctx) => {
  const regions = process.argv.slice(2).filter(Boolean);
  for (const region of regions.length ? regions : [DEMO_COUNTY_CODE]) {
    const report = await runAutoClaims(ctx, region);
    const missing = Object.entries(report.unavailable).map(([id, n]) => `${id} (${n})`);
    process.stdout.write(
      `免申即享 ${report.regionCode} ${report.period} (${report.shards} townships): ${report.workers} workers evaluated, ` +
        `${report.created} claims made (${formatYuan(report.amountFen)}), ${report.alreadyClaimed} already claimed` +
        `${missing.length ? `; standards missing: ${missing.join(', ')}` : ''}\n`,
    );
  }
});
