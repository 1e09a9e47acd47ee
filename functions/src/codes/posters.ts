/**
 * 码到农家 posters: what each poster says (title, one plain line, the issuing office) around
 * its signed code; codes/poster.ts draws them. A region's posters come in one PDF, at most
 * MAX_POSTERS pages: a larger region is printed township by township.
 */
import { ancestorAt, chinaDate, EMPLOYER_KIND_ZH, isListable, type Employer, type RecruitmentEvent } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { isReadableByAll } from '../positions/access.js';
import type { PositionRecord } from '../positions/positionRepository.js';
import { staticCodeUrl } from './codeService.js';
import { renderPosterPng, renderPostersPdf, type PosterInput } from './poster.js';

export const MAX_POSTERS = 200;

type PosterContext = Pick<AppContext, 'codeSigner' | 'regions' | 'positions'>;

/** The county's human-resources bureau issues job posters in its county. */
async function bureauOf(ctx: Pick<AppContext, 'regions'>, regionCode: string): Promise<string> {
  const county = await ctx.regions.get(ancestorAt(regionCode, 'county'));
  return `${county?.name ?? ''}人力资源和社会保障局`;
}

async function positionInput(ctx: PosterContext, record: PositionRecord, baseUrl: string, office: string): Promise<PosterInput> {
  const { position } = record;
  return {
    title: `招聘：${position.title}`,
    line: `${position.employerName}，用微信扫一扫，看岗位、报名`,
    office,
    url: await staticCodeUrl(ctx, 'position', position.positionId, baseUrl),
  };
}

export async function positionPoster(ctx: PosterContext, record: PositionRecord, baseUrl: string): Promise<Buffer> {
  const office = await bureauOf(ctx, record.position.employerRegionCode ?? record.position.regionCode);
  return renderPosterPng(await positionInput(ctx, record, baseUrl, office));
}

export async function employerPoster(ctx: PosterContext, employer: Employer, baseUrl: string): Promise<Buffer> {
  return renderPosterPng({
    title: employer.name,
    line: `${EMPLOYER_KIND_ZH[employer.kind]}在招人，用微信扫一扫，看所有岗位`,
    office: await bureauOf(ctx, employer.regionCode),
    url: await staticCodeUrl(ctx, 'employer', employer.employerId, baseUrl),
  });
}

/** The region's open positions (of employers it oversees) or its villages' service points, one PDF. */
export async function regionPosters(
  ctx: PosterContext,
  regionCode: string,
  what: 'positions' | 'villages',
  baseUrl: string,
): Promise<Buffer> {
  const office = await bureauOf(ctx, regionCode);
  const inputs =
    what === 'positions' ? await positionInputs(ctx, regionCode, baseUrl, office) : await villageInputs(ctx, regionCode, baseUrl);
  if (inputs.length === 0) {
    throw new Invalid(
      what === 'positions' ? '这个地区现在没有在招的岗位' : '这个地区没有村',
      'Nothing to print.',
      'query.regionCode',
    );
  }
  return renderPostersPdf(inputs);
}

async function positionInputs(ctx: PosterContext, regionCode: string, baseUrl: string, office: string): Promise<PosterInput[]> {
  const today = chinaDate(new Date());
  const records: PositionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.positions.recordsInRegion(regionCode, { limit: 100, ...(cursor ? { cursor } : {}) });
    records.push(...page.records.filter((record) => isReadableByAll(record) && isListable(record.position, today)));
    if (records.length > MAX_POSTERS) throw tooMany();
    cursor = page.nextCursor;
  } while (cursor);
  return Promise.all(records.map((record) => positionInput(ctx, record, baseUrl, office)));
}

async function villageInputs(ctx: PosterContext, regionCode: string, baseUrl: string): Promise<PosterInput[]> {
  const region = await ctx.regions.get(regionCode);
  const villages =
    region?.level === 'village'
      ? [region]
      : region?.level === 'township'
        ? await ctx.regions.children(regionCode)
        : (
            await Promise.all((await ctx.regions.children(regionCode)).map((township) => ctx.regions.children(township.code)))
          ).flat();
  if (villages.length > MAX_POSTERS) throw tooMany();
  const office = await bureauOf(ctx, regionCode);
  return Promise.all(
    villages.map(async (village) => ({
      title: `${village.name}就业服务点`,
      line: '用微信扫一扫：找村里的信息员、看附近的工作、看本月政策',
      office,
      url: await staticCodeUrl(ctx, 'village', village.code, baseUrl),
    })),
  );
}

const tooMany = () =>
  new Invalid(
    `一次最多打印 ${MAX_POSTERS} 张，请选一个乡镇分开打印`,
    `At most ${MAX_POSTERS} posters in one file.`,
    'query.regionCode',
  );

/** The check-in poster at a recruitment event's door. */
export async function eventPoster(ctx: PosterContext, event: RecruitmentEvent, baseUrl: string): Promise<Buffer> {
  return renderPosterPng({
    title: event.title,
    line: `${event.date} ${event.place}：用微信扫一扫签到，看招聘岗位`,
    office: await bureauOf(ctx, event.regionCode),
    url: await staticCodeUrl(ctx, 'event', event.eventId, baseUrl),
  });
}
