/**
 * 就业帮扶码 over the real app and DynamoDB Local: what each scanner sees of a worker's code
 * (staff of the worker's region, staff from elsewhere, an employer only with consent), the
 * refusals (expired, forged, another key, renewed), the service recorded at a scan counting
 * toward "311", 个人信息使用记录, and a poster's code decoded back to its page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { chinaDate, codeUrl, isListable, tokenOfScan } from '@bangfu/shared';
import { createCodeSigner } from '../../functions/src/codes/codeSigner.js';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import {
  accountWithoutProfile,
  boundWorker,
  demoWorkshop,
  employerProfile,
  positionInput,
  putPositions,
} from '../support/positions.js';
import { JINSHAN_VILLAGE } from '../support/people.js';

let api: TestApi;
let worker: { token: string; workerId: string };
let township: string; // 金山镇: the worker's own
let otherTownship: string; // 西斗铺镇: a desk at a fair

beforeAll(async () => {
  api = await startDemoCountyApi();
  worker = await boundWorker(api, 1, { phone: '13800001111', labourClass: 'full', skills: ['缝纫工'] });
  township = await api.loginAs('demo-staff-township-1');
  otherTownship = await api.loginAs('demo-staff-township-2');
});
afterAll(() => api?.close());

const myCode = async (token = worker.token) => {
  const { status, body } = await api.call('POST', '/api/v1/me/code', { token });
  expect(status).toBe(200);
  return body as { url: string; qrPng: string; expiresAt: string; refreshInSeconds: number };
};
const sharedWith = (token: string, query = 'limit=20') => api.call('GET', `/api/v1/me/employer/shares?${query}`, { token });
const scan = (token: string, code: string) => api.call('POST', '/api/v1/codes/scan', { token, body: { code } });
const trail = async () => (await api.ctx.audit.page(worker.workerId, { limit: 100 })).entries.map((entry) => entry.action);

/** The text in a PNG's QR, as a phone's camera would read it. */
function decodePng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('a worker’s own code', () => {
  it('is a two-minute signed URL naming the record, never the ID number, drawn as a QR that reads back', async () => {
    const code = await myCode();
    expect(code.url.startsWith(`${api.url}/c/`)).toBe(true);
    const seconds = (Date.parse(code.expiresAt) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(100);
    expect(seconds).toBeLessThanOrEqual(120);
    expect(code.refreshInSeconds).toBeLessThan(120);
    const payload = JSON.parse(Buffer.from(tokenOfScan(code.url)!.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ v: 1, k: 'worker', s: worker.workerId, cv: 0 });
    expect(JSON.stringify(payload)).not.toMatch(/1502221980/);
    expect(decodePng(Buffer.from(code.qrPng.replace(/^data:image\/png;base64,/, ''), 'base64'))).toBe(code.url);
  });

  it('gives staff of the worker’s region the service card, audited, with no phone or ID number', async () => {
    const before = (await trail()).filter((a) => a === 'scan').length;
    const { status, body } = await scan(township, (await myCode()).url);
    expect(status).toBe(200);
    expect(body.result).toBe('card');
    expect(body.card).toMatchObject({
      workerId: worker.workerId,
      nameMasked: '测**',
      villageCode: JINSHAN_VILLAGE,
      labourClass: 'full',
      services: { jobRecommendation: 0, careerGuidance: 0, trainingOffer: 0 },
      openClaims: [],
    });
    expect(body.card.villageName).toMatch(/^金山镇/);
    expect(JSON.stringify(body)).not.toMatch(/13800001111|idNumber/);
    expect((await trail()).filter((a) => a === 'scan').length).toBe(before + 1);
  });

  it('gives staff from another township the desk card only; the service they record there counts toward "311" for the worker’s own officers', async () => {
    const { body } = await scan(otherTownship, (await myCode()).url);
    expect(body.result).toBe('desk');
    expect(body.desk).toEqual({
      nameMasked: '测**',
      age: expect.any(Number),
      countyName: '固阳县',
      labourClass: 'full',
      skills: ['sewing_worker'],
      preferences: expect.any(Object),
    });
    expect(JSON.stringify(body)).not.toMatch(/workerId|w_|villageCode|openClaims/);

    const coverageRow = async () => {
      const { body: coverage } = await api.call('GET', '/api/v1/matching/coverage?regionCode=150222102', { token: township });
      return coverage.rows.find((row: { regionCode: string }) => row.regionCode === JINSHAN_VILLAGE);
    };
    const shortBefore = (await coverageRow()).short.careerGuidance;
    const recorded = await api.call('POST', `/api/v1/codes/scans/${body.scanId}/services`, {
      token: otherTownship,
      body: { kind: 'careerGuidance', note: '招聘会上讲了怎么找离家近的缝纫工作' },
    });
    expect(recorded.status).toBe(201);
    const own = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/services`, { token: township });
    expect(own.body.counts.careerGuidance).toBe(1);
    expect(own.body.services[0]).toMatchObject({ kind: 'careerGuidance', byOffice: expect.stringMatching(/乡镇经办人员$/) });
    expect((await coverageRow()).short.careerGuidance).toBe(shortBefore - 1);

    // A policy explained is recorded but is not one of the "311".
    await api.call('POST', `/api/v1/codes/scans/${body.scanId}/services`, {
      token: otherTownship,
      body: { kind: 'policyExplained', note: '讲了一次性交通补助' },
    });
    const after = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/services`, { token: township });
    expect(after.body.services).toHaveLength(2);
    expect(after.body.counts).toEqual({ jobRecommendation: 0, careerGuidance: 1, trainingOffer: 0 });

    // The scan is its scanner's alone: another officer, or an employer, cannot act on it.
    const county = await api.loginAs('demo-staff-county');
    const theirs = await api.call('POST', `/api/v1/codes/scans/${body.scanId}/services`, {
      token: county,
      body: { kind: 'careerGuidance', note: '不是我扫的' },
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.field).toBe('params.scanId');
  });

  it('refuses an expired code (and puts the attempt on the worker’s trail), a forged one, one signed with another key, and another site’s QR', async () => {
    const claims = { v: 1 as const, k: 'worker' as const, s: worker.workerId, cv: 0 };
    const old = await api.ctx.codeSigner.sign(claims, 120, new Date(Date.now() - 121_000));
    const expired = await scan(township, codeUrl(api.url, old.token));
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('CODE_EXPIRED');
    expect(expired.body.error.message.zh).toContain('已过期');
    expect((await trail())[0]).toBe('scanRefused');

    const [header, payload, signature] = tokenOfScan((await myCode()).url)!.split('.');
    const someoneElse = Buffer.from(
      JSON.stringify({ ...claims, s: 'w_00000000-0000-0000-0000-000000000000', exp: 9e9 }),
    ).toString('base64url');
    for (const forged of [
      `${header}.${someoneElse}.${signature}`,
      (await createCodeSigner({ current: 'k0', keys: { k0: 'x'.repeat(43) } }).sign(claims, 120)).token,
      `${header}.${payload}.${signature!.slice(0, -2)}AA`,
    ]) {
      const refused = await scan(township, codeUrl(api.url, forged));
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'CODE_NOT_VALID', field: 'body.code' });
    }
    const notOurs = await scan(township, 'https://example.org/some/other/qr');
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.error.field).toBe('body.code');
  });

  it('stops working for every earlier code once the worker renews it (换码)', async () => {
    const earlier = await myCode();
    const renewed = await api.call('POST', '/api/v1/me/code/renew', { token: worker.token });
    expect(renewed.status).toBe(200);
    const refused = await scan(township, earlier.url);
    expect(refused.status).toBe(410);
    expect(refused.body.error.message.zh).toContain('换过码');
    expect((await scan(township, renewed.body.url)).body.result).toBe('card');
  });
});

