/**
 * 就业帮扶码: issuing a worker's code, and what a scan of any code shows whom.
 * - Staff of the worker's region: the service card (and they may record a service).
 * - Staff from elsewhere (a desk at a county job fair): what a recruitment desk needs.
 * - An employer: nothing until the worker agrees on their own phone; then what the consent names.
 * A code that is not ours is refused; a genuine one past its time or renewed is refused and
 * the attempt lands on the worker's trail. Every scan that shows something is on it first.
 */
import {
  ancestorAt,
  chinaDate,
  chinaMonth,
  codeUrl,
  effectiveStatus,
  isEventOpen,
  isWithinRegion,
  maskPersonName,
  SHARED_WITH_EMPLOYER_ZH,
  STAFF_TITLE_ZH,
  SUBSIDY_NAME_ZH,
  tokenOfScan,
  WORKER_CODE_REFRESH_SECONDS,
  WORKER_CODE_SECONDS,
  ageOn,
  levelOfRegion,
  type CodeClaims,
  type Principal,
  type ScanResult,
  type StaticCodeKind,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { CodeExpired, CodeNotValid, Forbidden, NotFound } from '../errors.js';
import { isReadableByAll, ownEmployer } from '../positions/access.js';
import type { WorkerItem } from '../registry/workerRepository.js';
import type { CodeSigner } from './codeSigner.js';
import type { ScanRecord } from './codeRepository.js';
import type { ServiceSummary } from '../matching/matchRepository.js';
import { loadQrCode } from './qrCode.js';

export type CodeContext = Pick<
  AppContext,
  'events' | 'codes' | 'codeSigner' | 'workers' | 'users' | 'employers' | 'positions' | 'regions' | 'matches' | 'claims'
>;

/** Claims not yet paid or refused: what the desk can follow up. */
const OPEN_CLAIM_STATUSES = new Set(['submitted', 'firstApproved', 'approved']);

/** The worker's code now: signed for two minutes, drawn as a PNG the phone only has to show. */
export async function issueWorkerCode(
  ctx: Pick<CodeContext, 'codeSigner'>,
  workerId: string,
  codeVersion: number,
  baseUrl: string,
) {
  const { token, expiresAt } = await ctx.codeSigner.sign(
    { v: 1, k: 'worker', s: workerId, cv: codeVersion },
    WORKER_CODE_SECONDS,
  );
  const url = codeUrl(baseUrl, token);
  // Level M and a wide quiet zone: read from a cracked screen in a dim hall.
  const qrPng = await (await loadQrCode()).toDataURL(url, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return { url, qrPng, expiresAt: expiresAt!.toISOString(), refreshInSeconds: WORKER_CODE_REFRESH_SECONDS };
}

/** The claims a scanned text carries, once its signature holds; refusals in plain words. */
async function readCode(signer: CodeSigner, text: string, field: CodeField): Promise<{ claims: CodeClaims; expired: boolean }> {
  const token = tokenOfScan(text);
  const reading = token ? await signer.read(token) : ({ ok: false, reason: 'malformed' } as const);
  if (reading.ok) {
    // A worker's code always expires and a poster's never does: anything else was not made by us.
    if ((reading.claims.k === 'worker') !== (reading.expiresAt !== undefined)) throw notOurs(field);
    return { claims: reading.claims, expired: false };
  }
  if (reading.reason === 'expired' && reading.claims.k === 'worker') return { claims: reading.claims, expired: true };
  throw notOurs(field);
}

/** Where the code came in: a scan's body, or the query of a page opened from WeChat's scanner. */
type CodeField = 'body.code' | 'query.code';

const notOurs = (field: CodeField) =>
  new CodeNotValid('这个码不是帮扶就业发出的，或已被改动，不能使用', 'The code is not one of ours, or was altered.', field);

/** Where a code opened by anyone (WeChat's own scanner, a browser) leads: a poster's code only. */
export async function openCode(
  ctx: Pick<CodeContext, 'codeSigner' | 'positions' | 'employers' | 'regions' | 'events'>,
  text: string,
) {
  const { claims } = await readCode(ctx.codeSigner, text, 'query.code');
  if (claims.k === 'worker') {
    throw new CodeNotValid(
      '这是个人就业帮扶码，请工作人员用「扫码服务」扫',
      'A worker’s own code opens nothing by itself.',
      'query.code',
    );
  }
  return openStaticCode(ctx, claims.k, claims.s, 'query.code');
}

/** Where a poster's code leads; withdrawn things say so. */
export async function openStaticCode(
  ctx: Pick<CodeContext, 'positions' | 'employers' | 'regions' | 'events'>,
  kind: StaticCodeKind,
  id: string,
  field: CodeField,
) {
  switch (kind) {
    case 'position': {
      const record = await ctx.positions.get(id);
      if (!record || !isReadableByAll(record) || effectiveStatus(record.position, chinaDate(new Date())) !== 'open') {
        throw new NotFound('这个岗位已经招满或停止招聘了，看看别的岗位吧', 'The position is no longer open.', field);
      }
      return { kind, id, title: record.position.title, page: `/worker/pages/position/index?positionId=${id}` };
    }
    case 'employer': {
      const employer = await ctx.employers.get(id);
      if (!employer || employer.verification.status !== 'verified') {
        throw new NotFound('这个单位的码已经停用', 'The employer is not (or no longer) verified.', field);
      }
      return { kind, id, title: employer.name, page: `/codes/pages/employer/index?id=${id}` };
    }
    case 'village': {
      const village = await ctx.regions.get(id);
      if (!village || village.level !== 'village') throw new NotFound('这个村服务点的码已经停用', 'No such village.', field);
      return { kind, id, title: `${village.name}就业服务点`, page: `/codes/pages/village/index?code=${id}` };
    }
    case 'event': {
      const event = await ctx.events.get(id);
      if (!event) throw new NotFound('没有这场招聘会', 'No such recruitment event.', field);
      if (!isEventOpen(event, chinaDate(new Date()))) {
        throw new NotFound(`「${event.title}」已经结束了，看看别的工作吧`, 'The recruitment event is over.', field);
      }
      return { kind, id, title: event.title, page: `/codes/pages/event/index?id=${id}` };
    }
  }
}

/** The code a poster carries: signed once, no end; it stops working when what it names is withdrawn. */
export async function staticCodeUrl(ctx: Pick<CodeContext, 'codeSigner'>, kind: StaticCodeKind, id: string, baseUrl: string) {
  const { token } = await ctx.codeSigner.sign({ v: 1, k: kind, s: id });
  return codeUrl(baseUrl, token);
}

/** What a text read by the in-app scanner resolves to, for staff or an employer. */
export async function scanCode(ctx: CodeContext, principal: Principal, text: string): Promise<ScanResult> {
  const { claims, expired } = await readCode(ctx.codeSigner, text, 'body.code');
  if (claims.k !== 'worker') return { result: 'open', target: await openStaticCode(ctx, claims.k, claims.s, 'body.code') };
  const workerId = claims.s;
  const { worker, codeVersion, services } = await ctx.codes.scanSubject(workerId, thisYear());
  if (!worker) throw new NotFound('台账中已经没有这个人', 'No such worker in the registry.', 'body.code');
  if (expired || (claims.cv ?? 0) !== codeVersion) {
    const renewed = !expired;
    await ctx.codes.recordRefusedScan(workerId, principal, renewed ? '扫的是已作废的码（本人已换码）' : '扫的是已过期的码');
    throw new CodeExpired(
      renewed ? '这个码已作废（本人换过码），请对方打开「我的帮扶码」重新出示' : '这个码已过期，请对方打开「我的帮扶码」重新出示',
      renewed ? 'The code was renewed since.' : 'The code has expired.',
      'body.code',
    );
  }
  if (principal.role === 'employer') return employerScan(ctx, principal, worker);
  const inRegion = principal.regionCode !== undefined && isWithinRegion(worker.villageCode, principal.regionCode);
  const office = await officeOf(ctx, principal);
  if (inRegion) {
    const [scan, card] = await Promise.all([
      ctx.codes.recordScan({ workerId, view: 'card' }, principal, `${office}扫码查看服务卡`),
      serviceCard(ctx, worker, services),
    ]);
    return { result: 'card', scanId: scan.scanId, card };
  }
  const [scan, desk] = await Promise.all([
    ctx.codes.recordScan({ workerId, view: 'desk' }, principal, `${office}扫码（招聘服务台，只看求职信息）`),
    deskCard(ctx, worker),
  ]);
  return { result: 'desk', scanId: scan.scanId, desk };
}

/** The scanner's look at their scan again: an employer learns whether the worker agreed. */
export async function rereadScan(ctx: CodeContext, scan: ScanRecord): Promise<ScanResult> {
  const { worker, services } = await ctx.codes.scanSubject(scan.workerId, thisYear());
  if (!worker) throw new NotFound('台账中已经没有这个人', 'No such worker in the registry.');
  switch (scan.view) {
    case 'card':
      return { result: 'card', scanId: scan.scanId, card: await serviceCard(ctx, worker, services) };
    case 'desk':
      return { result: 'desk', scanId: scan.scanId, desk: await deskCard(ctx, worker) };
    case 'consent': {
      const share = await ctx.codes.activeShare(scan.workerId, scan.employerId!);
      if (share) return { result: 'shared', scanId: scan.scanId, shared: sharedCard(worker, share.endsAt) };
      const request = scan.requestId ? await ctx.codes.request(scan.workerId, scan.requestId) : undefined;
      if (request && request.answer === undefined && request.until > new Date().toISOString()) {
        return { result: 'consentNeeded', scanId: scan.scanId, requestExpiresAt: request.until };
      }
      return { result: 'notShared', scanId: scan.scanId };
    }
  }
}

async function employerScan(ctx: CodeContext, principal: Principal, worker: WorkerItem): Promise<ScanResult> {
  const employer = await ownEmployer(ctx, principal);
  // Consent requests reach a worker's phone: only employers staff have verified may send them.
  if (employer.verification.status !== 'verified') {
    throw new Forbidden('单位信息通过审核后才能扫求职者的码', 'Only a verified employer may scan workers’ codes.');
  }
  const share = await ctx.codes.activeShare(worker.workerId, employer.employerId);
  const named = { employerId: employer.employerId, name: employer.name };
  if (share) {
    const scan = await ctx.codes.recordScan(
      { workerId: worker.workerId, view: 'consent', employer: named },
      principal,
      `「${employer.name}」扫码，按您的授权查看（至 ${share.endsAt.slice(0, 10)}）`,
    );
    return { result: 'shared', scanId: scan.scanId, shared: sharedCard(worker, share.endsAt) };
  }
  const scan = await ctx.codes.recordScan(
    { workerId: worker.workerId, view: 'consent', employer: named },
    principal,
    `「${employer.name}」扫码，请您同意后才能看到信息（${SHARED_WITH_EMPLOYER_ZH}）`,
  );
  return { result: 'consentNeeded', scanId: scan.scanId, requestExpiresAt: scan.requestUntil! };
}

/**
 * The job seekers whose consent to the employer is in force, each with the record they agreed to
 * share: one page of consents, then their records in one BatchGetItem. Not written on the
 * worker's trail again: the consent entry already says this employer sees it until it ends.
 */
export async function sharedWithEmployer(
  ctx: Pick<CodeContext, 'codes' | 'workers' | 'users' | 'employers'>,
  principal: Principal,
  page: { cursor?: string | undefined; limit: number },
) {
  const employer = await ownEmployer(ctx, principal);
  const { shares, nextCursor } = await ctx.codes.sharesWith(employer.employerId, page);
  const workers = new Map((await ctx.workers.getItems(shares.map((s) => s.workerId))).map((w) => [w.workerId, w]));
  return {
    // A record gone from the registry meanwhile has nothing left to show.
    shares: shares.flatMap((share) => {
      const worker = workers.get(share.workerId);
      return worker ? [{ shareId: share.shareId, at: share.at, shared: sharedCard(worker, share.endsAt) }] : [];
    }),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** The office a staff member speaks for, never their name: e.g. 固阳县金山镇 乡镇经办人员. */
export async function officeOf(ctx: Pick<CodeContext, 'regions'>, principal: Pick<Principal, 'regionCode'>): Promise<string> {
  if (!principal.regionCode) return '经办人员';
  const region = await ctx.regions.get(principal.regionCode);
  return `${region?.name ?? principal.regionCode}${STAFF_TITLE_ZH[levelOfRegion(principal.regionCode)]}`;
}

/** China's year now: the "311" counts are yearly. */
const thisYear = () => chinaMonth(new Date()).slice(0, 4);

async function serviceCard(ctx: CodeContext, worker: WorkerItem, counts: ServiceSummary) {
  const now = new Date();
  const county = ancestorAt(worker.villageCode, 'county');
  const [claims, village, countyRegion] = await Promise.all([
    ctx.claims.ofWorker(worker.workerId),
    ctx.regions.get(worker.villageCode),
    ctx.regions.get(county),
  ]);
  const fullName = village?.fullName ?? worker.villageCode;
  // Below the county: 金山镇西斗铺村.
  const villageName =
    countyRegion && fullName.startsWith(countyRegion.fullName) ? fullName.slice(countyRegion.fullName.length) : fullName;
  return {
    workerId: worker.workerId,
    nameMasked: maskPersonName(worker.name),
    age: ageOn(worker.birthDate, chinaDate(now)),
    villageCode: worker.villageCode,
    villageName,
    labourClass: worker.labourClass,
    services: {
      year: counts.year,
      jobRecommendation: counts.jobRecommendation,
      careerGuidance: counts.careerGuidance,
      trainingOffer: counts.trainingOffer,
    },
    openClaims: claims
      .filter((claim) => OPEN_CLAIM_STATUSES.has(claim.status))
      .slice(0, 20)
      .map((claim) => ({
        claimId: claim.claimId,
        subsidy: claim.subsidy,
        name: SUBSIDY_NAME_ZH[claim.subsidy],
        amountFen: claim.amountFen,
        status: claim.status,
      })),
    ...(worker.latestEmployment ? { latestEmployment: worker.latestEmployment } : {}),
  };
}

async function deskCard(ctx: Pick<CodeContext, 'regions'>, worker: WorkerItem) {
  const county = await ctx.regions.get(ancestorAt(worker.villageCode, 'county'));
  return {
    nameMasked: maskPersonName(worker.name),
    age: ageOn(worker.birthDate, chinaDate(new Date())),
    countyName: county?.name ?? '',
    labourClass: worker.labourClass,
    skills: worker.skills,
    preferences: worker.preferences,
  };
}

function sharedCard(worker: WorkerItem, endsAt: string) {
  return {
    name: worker.name,
    ...(worker.phone ? { phone: worker.phone } : {}),
    age: ageOn(worker.birthDate, chinaDate(new Date())),
    skills: worker.skills,
    certificates: worker.certificates,
    preferences: worker.preferences,
    endsAt,
  };
}
