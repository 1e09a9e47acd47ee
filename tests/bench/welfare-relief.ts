/**
 * Benchmark: what the routes of 在岗领补 and 以工代赈 cost, over the real HTTP app and DynamoDB
 * Local (the demo county seeded), with a post and a project of 20 people and again of 100 (the most
 * one sheet takes at once), the post's holders on the project's sheet too. Per request it prints
 * the DynamoDB calls and the API process's CPU milliseconds, beside the goal every route of ours
 * answers to: no read or write per person (an N+1 would add at least one call a person); what grows
 * is only the batch APIs' chunks — an audit entry per person goes 25 to a BatchWriteItem, keys 100
 * to a BatchGetItem. The client runs in the same process, so its CPU is in the figure too.
 *
 *   npx tsx tests/bench/welfare-relief.ts
 */
import { chinaMonth, defaultAgreement, workerInputSchema } from '@bangfu/shared';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { idNumber, workerInput } from '../support/people.js';
import { freePort } from '../support/ports.js';
import { benchBoundWorker, benchLogin, benchPostInput, benchSender, countDynamoCalls, startBenchApp } from './benchEnv.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const SIZES = [20, 100];
const VILLAGE = '150222102212';
const CONTRACTOR = 'e_00000000-0000-4000-8000-000000000003';
const month = chinaMonth(new Date());
const year = Number(month.slice(0, 4));

