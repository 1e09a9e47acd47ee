/**
 * `npm run job:map-expiry`: the daily job-map sweep against the local product's database (start
 * it first with `npm start`): positions past their last day leave the map's index and counts.
 * The same code as the scheduled Lambda (functions/src/jobs/mapExpiry.ts).
 */
import { sweepExpiredFromMap } from '../positions/mapExpiry.js';
import { runLocalJob } from './localJob.js';

runLocalJob(async (ctx) => {
  const report = await sweepExpiredFromMap(ctx);
  const days = Object.entries(report.left).map(([day, n]) => `${day}: ${n}`);
  process.stdout.write(`地图过期清理 ${report.today}: ${days.length ? days.join(', ') : 'nothing past its last day'}\n`);
});
