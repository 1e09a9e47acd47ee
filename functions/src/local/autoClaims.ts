/**
 * `npm run job:auto-claims [-- countyCode…]`: the monthly 免申即享 run against the local
 * product's database (start it first with `npm start`); the demo county by default.
 * The same code as the scheduled Lambda (functions/src/jobs/autoClaims.ts).
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { loadAppSecrets } from '../secrets.js';
import { formatYuan } from '@bangfu/shared';
import { runAutoClaims } from '../subsidies/autoClaims.js';
import { localSecrets } from './localSecrets.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const regions = process.argv.slice(2).filter(Boolean);
  const config = readConfig({
    ...(await localSecrets()),
    ...process.env,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
  });
  const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
  for (const region of regions.length ? regions : [DEMO_COUNTY_CODE]) {
    const report = await runAutoClaims(ctx, region);
    const missing = Object.entries(report.unavailable).map(([id, n]) => `${id} (${n})`);
    process.stdout.write(
      `免申即享 ${report.regionCode} ${report.period}: ${report.workers} workers evaluated, ${report.created} claims made ` +
        `(${formatYuan(report.amountFen)}), ${report.alreadyClaimed} already claimed` +
        `${missing.length ? `; standards missing: ${missing.join(', ')}` : ''}\n`,
    );
  }
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
