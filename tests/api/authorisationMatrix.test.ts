/**
 * The authorisation matrix: every route × every kind of caller × {own region, another
 * region, another county; own object, another's object}, against the real app on the
 * demo county. The expected outcome of each route is written down here, independently
 * of the route's own declaration; a route without a row fails the test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_CONTRACTS,
  chinaDate,
  chinaMonth,
  codeUrl,
  isWithinRegion,
  servicePointInputSchema,
  workerInputSchema,
  type Employer,
  type Principal,
} from '@bangfu/shared';
import { allRoutes } from '../../functions/src/app.js';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';
import { idNumber, JINSHAN_VILLAGE, workerInput, XIDOUPU_VILLAGE } from '../support/people.js';
import { positionInput, putPositions } from '../support/positions.js';
import { csvLine, HEADER, personRow } from '../support/registryFile.js';

/** Who calls: an anonymous client and one account of each kind, with the region each serves. */
const CALLERS = {
  anonymous: { userId: undefined, regionCode: undefined },
  worker: { userId: 'demo-worker-1', regionCode: undefined },
  employer: { userId: 'demo-employer-1', regionCode: undefined },
  village: { userId: 'demo-staff-village-1', regionCode: JINSHAN_VILLAGE },
  township: { userId: 'demo-staff-township-1', regionCode: '150222102' },
  otherTownship: { userId: 'demo-staff-township-2', regionCode: '150222103' },
  county: { userId: 'demo-staff-county', regionCode: '150222' },
  countyFinance: { userId: 'demo-staff-county-finance', regionCode: '150222' },
  admin: { userId: 'demo-admin', regionCode: '150222' },
  /** A family member acting for demo-worker-1 (亲情服务): their acting session on that account. */
  proxy: { userId: 'demo-worker-1', regionCode: undefined },
} as const;
type Caller = keyof typeof CALLERS;
const ROLE_OF: Record<Caller, string | undefined> = {
  anonymous: undefined,
  worker: 'worker',
  employer: 'employer',
  village: 'staff',
  township: 'staff',
  otherTownship: 'staff',
  county: 'staff',
  countyFinance: 'staff',
  admin: 'admin',
  proxy: 'worker',
};

/** What a route is called about: the same kinds of objects in four places. */
interface Target {
  name: string;
  village: string;
  township: string;
  workerId: string;
  employerId: string;
  positionId: string;
  /** Where the stored employer is, and the region whose staff oversee the position (its employer’s). */
  employerRegion: string;
  positionRegion: string;
  claimId: string;
  batchId: string;
  /** A 乡村公益性岗位 in the target's village. */
  postId: string;
  /** A 以工代赈 project in the target's village, built by the target's employer. */
  projectId: string;
  /** A village 就业服务点 in the target's village. */
  pointId: string;
  /** demo-employer-1's own objects (and demo-worker-1's own record). */
  ownedByCallers: boolean;
}
const OTHER_COUNTY_VILLAGE = '150221100200'; // 土默特右旗: outside every demo account's region

/**
 * Who may call a route: `anyone` (no login), a role whatever the target, or, for a route about
 * a region or an object, staff or admins whose region holds it, the employer it belongs to,
 * or the staff member who made it.
 */
type May =
  | 'anyone'
  | 'worker'
  | 'employer'
  | 'staff'
  | 'staffInRegion'
  | 'adminInRegion'
  /** Staff or admins in region whose own region is a township or coarser (设岗 is not a village's). */
  | 'townshipUpInRegion'
  /** Staff in region holding the duty: 审核 (review) or 发放 (pay), kept apart (finding 7). */
  | 'reviewerInRegion'
  | 'payerInRegion'
  /** County staff in region holding the duty 复核 (recheck): who orders money back (追回). */
  | 'countyRecheckerInRegion'
  | 'ownerEmployer'
  | 'maker';

/** The demo accounts' duties, as the seed gives them: the bureau reviews and rechecks, its finance officer pays. */
const DUTIES: Partial<Record<Caller, readonly string[]>> = {
  township: ['review'],
  otherTownship: ['review'],
  county: ['review', 'recheck'],
  countyFinance: ['pay'],
};

interface Call {
  path: string;
  body?: unknown;
  /** The region the call is about, for `staffInRegion` (an object's region, or the region asked for). */
  region?: string;
}
interface Row {
  may: readonly May[];
  /** A request about the target; rows without a target are called once per caller. */
  call: (t: Target) => Call;
  perTarget?: true;
}

const month = () => new Date().toISOString().slice(0, 7);
/** A well-formed link id of an account that has none. */
const strayLink = () => `f_${Buffer.from('matrix-nobody').toString('base64url')}.${randomUUID().replace(/-/g, '')}`;

/**
 * 亲情服务: what a family member acting for the matrix's worker may reach, besides what anyone may;
 * every other route refuses them (403), whatever the worker could do there.
 */
const PROXY_MAY = new Set([
  'GET /api/v1/me',
  'GET /api/v1/me/worker',
  'GET /api/v1/me/employment',
  'POST /api/v1/positions/:positionId/applications',
  'GET /api/v1/me/applications',
  'GET /api/v1/me/applications/:positionId',
  'GET /api/v1/me/recommendations',
  'POST /api/v1/me/recommendations/:positionId/dismiss',
  'POST /api/v1/subsidies/evaluate',
  'GET /api/v1/me/subsidies',
  'POST /api/v1/me/subsidies/claims',
  'GET /api/v1/me/claims',
  'GET /api/v1/me/payout-account',
]);
const STAFF_IN_REGION = ['staffInRegion'] as const;

