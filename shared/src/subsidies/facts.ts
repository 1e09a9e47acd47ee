/**
 * The facts the subsidy rules read. For a logged-in worker they are built from the
 * registry, the monthly employment records, trainings, certificates and past claims
 * (nothing asked that the system knows); the evaluation API also takes them as input.
 * A fact left out is not assumed: a rule that needs it says so in `missing`.
 */
import * as z from 'zod';
import { regionCodeSchema } from '../regions/regionCode.js';
import { EMPLOYMENT_FORMS, EMPLOYMENT_PLACES, LABOUR_CLASSES, WORKER_GROUPS } from '../registry/labels.js';
import { monthSchema } from '../registry/employment.js';
import { EMPLOYER_KINDS } from '../positions/labels.js';
import { SUBSIDY_IDS } from './catalogue.js';

const isoDate = z.iso.date();
const fen = z.number().int('金额以分为单位，应为整数').min(0, '金额不能是负数').max(10_000_000_000);
const count = z.number().int().min(0, '不能是负数');

export const personFactsSchema = z.strictObject({
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  groups: z.array(z.enum(WORKER_GROUPS)).max(WORKER_GROUPS.length),
  labourClass: z.enum(LABOUR_CLASSES),
  /** The home village (12 digits): where the person is helped, and what "across county" is measured from. */
  homeRegionCode: regionCodeSchema,
  registryEntryDate: isoDate.optional(),
  /** Leaving the registry stops every subsidy from the next month (file 001 item 10). */
  registryExitDate: isoDate.optional(),
  /** Covered by social insurance (参保) this period. */
  insured: z.boolean().optional(),
  /** Receives minimum living allowance (纳入低保). */
  onMinimumLiving: z.boolean().optional(),
  /** In the final year of college or vocational school (毕业年度), for the job-seeking subsidy. */
  graduatingThisYear: z.boolean().optional(),
  /** Came home from work elsewhere (返乡农民工): one of the groups startup support is for. */
  returnedMigrant: z.boolean().optional(),
});

/** Accounts that vouched for a fact (an officer who recorded or confirmed it): kept for the four-eyes check, never shown. */
const vouchersSchema = z.array(z.string().max(80)).max(4).optional();

export const employmentMonthSchema = z.strictObject({
  month: monthSchema,
  status: z.enum(['employed', 'notEmployed']),
  place: z.enum(EMPLOYMENT_PLACES).optional(),
  form: z.enum(EMPLOYMENT_FORMS).optional(),
  monthlyIncomeFen: fen,
  /** Who stands behind the month, in words for the trace (本人申报，待核实 / 村信息员 2026-12-03 登记). */
  source: z.string().max(60).optional(),
  /** The accounts that recorded or confirmed it: none of them may approve a claim that rests on it. */
  vouchedBy: vouchersSchema,
  /** Only the worker says so and no officer has confirmed it: shown, never paid on. */
  unconfirmed: z.boolean().optional(),
});
export type EmploymentMonth = z.infer<typeof employmentMonthSchema>;

export const trainingFactsSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  occupation: z.string().max(40).optional(),
  startedOn: isoDate,
  endedOn: isoDate,
  completed: z.boolean(),
  /** A labour-brand or high-demand trade in the region's key catalogue (+20%, file 004 §(四)). */
  labourBrandTrade: z.boolean().default(false),
  /** Absent when nobody recorded it: the subsidies counted by days then say so. */
  days: count.max(366).optional(),
});

export const certificateFactsSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** 职业技能等级证书 / 职业资格证书, or 专项职业能力证书 (file 000 §(五)). */
  kind: z.enum(['skill', 'specialAbility']),
  occupation: z.string().max(40).optional(),
  obtainedOn: isoDate,
});

export const startupFactsSchema = z.strictObject({
  /** The business's registration (营业执照) date. */
  registeredOn: isoDate,
  /** Still operating this period. */
  operating: z.boolean(),
  loan: z
    .strictObject({
      principalFen: fen,
      startedOn: isoDate,
      endsOn: isoDate,
      /** A partnership (合伙创业) may borrow 10% more (file 004 §(三)). */
      partnership: z.boolean().default(false),
      /** Repaid on schedule so far. */
      repaidOnSchedule: z.boolean(),
    })
    .optional(),
});

