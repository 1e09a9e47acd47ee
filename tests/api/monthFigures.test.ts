/**
 * 务工规模 and 务工收入 kept live: month records written through the product's own paths (an
 * officer's record, a worker's report and its confirmation, an employer's hire) move the
 * figures of the person's village, township, county, city and province through the table's
 * real stream in DynamoDB Local, each change once however often it is delivered, and always
 * equal to the figures recomputed from the records.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, MONTH_FIGURES, regionsOf, type EmploymentInput, type MonthFigure } from '@bangfu/shared';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createStreamFollower, type StreamFollower } from '../../functions/src/local/streamFollower.js';
import { backfillMonthRecords } from '../../functions/src/monitoring/backfill.js';
import { dynamoCallsDuring, startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';
import { JINSHAN_OTHER_VILLAGE, JINSHAN_VILLAGE, XIDOUPU_VILLAGE } from '../support/people.js';
import { boundWorker } from '../support/positions.js';
import { inject } from 'vitest';

let api: TestApi;
let follower: StreamFollower;
const follow = (batch?: number) =>
  createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION, ...(batch ? { batch } : {}) });

beforeAll(async () => {
  api = await startDemoCountyApi();
  follower = follow();
});
afterAll(async () => {
  follower?.stop();
  await api?.close();
});

const COUNTY = '150222';
const officer = { source: 'staff' as const, userId: 'demo-staff-county', level: 'county' as const };

const NONE = Object.fromEntries(MONTH_FIGURES.map((f) => [f, 0])) as Record<MonthFigure, number>;

async function kept(regionCode: string, month: string): Promise<Record<MonthFigure, number>> {
  const [found] = await api.ctx.figures.months(regionCode, month, month);
  return found?.figures ?? NONE;
}

/** Every region of the county's month holds what its people's records add up to; city and province the county's. */
async function expectKeptEqualsRecomputed(month: string) {
  const expected = await api.ctx.figures.recompute(COUNTY, month);
  for (const [code, figures] of expected) expect({ code, ...(await kept(code, month)) }).toEqual({ code, ...figures });
  const county = expected.get(COUNTY) ?? NONE;
  for (const above of regionsOf(JINSHAN_VILLAGE).slice(3)) expect(await kept(above, month)).toEqual(county);
}

const employed = (place: EmploymentInput['place'], form: EmploymentInput['form'], fen: number): EmploymentInput => ({
  status: 'employed',
  place,
  form,
  monthlyIncomeFen: fen,
});