/** Every route's expected outcome, keyed by its declaration. Destructive rows come last. */
const ROWS: Record<string, Row> = {
  'POST /api/v1/auth/wechat': { may: ['anyone'], call: () => ({ path: '/api/v1/auth/wechat', body: { code: 'matrix-code' } }) },
  'POST /api/v1/auth/dev-login': {
    may: ['anyone'],
    call: () => ({ path: '/api/v1/auth/dev-login', body: { userId: 'nobody' } }),
  },
  'GET /api/v1/auth/dev-users': { may: ['anyone'], call: () => ({ path: '/api/v1/auth/dev-users' }) },
  'GET /api/v1/me': { may: ['worker', 'employer', 'staff'], call: () => ({ path: '/api/v1/me' }) },
  'GET /api/v1/users': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/users?regionCode=${t.village}`, region: t.village }),
  },
  'GET /api/v1/regions/:code': { may: ['anyone'], call: () => ({ path: '/api/v1/regions/150222' }) },
  'GET /api/v1/regions/:code/parameters': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/regions/${t.township}/parameters`, region: t.township }),
  },
  'GET /api/v1/regions/:code/policies': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/regions/${t.township}/policies`, region: t.township }),
  },
  'GET /api/v1/registry/workers': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers?regionCode=${t.village}`, region: t.village }),
  },
  'GET /api/v1/registry/workers/:workerId': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}?purpose=service`, region: t.village }),
  },
  'GET /api/v1/registry/workers/:workerId/audit': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/audit`, region: t.village }),
  },
  'GET /api/v1/registry/workers/:workerId/employment': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/employment`, region: t.village }),
  },
  'GET /api/v1/registry/workers/:workerId/employment/:month/history': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/employment/${month()}/history`, region: t.village }),
  },
  'GET /api/v1/registry/workers/:workerId/services': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/services`, region: t.village }),
  },
  'GET /api/v1/me/worker': { may: ['worker'], call: () => ({ path: '/api/v1/me/worker' }) },
  'GET /api/v1/me/employment': { may: ['worker'], call: () => ({ path: '/api/v1/me/employment' }) },
  'GET /api/v1/registry/reports': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/reports?regionCode=${t.township}&month=${month()}`, region: t.township }),
  },
  'GET /api/v1/registry/export': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/export?regionCode=${t.village}`, region: t.village }),
  },
  'GET /api/v1/registry/imports/:importId': { may: ['maker'], call: () => ({ path: `/api/v1/registry/imports/${importId}` }) },
  'GET /api/v1/positions/nearby': {
    may: ['anyone'],
    call: () => ({ path: '/api/v1/positions/nearby?lat=41.034&lng=110.063&radiusKm=20' }),
  },
  'GET /api/v1/positions/map': {
    may: ['anyone'],
    call: () => ({ path: '/api/v1/positions/map?south=40.9&west=109.9&north=41.2&east=110.3&zoom=10' }),
  },
  'GET /api/v1/positions/:positionId': {
    may: ['anyone'], // every target's position is open and its employer verified: on the public map
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}` }),
  },
  'GET /api/v1/positions': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/me/positions': { may: ['employer'], call: () => ({ path: '/api/v1/me/positions' }) },
  'GET /api/v1/positions/:positionId/applications': {
    may: ['ownerEmployer', 'staffInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/applications`, region: t.positionRegion }),
  },
  'GET /api/v1/positions/:positionId/candidates': {
    may: ['ownerEmployer', 'staffInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/candidates`, region: t.positionRegion }),
  },
  'GET /api/v1/me/applications': { may: ['worker'], call: () => ({ path: '/api/v1/me/applications' }) },
  'GET /api/v1/me/applications/:positionId': {
    may: ['worker'], // only ever the caller's own application
    perTarget: true,
    call: (t) => ({ path: `/api/v1/me/applications/${t.positionId}` }),
  },
  'GET /api/v1/me/recommendations': { may: ['worker'], call: () => ({ path: '/api/v1/me/recommendations' }) },
  // 岗位订阅: only ever the caller's own searches and inbox (another's search id is not found in theirs).
  'GET /api/v1/me/alerts': { may: ['worker'], call: () => ({ path: '/api/v1/me/alerts' }) },
  'GET /api/v1/me/alerts/inbox': { may: ['worker'], call: () => ({ path: '/api/v1/me/alerts/inbox' }) },
  'GET /api/v1/matching/coverage': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/matching/coverage?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/monitoring/figures': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/monitoring/figures?regionCode=${t.township}&from=2026-01&to=2026-06`, region: t.township }),
  },
  'GET /api/v1/monitoring/children': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/monitoring/children?regionCode=${t.township}&month=2026-06`, region: t.township }),
  },
  'GET /api/v1/monitoring/quarterly-report': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/monitoring/quarterly-report?regionCode=${t.township}&quarter=2026-Q4`, region: t.township }),
  },
  'GET /api/v1/monitoring/task-table': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/monitoring/task-table?regionCode=${t.township}&month=2026-06`, region: t.township }),
  },
  'GET /api/v1/service-points': {
    may: ['anyone'],
    call: () => ({ path: '/api/v1/service-points?minLat=40.9&minLng=109.9&maxLat=41.2&maxLng=110.3' }),
  },
  'GET /api/v1/regions/:code/service-points': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/regions/${t.township}/service-points`, region: t.township }),
  },
  'GET /api/v1/welfare-posts': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/welfare-posts?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/welfare-posts/:postId': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/welfare-posts/${t.postId}`, region: t.village }),
  },
  'GET /api/v1/welfare-posts/:postId/candidates': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/welfare-posts/${t.postId}/candidates`, region: t.village }),
  },
  'GET /api/v1/welfare-posts/:postId/attendance/:month': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/welfare-posts/${t.postId}/attendance/${month()}`, region: t.village }),
  },
  'GET /api/v1/welfare-posts/months/:month': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/welfare-posts/months/${month()}?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/me/welfare-post': { may: ['worker'], call: () => ({ path: '/api/v1/me/welfare-post' }) },
  'GET /api/v1/relief-projects': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/relief-projects?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/me/relief-projects': { may: ['employer'], call: () => ({ path: '/api/v1/me/relief-projects' }) },
  'GET /api/v1/relief-projects/:projectId': {
    may: ['staffInRegion', 'ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}`, region: t.village }),
  },
  'GET /api/v1/relief-projects/:projectId/candidates': {
    may: ['staffInRegion', 'ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}/candidates`, region: t.village }),
  },
  'GET /api/v1/relief-projects/:projectId/wages/:month': {
    may: ['staffInRegion', 'ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}/wages/${month()}`, region: t.village }),
  },
  'GET /api/v1/relief-projects/:projectId/wages/:month/file': {
    may: ['staffInRegion', 'ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}/wages/${month()}/file`, region: t.village }),
  },
  'GET /api/v1/me/relief-work': { may: ['worker'], call: () => ({ path: '/api/v1/me/relief-work' }) },
  'GET /api/v1/tasks': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/tasks?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/tasks/:taskId': {
    may: STAFF_IN_REGION,
    call: () => ({ path: `/api/v1/tasks/${taskId}`, region: JINSHAN_VILLAGE }),
  },
  'POST /api/v1/tasks/:taskId/actions': {
    may: STAFF_IN_REGION,
    call: () => ({
      path: `/api/v1/tasks/${taskId}/actions`,
      body: { kind: 'homeVisit', note: '上门了解情况' },
      region: JINSHAN_VILLAGE,
    }),
  },
  'POST /api/v1/tasks/:taskId/close': {
    may: STAFF_IN_REGION,
    call: () => ({ path: `/api/v1/tasks/${taskId}/close`, region: JINSHAN_VILLAGE }),
  },
  'GET /api/v1/me/employer': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer' }) },
  'GET /api/v1/employers': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/employers?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/me/subsidies': { may: ['worker'], call: () => ({ path: '/api/v1/me/subsidies' }) },
  'GET /api/v1/me/claims': { may: ['worker'], call: () => ({ path: '/api/v1/me/claims' }) },
  'GET /api/v1/me/payout-account': { may: ['worker'], call: () => ({ path: '/api/v1/me/payout-account' }) },
  'GET /api/v1/claims': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/claims?regionCode=${t.village}&status=submitted`, region: t.village }),
  },
  'GET /api/v1/me/employer/subsidies': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer/subsidies' }) },
  'GET /api/v1/me/employer/claims': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer/claims' }) },
  'GET /api/v1/me/employer/payout-account': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer/payout-account' }) },
  'GET /api/v1/registry/workers/:workerId/payout-account': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/payout-account`, region: t.village }),
  },
  'GET /api/v1/employers/:employerId/payout-account': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/employers/${t.employerId}/payout-account`, region: t.employerRegion }),
  },
  'GET /api/v1/claims/payments/:batchId/file': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/claims/payments/${t.batchId}/file`, region: t.township }),
  },
  'GET /api/v1/claims/payments': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/claims/payments?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/claims/payments/:batchId': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/claims/payments/${t.batchId}`, region: t.township }),
  },
  'POST /api/v1/subsidies/evaluate': {
    may: ['worker', 'employer', 'staff'],
    call: () => ({ path: '/api/v1/subsidies/evaluate', body: { regionCode: '150222', period: month(), facts: {} } }),
  },

  // Writes: each allowed call may change the target, so these come after the reads.
  'PATCH /api/v1/me': { may: ['worker', 'employer', 'staff'], call: () => ({ path: '/api/v1/me', body: { version: 1 } }) },
  'POST /api/v1/registry/workers': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: '/api/v1/registry/workers',
      body: workerInput({ villageCode: t.village, idNumber: idNumber(t.village.slice(0, 6), '19790101', nextSequence()) }),
      region: t.village,
    }),
  },
  'PATCH /api/v1/registry/workers/:workerId': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}`, body: { version: 999 }, region: t.village }),
  },
  'PUT /api/v1/registry/workers/:workerId/circumstances': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/circumstances`,
      body: { kind: 'insured', version: 999, value: { from: '2026-01' } },
      region: t.village,
    }),
  },
  'PUT /api/v1/me/circumstances': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/circumstances', body: { kind: 'insured', version: 999, value: { from: '2026-01' } } }),
  },
  'POST /api/v1/registry/workers/:workerId/reveal': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/reveal`,
      body: { reason: '核对银行退回的发放' },
      region: t.village,
    }),
  },
  'PUT /api/v1/registry/workers/:workerId/employment/:month': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/employment/${month()}`, body: {}, region: t.village }),
  },
  'POST /api/v1/registry/workers/:workerId/services': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/services`,
      body: { kind: 'careerGuidance', note: '电话讲了外出务工的准备' },
      region: t.village,
    }),
  },
  'PUT /api/v1/registry/workers/:workerId/payout-account': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/payout-account`,
      body: { kind: 'socialSecurityCard', number: '6217991234567890123' },
      region: t.village,
    }),
  },
  'POST /api/v1/registry/workers/:workerId/bind-lockout/clear': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/bind-lockout/clear`,
      body: { reason: '本人来站点核对过身份证' },
      region: t.village,
    }),
  },
  'POST /api/v1/me/worker/bind': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/worker/bind', body: { name: '某某', idNumber: demoIdNumber(40) } }),
  },
  'PATCH /api/v1/me/worker': { may: ['worker'], call: () => ({ path: '/api/v1/me/worker', body: { version: 999 } }) },
  'PUT /api/v1/me/employment/:month': {
    may: ['worker'],
    call: () => ({ path: `/api/v1/me/employment/${month()}`, body: {} }),
  },
  'POST /api/v1/registry/reports': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: '/api/v1/registry/reports', body: { month: month(), regionCode: t.village }, region: t.village }),
  },
  'POST /api/v1/registry/imports': {
    may: ['staff'], // the importer checks each row's village against the caller's region
    call: () => ({ path: `/api/v1/registry/imports?importId=${randomUUID()}` }),
  },
  'POST /api/v1/positions': { may: ['employer'], call: () => ({ path: '/api/v1/positions', body: {} }) },
  'PATCH /api/v1/positions/:positionId': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}`, body: { version: 999 } }),
  },
  'POST /api/v1/positions/:positionId/publish': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/publish`, body: { version: 999 } }),
  },
  'POST /api/v1/positions/:positionId/applications': {
    may: ['worker'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/applications` }),
  },
  'POST /api/v1/positions/:positionId/applications/:workerId/decision': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/positions/${t.positionId}/applications/${t.workerId}/decision`,
      body: { decision: 'reject', reason: '岗位已满' },
    }),
  },
  'POST /api/v1/positions/:positionId/applications/:workerId/hire': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/applications/${t.workerId}/hire`, body: {} }),
  },
  'POST /api/v1/me/alerts': {
    may: ['worker'],
    call: () => ({
      path: '/api/v1/me/alerts',
      body: { label: '金山镇附近', centre: { lat: 41.034, lng: 110.063 }, placeName: '金山镇', radiusKm: 10 },
    }),
  },
  'PATCH /api/v1/me/alerts/:alertId': {
    may: ['worker'],
    call: () => ({ path: `/api/v1/me/alerts/a_${randomUUID()}`, body: { version: 1, radiusKm: 20 } }),
  },
  'DELETE /api/v1/me/alerts/:alertId': {
    may: ['worker'],
    call: () => ({ path: `/api/v1/me/alerts/a_${randomUUID()}?version=1` }),
  },
  'POST /api/v1/me/alerts/:alertId/consents': {
    may: ['worker'],
    call: () => ({ path: `/api/v1/me/alerts/a_${randomUUID()}/consents`, body: { templateId: 'tmpl' } }),
  },
  'POST /api/v1/me/alerts/inbox/read': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/alerts/inbox/read', body: { upTo: new Date().toISOString() } }),
  },
  'POST /api/v1/me/recommendations/:positionId/dismiss': {
    may: ['worker'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/me/recommendations/${t.positionId}/dismiss` }),
  },
  'POST /api/v1/me/employer': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer', body: {} }) },
  'PATCH /api/v1/me/employer': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer', body: { version: 999 } }) },
  'POST /api/v1/employers/:employerId/verification': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/employers/${t.employerId}/verification`,
      body: { version: 999, decision: 'verified' },
      region: t.employerRegion,
    }),
  },
  'PUT /api/v1/employers/:employerId/workshop': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/employers/${t.employerId}/workshop`, body: { version: 999 }, region: t.employerRegion }),
  },
  'POST /api/v1/me/subsidies/claims': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/subsidies/claims', body: { idempotencyKey: randomUUID(), subsidies: ['startup_once'] } }),
  },
  'POST /api/v1/me/employer/subsidies/claims': {
    may: ['employer'],
    call: () => ({ path: '/api/v1/me/employer/subsidies/claims', body: { idempotencyKey: randomUUID(), subsidies: [] } }),
  },
  'POST /api/v1/me/payout-account/notices': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/payout-account/notices', body: { templateId: 'matrix-template' } }),
  },
  'POST /api/v1/me/payout-account/answer': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/payout-account/answer', body: { enteredAt: new Date().toISOString(), answer: 'mine' } }),
  },
  'PUT /api/v1/me/employer/payout-account': {
    may: ['employer'],
    call: () => ({ path: '/api/v1/me/employer/payout-account', body: {} }),
  },
  'POST /api/v1/regions/:code/policies': {
    may: ['adminInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/regions/${t.township}/policies`, body: {}, region: t.township }),
  },
  'POST /api/v1/regions/:code/policies/:documentId/confirm': {
    may: ['adminInRegion'],
    perTarget: true,
    // No such document: 404 for those who may, before anything is written.
    call: (t) => ({
      path: `/api/v1/regions/${t.township}/policies/ld-00000000-0000-4000-8000-000000000000/confirm`,
      region: t.township,
    }),
  },
  'PUT /api/v1/regions/:code/parameters/:key': {
    may: ['adminInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/regions/${t.township}/parameters/transportOnceFen`, body: {}, region: t.township }),
  },
  'POST /api/v1/regions/:code/parameters/:key/confirm': {
    may: ['adminInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/regions/${t.township}/parameters/transportOnceFen/confirm`,
      body: { proposedAt: '2026-01-01T00:00:00.000Z' },
      region: t.township,
    }),
  },
  'PUT /api/v1/monitoring/targets/:countyCode/:year': {
    may: ['adminInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/monitoring/targets/${t.village.slice(0, 6)}/2026`, body: {}, region: t.village.slice(0, 6) }),
  },
  'POST /api/v1/welfare-posts': {
    may: ['townshipUpInRegion'],
    perTarget: true,
    call: (t) => ({ path: '/api/v1/welfare-posts', body: postInput(t.village), region: t.village }),
  },
  'POST /api/v1/welfare-posts/:postId/holders': {
    may: STAFF_IN_REGION,
    perTarget: true,
    // An agreement longer than a year: refused as input (400) by those who may, before anything is written.
    call: (t) => ({
      path: `/api/v1/welfare-posts/${t.postId}/holders`,
      body: { workerId: t.workerId, startsOn: '2026-01-01', endsOn: '2027-06-30' },
      region: t.village,
    }),
  },
  'PUT /api/v1/welfare-posts/:postId/attendance/:month': {
    may: STAFF_IN_REGION,
    perTarget: true,
    // More days required than a month has: refused as input (400) by those who may.
    call: (t) => ({
      path: `/api/v1/welfare-posts/${t.postId}/attendance/${month()}`,
      body: { daysRequired: 40, lines: [{ workerId: t.workerId, daysWorked: 1 }], device: 'matrix-phone-000001' },
      region: t.village,
    }),
  },
  'POST /api/v1/welfare-posts/:postId/flags': {
    may: ['townshipUpInRegion'],
    perTarget: true,
    // No such flag this month: 404 (not the scope's field) for those who may.
    call: (t) => ({
      path: `/api/v1/welfare-posts/${t.postId}/flags`,
      body: { flagId: `householdTwoPosts.${t.postId}.${t.workerId}`, month: month(), reason: '已入户核实情况' },
      region: t.village,
    }),
  },
  'POST /api/v1/service-points': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: '/api/v1/service-points', body: pointInput(t.village), region: t.village }),
  },
  'PUT /api/v1/service-points/:pointId': {
    may: STAFF_IN_REGION,
    perTarget: true,
    // The first who may changes it; those after them hold a stale version (409).
    call: (t) => ({
      path: `/api/v1/service-points/${t.pointId}`,
      body: { ...pointChange(pointInput(t.village)), version: 1 },
      region: t.village,
    }),
  },
  'DELETE /api/v1/service-points/:pointId': {
    may: STAFF_IN_REGION,
    perTarget: true,
    // A version never reached: refused as stale (409) by those who may, so the point stays for the rows after.
    call: (t) => ({ path: `/api/v1/service-points/${t.pointId}?version=999`, region: t.village }),
  },
  'POST /api/v1/me/welfare-post/attendance/:month': {
    may: ['worker'],
    // The matrix's worker is on no post: 404 for them, the answer never reaches a line.
    call: () => ({
      path: `/api/v1/me/welfare-post/attendance/${month()}`,
      body: { version: 1, answer: 'confirm', device: 'matrix-phone-000001' },
    }),
  },
  'POST /api/v1/relief-projects': {
    may: ['townshipUpInRegion'],
    perTarget: true,
    call: (t) => ({ path: '/api/v1/relief-projects', body: projectInput(t.village, DEMO_CONTRACTOR), region: t.village }),
  },
  'POST /api/v1/relief-projects/:projectId/roster': {
    may: ['staffInRegion', 'ownerEmployer'],
    perTarget: true,
    // No trade: refused as input (400) by those who may, before anything is written.
    call: (t) => ({
      path: `/api/v1/relief-projects/${t.projectId}/roster`,
      body: { workerId: t.workerId, trade: '' },
      region: t.village,
    }),
  },
  'POST /api/v1/relief-projects/:projectId/roster/:workerId/leave': {
    may: ['staffInRegion', 'ownerEmployer'],
    perTarget: true,
    // Nobody is on the fixture's roster: 409 for those who may.
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}/roster/${t.workerId}/leave`, region: t.village }),
  },
  'PUT /api/v1/relief-projects/:projectId/wages/:month': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}/wages/${month()}`, body: { lines: [] }, region: t.village }),
  },
  'POST /api/v1/relief-projects/:projectId/wages/:month/payments': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/relief-projects/${t.projectId}/wages/${month()}/payments`,
      body: { workerIds: [], paidOn: '2026-12-01' },
      region: t.village,
    }),
  },
  'POST /api/v1/relief-projects/:projectId/wages/:month/bank-file': {
    may: ['ownerEmployer'],
    perTarget: true,
    // A JSON body is not a file: the project's contractor is answered 400, everyone else refused first.
    call: (t) => ({ path: `/api/v1/relief-projects/${t.projectId}/wages/${month()}/bank-file`, region: t.village }),
  },
  'POST /api/v1/me/relief-work/:projectId/wages/:month': {
    may: ['worker'],
    // The matrix's worker is on no roster: 404 for them.
    call: (t) => ({
      path: `/api/v1/me/relief-work/${t.projectId}/wages/${month()}`,
      body: { version: 1, answer: 'confirm', device: 'matrix-phone-000001' },
    }),
  },
  'POST /api/v1/me/claims/:claimId/receipt': {
    may: ['worker'],
    // The target's claim is not the matrix worker's: 404 for them, refused for everyone else.
    call: (t) => ({ path: `/api/v1/me/claims/${t.claimId}/receipt`, body: { answer: 'notReceived' } }),
  },
  'POST /api/v1/welfare-posts/:postId/holders/:workerId/leave': {
    may: STAFF_IN_REGION,
    perTarget: true,
    // Nobody is on the target's post: refused as a conflict (409) by those who may.
    call: (t) => ({
      path: `/api/v1/welfare-posts/${t.postId}/holders/${t.workerId}/leave`,
      body: { lastDay: '2026-12-01', reason: 'resigned' },
      region: t.village,
    }),
  },
  'POST /api/v1/claims/:claimId/decision': {
    may: ['reviewerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/claims/${t.claimId}/decision`,
      body: { version: 999, decision: 'reject', reason: '材料不全' },
      region: t.village,
    }),
  },
  'POST /api/v1/claims/:claimId/reopen': {
    may: ['reviewerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/claims/${t.claimId}/reopen`,
      body: { version: 999, reason: '群众反映情况不实' },
      region: t.village,
    }),
  },
  'POST /api/v1/claims/:claimId/recovery': {
    may: ['countyRecheckerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/claims/${t.claimId}/recovery`,
      body: { version: 999, amountFen: 100, reason: '顶岗替岗，实际由他人上岗' },
      region: t.village,
    }),
  },
  'POST /api/v1/claims/:claimId/recovery/received': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/claims/${t.claimId}/recovery/received`,
      body: { version: 999, bankReference: 'ZH-0001' },
      region: t.village,
    }),
  },
  'POST /api/v1/claims/:claimId/recovery/write-off': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/claims/${t.claimId}/recovery/write-off`,
      body: { version: 999, documentNo: '固人社发〔2027〕3号', reason: '本人已去世，没有遗产' },
      region: t.village,
    }),
  },
  'POST /api/v1/claims/payments': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: '/api/v1/claims/payments',
      body: { regionCode: t.township, idempotencyKey: randomUUID() },
      region: t.township,
    }),
  },
  'POST /api/v1/claims/payments/:batchId/returns': {
    may: ['payerInRegion'],
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/claims/payments/${t.batchId}/returns`,
      body: { claimId: 'c_none', reason: 'accountClosed', bankReference: 'R-0001' },
      region: t.township,
    }),
  },
  'POST /api/v1/claims/payments/:batchId/return-file': {
    may: ['payerInRegion'],
    perTarget: true,
    // A JSON body is not a file: a payer in the region is answered 400 after the duty is checked.
    call: (t) => ({ path: `/api/v1/claims/payments/${t.batchId}/return-file`, region: t.township }),
  },
  'POST /api/v1/positions/:positionId/close': {
    may: ['ownerEmployer'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/close`, body: { version: 999 } }),
  },
  'POST /api/v1/positions/:positionId/takedown': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/positions/${t.positionId}/takedown`,
      body: { version: 999, reason: '信息不实，请核对' },
      region: t.positionRegion,
    }),
  },
  'PUT /api/v1/me/household': {
    may: ['staff'],
    call: () => ({ path: '/api/v1/me/household', body: { idNumbers: [idNumber('150222', '19700101', nextSequence())] } }),
  },
  'POST /api/v1/registry/workers/:workerId/employment/:month/confirmation': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/employment/${month()}/confirmation`,
      body: { revision: 1 },
      region: t.village,
    }),
  },
  'POST /api/v1/registry/workers/:workerId/payout-account/confirm': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/registry/workers/${t.workerId}/payout-account/confirm`,
      body: { setAt: '2026-01-01T00:00:00.000Z' },
      region: t.village,
    }),
  },
  'POST /api/v1/employers/:employerId/payout-account/confirm': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: `/api/v1/employers/${t.employerId}/payout-account/confirm`,
      body: { setAt: '2026-01-01T00:00:00.000Z' },
      region: t.employerRegion,
    }),
  },
  'POST /api/v1/users/:userId/sessions/end': {
    may: STAFF_IN_REGION,
    perTarget: true,
    // An account nobody logs in with: ending a caller's own sessions would end this test's.
    call: (t) => ({ path: '/api/v1/users/matrix-nobody/sessions/end', body: { regionCode: t.village }, region: t.village }),
  },
  // 就业帮扶码 (codes signed in beforeAll: a worker's for each target, a village poster's, one scan by the township officer).
  'POST /api/v1/me/code': { may: ['worker'], call: () => ({ path: '/api/v1/me/code' }) },
  'GET /api/v1/me/code/requests': { may: ['worker'], call: () => ({ path: '/api/v1/me/code/requests' }) },
  'GET /api/v1/me/data-uses': { may: ['worker'], call: () => ({ path: '/api/v1/me/data-uses' }) },
  'GET /api/v1/me/difficulties': { may: ['worker'], call: () => ({ path: '/api/v1/me/difficulties' }) },
  'POST /api/v1/me/difficulties': {
    may: ['worker'],
    call: () => ({
      path: '/api/v1/me/difficulties',
      body: { kind: 'noWork', since: chinaMonth(new Date()), detail: '回来了找不到活' },
    }),
  },
  'GET /api/v1/me/employer/shares': { may: ['employer'], call: () => ({ path: '/api/v1/me/employer/shares' }) },
  'POST /api/v1/codes/scan': {
    may: ['employer', 'staff'], // what each sees differs (card, desk, consent): tests/api/codes.test.ts
    perTarget: true,
    call: (t) => ({ path: '/api/v1/codes/scan', body: { code: workerCodes.get(t.workerId) } }),
  },
  'GET /api/v1/codes/scans/:scanId': { may: ['maker'], call: () => ({ path: `/api/v1/codes/scans/${townshipScanId}` }) },
  'POST /api/v1/codes/scans/:scanId/services': {
    may: ['maker'],
    call: () => ({
      path: `/api/v1/codes/scans/${townshipScanId}/services`,
      body: { kind: 'policyExplained', note: '讲了一次性交通补助' },
    }),
  },
  'GET /api/v1/codes/open': {
    may: ['anyone'],
    call: () => ({ path: `/api/v1/codes/open?code=${encodeURIComponent(villageCode)}` }),
  },
  'GET /api/v1/codes/villages/:code': { may: ['anyone'], call: () => ({ path: `/api/v1/codes/villages/${JINSHAN_VILLAGE}` }) },
  'GET /api/v1/codes/employers/:employerId': {
    may: ['anyone'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/codes/employers/${t.employerId}` }),
  },
  'GET /api/v1/positions/:positionId/poster': {
    may: ['ownerEmployer', 'staffInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/positions/${t.positionId}/poster`, region: t.positionRegion }),
  },
  'GET /api/v1/employers/:employerId/poster': {
    may: ['ownerEmployer', 'staffInRegion'],
    perTarget: true,
    call: (t) => ({ path: `/api/v1/employers/${t.employerId}/poster`, region: t.employerRegion }),
  },
  'GET /api/v1/codes/posters': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/codes/posters?regionCode=${t.village}&what=villages`, region: t.village }),
  },
  'GET /api/v1/events': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/events?regionCode=${t.township}`, region: t.township }),
  },
  'GET /api/v1/codes/events/:eventId': { may: ['anyone'], call: () => ({ path: `/api/v1/codes/events/${eventId}` }) },
  'GET /api/v1/events/:eventId/attendance': {
    may: STAFF_IN_REGION,
    call: () => ({ path: `/api/v1/events/${eventId}/attendance`, region: '150222102' }),
  },
  'GET /api/v1/events/:eventId/poster': {
    may: STAFF_IN_REGION,
    call: () => ({ path: `/api/v1/events/${eventId}/poster`, region: '150222102' }),
  },
  'POST /api/v1/events': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({
      path: '/api/v1/events',
      body: {
        title: `${t.name}招聘会`,
        regionCode: t.township,
        place: '镇政府院内',
        date: chinaDate(new Date()),
        positionIds: [t.positionId],
      },
      region: t.township,
    }),
  },
  'POST /api/v1/events/:eventId/check-in': { may: ['worker'], call: () => ({ path: `/api/v1/events/${eventId}/check-in` }) },
  'POST /api/v1/me/code/requests/:requestId': {
    may: ['worker'],
    call: () => ({ path: `/api/v1/me/code/requests/q_${randomUUID()}`, body: { answer: 'refuse' } }),
  },
  'DELETE /api/v1/me/shares/:shareId': { may: ['worker'], call: () => ({ path: `/api/v1/me/shares/h_${randomUUID()}` }) },
  'POST /api/v1/me/code/renew': { may: ['worker'], call: () => ({ path: '/api/v1/me/code/renew' }) },
  'POST /api/v1/registry/workers/:workerId/unbind': {
    may: STAFF_IN_REGION,
    perTarget: true,
    call: (t) => ({ path: `/api/v1/registry/workers/${t.workerId}/unbind`, body: { reason: '本人换了手机' }, region: t.village }),
  },
  // 亲情服务: every route about one's own links; ids and codes that match nothing (404, 409) still show who may call.
  'GET /api/v1/me/family': { may: ['worker'], call: () => ({ path: '/api/v1/me/family' }) },
  'POST /api/v1/me/family/invitations': { may: ['worker'], call: () => ({ path: '/api/v1/me/family/invitations' }) },
  'POST /api/v1/me/family/accept': {
    may: ['worker'],
    call: () => ({ path: '/api/v1/me/family/accept', body: { code: '00000000', name: '某某', relation: 'child', adult: true } }),
  },
  'POST /api/v1/me/family/:linkId/confirm': {
    may: ['worker'],
    call: () => ({ path: `/api/v1/me/family/${strayLink()}/confirm` }),
  },
  'DELETE /api/v1/me/family/:linkId': { may: ['worker'], call: () => ({ path: `/api/v1/me/family/${strayLink()}` }) },
  'POST /api/v1/me/family/:linkId/act': { may: ['worker'], call: () => ({ path: `/api/v1/me/family/${strayLink()}/act` }) },
  'POST /api/v1/me/family/:linkId/stop': { may: ['worker'], call: () => ({ path: `/api/v1/me/family/${strayLink()}/stop` }) },
  'GET /api/v1/me/family/acts': { may: ['worker'], call: () => ({ path: '/api/v1/me/family/acts' }) },
  // Last of all: it ends the caller's session.
  'POST /api/v1/auth/logout': { may: ['worker', 'employer', 'staff'], call: () => ({ path: '/api/v1/auth/logout' }) },
};

