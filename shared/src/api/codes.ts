/**
 * 就业帮扶码 and 码到农家: a worker's own short-lived code and the scans of it (staff see a
 * service card and record a service; an employer sees the record only with the worker's
 * consent, asked and answered on the worker's phone); the codes on posters, opened by anyone;
 * the posters themselves; and 个人信息使用记录, where a worker sees who looked at their record.
 */
import * as z from 'zod';
import { CLAIM_STATUSES } from '../subsidies/claim.js';
import { SUBSIDY_IDS } from '../subsidies/catalogue.js';
import { SERVICE_KINDS } from '../matching/coverage.js';
import { AUDIT_ACTIONS, LABOUR_CLASSES } from '../registry/labels.js';
import { certificateSchema, preferencesSchema } from '../registry/worker.js';
import { countyOrFinerSchema, regionCodeSchema } from '../regions/regionCode.js';
import { perHour } from '../http/rateLimit.js';
import { CONSENT_ANSWERS } from '../codes/consent.js';
import { EMPLOYER_KINDS } from '../positions/labels.js';
import { positionCardSchema } from '../positions/position.js';
import { scannedCodeSchema, STATIC_CODE_KINDS } from '../codes/code.js';
import { recruitmentEventInputSchema, recruitmentEventSchema } from '../codes/event.js';
import { defineContract } from './contract.js';
import { employerIdParams, objectIn, pageQuerySchema, positionIdParams, regionIn, STAFF } from './common.js';

const scanIdParams = z.object({ scanId: z.string().regex(/^s_[0-9a-f-]{36}$/, '不是扫码记录编号') });
const requestIdParams = z.object({ requestId: z.string().regex(/^q_[0-9a-f-]{36}$/, '不是授权请求编号') });
const shareIdParams = z.object({ shareId: z.string().regex(/^h_[0-9a-f-]{36}$/, '不是授权编号') });

/** The worker's code as the page shows it: the URL in the QR, drawn as a PNG, and when it stops working. */
export const workerCodeSchema = z.object({
  url: z.string(),
  /** data:image/png;base64 — drawn on the server so the old phone only shows a picture. */
  qrPng: z.string(),
  expiresAt: z.iso.datetime(),
  /** Ask for a new code after this many seconds. */
  refreshInSeconds: z.number().int(),
});

const serviceCountsSchema = z.object({
  year: z.string(),
  jobRecommendation: z.number().int(),
  careerGuidance: z.number().int(),
  trainingOffer: z.number().int(),
});

/** What staff of the worker's own region see: enough to serve them at once, no ID number, no phone. */
export const serviceCardSchema = z.object({
  workerId: z.string(),
  nameMasked: z.string(),
  age: z.number().int(),
  villageCode: z.string(),
  /** e.g. 金山镇西斗铺村 */
  villageName: z.string(),
  labourClass: z.enum(LABOUR_CLASSES),
  services: serviceCountsSchema,
  openClaims: z.array(
    z.object({
      claimId: z.string(),
      subsidy: z.enum(SUBSIDY_IDS),
      name: z.string(),
      amountFen: z.number().int(),
      status: z.enum(CLAIM_STATUSES),
    }),
  ),
  latestEmployment: z.object({ month: z.string(), status: z.enum(['employed', 'notEmployed']) }).optional(),
});

/** What staff from elsewhere (a recruitment desk at a fair) see: what helps match a job, nothing about money or home. */
export const deskCardSchema = z.object({
  nameMasked: z.string(),
  age: z.number().int(),
  /** The county, e.g. 包头市固阳县 */
  countyName: z.string(),
  labourClass: z.enum(LABOUR_CLASSES),
  skills: z.array(z.string()),
  preferences: preferencesSchema,
});

/** What an employer sees once the worker agreed, until the consent ends or is withdrawn. */
export const sharedCardSchema = z.object({
  name: z.string(),
  phone: z.string().optional(),
  age: z.number().int(),
  skills: z.array(z.string()),
  certificates: z.array(certificateSchema.extend({ occupation: z.string().optional() })),
  preferences: preferencesSchema,
  endsAt: z.iso.datetime(),
});