interface Figure {
  route: string;
  people: number;
  requests: number;
  calls: number;
  cpuMs: number;
  p50: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  const { ctx, config, server, url } = await startBenchApp('bench_welfare', dynamo.endpoint);
  const dynamoCalls = countDynamoCalls(ctx.table.db);
  const figures: Figure[] = [];
  try {
    await ensureTable(ctx.table.db, config.TABLE_NAME);
    await seedDemoCounty(ctx);
    const login = (userId: string) => benchLogin(url, userId);
    const send = benchSender(url);
    /** A bank's file as the app sends it, the answer's body; throws on any status from 300. */
    const sendFile = async (token: string, path: string, csv: string) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: csv,
      });
      const body = (await response.json()) as unknown;
      if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    /** Each request of `requests` measured alone (one after another): calls, CPU and time per request. */
    const measure = async (route: string, people: number, requests: (() => Promise<unknown>)[]) => {
      const times: number[] = [];
      const calls = dynamoCalls();
      const cpu = process.cpuUsage();
      for (const request of requests) {
        const t0 = performance.now();
        await request();
        times.push(performance.now() - t0);
      }
      const used = process.cpuUsage(cpu);
      figures.push({
        route,
        people,
        requests: requests.length,
        calls: (dynamoCalls() - calls) / requests.length,
        cpuMs: (used.user + used.system) / 1000 / requests.length,
        p50: median(times),
      });
    };

    const township = await login('demo-staff-township-1');
    const village = await login('demo-staff-village-1');
    const contractor = await login('demo-employer-3');
    const staff = { userId: 'demo-staff-county', role: 'staff' as const, regionCode: '150222' };
    let made = 0;
    for (const size of SIZES) {
      // `size` people of the village, each with a bound account of their own.
      const people: { workerId: string; name: string; token: string }[] = [];
      for (let i = 0; i < size; i++) {
        made += 1;
        const input = workerInputSchema.parse(
          workerInput({
            idNumber: idNumber('150222', '19810101', made),
            name: `基准${made}`,
            villageCode: VILLAGE,
            householdId: `BENCH-${made}`,
          }),
        );
        people.push(await benchBoundWorker(ctx, url, input, `bench-worker-${made}`, staff));
      }

      // 在岗领补: a post of `size` places with everyone on it.
      const { post } = (await send(
        township,
        'POST',
        '/api/v1/welfare-posts',
        benchPostInput(`基准保洁员${size}`, size, year),
      )) as { post: { postId: string; termStartsOn: string; termEndsOn: string } };
      const agreement = defaultAgreement(post, `${month}-01`, 12);
      for (const person of people) {
        await send(township, 'POST', `/api/v1/welfare-posts/${post.postId}/holders`, { workerId: person.workerId, ...agreement });
      }
      const lines = people.map((p) => ({ workerId: p.workerId, daysWorked: 20 }));
      await measure('PUT 记考勤 (the whole post)', size, [
        () =>
          send(village, 'PUT', `/api/v1/welfare-posts/${post.postId}/attendance/${month}`, {
            daysRequired: 22,
            lines,
            device: 'bench-phone-000001',
          }),
      ]);
      await measure(
        'GET 公益岗位考勤 (own)',
        size,
        people.slice(0, 20).map((p) => () => send(p.token, 'GET', '/api/v1/me/welfare-post')),
      );
      await measure(
        'POST 确认 → claim',
        size,
        people.slice(0, 20).map(
          (p) => () =>
            send(p.token, 'POST', `/api/v1/me/welfare-post/attendance/${month}`, {
              version: 1,
              answer: 'confirm',
              device: `bench-phone-${p.workerId.slice(-6)}`,
            }),
        ),
      );
      await measure(
        'GET 考勤与诚信提示',
        size,
        Array.from(
          { length: 10 },
          () => () => send(township, 'GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=100`),
        ),
      );

      // 以工代赈: a project of `size` jobs with everyone on its roster.
      const { project } = (await send(township, 'POST', '/api/v1/relief-projects', {
        name: `基准工程${size}`,
        ownerUnit: '固阳县水利局',
        contractorEmployerId: CONTRACTOR,
        sectorDepartment: '固阳县发展和改革委员会',
        villageCode: VILLAGE,
        startsOn: `${year}-01-01`,
        endsOn: `${year + 1}-06-30`,
        plannedJobs: size,
        relocationSite: 'none',
        wageStandard: { unit: 'day', amountFen: 15_000 },
        labourDemand: [{ trade: '普工', count: size }],
      })) as { project: { projectId: string } };
      const path = `/api/v1/relief-projects/${project.projectId}`;
      for (const person of people) await send(contractor, 'POST', `${path}/roster`, { workerId: person.workerId, trade: '普工' });
      const wages = people.map((p) => ({ workerId: p.workerId, days: 20, payFen: 300_000 }));
      await measure('PUT 工资发放表 (the whole sheet)', size, [
        () => send(contractor, 'PUT', `${path}/wages/${month}`, { lines: wages }),
      ]);
      await measure(
        'GET 以工代赈工资 (own)',
        size,
        people.slice(0, 20).map((p) => () => send(p.token, 'GET', '/api/v1/me/relief-work')),
      );
      await measure(
        'POST 确认工资',
        size,
        people.slice(0, 20).map(
          (p) => () =>
            send(p.token, 'POST', `/api/v1/me/relief-work/${project.projectId}/wages/${month}`, {
              version: 1,
              answer: 'confirm',
              device: `bench-phone-${p.workerId.slice(-6)}`,
            }),
        ),
      );
      await measure(
        'GET 考勤与诚信提示, all on a sheet',
        size,
        Array.from(
          { length: 10 },
          () => () => send(township, 'GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=100`),
        ),
      );
      await measure(
        'GET 工资发放表',
        size,
        Array.from({ length: 10 }, () => () => send(contractor, 'GET', `${path}/wages/${month}`)),
      );
      // The bank's 代发结果 for the first ten who confirmed, read and then recorded; the other ten by hand.
      const bankFile = [
        '户名,收款账号,代发金额,交易状态,交易流水号',
        ...people.slice(0, 10).map((p, i) => `${p.name},62284800000${String(i).padStart(5, '0')},3000.00,成功,DF${size}${i}`),
      ].join('\n');
      let digest = '';
      await measure('POST 代发结果, read (10 paid)', size, [
        async () => {
          digest = ((await sendFile(contractor, `${path}/wages/${month}/bank-file`, bankFile)) as { digest: string }).digest;
        },
      ]);
      await measure('POST 代发结果, recorded (10 paid)', size, [
        () => sendFile(contractor, `${path}/wages/${month}/bank-file?record=${digest}`, bankFile),
      ]);
      await measure('POST 登记发放 (the other ten)', size, [
        () =>
          send(contractor, 'POST', `${path}/wages/${month}/payments`, {
            workerIds: people.slice(10, 20).map((p) => p.workerId),
            paidOn: `${month}-01`,
          }),
      ]);
    }

    console.log('\n在岗领补 and 以工代赈 per request, the app and DynamoDB Local on this machine (one request at a time)');
    console.log('route                                people  requests  DynamoDB calls/req  app CPU ms/req  p50 ms');
    for (const f of figures) {
      console.log(
        [
          f.route.padEnd(34),
          String(f.people).padStart(8),
          String(f.requests).padStart(9),
          f.calls.toFixed(1).padStart(19),
          f.cpuMs.toFixed(2).padStart(15),
          f.p50.toFixed(1).padStart(7),
        ].join(' '),
      );
    }
    // A read or a write per person would be at least one call per person on the sheet; batching leaves
    // only BatchWriteItem's 25 items (the audit trail, an entry per person) and BatchGetItem's 100 keys.
    const routes = [...new Set(figures.map((f) => f.route))];
    const perPerson = routes.map((route) => {
      const [small, large] = SIZES.map((size) => figures.find((f) => f.route === route && f.people === size)!.calls);
      return { route, extra: (large! - small!) / (SIZES[1]! - SIZES[0]!) };
    });
    console.log(
      `\nDynamoDB calls each further person on the sheet adds (${SIZES[0]} → ${SIZES[1]} people; one read or write a person would be ≥ 1):`,
    );
    for (const { route, extra } of perPerson) console.log(`  ${route.padEnd(34)} ${extra.toFixed(3)}`);
    const worst = Math.max(...perPerson.map((p) => p.extra));
    console.log(
      worst < 0.1
        ? `Meets the goal: at most ${worst.toFixed(3)} calls a person`
        : `Misses the goal: ${worst.toFixed(3)} calls a person`,
    );
  } finally {
    server.closeAllConnections();
    server.close();
    ctx.table.db.destroy();
    await dynamo.stop();
  }
}

await main();