let api: TestApi;
let wechat: WeChatFake;
let tokens: Partial<Record<Caller, string>>;
let targets: Target[];
let importId: string;
/** A long-lived code of each target's worker (signed as the API signs them), a village poster's code, a scan by the township officer. */
const workerCodes = new Map<string, string>();
let villageCode: string;
let townshipScanId: string;
/** A recruitment event of 金山镇 (150222102), held today by its officer. */
let eventId: string;
/** A warning's task about a village of 金山镇. */
let taskId: string;
let sequence = 500;
const nextSequence = () => sequence++;

/** An employer of another place with one open position there, written through the product's repositories. */
async function employerWithPosition(name: string, township: string, village: string, point: { lat: number; lng: number }) {
  const owner: Principal = { userId: `matrix-owner-${randomUUID().slice(0, 8)}`, role: 'employer' };
  await api.ctx.users.create({
    userId: owner.userId,
    role: 'employer',
    displayName: name,
    careMode: false,
    createdAt: new Date().toISOString(),
    version: 1,
  });
  let employer: Employer = await api.ctx.employers.create(
    {
      name,
      kind: 'enterprise',
      regionCode: village,
      location: point,
      address: `${name}厂区`,
      contactName: '李经理',
      contactPhone: '13904720000',
    },
    owner,
  );
  const county: Principal = { userId: 'demo-staff-county', role: 'staff', regionCode: '150222' };
  employer = await api.ctx.employers.decideVerification(employer, employer.version, 'verified', county, undefined);
  const [record] = await putPositions(api.ctx, employer, [positionInput({ regionCode: township, location: point })]);
  return { employer, positionId: record!.position.positionId };
}

