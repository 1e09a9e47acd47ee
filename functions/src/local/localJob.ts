/**
 * What every local job command shares (`npm run job:…`): the local product's database
 * (started by `npm start`), and a plain message when it is not running.
 */
import type { AppContext } from '../appContext.js';
import { readConfig, type Config } from '../config.js';
import { createAppContext } from '../context.js';
import { loadAppSecrets } from '../secrets.js';
import { localSecrets } from './localSecrets.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Runs `job` on a context for the local database, then lets the process end. */
export function runLocalJob(job: (ctx: AppContext, config: Config) => Promise<void>): void {
  (async () => {
    const config = readConfig({
      ...(await localSecrets()),
      ...process.env,
      AWS_REGION: 'local',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
    });
    const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
    try {
      await job(ctx, config);
    } finally {
      ctx.table.db.destroy();
    }
  })().catch((error: unknown) => {
    const unreachable =
      error instanceof Error && /ECONNREFUSED|SERVICE_UNAVAILABLE|TimeoutError/.test(`${error.name} ${error.message}`);
    process.stdout.write(
      unreachable
        ? 'The local database is not running: start the product with `npm start` first, then run this again.\n'
        : `The run failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
