/**
 * `npm run job:push [-- regionCode] [--month YYYY-MM] [--k 5] [--n 3]`: the monthly job push
 * against the local product's database (start it with `npm start` first); the demo county
 * by default. The same plan and shard code as the state machine on AWS, the shards in
 * worker threads.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { loadAppSecrets } from '../secrets.js';
import { localSecrets } from './localSecrets.js';
import { runPushLocally } from './pushThreads.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { month: { type: 'string' }, k: { type: 'string' }, n: { type: 'string' } },
  });
  const config = readConfig({
    ...(await localSecrets()),
    ...process.env,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
  });
  const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
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
      `${plan.shards.length} shards; ${total.workers} willing unemployed, ${total.reached} reached, ${total.pushed} new pushes, ` +
      `${total.alreadyPushed} already pushed, ${total.full} skipped at capacity, ${total.noLocation} without a location; ` +
      `notices ${JSON.stringify(total.notices)}\n`,
  );
  ctx.table.db.destroy();
}

main().catch((error: unknown) => {
  const unreachable =
    error instanceof Error && /ECONNREFUSED|SERVICE_UNAVAILABLE|TimeoutError/.test(`${error.name} ${error.message}`);
  process.stdout.write(
    unreachable
      ? 'The local database is not running: start the product with `npm start` first, then run this again.\n'
      : `The run failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