/** A family member of the matrix's worker, linked with the worker's 同意, acting for them: the acting session. */
async function actingForWorker(): Promise<string> {
  const helper = 'matrix-family-member';
  await api.ctx.users.create({
    userId: helper,
    role: 'worker',
    displayName: '刘小军',
    careMode: false,
    createdAt: new Date().toISOString(),
    version: 1,
  });
  const helperToken = await api.loginAs(helper);
  const { code } = (await api.call('POST', '/api/v1/me/family/invitations', { token: tokens.worker })).body;
  const body = { code, name: '刘小军', relation: 'child', adult: true };
  const { linkId } = (await api.call('POST', '/api/v1/me/family/accept', { token: helperToken, body })).body.link;
  expect((await api.call('POST', `/api/v1/me/family/${linkId}/confirm`, { token: tokens.worker })).status).toBe(200);
  return (await api.call('POST', `/api/v1/me/family/${linkId}/act`, { token: helperToken })).body.token;
}

async function workerIn(village: string, name: string) {
  const staff: Principal = { userId: 'demo-staff-county', role: 'staff', regionCode: village.slice(0, 6) };
  const input = workerInputSchema.parse(
    workerInput({ name, villageCode: village, idNumber: idNumber(village.slice(0, 6), '19800101', nextSequence()) }),
  );
  return api.ctx.workers.create(input, staff);
}