/** The page a poster's code opens, and what it is about. */
export const codeTargetSchema = z.object({
  kind: z.enum(STATIC_CODE_KINDS),
  id: z.string(),
  title: z.string(),
  /** The mini-program page, with its query, e.g. /worker/pages/position/index?id=p_… */
  page: z.string(),
});

/** The answer to a scan, and to the scanner's later look at it. */
export const scanResultSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('card'), scanId: z.string(), card: serviceCardSchema }),
  z.object({ result: z.literal('desk'), scanId: z.string(), desk: deskCardSchema }),
  /** An employer without the worker's consent: the worker's phone now shows the request. */
  z.object({ result: z.literal('consentNeeded'), scanId: z.string(), requestExpiresAt: z.iso.datetime() }),
  z.object({ result: z.literal('shared'), scanId: z.string(), shared: sharedCardSchema }),
  /** The worker said no, let the request lapse, or withdrew the consent. */
  z.object({ result: z.literal('notShared'), scanId: z.string() }),
  /** A poster's code scanned in the app: where it leads. */
  z.object({ result: z.literal('open'), target: codeTargetSchema }),
]);
export type ScanResult = z.infer<typeof scanResultSchema>;

export const consentRequestSchema = z.object({
  requestId: z.string(),
  employerName: z.string(),
  /** What would be shared, in words. */
  shares: z.string(),
  days: z.number().int(),
  expiresAt: z.iso.datetime(),
});

/** One line of 个人信息使用记录: who (their office, never their name), what, when, why. */
export const dataUseSchema = z.object({
  at: z.iso.datetime(),
  /** e.g. 固阳县金山镇 经办人员, or an employer's name. */
  who: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  what: z.string(),
  reason: z.string(),
  /** A consent the worker gave: it can be withdrawn while it lasts. */
  share: z.object({ shareId: z.string(), endsAt: z.iso.datetime(), active: z.boolean() }).optional(),
});
export type DataUse = z.infer<typeof dataUseSchema>;

const codeScope = {
  kind: 'signedCode' as const,
  field: 'body.code',
  why: 'The code names the worker (or poster) it is about, signed by us; the scan decides what each caller sees of them.',
};

