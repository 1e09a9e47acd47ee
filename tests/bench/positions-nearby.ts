/**
 * Benchmark: nearby positions on the geohash index vs a Scan + filter, in one run,
 * over 100,000 positions spread across a province-sized area in DynamoDB Local.
 *
 * Positions gather around 400 towns (80%, within a few km) with the rest scattered;
 * searches start from town centres, where people are. For radii of 5, 20 and 50 km it
 * prints, side by side: items read per item returned (first page of 20, and every
 * page of the whole result), median and p95 latency of the first page, and the same
 * query answered by a Scan with a filter, with the speed ratio.
 *
 *   npx tsx tests/bench/positions-nearby.ts [positions] [searches per radius]
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { distanceKm, bboxOfCircle, chinaDate, type LatLng } from '@bangfu/shared';
import { INDEX } from '../../functions/src/db/tableSchema.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { nearby } from '../../functions/src/positions/geoQuery.js';
import { freePort } from '../support/ports.js';
import { loadPositions, townCentres } from './syntheticProvince.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const POSITIONS = Number(process.argv[2] ?? 100_000);
const SEARCHES = Number(process.argv[3] ?? 30);
const SCANS = 3; // a Scan of the whole table takes seconds: fewer samples
const RADII = [5, 20, 50];
const PAGE = 20;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  try {
    // The product's client gives up after 5 s; a whole-table Scan page on a busy 2-core machine may take longer.
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'local',
        endpoint: dynamo.endpoint,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        requestHandler: { requestTimeout: 120_000 },
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    const ctx = { table: { db, tableName: 'bench_positions' } };
    await ensureTable(db, ctx.table.tableName);
    await loadPositions(ctx.table, POSITIONS);

    const centres = townCentres(SEARCHES);
    const today = chinaDate(new Date());
    const rows: string[] = [];
    for (const radiusKm of RADII) {
      const firstPage = { read: 0, returned: 0, ms: [] as number[], queries: 0 };
      const whole = { read: 0, returned: 0 };
      for (const center of centres) {
        const started = performance.now();
        const first = await nearby(ctx.table, { center, radiusKm, limit: PAGE, filters: {} });
        firstPage.ms.push(performance.now() - started);
        firstPage.read += first.itemsRead;
        firstPage.returned += first.result.positions.length;
        firstPage.queries += first.queries;
        // Every page, 50 at a time: what reading the whole result costs.
        whole.read += first.itemsRead;
        whole.returned += first.result.positions.length;
        let cursor = first.result.nextCursor;
        while (cursor) {
          const next = await nearby(ctx.table, { center, radiusKm, limit: 50, cursor, filters: {} });
          whole.read += next.itemsRead;
          whole.returned += next.result.positions.length;
          cursor = next.result.nextCursor;
        }
      }

      console.log(`  ${radiusKm} km: index done (${(whole.returned / SEARCHES).toFixed(0)} results a search)`);
      // The same first page by Scan + filter: every item read, the box kept, exact distance, sorted.
      const scan = { read: 0, ms: [] as number[], mismatches: 0 };
      for (const center of centres.slice(0, SCANS)) {
        const started = performance.now();
        const box = bboxOfCircle(center, radiusKm);
        const kept: { id: string; d: number }[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const page = await ctx.table.db.send(
            new ScanCommand({
              TableName: ctx.table.tableName,
              FilterExpression:
                '#type = :position AND #status = :open AND validUntil >= :today AND #loc.lat BETWEEN :minLat AND :maxLat AND #loc.lng BETWEEN :minLng AND :maxLng',
              ExpressionAttributeNames: { '#type': 'type', '#status': 'status', '#loc': 'location' },
              ExpressionAttributeValues: {
                ':position': 'position',
                ':open': 'open',
                ':today': today,
                ':minLat': box.minLat,
                ':maxLat': box.maxLat,
                ':minLng': box.minLng,
                ':maxLng': box.maxLng,
              },
              ExclusiveStartKey: start,
            }),
          );
          scan.read += page.ScannedCount ?? 0;
          for (const item of page.Items ?? []) {
            const d = distanceKm(center, item.location as LatLng);
            if (d <= radiusKm) kept.push({ id: item.positionId as string, d });
          }
          start = page.LastEvaluatedKey;
        } while (start);
        kept.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
        scan.ms.push(performance.now() - started);
        const indexed = await nearby(ctx.table, { center, radiusKm, limit: PAGE, filters: {} });
        const same =
          indexed.result.positions.map((p) => p.positionId).join() ===
          kept
            .slice(0, PAGE)
            .map((k) => k.id)
            .join();
        if (!same) scan.mismatches++;
        console.log(`  ${radiusKm} km: Scan ${scan.ms.length}/${SCANS} in ${(scan.ms.at(-1)! / 1000).toFixed(1)} s`);
      }

      const median = percentile(firstPage.ms, 0.5);
      const scanMedian = percentile(scan.ms, 0.5);
      rows.push(
        [
          `${radiusKm} km`.padEnd(7),
          (firstPage.returned / SEARCHES).toFixed(1).padStart(8),
          (firstPage.read / Math.max(1, firstPage.returned)).toFixed(2).padStart(9),
          (firstPage.queries / SEARCHES).toFixed(0).padStart(8),
          (whole.returned / SEARCHES).toFixed(0).padStart(9),
          (whole.read / Math.max(1, whole.returned)).toFixed(2).padStart(9),
          `${median.toFixed(1)} ms`.padStart(10),
          `${percentile(firstPage.ms, 0.95).toFixed(1)} ms`.padStart(10),
          `${(scan.read / SCANS).toFixed(0)}`.padStart(9),
          `${scanMedian.toFixed(0)} ms`.padStart(10),
          `${(scanMedian / median).toFixed(0)}×`.padStart(8),
          `${SCANS - scan.mismatches}/${SCANS}`.padStart(6),
        ].join(' '),
      );
    }

    console.log(
      `\nNearby positions in DynamoDB Local: ${POSITIONS} positions, ${SEARCHES} searches from town centres per radius`,
    );
    console.log(
      `         ---------------- geohash index (${INDEX.byGeoCell.name}) -----------------------------   -------- Scan + filter --------`,
    );
    console.log('radius   page 1  read/ret  queries   results  read/ret     median        p95   read/q     median  faster  same');
    console.log('         (items)  (page 1)  (page 1)  (all)    (all pages)  (page 1)   (page 1)');
    for (const row of rows) console.log(row);
    console.log('\nGoal: items read ≤ 3× items returned; ≥ 50× faster than the Scan at 100k positions.');
    ctx.table.db.destroy();
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
