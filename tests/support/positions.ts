/** Test data for the job map: employers and positions written through the product's own repositories. */
import { workerInputSchema, type Employer, type LatLng, type PositionInput, type User } from '@bangfu/shared';
import type { AppContext } from '../../functions/src/appContext.js';
import { newPosition, putNewPositions, type PositionRecord } from '../../functions/src/positions/positionRepository.js';
import type { TestApi } from './api.js';
import { idNumber, JINSHAN_VILLAGE, workerInput } from './people.js';

export const GUYANG: LatLng = { lat: 41.034, lng: 110.063 };

export function positionInput(overrides: Partial<PositionInput> = {}): PositionInput {
  return {
    title: '服装缝纫工',
    occupation: 'sewing_worker',
    headcount: 5,
    pay: { unit: 'month', minFen: 300_000, maxFen: 400_000 },
    form: 'fullTime',
    intensity: 'light',
    suitsHalfLabour: true,
    suitsWeakLabour: false,
    accommodation: false,
    meals: true,
    location: GUYANG,
    address: '固阳县金山镇',
    regionCode: '150222102',
    crossProvinceTransfer: false,
    requiredCertificates: [],
    validFrom: '2026-01-01',
    validUntil: '2099-12-31',
    ...overrides,
  };
}

/** Writes positions of `employer` straight into the table, as its repository stores them (epochs raised, the map counted). */
export async function putPositions(ctx: AppContext, employer: Employer, inputs: PositionInput[]): Promise<PositionRecord[]> {
  const records = inputs.map((input) => ({
    position: newPosition(employer, input, 'open'),
    employerVerified: employer.verification.status === 'verified',
  }));
  await putNewPositions(ctx.table, records);
  return records;
}

/** A worker account bound to a new registry record in 金山镇; returns its token and record id. */
export async function boundWorker(api: TestApi, n: number, overrides: Record<string, unknown> = {}) {
  const userId = `test-worker-${n}`;
  const user: User = {
    userId,
    role: 'worker',
    displayName: `测试${n}`,
    regionCode: JINSHAN_VILLAGE,
    careMode: false,
    createdAt: new Date().toISOString(),
    version: 1,
  };
  await api.ctx.users.create(user);
  // A county registrar who approves nothing: whoever registers a person vouches for their groups (四眼原则).
  const staff = { userId: 'test-registrar', role: 'staff' as const, regionCode: '150222' };
  const input = workerInputSchema.parse(
    workerInput({ idNumber: idNumber('150222', '19800101', 300 + n), name: `测试${n}`, ...overrides }),
  );
  const worker = await api.ctx.workers.create(input, staff);
  await api.ctx.workers.bind(userId, (await api.ctx.workers.getItem(worker.workerId, true))!, undefined);
  // The record too: what a month is recorded against (employment.record).
  return { ...worker, token: await api.loginAs(userId), userId };
}

/** demo-employer-1, 金山镇服装加工帮扶车间 (verified, in 金山镇 150222102): its session and its own record. */
export async function demoWorkshop(api: TestApi): Promise<{ token: string; employer: Employer }> {
  const token = await api.loginAs('demo-employer-1');
  const employer = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
  return { token, employer };
}

/** A new account like `user` (its role and region) with no employer profile yet; returns its session. */
export async function accountWithoutProfile(api: TestApi, user: User, userId: string): Promise<string> {
  await api.ctx.users.create({ ...user, userId, employerId: undefined as never, version: 1 });
  return api.loginAs(userId);
}

/** A profile as 单位信息 sends it: a firm in 金山镇; override what a test is about. */
export function employerProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: '金山镇新开服装厂',
    kind: 'enterprise',
    regionCode: '150222102',
    location: GUYANG,
    address: '金山镇工业园',
    contactName: '李经理',
    contactPhone: '13904720000',
    ...overrides,
  };
}
