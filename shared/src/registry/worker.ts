/**
 * The worker record of the real-name registry (实名制台账): one per person.
 * Facts that the system derives (birth date and sex from the ID number) are
 * never accepted from input.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { regionCodeSchema } from '../regions/regionCode.js';
import { ageOn, idNumberSchema, maskIdNumber } from './idNumber.js';
import { normaliseOccupation } from './occupations.js';
import { circumstancesSchema, stampSchema, type CircumstanceStamp } from './circumstances.js';
import { AT_HOME_REASONS, JOB_TYPES, LABOUR_CLASSES, TRAVEL_SCOPES, WORKER_GROUPS } from './labels.js';

/** GCJ-02, as WeChat's getLocation({type:'gcj02'}) gives it; the bounds are China's. */
/** A registry record's id (w_<uuid>), as inputs name a person. */
export const workerIdSchema = z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号');

export const gcj02PointSchema = z.strictObject({
  lat: z.number().min(3.8, '纬度不在中国境内').max(53.6, '纬度不在中国境内'),
  lng: z.number().min(73.5, '经度不在中国境内').max(135.1, '经度不在中国境内'),
});

export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位，以 1 开头');

const isoDate = z.iso.date();

/** A skill as typed (焊工, 电焊工 or welder) becomes its dictionary code. */
export const skillSchema = z.string().transform((text, ctx) => {
  const code = normaliseOccupation(text);
  if (code) return code;
  ctx.addIssue({ code: 'custom', message: `不认识的技能「${text}」，请从工种列表中选择` });
  return z.NEVER;
});

export const certificateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  occupation: skillSchema.optional(),
  level: z.enum(['1', '2', '3', '4', '5', 'special']).optional(), // 一级…五级, 特种作业
  obtainedOn: isoDate,
});

export const trainingSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  occupation: skillSchema.optional(),
  startedOn: isoDate.optional(),
  endedOn: isoDate,
  /** Training days, which the training subsidies are counted by. */
  days: z.number().int().min(1).max(366).optional(),
  /** A labour-brand or high-demand trade of the region's key catalogue (+20%, file 004). */
  labourBrandTrade: z.boolean().optional(),
  provider: z.string().trim().max(60).optional(),
});

type Training = z.infer<typeof trainingSchema>;
type Certificate = z.infer<typeof certificateSchema>;

/** A course's days, as far as it says: from its start (or its end, when no start is kept) to its end. */
const span = (t: Training) => [t.startedOn ?? t.endedOn, t.endedOn] as const;

/**
 * The same course entered twice under two names: the same trade or the same provider, at days that
 * overlap — nobody sits one trade's course twice at once. "Never paid twice" is keyed on a record's
 * name and date, so a second name would be paid again.
 */
function sameCourse(a: Training, b: Training): boolean {
  const [aFrom, aTo] = span(a);
  const [bFrom, bTo] = span(b);
  const overlap = aFrom <= bTo && bFrom <= aTo;
  return overlap && ((!!a.occupation && a.occupation === b.occupation) || (!!a.provider && a.provider === b.provider));
}

/** The same certificate entered twice: a trade's certificate of one level is obtained once. */
const sameCertificate = (a: Certificate, b: Certificate) =>
  !!a.occupation && a.occupation === b.occupation && !!a.level && a.level === b.level;

/** A list where no two entries are one record twice, said at the later one's name. */
function once<S extends z.ZodType<{ name: string }>>(
  item: S,
  max: number,
  same: (a: z.output<S>, b: z.output<S>) => boolean,
  what: string,
) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      items.forEach((b, j) => {
        const a = items.slice(0, j).find((earlier) => same(earlier, b));
        if (a) ctx.addIssue({ code: 'custom', path: [j, 'name'], message: `「${b.name}」和「${a.name}」${what}` });
      });
    });
}

const trainingsSchema = once(trainingSchema, 50, sameCourse, '是同一工种（或同一机构）、日期重叠的培训，同一期培训只登记一次');
const certificatesSchema = once(certificateSchema, 20, sameCertificate, '是同一工种同一等级的证书，同一本证书只登记一次');

export const preferencesSchema = z.strictObject({
  travelScope: z.enum(TRAVEL_SCOPES),
  /** Integer fen per month. */
  expectedMonthlyWageFen: z.number().int().min(0).max(100_000_000).optional(),
  jobTypes: z.array(z.enum(JOB_TYPES)).max(JOB_TYPES.length).default([]),
});

/** What staff enter (or import) for a person. */
export const workerInputSchema = z.strictObject({
  name: nameSchema(2, 30, '姓名至少 2 个字'),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  householdId: z.string().trim().min(1).max(40),
  villageCode: regionCodeSchema.refine((code) => code.length === 12, '应为 12 位村（嘎查）代码'),
  home: gcj02PointSchema.optional(),
  groups: z.array(z.enum(WORKER_GROUPS)).max(WORKER_GROUPS.length).default([]),
  labourClass: z.enum(LABOUR_CLASSES),
  atHomeReason: z.enum(AT_HOME_REASONS).optional(),
  skills: z.array(skillSchema).max(20).default([]),
  certificates: certificatesSchema.default([]),
  trainings: trainingsSchema.default([]),
  preferences: preferencesSchema.default({ travelScope: 'county', jobTypes: [] }),
  registryEntryDate: isoDate,
});
export type WorkerInput = z.infer<typeof workerInputSchema>;

