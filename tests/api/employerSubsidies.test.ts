/**
 * An employer's and an agency's own subsidies, from what the system holds: a recognised
 * 帮扶车间's reward by the 帮扶对象 it employs, and an agency's transfer service for each
 * worker it placed outside the county, once they have worked 6 months of the year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Employer } from '@bangfu/shared';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { boundWorker, positionInput, putPositions } from '../support/positions.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
});
afterAll(async () => {
  await api?.close();
});

type Result = { subsidy: string; eligible: boolean; amountFen: number; periodKey: string; trace: { text: string }[] };
const subsidiesOf = async (token: string) => {
  const { status, body } = await api.call('GET', '/api/v1/me/employer/subsidies', { token });
  expect(status).toBe(200);
  return body.results as Result[];
};

describe('an employer’s own subsidies', () => {
  it('rewards a recognised 帮扶车间 by the tier of 帮扶对象 it employs, and nothing once it has exited', async () => {
    const token = await api.loginAs('demo-employer-1'); // 金山镇服装加工帮扶车间
    const staff = await api.loginAs('demo-staff-township-1');
    const employer = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    const setWorkshop = (version: number, recognition: string, assistedEmployees: number) =>
      api.call('PUT', `/api/v1/employers/${employer.employerId}/workshop`, {
        token: staff,
        body: { version, recognition, decidedOn: '2026-01-10', assistedEmployees },
      });
    const set = await setWorkshop(employer.version, 'recognised', 12);
    expect(set.status).toBe(200);
    const [reward] = (await subsidiesOf(token)).filter((r) => r.subsidy === 'workshop_reward');
    expect(reward).toMatchObject({ eligible: true, amountFen: 2_000_000, periodKey: chinaMonth(new Date()).slice(0, 4) }); // 10–19 people: the second tier (example)

    await setWorkshop(set.body.employer.version, 'exited', 12);
    const [after] = (await subsidiesOf(token)).filter((r) => r.subsidy === 'workshop_reward');
    expect(after).toMatchObject({ eligible: false, amountFen: 0 });
  });

  it('pays an agency for a worker it placed in another province, from their sixth month of the year', async () => {
    const token = await api.loginAs('demo-employer-6'); // 怀朔镇劳务经纪服务站
    const agency = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    expect(agency.kind).toBe('hrAgency');
    const [record] = await putPositions(api.ctx, agency, [
      positionInput({ regionCode: '110115', location: { lat: 39.73, lng: 116.34 } }),
    ]);
    const positionId = record!.position.positionId;
    const worker = await boundWorker(api, 700);
    const { application } = await api.ctx.applications.apply(positionId, worker.workerId, worker.userId);

    // Hired five months ago; employed every month since.
    const now = new Date();
    const monthsAgo = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 15));
    const hired = await api.ctx.applications.hire(
      application,
      { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
      'demo-employer-6',
      monthsAgo(5),
    );
    expect(hired.application.status).toBe('hired');
    const transfer = async () => (await subsidiesOf(token)).find((r) => r.subsidy === 'agency_transfer_service')!;
    for (let n = 4; n >= 1; n--) {
      await api.ctx.employment.record(
        worker.workerId,
        chinaMonth(monthsAgo(n)),
        { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
        { source: 'staff', userId: 'demo-staff-county' },
      );
    }
    // Months of this year since the hire: six from June on; earlier in the year the hire fell last year.
    const year = chinaMonth(now).slice(0, 4);
    const monthsThisYear = (through: number) =>
      [5, 4, 3, 2, 1, 0].filter((n) => n >= through && chinaMonth(monthsAgo(n)).startsWith(year)).length;
    const five = await transfer();
    expect(monthsThisYear(1)).toBeLessThan(6);
    expect(five).toMatchObject({ eligible: false, amountFen: 0 });
    expect(five.trace.map((t) => t.text).join()).toContain('不满 6 个月');

    await api.ctx.employment.record(
      worker.workerId,
      chinaMonth(now),
      { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
      { source: 'staff', userId: 'demo-staff-county' },
    );
    const six = await transfer();
    const due = monthsThisYear(0) >= 6;
    expect(six).toMatchObject(
      due ? { eligible: true, amountFen: 80_000, periodKey: `${year}:${worker.workerId}` } : { eligible: false, amountFen: 0 },
    );
  });
});