async function claimOf(workerId: string, name: string, village: string) {
  const { claim } = await api.ctx.claims.create({
    subsidy: 'transport_once',
    name: '一次性交通补助',
    periodKey: '2026',
    period: '2026-11',
    beneficiary: { kind: 'worker', workerId, name },
    regionCode: village,
    amountFen: 50_000,
    trace: [{ kind: 'rule', text: '2026 年到省外务工，每年补助一次' }],
    reference: { document: '文件 003', section: '(三)' },
    source: 'worker',
    needsSecondApproval: false,
    createdBy: 'matrix-fixture', // made by nobody who decides it
  });
  return claim.claimId;
}

/** A full-time post of two places in `village`, this year and next. */
const postInput = (villageCode: string) => ({
  title: '村庄保洁员',
  category: 'sanitation' as const,
  villageCode,
  duties: '每天清扫村内主干道和公共场所',
  fullTime: true,
  hoursPerWeek: 40,
  fundingSource: 'ruralRevitalisationFund' as const,
  places: 2,
  termStartsOn: '2026-01-01',
  termEndsOn: '2027-12-31',
});

/** A village 就业服务点, as its staff would enter it. */
const pointInput = (regionCode: string) => ({
  kind: 'villageServicePoint' as const,
  name: '村就业服务点',
  regionCode,
  address: '村委会一楼',
  location: { lat: 41.05, lng: 110.05 },
  phone: '0472-8121373',
  hours: { weekly: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }] },
  services: ['jobRegistration' as const],
});
/** What a change sends: the input but the region, which stays. */
const pointChange = ({ regionCode: _, ...fields }: ReturnType<typeof pointInput>) => ({
  ...fields,
  name: '村就业服务点（新址）',
});

