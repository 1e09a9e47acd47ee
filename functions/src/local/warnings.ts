/**
 * `npm run job:warnings [-- regionCode]`: the daily warnings run against the local product's
 * database (start it first with `npm start`): this month's warnings become tasks once, overdue
 * tasks go up a level. The demo county by default; the same code as the scheduled Lambda.
 */
import { WARNING_CAUSE_ZH, type WarningCause } from '@bangfu/shared';
import { runWarnings } from '../monitoring/warningsJob.js';
import { runLocalJob } from './localJob.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

runLocalJob(async (ctx) => {
  const region = process.argv.slice(2).find(Boolean) ?? DEMO_COUNTY_CODE;
  const report = await runWarnings(ctx, region);
  const found = Object.entries(report.found).map(([cause, n]) => `${WARNING_CAUSE_ZH[cause as WarningCause]} ${n}`);
  process.stdout.write(
    `预警 ${region} ${report.month}: ${found.length ? found.join('，') : 'nothing to warn about'}; ` +
      `${report.opened} new tasks, ${report.escalated} overdue tasks sent up a level\n`,
  );
});