describe('an employer scanning a worker’s code', () => {
  it('sees nothing until the worker agrees on their phone; then what the consent names, until the worker withdraws it', async () => {
    const { token: employer } = await demoWorkshop(api);
    const first = await scan(employer, (await myCode()).url);
    expect(first.body).toEqual({ result: 'consentNeeded', scanId: expect.any(String), requestExpiresAt: expect.any(String) });
    const look = () => api.call('GET', `/api/v1/codes/scans/${first.body.scanId}`, { token: employer });
    expect((await look()).body.result).toBe('consentNeeded');
    // Employers cannot record staff services.
    const service = await api.call('POST', `/api/v1/codes/scans/${first.body.scanId}/services`, {
      token: employer,
      body: { kind: 'careerGuidance', note: '不是工作人员' },
    });
    expect(service.status).toBe(403);

    const { body: asked } = await api.call('GET', '/api/v1/me/code/requests', { token: worker.token });
    expect(asked.requests).toHaveLength(1);
    expect(asked.requests[0]).toMatchObject({ employerName: '金山镇服装加工帮扶车间', days: 7 });
    expect(asked.requests[0].shares).toContain('手机号');
    const agreed = await api.call('POST', `/api/v1/me/code/requests/${asked.requests[0].requestId}`, {
      token: worker.token,
      body: { answer: 'agree' },
    });
    expect(agreed.status).toBe(200);
    // Answered once: a second answer (say, from a replayed request) finds nothing.
    const again = await api.call('POST', `/api/v1/me/code/requests/${asked.requests[0].requestId}`, {
      token: worker.token,
      body: { answer: 'refuse' },
    });
    expect(again.status).toBe(404);

    const shared = await look();
    expect(shared.body.result).toBe('shared');
    expect(shared.body.shared).toMatchObject({
      name: '测试1',
      phone: '13800001111',
      skills: ['sewing_worker'],
      endsAt: agreed.body.endsAt,
    });

    // Later, away from the fair: the employer's list of job seekers who agreed has the same record.
    const ours = (await sharedWith(employer)).body.shares;
    expect(ours.find((s: { shareId: string }) => s.shareId === agreed.body.shareId).shared).toEqual(shared.body.shared);
    const agency = await api.loginAs('demo-employer-6');
    expect((await sharedWith(agency)).body.shares.map((s: { shareId: string }) => s.shareId)).not.toContain(agreed.body.shareId);

    const uses = await api.call('GET', '/api/v1/me/data-uses?limit=20', { token: worker.token });
    const share = uses.body.entries.find((entry: { action: string }) => entry.action === 'share');
    expect(share).toMatchObject({ who: '金山镇服装加工帮扶车间', share: { shareId: agreed.body.shareId, active: true } });
    // Staff appear by their office, never by name or account.
    const staffScan = uses.body.entries.find(
      (entry: { action: string; who: string }) => entry.action === 'scan' && entry.who !== share.who,
    );
    expect(staffScan.who).toMatch(/(金山镇|西斗铺镇)乡镇经办人员$/);
    expect(JSON.stringify(uses.body)).not.toMatch(/demo-staff|actorId/);

    const withdrawn = await api.call('DELETE', `/api/v1/me/shares/${agreed.body.shareId}`, { token: worker.token });
    expect(withdrawn.status).toBe(200);
    expect((await look()).body.result).toBe('notShared');
    expect((await sharedWith(employer)).body.shares.map((s: { shareId: string }) => s.shareId)).not.toContain(
      agreed.body.shareId,
    );
    const later = await api.call('GET', '/api/v1/me/data-uses?limit=20', { token: worker.token });
    expect(later.body.entries[0].action).toBe('shareWithdrawn');
    expect(later.body.entries.find((entry: { action: string }) => entry.action === 'share').share.active).toBe(false);
    // A new scan asks again.
    expect((await scan(employer, (await myCode()).url)).body.result).toBe('consentNeeded');
  });

  it('leaves the employer a list of those who agreed, the latest first, a page at a time, without ended consents', async () => {
    const { token: employer, employer: workshop } = await demoWorkshop(api);
    const named = { employerId: workshop.employerId, name: workshop.name };
    const principal = { userId: 'demo-employer-1', role: 'employer' as const };
    const agreeAt = async (workerId: string, at: Date) => {
      const scanned = await api.ctx.codes.recordScan({ workerId, view: 'consent', employer: named }, principal, '扫码', at);
      const request = (await api.ctx.codes.request(workerId, scanned.requestId!))!;
      const seeker = { userId: `seeker-${workerId}`, role: 'worker' as const };
      return (await api.ctx.codes.answer(request, 'agree', seeker, at))!;
    };
    const [second, third] = [await boundWorker(api, 2), await boundWorker(api, 3)];
    const dayMs = 86_400_000;
    const ended = await agreeAt(second.workerId, new Date(Date.now() - 8 * dayMs)); // 7 days, over yesterday
    const older = await agreeAt(third.workerId, new Date(Date.now() - 2 * dayMs));
    const newer = await agreeAt(worker.workerId, new Date(Date.now() - dayMs));

    const seen: { shareId: string; shared: { name: string } }[] = [];
    let cursor: string | undefined;
    do {
      const { status, body } = await sharedWith(employer, `limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.shares.length).toBeLessThanOrEqual(1);
      seen.push(...body.shares);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.map((s) => s.shareId)).toEqual([newer.shareId, older.shareId]);
    expect(seen.map((s) => s.shared.name)).toEqual(['测试1', '测试3']);
    expect(seen.map((s) => s.shareId)).not.toContain(ended.shareId);
    expect((await sharedWith(employer, 'cursor=bm90LWEta2V5')).body.error.field).toBe('query.cursor');
  });

  it('is refused to an employer staff have not verified', async () => {
    const user = await api.ctx.users.get('demo-employer-1');
    const token = await accountWithoutProfile(api, user!, 'unverified-employer');
    expect((await api.call('POST', '/api/v1/me/employer', { token, body: employerProfile() })).status).toBe(201);
    const { status, body } = await scan(token, (await myCode()).url);
    expect(status).toBe(403);
    expect(body.error.message.zh).toContain('审核');
    const { body: asked } = await api.call('GET', '/api/v1/me/code/requests', { token: worker.token });
    expect(asked.requests.map((r: { employerName: string }) => r.employerName)).not.toContain('金山镇新开服装厂');
  });
});

describe('a poster’s code', () => {
  it('decodes back to the position’s page, and says so once the position is closed', async () => {
    const { token: employer } = await demoWorkshop(api);
    const { body } = await api.call('GET', '/api/v1/me/positions', { token: employer });
    const position = body.positions.find((p: { status: string }) => p.status === 'open');
    const response = await fetch(`${api.url}/api/v1/positions/${position.positionId}/poster`, {
      headers: { authorization: `Bearer ${employer}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const url = decodePng(Buffer.from(await response.arrayBuffer()));
    expect(url?.startsWith(`${api.url}/c/`)).toBe(true);
    const opened = await api.call('GET', `/api/v1/codes/open?code=${encodeURIComponent(url!)}`);
    expect(opened.body.target).toEqual({
      kind: 'position',
      id: position.positionId,
      title: position.title,
      page: `/worker/pages/position/index?positionId=${position.positionId}`,
    });
    // Scanned in the app by staff: the same target.
    expect((await scan(township, url!)).body).toEqual({ result: 'open', target: opened.body.target });

    const closed = await api.call('POST', `/api/v1/positions/${position.positionId}/close`, {
      token: employer,
      body: { version: position.version },
    });
    expect(closed.status).toBe(200);
    const gone = await api.call('GET', `/api/v1/codes/open?code=${encodeURIComponent(url!)}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message.zh).toContain('停止招聘');
  });

  it('of an employer shows exactly its positions open today, newest first, a page at a time', async () => {
    const { employer } = await demoWorkshop(api);
    const today = chinaDate(new Date());
    const added = await putPositions(api.ctx, employer, [
      ...Array.from({ length: 12 }, (_, i) => positionInput({ title: `缝纫工${i}`, regionCode: employer.regionCode })),
      positionInput({ title: '过期的岗位', validFrom: '2025-01-01', validUntil: '2025-06-30' }),
      positionInput({ title: '招满的岗位', headcount: 1 }),
    ]);
    const full = added.at(-1)!.position;
    await api.ctx.positions.save({ position: { ...full, filled: 1 }, employerVerified: true }, full.version);

    const shown: { positionId: string; title: string }[] = [];
    let cursor: string | undefined;
    do {
      const { status, body } = await api.call(
        'GET',
        `/api/v1/codes/employers/${employer.employerId}?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      expect(body.employer.name).toBe(employer.name);
      expect(body.positions.length).toBeLessThanOrEqual(5);
      shown.push(...body.positions);
      cursor = body.nextCursor;
    } while (cursor);
    const all = (await api.ctx.positions.ofEmployer(employer.employerId)).map((r) => r.position);
    const listable = all.filter((p) => isListable(p, today));
    expect(shown.map((p) => p.positionId)).toEqual(listable.map((p) => p.positionId)); // both newest first
    expect(shown.length).toBeGreaterThanOrEqual(12);
    expect(shown.map((p) => p.title)).not.toContain('过期的岗位');
    expect(shown.map((p) => p.title)).not.toContain('招满的岗位');
  });

  it('of a worker opens nothing by itself', async () => {
    const { status, body } = await api.call('GET', `/api/v1/codes/open?code=${encodeURIComponent((await myCode()).url)}`);
    expect(status).toBe(422);
    expect(body.error.message.zh).toContain('个人就业帮扶码');
  });

  it('of a village leads to its service point: its officers, the policies in force there, no one’s account', async () => {
    const { body } = await api.call('GET', `/api/v1/codes/villages/${JINSHAN_VILLAGE}`);
    expect(body.officers.length).toBeGreaterThan(0);
    const titles = body.policies.map((p: { title: string }) => p.title);
    // In force today: Inner Mongolia's notice and Baotou's (demo) plan for this year, not its 2023 plan, nothing of Jiangxi's.
    expect(titles).toContain('内蒙古自治区关于开展防止返贫就业攻坚行动的通知');
    expect(titles).toContain('关于继续实施促进农村牧区劳动力转移就业增收十项计划的通知');
    expect(titles).not.toContain('包头市促进农村牧区劳动力转移就业增收十项计划');
    expect(titles.join()).not.toContain('江西');
    expect(body.subsidies).toContain('公益性岗位补贴');
    expect(body.subsidies).not.toContain('培训期间生活费补贴'); // Jiangxi's and 沅江's, not Inner Mongolia's
    expect(JSON.stringify(body)).not.toMatch(/demo-staff|userId/);
  });

  it('of a region come as one PDF for staff of that region only', async () => {
    const pdf = await fetch(`${api.url}/api/v1/codes/posters?regionCode=150222102&what=villages`, {
      headers: { authorization: `Bearer ${township}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const other = await api.call('GET', '/api/v1/codes/posters?regionCode=150222102&what=villages', { token: otherTownship });
    expect(other.status).toBe(403);
  });
});

describe('a recruitment event (招聘会)', () => {
  it('is held with open positions only, checks a worker in once by its poster’s code, and shows its officers who came', async () => {
    const { token: employer } = await demoWorkshop(api);
    const today = chinaDate(new Date());
    // Listable today: earlier tests give this employer an expired and a filled position that are still 'open'.
    const open = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions.filter(
      (p: Parameters<typeof isListable>[0]) => isListable(p, today),
    );
    const event = {
      title: '金山镇冬季招聘会',
      regionCode: '150222102',
      place: '金山镇政府院内',
      date: today,
      positionIds: [open[0].positionId],
    };
    const past = await api.call('POST', '/api/v1/events', { token: township, body: { ...event, date: '2020-01-01' } });
    expect(past.body.error.field).toBe('body.date');
    const elsewhere = await api.call('POST', '/api/v1/events', { token: otherTownship, body: event });
    expect(elsewhere.status).toBe(403);
    const created = await api.call('POST', '/api/v1/events', { token: township, body: event });
    expect(created.status).toBe(201);
    const { eventId } = created.body.event;

    const poster = await fetch(`${api.url}/api/v1/events/${eventId}/poster`, {
      headers: { authorization: `Bearer ${township}` },
    });
    const url = decodePng(Buffer.from(await poster.arrayBuffer()))!;
    const opened = await api.call('GET', `/api/v1/codes/open?code=${encodeURIComponent(url)}`);
    expect(opened.body.target).toMatchObject({ kind: 'event', page: `/codes/pages/event/index?id=${eventId}` });
    const shown = await api.call('GET', `/api/v1/codes/events/${eventId}`);
    expect(shown.body).toMatchObject({ open: true, event: { title: event.title, attendance: 0 } });
    expect(shown.body.positions.map((p: { positionId: string }) => p.positionId)).toEqual([open[0].positionId]);

    const first = await api.call('POST', `/api/v1/events/${eventId}/check-in`, { token: worker.token });
    const again = await api.call('POST', `/api/v1/events/${eventId}/check-in`, { token: worker.token });
    expect([first.body.first, again.body.first]).toEqual([true, false]);
    expect((await api.call('GET', `/api/v1/codes/events/${eventId}`)).body.event.attendance).toBe(1);
    const came = await api.call('GET', `/api/v1/events/${eventId}/attendance`, { token: township });
    expect(came.body.attendees).toEqual([
      { workerId: worker.workerId, nameMasked: '测**', villageCode: JINSHAN_VILLAGE, at: expect.any(String) },
    ]);
    expect((await api.call('GET', `/api/v1/events/${eventId}/attendance`, { token: otherTownship })).status).toBe(403);
    const listed = await api.call('GET', '/api/v1/events?regionCode=150222102', { token: township });
    expect(listed.body.events.map((e: { eventId: string }) => e.eventId)).toContain(eventId);
  });

  it('says so once its day has passed: its code and check-in are refused', async () => {
    const { token: employer } = await demoWorkshop(api);
    const positionId = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions[0].positionId;
    const principal = { userId: 'demo-staff-township-1', role: 'staff' as const, regionCode: '150222102' };
    const over = await api.ctx.events.create(
      { title: '去年的招聘会', regionCode: '150222102', place: '金山镇', date: '2025-03-01', positionIds: [positionId] },
      principal,
    );
    const url = codeUrl(api.url, (await api.ctx.codeSigner.sign({ v: 1, k: 'event', s: over.eventId })).token);
    const opened = await api.call('GET', `/api/v1/codes/open?code=${encodeURIComponent(url)}`);
    expect(opened.status).toBe(404);
    expect(opened.body.error.message.zh).toContain('已经结束');
    const checkIn = await api.call('POST', `/api/v1/events/${over.eventId}/check-in`, { token: worker.token });
    expect(checkIn.status).toBe(400);
    expect((await api.call('GET', `/api/v1/codes/events/${over.eventId}`)).body.open).toBe(false);
  });
});