/** A 以工代赈 project; the contractor here may be any employer (the route's kind check is the API's, not the store's). */
const projectInput = (villageCode: string, contractorEmployerId: string) => ({
  name: '村道硬化工程',
  ownerUnit: '固阳县交通运输局',
  contractorEmployerId,
  sectorDepartment: '固阳县发展和改革委员会',
  villageCode,
  startsOn: '2026-01-01',
  endsOn: '2027-06-30',
  plannedJobs: 10,
  relocationSite: 'none' as const,
  wageStandard: { unit: 'day' as const, amountFen: 15_000 },
  labourDemand: [{ trade: '普工', count: 10 }],
});
/** 西斗铺镇以工代赈农田水利项目部: a contractor the create route accepts. */
const DEMO_CONTRACTOR = 'e_00000000-0000-4000-8000-000000000003';

/** A finished (empty) payment batch of a township, as the county's finance officer would leave it. */
async function paidBatch(township: string) {
  const { batchId } = await api.ctx.payments.start(`b_${randomUUID()}`, township, 'demo-staff-county-finance');
  await api.ctx.payments.file(batchId, []);
  await api.ctx.payments.finish(batchId, []);
  return batchId;
}

async function target(
  name: string,
  village: string,
  point: { lat: number; lng: number },
  own?: { workerId: string; employer: Employer; positionId: string },
) {
  const township = village.slice(0, 9);
  const worker = own ? { workerId: own.workerId, name: '刘海军' } : await workerIn(village, `${name}工人`);
  const place = own
    ? { employer: own.employer, positionId: own.positionId }
    : await employerWithPosition(`${name}公司`, township, village, point);
  const employer = await api.ctx.employers.get(place.employer.employerId);
  const position = await api.ctx.positions.get(place.positionId);
  return {
    name,
    village,
    township,
    workerId: worker.workerId,
    employerId: place.employer.employerId,
    positionId: place.positionId,
    employerRegion: employer!.regionCode,
    positionRegion: position!.position.employerRegionCode ?? position!.position.regionCode,
    claimId: await claimOf(worker.workerId, worker.name, village),
    batchId: await paidBatch(township),
    postId: (await api.ctx.welfarePosts.create(postInput(village), 'matrix-fixture')).postId,
    projectId: (
      await api.ctx.reliefProjects.create(projectInput(village, place.employer.employerId), place.employer.name, 'matrix-fixture')
    ).projectId,
    pointId: (await api.ctx.servicePoints.create(servicePointInputSchema.parse(pointInput(village)), 'matrix-fixture')).pointId,
    ownedByCallers: own !== undefined,
  };
}

