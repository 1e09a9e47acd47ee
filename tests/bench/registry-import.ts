/**
 * Benchmark: registry import into DynamoDB Local through the real HTTP route.
 * Imports files of 10,000, 50,000 and 100,000 rows (each into a fresh table)
 * and prints rows per second and peak memory side by side: a streamed,
 * batched import keeps peak memory flat as the file grows.
 *
 *   npx tsx tests/bench/registry-import.ts [rows…]
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createApp } from '../../functions/src/app.js';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { createLogger } from '../../functions/src/logger.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import { freePort } from '../support/ports.js';
import { csvLine, HEADER, personRow } from '../support/registryFile.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const ROWS = sizes.length ? sizes : [10_000, 50_000, 100_000];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function writeFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(csvLine(HEADER));
  for (let i = 0; i < rows; i++) if (!out.write(csvLine(personRow(i)))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'bangfu-bench-'));
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  const results: {
    rows: number;
    mb: string;
    seconds: number;
    perSecond: number;
    peakRss: number;
    peakHeap: number;
    written: number;
    baseRss: number;
  }[] = [];
  try {
    for (const rows of ROWS) {
      const file = join(dir, `registry-${rows}.csv`);
      await writeFile(file, rows);
      const config = readConfig({
        TABLE_NAME: `bench_${rows}`,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AWS_REGION: 'local',
        TOKEN_SECRET: 'bench-signing-key-that-is-long-enough-0123456789',
        ID_HASH_KEY: 'bench-id-hash-key-that-is-long-enough-0123456789',
        ID_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
        LOG_LEVEL: 'SILENT',
      });
      const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
      await ensureTable(ctx.table.db, config.TABLE_NAME);
      await seedDemoCounty(ctx);
      const server = createServer(createApp(ctx, { logger: createLogger(config), bodyLimit: '100kb' }));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const port = (server.address() as { port: number }).port;
      const { token } = await ctx.tokens.issue({ userId: 'demo-staff-county', role: 'staff', regionCode: '150222' });

      global.gc?.();
      const baseRss = process.memoryUsage().rss;
      let peakRss = baseRss;
      let peakHeap = 0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 50);
      const size = (await stat(file)).size;
      const started = process.hrtime.bigint();
      const report = await new Promise<{ written: number; bad: number; rows: number }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/v1/registry/imports?importId=${randomUUID()}`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': size },
          },
          async (res) => {
            let body = '';
            for await (const chunk of res) body += chunk;
            if (res.statusCode === 200) resolve(JSON.parse(body));
            else reject(new Error(`${res.statusCode} ${body}`));
          },
        );
        req.on('error', reject);
        createReadStream(file).pipe(req);
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      if (report.written !== rows) throw new Error(`expected ${rows} written, got ${JSON.stringify(report)}`);
      results.push({
        rows,
        mb: mb(size),
        seconds,
        perSecond: rows / seconds,
        peakRss,
        peakHeap,
        written: report.written,
        baseRss,
      });
      console.log(`  ${rows} rows: ${seconds.toFixed(1)} s`);
      server.close();
      ctx.table.db.destroy();
    }
  } finally {
    await dynamo.stop();
    await rm(dir, { recursive: true, force: true });
  }

  console.log('\nRegistry import into DynamoDB Local (CSV over HTTP, one county-level officer)');
  console.log('rows      file   time     rows/s   peak RSS  (growth over start)  peak heap');
  for (const r of results) {
    console.log(
      `${String(r.rows).padEnd(9)} ${`${r.mb} MB`.padEnd(6)} ${`${r.seconds.toFixed(1)} s`.padEnd(8)} ${r.perSecond.toFixed(0).padStart(6)}   ${`${mb(r.peakRss)} MB`.padStart(8)}  ${`+${mb(r.peakRss - r.baseRss)} MB`.padStart(10)}            ${mb(r.peakHeap)} MB`,
    );
  }
  const first = results[0]!;
  const last = results.at(-1)!;
  const growth = (last.peakHeap - first.peakHeap) / first.peakHeap;
  console.log(
    `\nPeak heap at ${last.rows} rows vs ${first.rows} rows: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}% for ${(last.rows / first.rows).toFixed(0)}× the rows.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
