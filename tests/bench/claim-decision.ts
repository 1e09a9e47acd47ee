/**
 * Benchmark: what approving a claim costs, now that an approval weighs the claim again on the facts
 * (functions/src/subsidies/reassessment.ts): a township officer approves forty 一次性交通补助 claims,
 * one after another, over the real HTTP app and DynamoDB Local (the demo county seeded). Once for
 * workers with one month on record and no other claim, once for workers with 24 months and 12 claims
 * already made — what a reassessment reads grows with neither (one Query each, paged). Beside them,
 * forty 在岗领补 months, which are not weighed again (their confirmed attendance never changes).
 * Per approval: DynamoDB calls, the process's CPU milliseconds (client included) and p50. Then the
 * county pays them in one batch, and its payer lists the batches, reads the batch's rows (all, and
 * by a name) and records twenty returns (银行退回), then reads the bank's return file (those twenty and
 * twenty more sent back) and records it in one call: the same figures per call.
 *
 *   npx tsx tests/bench/claim-decision.ts
 */
import { chinaMonth, defaultAgreement, previousMonth, workerInputSchema, type Claim } from '@bangfu/shared';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { employedAcrossProvince, idNumber, workerInput } from '../support/people.js';
import { freePort } from '../support/ports.js';
import { benchBoundWorker, benchLogin, benchPostInput, benchSender, startBenchApp } from './benchEnv.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const CLAIMS = 40;
const VILLAGE = '150222102212';
const REGISTRAR = { userId: 'bench-registrar', role: 'staff' as const, regionCode: '150222' };
const month = chinaMonth(new Date());
const year = Number(month.slice(0, 4));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  const { ctx, config, server, url } = await startBenchApp('bench_decision', dynamo.endpoint);
  let dynamoCalls = 0;
  const byCommand = new Map<string, number>();
  ctx.table.db.middlewareStack.add(
    (next, context) => async (args) => {
      dynamoCalls += 1;
      const name = (context.commandName ?? 'Other').replace(/Command$/, '');
      byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const rows: Record<string, string>[] = [];
  try {
    await ensureTable(ctx.table.db, config.TABLE_NAME);
    await seedDemoCounty(ctx);
    const send = benchSender(url);
    const township = await benchLogin(url, 'demo-staff-township-1');
    let made = 0;
    /** A bound 脱贫 worker of the village, with `months` months in another province up to this one. */
    const worker = async (months: number) => {
      made += 1;
      const input = workerInputSchema.parse(
        workerInput({ idNumber: idNumber('150222', '19820101', made), name: `审核${made}`, householdId: `BENCH-${made}` }),
      );
      const record = await benchBoundWorker(ctx, url, input, `bench-claimant-${made}`, REGISTRAR);
      for (let i = 0, m = month; i < months; i++, m = previousMonth(m)) {
        await ctx.employment.record(record, m, employedAcrossProvince('北京某建筑公司'), {
          source: 'staff',
          userId: REGISTRAR.userId,
        });
      }
      return record;
    };
    /** Makes each call alone, one after another, and keeps the figures per call under `label` in `table`. */
    const perCall = async (table: Record<string, string>[], label: string, steps: (() => Promise<unknown>)[]) => {
      const times: number[] = [];
      const calls = dynamoCalls;
      byCommand.clear();
      const cpu = process.cpuUsage();
      for (const step of steps) {
        const t0 = performance.now();
        await step();
        times.push(performance.now() - t0);
      }
      const used = process.cpuUsage(cpu);
      table.push({
        call: label,
        'DynamoDB calls': ((dynamoCalls - calls) / steps.length).toFixed(1),
        'of which': [...byCommand]
          .sort((a, b) => b[1] - a[1])
          .map(([name, n]) => `${name} ${+(n / steps.length).toFixed(1)}`)
          .join(', '),
        'CPU ms': ((used.user + used.system) / 1000 / steps.length).toFixed(1),
        'p50 ms': median(times).toFixed(1),
      });
    };
    /** Approves each claim alone, one after another. */
    const approveAll = (label: string, claims: Claim[]) =>
      perCall(
        rows,
        label,
        claims.map(
          (claim) => () =>
            send(township, 'POST', `/api/v1/claims/${claim.claimId}/decision`, { version: claim.version, decision: 'approve' }),
        ),
      );
    const transportClaims = async (months: number, pastClaims: number) => {
      const claims: Claim[] = [];
      for (let i = 0; i < CLAIMS; i++) {
        const person = await worker(months);
        // Claims of other things already made, paid or not: what "never twice" reads.
        for (let k = 0; k < pastClaims; k++) {
          await ctx.claims.create({
            subsidy: 'social_insurance',
            name: '社会保险补贴',
            periodKey: `${year - 1}-${String(k + 1).padStart(2, '0')}`,
            period: `${year - 1}-${String(k + 1).padStart(2, '0')}`,
            beneficiary: { kind: 'worker', workerId: person.workerId, name: person.name },
            regionCode: VILLAGE,
            amountFen: 30_000,
            trace: [],
            reference: { document: '基准', section: '一' },
            source: 'auto',
            needsSecondApproval: false,
            createdBy: 'bench',
          });
        }
        const claimed = await send(person.token, 'POST', '/api/v1/me/subsidies/claims', {
          idempotencyKey: crypto.randomUUID(),
          subsidies: ['transport_once'],
        });
        claims.push((await ctx.claims.get((claimed.claims as Claim[])[0]!.claimId))!);
      }
      return claims;
    };

    const fresh = await transportClaims(1, 0);
    const long = await transportClaims(24, 12);
    await approveAll('一次性交通补助, 1 month and no other claim', fresh);
    await approveAll('一次性交通补助, 24 months and 12 other claims', long);

    // 在岗领补: one post, forty holders, their month recorded and each confirmed (the claim).
    const village = await benchLogin(url, 'demo-staff-village-1');
    const { post } = (await send(township, 'POST', '/api/v1/welfare-posts', benchPostInput('基准保洁员', CLAIMS, year))) as {
      post: { postId: string; termStartsOn: string; termEndsOn: string };
    };
    const holders = [];
    for (let i = 0; i < CLAIMS; i++) holders.push(await worker(0));
    const agreement = defaultAgreement(post, `${month}-01`, 12);
    for (const holder of holders) {
      await send(township, 'POST', `/api/v1/welfare-posts/${post.postId}/holders`, { workerId: holder.workerId, ...agreement });
    }
    await send(village, 'PUT', `/api/v1/welfare-posts/${post.postId}/attendance/${month}`, {
      daysRequired: 22,
      lines: holders.map((h) => ({ workerId: h.workerId, daysWorked: 20 })),
      device: 'bench-supervisor-phone-01',
    });
    const postClaims: Claim[] = [];
    for (const [i, holder] of holders.entries()) {
      const answered = await send(holder.token, 'POST', `/api/v1/me/welfare-post/attendance/${month}`, {
        version: 1,
        answer: 'confirm',
        device: `bench-holder-phone-${String(i).padStart(4, '0')}`,
      });
      postClaims.push((await ctx.claims.get((answered.claim as Claim).claimId))!);
    }
    await approveAll('在岗领补 month (not weighed again; its flags read)', postClaims);

    // Then the county pays them all in one batch, each weighed again first; every worker's card was
    // entered by one officer and confirmed by another (neither the approver nor the payer).
    for (const claim of [...fresh, ...long, ...postClaims]) {
      const owner = claim.beneficiary.kind === 'worker' ? claim.beneficiary : undefined;
      if (!owner) continue;
      const number = `6217${String(made++).padStart(15, '0')}`;
      await ctx.payments.setAccount({ kind: 'worker', workerId: owner.workerId }, { kind: 'bankCard', number }, 'bench-village', {
        firstInForce: false,
      });
      const { pending } = await ctx.payments.entries({ kind: 'worker', workerId: owner.workerId });
      await ctx.payments.confirmChange({ kind: 'worker', workerId: owner.workerId }, 'bench-confirmer', pending!.setAt);
    }
    const finance = await benchLogin(url, 'demo-staff-county-finance');
    const calls = dynamoCalls;
    byCommand.clear();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const { batch } = (await send(finance, 'POST', '/api/v1/claims/payments', {
      regionCode: VILLAGE.slice(0, 9),
      idempotencyKey: crypto.randomUUID(),
    })) as { batch: { batchId: string; count: number; skipped: unknown[]; claimIds: string[] } };
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const weighed = batch.count + batch.skipped.length;
    console.log(
      `\nPaying them in one batch (POST /api/v1/claims/payments): ${batch.count} paid, ${batch.skipped.length} skipped, ` +
        `${wall.toFixed(0)} ms; per claim ${((dynamoCalls - calls) / weighed).toFixed(1)} DynamoDB calls (` +
        [...byCommand]
          .sort((a, b) => b[1] - a[1])
          .map(([name, n]) => `${name} ${+(n / weighed).toFixed(1)}`)
          .join(', ') +
        `), ${((used.user + used.system) / 1000 / weighed).toFixed(1)} ms CPU`,
    );

    console.log(`\nApproving ${CLAIMS} claims one after another (POST /api/v1/claims/:claimId/decision), per approval:`);
    console.table(rows);

    // 以前的发放批次: the payer finds the batch, a row by the name on the bank's slip, and records returns.
    const found: Record<string, string>[] = [];
    const times = (n: number, call: () => Promise<unknown>) => Array.from({ length: n }, () => call);
    const batchPath = `/api/v1/claims/payments/${batch.batchId}`;
    await perCall(
      found,
      'GET /claims/payments?regionCode=<county> (first page)',
      times(20, () => send(finance, 'GET', '/api/v1/claims/payments?regionCode=150222')),
    );
    await perCall(
      found,
      `GET /claims/payments/:batchId (${batch.count} rows, first 20)`,
      times(20, () => send(finance, 'GET', batchPath)),
    );
    await perCall(
      found,
      'GET /claims/payments/:batchId?name=审核1',
      times(20, () => send(finance, 'GET', `${batchPath}?name=${encodeURIComponent('审核1')}`)),
    );
    await perCall(
      found,
      'POST /claims/payments/:batchId/returns',
      batch.claimIds.slice(0, 20).map(
        (claimId, i) => () =>
          send(finance, 'POST', `${batchPath}/returns`, {
            claimId,
            reason: 'accountClosed',
            bankReference: `BENCH-${1000 + i}`,
          }),
      ),
    );
    // The bank's return file for the whole batch: the twenty above again, twenty more sent back, the rest arrived.
    const sent = await fetch(`${url}${batchPath}/file`, { headers: { authorization: `Bearer ${finance}` } });
    const [header, ...fileRows] = (await sent.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const returnFile = [
      `${header},处理结果,失败原因,银行流水号`,
      ...fileRows.map((row, i) =>
        i < 20 ? `${row},失败,账户已销户,BENCH-${1000 + i}` : i < 40 ? `${row},失败,账户冻结,FILE-${1000 + i}` : `${row},成功,,`,
      ),
    ].join('\r\n');
    const upload = async (query = '') => {
      const response = await fetch(`${url}${batchPath}/return-file${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${finance}`, 'content-type': 'text/csv' },
        body: returnFile,
      });
      return (await response.json()) as { digest: string; recorded?: number };
    };
    const { digest } = await upload();
    await perCall(
      found,
      `POST …/return-file (${fileRows.length} rows, read)`,
      times(10, () => upload()),
    );
    await perCall(found, 'POST …/return-file?record (20 more returns in one call)', [
      async () => {
        const { recorded } = await upload(`?record=${digest}`);
        if (recorded !== 20) throw new Error(`recorded ${recorded} returns, not 20`);
      },
    ]);
    console.log(`\nFinding a batch and recording what the bank sent back (a batch of ${batch.count} rows), per call:`);
    console.table(found);
  } finally {
    server.close();
    await dynamo.stop();
  }
}

await main();