beforeAll(async () => {
  // One client makes every call here: the per-client budget is raised so it measures authorisation, not throttling.
  wechat = await startWeChatFake();
  api = await startTestApi({ wechatApiBase: wechat.url, env: { CLIENT_RATE_PER_SECOND: '100000', CLIENT_BURST: '100000' } });
  await seedDemoCounty(api.ctx);
  const logins = await Promise.all(
    (Object.keys(CALLERS) as Caller[]).map(async (caller) => {
      const { userId } = CALLERS[caller];
      return [caller, userId ? await api.loginAs(userId) : undefined] as const;
    }),
  );
  tokens = Object.fromEntries(logins);
  const bind = await api.call('POST', '/api/v1/me/worker/bind', {
    token: tokens.worker,
    body: { name: '刘海军', idNumber: demoIdNumber(1) },
  });
  expect(bind.status).toBe(200);
  tokens.proxy = await actingForWorker();
  const ownEmployer = (await api.ctx.employers.get((await api.ctx.users.get('demo-employer-1'))!.employerId!))!;
  const ownPositions = await api.call('GET', '/api/v1/me/positions', { token: tokens.employer });
  const ownPosition = ownPositions.body.positions.find((p: { status: string }) => p.status === 'open');
  const own = { workerId: bind.body.worker.workerId, employer: ownEmployer, positionId: ownPosition.positionId };
  const guyang = { lat: 41.034, lng: 110.063 };
  targets = [
    await target('金山镇·本人', JINSHAN_VILLAGE, guyang, own),
    await target('金山镇·他人', JINSHAN_VILLAGE, guyang),
    await target('西斗铺镇', XIDOUPU_VILLAGE, { lat: 41.12, lng: 110.2 }),
    await target('土默特右旗', OTHER_COUNTY_VILLAGE, { lat: 40.57, lng: 110.52 }),
  ];
  for (const t of targets) {
    const { token } = await api.ctx.codeSigner.sign({ v: 1, k: 'worker', s: t.workerId, cv: 0 }, 3600);
    workerCodes.set(t.workerId, codeUrl(api.url, token));
  }
  villageCode = codeUrl(api.url, (await api.ctx.codeSigner.sign({ v: 1, k: 'village', s: JINSHAN_VILLAGE })).token);
  const scanned = await api.call('POST', '/api/v1/codes/scan', {
    token: tokens.township,
    body: { code: workerCodes.get(own.workerId) },
  });
  expect(scanned.body.result).toBe('card');
  townshipScanId = scanned.body.scanId;
  const event = await api.call('POST', '/api/v1/events', {
    token: tokens.township,
    body: {
      title: '金山镇春风招聘会',
      regionCode: '150222102',
      place: '金山镇政府',
      date: chinaDate(new Date()),
      positionIds: [own.positionId],
    },
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  eventId = event.body.event.eventId;
  const warning = {
    cause: 'monitoredLostWork' as const,
    month: chinaMonth(new Date()),
    subject: own.workerId,
    workerIds: [own.workerId],
    regionCode: JINSHAN_VILLAGE,
    level: 'village' as const,
    text: '一位监测对象上月在务工，这个月没有工作了',
    figures: [],
  };
  expect(await api.ctx.tasks.open(warning, '2099-12-31')).toBe(true);
  taskId = taskIdOf(warning);
  const upload = await fetch(`${api.url}/api/v1/registry/imports?importId=${(importId = randomUUID())}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.township}`, 'content-type': 'text/csv' },
    body: csvLine(HEADER) + csvLine(personRow(7)),
  });
  expect(upload.status).toBeLessThan(500);
}, 300_000);
afterAll(async () => {
  await api.close();
  await wechat.close();
});

