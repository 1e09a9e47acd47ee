/**
 * 以工代赈 projects (file 000 §二(三)): the owner unit (业主单位) and the contractor (施工单位) tell
 * the county their labour demand ("根据……用工环节的劳务需求，并向旗县人民政府告知用工计划"), the
 * county sets the wage standard ("合理确定以工代赈劳务报酬标准"), and the wage ledger goes to the
 * sector department for filing ("送盟市、旗县行业主管部门备案"). A project at or serving a relocation
 * site gives at least 10% of its jobs to relocated people (file 000 §二(七): "以工代赈项目……安排不少于
 * 10%岗位吸纳搬迁脱贫群众"). Pure: the repository stores what this checks.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { cite } from '../policy/documents.js';
import { regionCodeSchema } from '../regions/regionCode.js';
import type { Reference } from '../subsidies/parameters.js';

/** The passage the projects, rosters and wage sheets rest on. */
export const RELIEF_WORK_REFERENCE: Reference = cite('000', '二、(三)');

export const reliefProjectIdSchema = z.string().regex(/^rp_[0-9a-f-]{36}$/, '不是以工代赈项目编号');

/** Where the project stands to a relocation site (易地扶贫搬迁集中安置区). */
export const RELOCATION_SITE_KINDS = [
  'none', // 不在安置区
  'inSite', // 在易地搬迁集中安置区
  'servesSite', // 服务安置区（后续扶持、配套设施）
] as const;
export type RelocationSiteKind = (typeof RELOCATION_SITE_KINDS)[number];
export const RELOCATION_SITE_KIND_ZH: Record<RelocationSiteKind, string> = {
  none: '不在安置区',
  inSite: '在易地搬迁集中安置区',
  servesSite: '服务安置区',
};

/** How the county's wage standard (劳务报酬标准) counts: per day worked or per month. */
export const WAGE_UNITS = ['day', 'month'] as const;
export type WageUnit = (typeof WAGE_UNITS)[number];
export const WAGE_UNIT_ZH: Record<WageUnit, string> = { day: '每天', month: '每月' };

export const wageStandardSchema = z.strictObject({
  unit: z.enum(WAGE_UNITS),
  amountFen: z.number().int('请填整数（分）').min(1, '劳务报酬标准至少 1 分').max(100_000_000, '劳务报酬标准太大了'),
});
export type WageStandard = z.infer<typeof wageStandardSchema>;

const isoDate = z.iso.date('日期格式应为 2026-12-01');
const jobs = (tooFew: string) => z.number().int('请填整数').min(1, tooFew).max(5000, '一个项目最多 5000 个岗位');

const reliefProjectFields = {
  name: nameSchema(2, 60, '项目名称至少 2 个字'),
  ownerUnit: nameSchema(2, 60, '业主单位名称至少 2 个字'), // 业主单位
  /** The contractor (施工单位): an employer account, which enters the roster and the wage sheets. */
  contractorEmployerId: z.string().regex(/^e_[0-9a-f-]{36}$/, '不是用人单位编号'),
  /** The sector department the wage ledger is filed with (行业主管部门备案). */
  sectorDepartment: nameSchema(2, 40, '请填行业主管部门'),
  /** The site's village (12 digits); its county is the first 6. */
  villageCode: regionCodeSchema.refine((code) => code.length === 12, '请选到村（嘎查）'),
  startsOn: isoDate,
  endsOn: isoDate,
  plannedJobs: jobs('至少 1 个岗位'),
  relocationSite: z.enum(RELOCATION_SITE_KINDS),
  wageStandard: wageStandardSchema,
  /** 劳务需求: how many people of each trade (工种). */
  labourDemand: z
    .array(z.strictObject({ trade: nameSchema(1, 20, '请填工种'), count: jobs('每个工种至少 1 人') }))
    .min(1, '请至少填一个工种的用工需求')
    .max(20, '最多 20 个工种'),
};

/** What the owner unit or the county enters for a project (告知用工计划). */
/** Checked as soon as the fields it compares are valid, whatever the others (a form checks step by step). */
const whenValid = (fields: readonly (keyof typeof reliefProjectFields)[]) => {
  const part = z.object(Object.fromEntries(fields.map((f) => [f, reliefProjectFields[f]])));
  return (payload: { value: unknown }) => part.safeParse(payload.value).success;
};

export const reliefProjectInputSchema = z
  .strictObject(reliefProjectFields)
  .refine((p) => p.endsOn > p.startsOn, {
    path: ['endsOn'],
    message: '结束日期应晚于开始日期',
    when: whenValid(['startsOn', 'endsOn']),
  })
  .refine((p) => p.labourDemand.reduce((sum, d) => sum + d.count, 0) <= p.plannedJobs, {
    path: ['labourDemand'],
    message: '各工种人数加起来超过了计划岗位数',
    when: whenValid(['plannedJobs', 'labourDemand']),
  });
export type ReliefProjectInput = z.infer<typeof reliefProjectInputSchema>;

/** A project as stored and returned. */
export const reliefProjectSchema = z.object({
  ...reliefProjectFields,
  projectId: z.string(),
  contractorName: z.string(),
  /** People on its roster now, and how many of them are relocated (易地扶贫搬迁群众). */
  rosterCount: z.number().int().min(0),
  relocatedOnRoster: z.number().int().min(0),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type ReliefProject = z.infer<typeof reliefProjectSchema>;

/** 按比例安排就业: the share of a relocation-site project's jobs for relocated people. */
export const RELOCATION_SHARE = 0.1;
export const RELOCATION_SHARE_REFERENCE: Reference = cite('000', '二、(七)');
const SHARE_PERCENT = Math.round(RELOCATION_SHARE * 100);

export interface RelocationShare {
  applies: boolean;
  /** Jobs that must go to relocated people: 10% of the planned jobs, rounded up (不少于). */
  required: number;
  onRoster: number;
  short: number;
}

export function relocationShare(
  project: Pick<ReliefProject, 'plannedJobs' | 'relocationSite'>,
  relocatedOnRoster: number,
): RelocationShare {
  if (project.relocationSite === 'none') return { applies: false, required: 0, onRoster: relocatedOnRoster, short: 0 };
  // Exact for every allowed count (1–5000): no n × 0.1 there lands a hair above a whole number.
  const required = Math.ceil(project.plannedJobs * RELOCATION_SHARE);
  return { applies: true, required, onRoster: relocatedOnRoster, short: Math.max(0, required - relocatedOnRoster) };
}

/** The share as the contractor and staff read it; undefined for a project away from any site. */
export function relocationShareText(share: RelocationShare): string | undefined {
  if (!share.applies) return undefined;
  const head = `至少 ${share.required} 个岗位安排搬迁群众，已安排 ${share.onRoster} 人`;
  return share.short > 0 ? `${head}，还差 ${share.short} 人` : `${head}，已达到 ${SHARE_PERCENT}% 的要求`;
}