export const publicWelfarePostFactsSchema = z.strictObject({
  /** Category of the post, which with hours decides the monthly amount (file 000 §(四)). */
  category: z.string().min(1).max(40),
  fullTime: z.boolean(),
  /** Attendance per month: the subsidy is paid for months on post (在岗领补). */
  attendance: z
    .array(
      z.strictObject({
        month: monthSchema,
        daysWorked: count.max(31),
        daysRequired: count.max(31),
        /** Who stands behind the days (记录人, 本人确认), shown to the approver. */
        source: z.string().max(120).optional(),
        /** The account that recorded the days: it may not approve the month's claim. */
        vouchedBy: vouchersSchema,
      }),
    )
    .max(24),
  contractStartedOn: isoDate,
  contractEndsOn: isoDate,
});

export const vocationalStudentFactsSchema = z.strictObject({
  /** A child of a 脱贫 or monitored household in 中职 / 高职 / 技工院校 (雨露计划, file 000 §(六)). */
  schoolKind: z.enum(['secondaryVocational', 'higherVocational', 'technicalSchool']),
  enrolledOn: isoDate,
  /** The semester being claimed, e.g. 2026-autumn. */
  semester: z.string().regex(/^\d{4}-(spring|autumn)$/, '学期格式应为 2026-autumn'),
  /** For a monitored household: whether its risk has been cleared, and since when. */
  riskClearedOn: isoDate.optional(),
});

export const employerFactsSchema = z.strictObject({
  kind: z.enum(EMPLOYER_KINDS),
  workshopRecognition: z.enum(['recognised', 'exited']).optional(),
  /** 帮扶对象 employed now; and at the same time last year, for the workshop reward's tiers. */
  assistedEmployees: count.max(100_000).optional(),
  /** People hired from the groups and trained on the job (以工代训), one line each. */
  workBasedTrainees: z
    .array(
      z.strictObject({
        workerId: z.string().min(1).max(64),
        startedOn: isoDate,
        monthsTrained: count.max(24),
        /** Already received 以工代训 before: excluded (file 003 §(七)). */
        hadBefore: z.boolean(),
      }),
    )
    .max(1000)
    .optional(),
  /** Insured employees from the groups this period, for the social insurance subsidy. */
  insuredAssistedEmployees: count.max(100_000).optional(),
});

export const agencyFactsSchema = z.strictObject({
  /** Each worker the agency or broker placed, with where and how long they worked this year. */
  transfers: z
    .array(
      z.strictObject({
        workerId: z.string().min(1).max(64),
        /** The worker's name, for the item an agency reads (the id otherwise). */
        name: z.string().min(1).max(30).optional(),
        place: z.enum(['acrossCounty', 'acrossCity', 'acrossProvince']),
        monthsEmployedThisYear: count.max(12),
        /** The first time this worker was transferred out (首次输出). */
        firstTransfer: z.boolean(),
        /**
         * The service for this person's first transfer is claimed already, by this agency (in
         * another year) or by another one: it is paid once per person, whoever placed them.
         */
        serviceClaimed: z.enum(['byThisAgency', 'byAnotherAgency']).optional(),
      }),
    )
    .max(10_000),
});

export const pastClaimSchema = z.strictObject({
  subsidy: z.enum(SUBSIDY_IDS),
  periodKey: z.string().min(1).max(120), // a transfer's is the year and a worker id (43)
  amountFen: fen,
});

export const subsidyFactsSchema = z.strictObject({
  person: personFactsSchema.optional(),
  employment: z.array(employmentMonthSchema).max(120).default([]),
  trainings: z.array(trainingFactsSchema).max(50).default([]),
  certificates: z.array(certificateFactsSchema).max(50).default([]),
  startup: startupFactsSchema.optional(),
  publicWelfarePost: publicWelfarePostFactsSchema.optional(),
  vocationalStudent: vocationalStudentFactsSchema.optional(),
  employer: employerFactsSchema.optional(),
  agency: agencyFactsSchema.optional(),
  /** Claims already made, so nothing is paid twice for the same thing and period. */
  pastClaims: z.array(pastClaimSchema).max(500).default([]),
  /** Who stands behind a fact, by its path (person.insured, startup.loan…): shown beside it in the trace. */
  sources: z.record(z.string().max(80), z.string().max(120)).optional(),
  /** The accounts behind a fact, by its path like `sources`: none may approve a claim that rests on it. */
  vouchers: z.record(z.string().max(80), vouchersSchema.unwrap()).optional(),
  /** Facts only the worker has reported (their paths): not used until an officer confirms them, and said so. */
  reported: z.array(z.string().max(80)).max(20).optional(),
});
export type SubsidyFacts = z.infer<typeof subsidyFactsSchema>;
export type SubsidyFactsInput = z.input<typeof subsidyFactsSchema>;