type Outcome = 'ok' | 'unauthenticated' | 'refused';

function expected(key: string, row: Row, caller: Caller, t: Target, call: Call): Outcome {
  if (row.may.includes('anyone')) return 'ok';
  const role = ROLE_OF[caller];
  if (!role) return 'unauthenticated';
  if (caller === 'proxy' && !PROXY_MAY.has(key)) return 'refused';
  const staffLike = role === 'staff' || role === 'admin';
  const region = CALLERS[caller].regionCode;
  const inRegion = region !== undefined && call.region !== undefined && isWithinRegion(call.region, region);
  const allowed = row.may.some((may) => {
    switch (may) {
      case 'worker':
      case 'employer':
        return role === may;
      case 'staff':
        return staffLike;
      case 'staffInRegion':
        return staffLike && inRegion;
      case 'adminInRegion':
        return role === 'admin' && inRegion;
      case 'townshipUpInRegion':
        return staffLike && inRegion && region.length <= 9;
      case 'ownerEmployer':
        return role === 'employer' && t.ownedByCallers;
      case 'reviewerInRegion':
        return staffLike && inRegion && (DUTIES[caller] ?? []).includes('review');
      case 'payerInRegion':
        return staffLike && inRegion && (DUTIES[caller] ?? []).includes('pay');
      case 'countyRecheckerInRegion':
        return staffLike && inRegion && region.length <= 6 && (DUTIES[caller] ?? []).includes('recheck');
      case 'maker':
        return caller === 'township';
      default:
        return false;
    }
  });
  return allowed ? 'ok' : 'refused';
}

/** A 404 counts as a refusal only when it names the field the route's scope reads (absent and out of reach look alike). */
function outcomeOf(status: number, body: any, scopeField: string | undefined): Outcome | 'error' {
  if (status >= 500) return 'error';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'refused';
  if (status === 404 && scopeField !== undefined && body?.error?.field === scopeField) return 'refused';
  return 'ok';
}

describe('authorisation matrix', () => {
  it('has a row, written down here, for every route the app mounts', () => {
    const declared = allRoutes(api.ctx).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(declared.filter((route) => !(route in ROWS))).toEqual([]);
    expect(Object.keys(ROWS).filter((route) => !declared.includes(route))).toEqual([]);
  });

  it('mounts every contract of shared/src/api exactly once, and no route without one', () => {
    const key = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;
    const mounted = allRoutes(api.ctx);
    expect(mounted.map(key).sort()).toEqual(API_CONTRACTS.map(key).sort());
    // Bound to the contract itself, not to a copy of its paths: the same schema objects validate both sides.
    const contractOf = new Map(API_CONTRACTS.map((contract) => [key(contract), contract]));
    expect(mounted.filter((route) => route.response !== contractOf.get(key(route))?.response).map(key)).toEqual([]);
  });

  it('opens to a family member acting for the worker exactly the routes written down here, a change only when it says so', () => {
    const declared = allRoutes(api.ctx).filter((route) => route.proxy !== undefined);
    expect(declared.map((route) => `${route.method.toUpperCase()} ${route.path}`).sort()).toEqual([...PROXY_MAY].sort());
    // What only reads is a GET, or a calculation that stores nothing.
    const reads = declared.filter((route) => route.proxy === 'read' && route.method !== 'get').map((route) => route.path);
    expect(reads).toEqual(['/api/v1/subsidies/evaluate']);
  });

  it('gives every caller exactly the outcome its row expects, for every target, never to be cached', async () => {
    const scopeFields = new Map(
      allRoutes(api.ctx).map((route) => [
        `${route.method.toUpperCase()} ${route.path}`,
        'field' in route.scope ? route.scope.field : undefined,
      ]),
    );
    const cells: { key: string; row: Row; caller: Caller; t: Target; want: Outcome }[] = [];
    for (const [key, row] of Object.entries(ROWS)) {
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        for (const t of row.perTarget ? targets : targets.slice(0, 1)) {
          cells.push({ key, row, caller, t, want: expected(key, row, caller, t, row.call(t)) });
        }
      }
    }
    // Refusals first: they must change nothing, so the allowed calls after them see the fixtures intact.
    const ordered = [...cells.filter((c) => c.want !== 'ok'), ...cells.filter((c) => c.want === 'ok')];
    const wrong: string[] = [];
    /** Answers a browser, a WebView or a proxy might keep: every one holds someone's data or session. */
    const cacheable = new Set<string>();
    for (const { key, row, caller, t, want } of ordered) {
      const call = row.call(t);
      const method = key.split(' ')[0]!;
      const token = tokens[caller];
      const response = await fetch(api.url + call.path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: JSON.stringify(call.body ?? {}) }),
      });
      const text = await response.text();
      if (response.headers.get('cache-control') !== 'no-store' || response.headers.has('etag')) cacheable.add(key);
      // Files (the export, the bank file) are not JSON; errors always are.
      const body = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined;
      const got = outcomeOf(response.status, body, scopeFields.get(key));
      if (got !== want)
        wrong.push(
          `${key} as ${caller} on ${t.name}: expected ${want}, got ${response.status} ${JSON.stringify(body?.error ?? '')}`,
        );
    }
    expect(wrong).toEqual([]);
    expect([...cacheable]).toEqual([]);
    expect(cells.length).toBeGreaterThan(1000);
  }, 600_000);
});
