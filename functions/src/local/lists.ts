/**
 * `npm run job:lists [-- regionCode]`: the nightly recommendation lists against the local
 * product's database (start it with `npm start` first, which also ranks them when it starts and
 * every day it stays up); the demo county by default. The same plan and shard code as the state
 * machine on AWS, the shards one after another.
 */
import { parseArgs } from 'node:util';
import { runListsLocally } from '../matching/dailyLists.js';
import { runLocalJob } from './localJob.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

runLocalJob(async (ctx) => {
  const { positionals } = parseArgs({ allowPositionals: true });
  const { plan, listed, workers } = await runListsLocally(ctx, { regionCode: positionals[0] ?? DEMO_COUNTY_CODE });
  process.stdout.write(
    `每日推荐 ${plan.regionCode} ${plan.day}: ${plan.positions} open positions, ${plan.townships.length} shards; ` +
      `lists ranked for ${listed} of ${workers} willing unemployed (the rest have no account or no place to match from)\n`,
  );
});
