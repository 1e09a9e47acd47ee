/**
 * `npm run job:push [-- regionCode] [--month YYYY-MM] [--k 5] [--n 3]`: the monthly job push
 * against the local product's database (start it with `npm start` first); the demo county
 * by default. The same plan and shard code as the state machine on AWS, the shards in
 * worker threads.
 */
import { parseArgs } from 'node:util';
import { runLocalJob } from './localJob.js';
import { runPushLocally } from './pushThreads.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

runLocalJob(async (ctx, config) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { month: { type: 'string' }, k: { type: 'string' }, n: { type: 'string' } },
  });
  const { plan, total } = await runPushLocally(
    ctx,
    {
      regionCode: positionals[0] ?? DEMO_COUNTY_CODE,
      ...(values.month ? { month: values.month } : {}),
      config: { ...(values.k ? { k: Number(values.k) } : {}), ...(values.n ? { n: Number(values.n) } : {}) },
    },
    { config },
  );
  process.stdout.write(
    `岗位推送 ${plan.regionCode} ${plan.month} (k=${plan.config.k}, N=${plan.config.n}): ${plan.positions} open positions, ` +
      `${plan.townships.length} shards; ${total.workers} willing unemployed, ${total.reached} reached, ${total.pushed} new pushes, ` +
      `${total.alreadyPushed} already pushed, ${total.full} skipped at capacity, ${total.noLocation} without a location; ` +
      `notices ${JSON.stringify(total.notices)}\n`,
  );
});