describe('the monthly figures of a region', () => {
  it('count a recorded month in the village, township, county, city and province, and move when it is superseded', async () => {
    const month = '2026-03';
    const a = await boundWorker(api, 40, { groups: ['povertyAlleviated'], labourClass: 'full' });
    const b = await boundWorker(api, 41, { villageCode: XIDOUPU_VILLAGE, groups: ['monitored'], labourClass: 'half' });
    await api.ctx.employment.record(a, month, employed('acrossProvince', 'enterprise', 450_000), officer);
    await api.ctx.employment.record(
      b,
      month,
      { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: 'returnedFromWork' },
      officer,
    );
    await follower.drain();

    const jinshan = await kept('150222102', month);
    expect(jinshan).toMatchObject({
      recorded: 1,
      employed: 1,
      employed_acrossProvince: 1,
      employed_enterprise: 1,
      incomeFen: 450_000,
      income_3000to5000: 1,
      povertyAlleviated_recorded: 1,
      povertyAlleviated_employed: 1,
      returnedFromWork: 0,
    });
    expect(await kept(XIDOUPU_VILLAGE, month)).toMatchObject({
      recorded: 1,
      employed: 0,
      returnedFromWork: 1,
      monitored_recorded: 1,
      ableAndWilling: 1,
    });
    for (const region of ['150222', '1502', '15']) {
      expect(await kept(region, month)).toMatchObject({ recorded: 2, employed: 1, incomeFen: 450_000, returnedFromWork: 1 });
    }

    // Superseded: back home. The employed count and income leave every level; nothing is counted twice.
    await api.ctx.employment.record(a, month, { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: 'idle' }, officer);
    await follower.drain();
    expect(await kept('15', month)).toMatchObject({
      recorded: 2,
      employed: 0,
      incomeFen: 0,
      income_3000to5000: 0,
      ableAndWilling: 2,
    });
    await expectKeptEqualsRecomputed(month);

    // Staff read them a span of months at a time, every month present.
    const township = await api.loginAs('demo-staff-township-1');
    const read = (query: string) => api.call('GET', `/api/v1/monitoring/figures?${query}`, { token: township });
    const { status, body } = await read('regionCode=150222102&from=2026-02&to=2026-04');
    expect(status).toBe(200);
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(body.months[0].figures).toEqual(NONE);
    expect(body.months[1].figures).toEqual(await kept('150222102', month));
    expect((await read('regionCode=150222102&from=2026-04&to=2026-02')).body.error.field).toBe('query.to');
    expect((await read('regionCode=150222102&from=2024-01&to=2026-02')).body.error.field).toBe('query.from');
    expect((await read('regionCode=150222103&from=2026-02&to=2026-04')).status).toBe(403); // 西斗铺镇 is not theirs

    // The county's townships side by side, with the month before and last year's: a list and one BatchGetItem.
    const county = await api.loginAs('demo-staff-county');
    let townships: { body: any } = { body: undefined };
    const calls = await dynamoCallsDuring(api, async () => {
      townships = await api.call('GET', `/api/v1/monitoring/children?regionCode=150222&month=${month}`, { token: county });
    });
    const jinshanRow = townships.body.children.find((c: { regionCode: string }) => c.regionCode === '150222102');
    expect(jinshanRow).toMatchObject({
      name: '金山镇',
      figures: { recorded: 1, employed: 0 },
      previousMonth: NONE,
      lastYear: NONE,
    });
    expect(
      townships.body.children.find((c: { regionCode: string }) => c.regionCode === '150222103').figures.returnedFromWork,
    ).toBe(1);
    expect(calls.filter((c) => c.command !== 'GetItemCommand').map((c) => c.command)).toEqual([
      'QueryCommand',
      'BatchGetItemCommand',
    ]);
  });

  it('stay equal to the records recomputed after random writes, whatever the stream delivers twice and in what batches', async () => {
    const people = await Promise.all(
      [JINSHAN_VILLAGE, JINSHAN_OTHER_VILLAGE, XIDOUPU_VILLAGE, JINSHAN_VILLAGE].map((villageCode, i) =>
        boundWorker(api, 50 + i, {
          villageCode,
          groups: i % 2 ? ['monitored'] : ['povertyAlleviated'],
          labourClass: i === 3 ? 'weak' : 'full',
        }),
      ),
    );
    const months = ['2026-05', '2026-06'];
    const inputArb = fc.oneof(
      fc.record({
        status: fc.constant('employed' as const),
        place: fc.constantFrom('withinCounty', 'acrossCounty', 'acrossCity', 'acrossProvince' as const),
        form: fc.constantFrom('enterprise', 'assistanceWorkshop', 'publicWelfarePost', 'workForRelief', 'flexible' as const),
        monthlyIncomeFen: fc.integer({ min: 0, max: 900_000 }),
      }),
      fc.record({
        status: fc.constant('notEmployed' as const),
        monthlyIncomeFen: fc.constant(0),
        atHomeReason: fc.constantFrom('returnedFromWork', 'idle', 'caringForFamily', 'illness' as const),
      }),
    );
    const writeArb = fc.oneof(
      fc.record({
        person: fc.nat({ max: people.length - 1 }),
        month: fc.constantFrom(...months),
        input: inputArb,
        by: fc.constantFrom('staff', 'self', 'selfConfirmed' as const),
      }),
      // A training put on a person's record or taken off it: 技能培训人数 counts a person once a year.
      fc.record({
        person: fc.nat({ max: people.length - 1 }),
        trainingEndedOn: fc.constantFrom('2026-05-10', '2026-05-28', '2026-06-03', '2025-06-01'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(writeArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(1, 3, 7, 100),
        async (writes, batch) => {
          for (const write of writes) {
            const person = people[write.person]!;
            if ('trainingEndedOn' in write) {
              const item = (await api.ctx.workers.getItem(person.workerId, true))!;
              const others = item.trainings.filter((t) => t.endedOn !== write.trainingEndedOn);
              const trainings =
                others.length < item.trainings.length ? others : [...others, { name: '电焊', endedOn: write.trainingEndedOn }];
              await api.ctx.workers.update(person.workerId, { version: item.version, trainings });
              continue;
            }
            if (write.by === 'staff') {
              await api.ctx.employment.record(person, write.month, write.input as EmploymentInput, officer);
              continue;
            }
            const own = await api.ctx.employment.record(person, write.month, write.input as EmploymentInput, {
              source: 'self',
              userId: person.userId,
            });
            if (write.by === 'selfConfirmed') {
              await api.ctx.employment.confirm(person.workerId, write.month, own.revision, {
                userId: 'demo-staff-village-1',
                level: 'village',
              });
            }
          }
          await follower.drain();
          for (const month of months) await expectKeptEqualsRecomputed(month);
          // The whole stream again, from its start, in other batches: nothing moves.
          const again = follow(batch);
          try {
            await again.drain();
          } finally {
            again.stop();
          }
          for (const month of months) await expectKeptEqualsRecomputed(month);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('count the people trained in a year once each, in the month their first training of it ended', async () => {
    await follower.drain();
    const [may, june] = [await kept('150222102', '2026-05'), await kept('150222102', '2026-06')];
    const person = await boundWorker(api, 70);
    const item = (await api.ctx.workers.getItem(person.workerId, true))!;
    await api.ctx.workers.update(person.workerId, {
      version: item.version,
      trainings: [
        { name: '育婴员', endedOn: '2026-06-20' },
        { name: '电焊', endedOn: '2026-05-15' },
      ],
    });
    await follower.drain();
    expect((await kept('150222102', '2026-05')).trainedPeople).toBe(may.trainedPeople + 1);
    expect((await kept('150222102', '2026-06')).trainedPeople).toBe(june.trainedPeople);
    // The May course taken off the record (entered by mistake): June's is now their first this year.
    await api.ctx.workers.update(person.workerId, {
      version: item.version + 1,
      trainings: [{ name: '育婴员', endedOn: '2026-06-20' }],
    });
    await follower.drain();
    expect((await kept('150222102', '2026-05')).trainedPeople).toBe(may.trainedPeople);
    expect((await kept('150222102', '2026-06')).trainedPeople).toBe(june.trainedPeople + 1);
    for (const month of ['2026-05', '2026-06']) await expectKeptEqualsRecomputed(month);
  });

  it('count records written before they were kept once the county is backfilled, with their runs of months', async () => {
    await follower.drain();
    const person = await boundWorker(api, 71, { villageCode: JINSHAN_OTHER_VILLAGE, labourClass: 'full' });
    const [may, june, july] = ['2026-05', '2026-06', '2026-07'];
    // Three months as a record was before the figures: no subject, no run, not on the county's month listing.
    for (const month of [may, june, july]) {
      const record = api.ctx.employment.nextRecord(person, month, employed('withinCounty', 'enterprise', 300_000), officer, {
        revision: 0,
      });
      const { subject: _subject, employedRun: _run, ...old } = record;
      await api.ctx.table.db.send(new TransactWriteCommand({ TransactItems: api.ctx.employment.writeItems(old) }));
    }
    await follower.drain();
    const before = await kept(JINSHAN_OTHER_VILLAGE, july);
    expect(await api.ctx.figures.reconcile(COUNTY, july)).toEqual([]); // nothing counts them yet

    const report = await backfillMonthRecords(api.ctx, COUNTY);
    expect(report).toMatchObject({ subjects: 3, skipped: 0 });
    await follower.drain();
    const after = await kept(JINSHAN_OTHER_VILLAGE, july);
    expect(after.recorded - before.recorded).toBe(1);
    expect(after.employed - before.employed).toBe(1);
    const timeline = await api.ctx.employment.timeline(person.workerId);
    expect(timeline.map((r) => [r.month, r.employedRun, r.subject?.villageCode])).toEqual([
      [july, 3, JINSHAN_OTHER_VILLAGE],
      [june, 2, JINSHAN_OTHER_VILLAGE],
      [may, 1, JINSHAN_OTHER_VILLAGE],
    ]);
    for (const month of [may, june, july]) await expectKeptEqualsRecomputed(month);
    // Run again: nothing left to give, nothing moves.
    expect(await backfillMonthRecords(api.ctx, COUNTY)).toMatchObject({ subjects: 0, runs: 0 });
  });

  it('are put right by the reconciliation when they drift, and only where they drifted', async () => {
    const month = '2026-03';
    await follower.drain();
    expect(await api.ctx.figures.reconcile(COUNTY, month)).toEqual([]);
    // A change lost on the way (as a stream past its 24 hours would lose it): written, never applied.
    const before = await kept('150222102', month);
    await api.ctx.figures.applyChanges([
      {
        changeId: `lost-${Date.now()}`,
        after: {
          type: 'employment',
          month,
          status: 'employed',
          place: 'withinCounty',
          form: 'flexible',
          monthlyIncomeFen: 100_000,
          source: 'staff',
          subject: { villageCode: JINSHAN_VILLAGE, labourClass: 'full', groups: [] },
        },
      },
    ]);
    expect((await kept('150222102', month)).employed).toBe(before.employed + 1);
    expect(await api.ctx.figures.reconcile(COUNTY, month)).toEqual(['150222', '150222102', JINSHAN_VILLAGE]);
    await expectKeptEqualsRecomputed(month);
    expect(await api.ctx.figures.reconcile(COUNTY, month)).toEqual([]);
  });
});

describe('a month record', () => {
  it('written by a hire counts as employed in the month of the hire', async () => {
    const month = chinaMonth(new Date());
    await follower.drain();
    const before = await kept('150222', month);
    const worker = await boundWorker(api, 60);
    const employer = await api.loginAs('demo-employer-1');
    const position = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions.find(
      (p: { status: string; filled: number; headcount: number; pay: { unit: string } }) =>
        p.status === 'open' && p.filled < p.headcount && p.pay.unit !== 'piece',
    );
    expect(
      (await api.call('POST', `/api/v1/positions/${position.positionId}/applications`, { token: worker.token })).status,
    ).toBe(200);
    const hired = await api.call('POST', `/api/v1/positions/${position.positionId}/applications/${worker.workerId}/hire`, {
      token: employer,
      body: {},
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(200);
    await follower.drain();
    const after = await kept('150222', month);
    expect(after.recorded - before.recorded).toBe(1);
    expect(after.employed - before.employed).toBe(1);
  });
});