/**
 * What staff may change on a record (not the person's identity or village), naming
 * the version they read. `null` clears an optional fact, e.g. the at-home reason
 * once someone is working again.
 */
export const workerUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  phone: phoneSchema.nullable().optional(),
  householdId: z.string().trim().min(1).max(40).optional(),
  home: gcj02PointSchema.nullable().optional(),
  groups: z.array(z.enum(WORKER_GROUPS)).max(WORKER_GROUPS.length).optional(),
  labourClass: z.enum(LABOUR_CLASSES).optional(),
  atHomeReason: z.enum(AT_HOME_REASONS).nullable().optional(),
  skills: z.array(skillSchema).max(20).optional(),
  certificates: certificatesSchema.optional(),
  trainings: trainingsSchema.optional(),
  preferences: preferencesSchema.optional(),
  /** Leaving the registry stops every subsidy from the next month (file 001 item 10). */
  registryExitDate: isoDate.nullable().optional(),
});

/** The fields of a change as the audit trail names them, e.g. 帮扶类别、培训记录. */
export const WORKER_FIELD_ZH: Record<Exclude<keyof z.infer<typeof workerUpdateSchema>, 'version'>, string> = {
  phone: '手机号',
  householdId: '户编号',
  home: '住址位置',
  groups: '帮扶类别',
  labourClass: '劳动力类别',
  atHomeReason: '在家原因',
  skills: '技能',
  certificates: '证书',
  trainings: '培训记录',
  preferences: '求职意愿',
  registryExitDate: '退出台账日期',
};

/** What a worker may change on their own record. */
export const ownWorkerUpdateSchema = workerUpdateSchema.pick({ version: true, phone: true, preferences: true });

/** The facts of a record that money rests on (帮扶类别, 培训, 证书): each kept with who last set it. */
export const STAMPED_WORKER_FACTS = ['groups', 'trainings', 'certificates'] as const;
export type StampedWorkerFact = (typeof STAMPED_WORKER_FACTS)[number];
export type WorkerStamps = Partial<Record<StampedWorkerFact, CircumstanceStamp>>;

/** The stamps after a creation or change: each stamped fact the change sets is now `stamp`'s. */
export function stampsAfter(
  change: Partial<Record<StampedWorkerFact, unknown>>,
  stamp: CircumstanceStamp,
  before: WorkerStamps = {},
): WorkerStamps {
  const stamps = { ...before };
  for (const fact of STAMPED_WORKER_FACTS) if (change[fact] !== undefined) stamps[fact] = stamp;
  return stamps;
}

/** A worker record as stored and as the domain reads it: the ID number masked, derived facts filled in. */
export const workerSchema = z.object(workerInputSchema.omit({ idNumber: true }).shape).extend({
  workerId: z.string(),
  idNumberMasked: z.string(),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  skills: z.array(z.string()),
  certificates: z.array(certificateSchema.extend({ occupation: z.string().optional() })),
  trainings: z.array(trainingSchema.extend({ occupation: z.string().optional() })),
  registryExitDate: isoDate.optional(),
  boundUserId: z.string().optional(),
  /** 参保, 低保, 毕业年度… as recorded, each with who stands behind it (circumstances.ts). */
  circumstances: circumstancesSchema.optional(),
  /**
   * Who last set the groups, trainings and certificates (an officer or an import): named in the
   * trace, and barred from approving a claim that rests on them (四眼原则). Records made before
   * 2026-12-06 lack it.
   */
  stamps: z.object({ groups: stampSchema, trainings: stampSchema, certificates: stampSchema }).partial().optional(),
  /** The newest month on record, kept for the registry's employment filter. */
  latestEmployment: z.object({ month: z.string(), status: z.enum(['employed', 'notEmployed']) }).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Worker = z.infer<typeof workerSchema>;

/**
 * A worker as the API shows it: the age, never the birth date, which is the
 * eight middle digits of the number and would complete any mask beside it.
 */
export const workerViewSchema = workerSchema.omit({ birthDate: true }).extend({ age: z.number().int() });
export type WorkerView = z.infer<typeof workerViewSchema>;

/** The view of a record on a day (ISO date); a mask stored the older, wider way is narrowed. */
export function workerView({ birthDate, ...worker }: Worker, today: string): WorkerView {
  return { ...worker, idNumberMasked: maskIdNumber(worker.idNumberMasked), age: ageOn(birthDate, today) };
}

/**
 * What the registry list shows of each person: enough to find and pick them,
 * not the full record (phone, household, skills, preferences), which only the
 * audited read returns.
 */
export const workerSummarySchema = workerViewSchema
  .pick({
    workerId: true,
    name: true,
    idNumberMasked: true,
    villageCode: true,
    sex: true,
    age: true,
    labourClass: true,
    groups: true,
    atHomeReason: true,
    latestEmployment: true,
    registryExitDate: true,
  })
  .extend({ bound: z.boolean() });
export type WorkerSummary = z.infer<typeof workerSummarySchema>;