export const codeContracts = {
  mine: defineContract({
    method: 'post',
    path: '/api/v1/me/code',
    summary: 'Worker (bound): their 就业帮扶码 — a signed code naming their record, good for two minutes',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    response: workerCodeSchema,
  }),

  renew: defineContract({
    method: 'post',
    path: '/api/v1/me/code/renew',
    summary: 'Worker (bound): 换码 — every earlier code stops working at once (a photographed code, a lost phone)',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    response: workerCodeSchema,
    rateLimit: { perUser: perHour(20), perIp: perHour(200) },
  }),

  scan: defineContract({
    method: 'post',
    path: '/api/v1/codes/scan',
    summary:
      'Staff or employer: scan a code — a worker’s gives staff of their region the service card, other staff the recruitment-desk card, an employer the record only with the worker’s consent; every scan is audited',
    tag: 'codes',
    access: ['employer', ...STAFF],
    scope: codeScope,
    body: z.strictObject({ code: scannedCodeSchema }),
    response: scanResultSchema,
    // No counted budget: a code cannot be guessed (it is signed), so scanning is not guessing; the
    // per-client throttle bounds a flood, and two counter writes would double a busy desk's cost.
  }),

  scanned: defineContract({
    method: 'get',
    path: '/api/v1/codes/scans/:scanId',
    summary: 'The scanner: their scan again — for an employer, whether the worker has agreed yet',
    tag: 'codes',
    access: ['employer', ...STAFF],
    scope: objectIn('scan', 'scanId'),
    params: scanIdParams,
    response: scanResultSchema,
  }),

  serviceByScan: defineContract({
    method: 'post',
    path: '/api/v1/codes/scans/:scanId/services',
    summary:
      'Staff who scanned a worker’s code: record a service given there; it counts toward "311" and the worker’s own officers see it',
    tag: 'codes',
    access: STAFF,
    scope: objectIn('scan', 'scanId'),
    params: scanIdParams,
    body: z.strictObject({
      kind: z.enum(SERVICE_KINDS),
      note: z.string().trim().min(2, '请写一句做了什么（至少 2 个字）').max(200),
    }),
    response: z.object({ serviceId: z.string(), at: z.string() }),
    status: 201,
  }),

  open: defineContract({
    method: 'get',
    path: '/api/v1/codes/open',
    summary: 'Anyone: where a poster’s code (position, employer or 帮扶车间, village service point) leads; withdrawn ones say so',
    tag: 'codes',
    access: 'public',
    scope: { kind: 'public' },
    query: z.object({ code: scannedCodeSchema }),
    response: z.object({ target: codeTargetSchema }),
  }),

  requests: defineContract({
    method: 'get',
    path: '/api/v1/me/code/requests',
    summary: 'Worker (bound): employers asking to see their record after scanning their code, awaiting an answer',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    response: z.object({ requests: z.array(consentRequestSchema) }),
  }),

  answer: defineContract({
    method: 'post',
    path: '/api/v1/me/code/requests/:requestId',
    summary:
      'Worker (bound): agree (同意) or refuse an employer’s request; an agreement is a consent with its end date, recorded',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    params: requestIdParams,
    body: z.strictObject({ answer: z.enum(CONSENT_ANSWERS) }),
    response: z.object({ shareId: z.string().optional(), endsAt: z.iso.datetime().optional() }),
  }),

  withdraw: defineContract({
    method: 'delete',
    path: '/api/v1/me/shares/:shareId',
    summary: 'Worker (bound): withdraw a consent given to an employer; the employer sees nothing more',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    params: shareIdParams,
    response: z.object({ withdrawn: z.literal(true) }),
  }),

  sharedWithUs: defineContract({
    method: 'get',
    path: '/api/v1/me/employer/shares',
    summary:
      'Employer: the job seekers whose consent to it is in force (the record each agreed to share, until it ends), the latest first, a page at a time; a withdrawn or ended consent is gone',
    tag: 'codes',
    access: ['employer'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({
      shares: z.array(z.object({ shareId: z.string(), at: z.iso.datetime(), shared: sharedCardSchema })),
      nextCursor: z.string().optional(),
    }),
  }),

  dataUses: defineContract({
    method: 'get',
    path: '/api/v1/me/data-uses',
    summary: 'Worker (bound): 个人信息使用记录 — who read, scanned or received their record, when and why, newest first',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({ entries: z.array(dataUseSchema), nextCursor: z.string().optional() }),
  }),

  positionPoster: defineContract({
    method: 'get',
    path: '/api/v1/positions/:positionId/poster',
    summary: 'Its employer or staff in scope: a printable poster (PNG) of a position’s code',
    tag: 'codes',
    access: ['employer', ...STAFF],
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    response: z.unknown(),
    raw: 'image/png',
  }),

  employerPoster: defineContract({
    method: 'get',
    path: '/api/v1/employers/:employerId/poster',
    summary: 'The employer or staff in scope: a printable poster (PNG) of an employer’s or 帮扶车间’s code',
    tag: 'codes',
    access: ['employer', ...STAFF],
    scope: objectIn('employer', 'employerId'),
    params: employerIdParams,
    response: z.unknown(),
    raw: 'image/png',
  }),

  regionPosters: defineContract({
    method: 'get',
    path: '/api/v1/codes/posters',
    summary: 'Staff: one PDF of the posters of a region’s open positions, or of its villages’ service points',
    tag: 'codes',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: z.object({ regionCode: countyOrFinerSchema, what: z.enum(['positions', 'villages']) }),
    response: z.unknown(),
    raw: 'application/pdf',
    rateLimit: { perUser: perHour(30), perIp: perHour(300) },
  }),

  employer: defineContract({
    method: 'get',
    path: '/api/v1/codes/employers/:employerId',
    summary: 'Anyone: a verified employer or 帮扶车间 a poster leads to, and its open positions, newest first, a page at a time',
    tag: 'codes',
    access: 'public',
    scope: { kind: 'public' },
    params: employerIdParams,
    query: pageQuerySchema,
    response: z.object({
      employer: z.object({ employerId: z.string(), name: z.string(), kind: z.enum(EMPLOYER_KINDS), address: z.string() }),
      positions: z.array(positionCardSchema),
      nextCursor: z.string().optional(),
    }),
  }),

  village: defineContract({
    method: 'get',
    path: '/api/v1/codes/villages/:code',
    summary: 'Anyone: a village service point (村就业服务点) — who serves it, jobs near it, the policies in force there',
    tag: 'codes',
    access: 'public',
    scope: { kind: 'public' },
    params: z.object({ code: regionCodeSchema.refine((code) => code.length === 12, '应为 12 位村（嘎查）代码') }),
    response: z.object({
      villageName: z.string(),
      fullName: z.string(),
      officers: z.array(z.object({ name: z.string(), office: z.string() })),
      policies: z.array(z.object({ title: z.string(), issuer: z.string(), number: z.string().optional() })),
      subsidies: z.array(z.string()),
    }),
  }),
};

const eventIdParams = z.object({ eventId: z.string().regex(/^v_[0-9a-f-]{36}$/, '不是招聘会编号') });

/** 招聘会: staff hold one with its positions; its code at the door checks workers in. */
export const eventContracts = {
  create: defineContract({
    method: 'post',
    path: '/api/v1/events',
    summary: 'Staff: hold a recruitment event (招聘会) in their region: day, place, the positions on offer',
    tag: 'codes',
    access: STAFF,
    scope: regionIn('body', 'regionCode'),
    body: recruitmentEventInputSchema,
    response: z.object({ event: recruitmentEventSchema }),
    status: 201,
  }),

  list: defineContract({
    method: 'get',
    path: '/api/v1/events',
    summary: 'Staff: the recruitment events of a county, township or village, with how many checked in',
    tag: 'codes',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({ regionCode: countyOrFinerSchema }),
    response: z.object({ events: z.array(recruitmentEventSchema), nextCursor: z.string().optional() }),
  }),

  show: defineContract({
    method: 'get',
    path: '/api/v1/codes/events/:eventId',
    summary: 'Anyone: a recruitment event its code leads to, and its open positions',
    tag: 'codes',
    access: 'public',
    scope: { kind: 'public' },
    params: eventIdParams,
    response: z.object({
      event: recruitmentEventSchema.pick({ eventId: true, title: true, place: true, date: true, attendance: true }),
      organiser: z.string(),
      open: z.boolean(),
      positions: z.array(positionCardSchema),
    }),
  }),

  checkIn: defineContract({
    method: 'post',
    path: '/api/v1/events/:eventId/check-in',
    summary: 'Worker (bound): check in at a recruitment event (签到) by its code; once per worker, on or before its day',
    tag: 'codes',
    access: ['worker'],
    scope: { kind: 'self' },
    params: eventIdParams,
    response: z.object({ checkedIn: z.literal(true), first: z.boolean() }),
  }),

  attendance: defineContract({
    method: 'get',
    path: '/api/v1/events/:eventId/attendance',
    summary: 'Staff of its region: who checked in (masked names, villages, when); the list is audited',
    tag: 'codes',
    access: STAFF,
    scope: objectIn('event', 'eventId'),
    params: eventIdParams,
    query: pageQuerySchema,
    response: z.object({
      attendees: z.array(
        z.object({ workerId: z.string(), nameMasked: z.string(), villageCode: z.string(), at: z.iso.datetime() }),
      ),
      nextCursor: z.string().optional(),
    }),
  }),

  poster: defineContract({
    method: 'get',
    path: '/api/v1/events/:eventId/poster',
    summary: 'Staff of its region: the check-in poster (PNG) of a recruitment event',
    tag: 'codes',
    access: STAFF,
    scope: objectIn('event', 'eventId'),
    params: eventIdParams,
    response: z.unknown(),
    raw: 'image/png',
  }),
};
