/**
 * Benchmark: the whole subsidy catalogue over 1,000,000 synthetic worker-periods, with our
 * rules engine, side by side in the same run with the same rules written for
 * json-rules-engine (the library a team would reach for instead).
 *
 * Worker-periods are generated deterministically (seeded PRNG): workers of every group,
 * age, labour class and kind of employment, with trainings, certificates, businesses and
 * loans, public-welfare posts, students, past claims; employers and agencies for the
 * organisations' subsidies; months from 2021 to 2026, mostly in villages of 固阳县 (150222),
 * some elsewhere in Inner Mongolia and a few outside it (where the region sets no standard).
 *
 * Ours: every rule through `evaluateRule`, a MissingParameterError caught per rule as
 * "unavailable", as the API's subsidy service does. json-rules-engine: one engine for the
 * period's subsidies and one per kind of thing paid for (course, certificate, transfer,
 * trainee), conditions in its JSON format, derived values as almanac facts, events carrying
 * the amount. json-rules-engine is slow: it evaluates a sample (the first worker-periods of
 * the same stream) and its throughput is extrapolated; on that sample both must agree on
 * every result (rule, period key, eligibility, amount) and on which rules are unavailable.
 *
 *   npx tsx --expose-gc tests/bench/subsidies-evaluate.ts [worker-periods] [json-rules-engine sample]
 */
import { pathToFileURL } from 'node:url';
import { Engine, type Almanac, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import {
  ageOn,
  authoritiesFor,
  evaluateRule,
  grantedBy,
  MissingParameterError,
  parameterSource,
  readParameter,
  RULES,
  subsidyFactsSchema,
  type ParameterSource,
  type SubsidyFacts,
  type SubsidyResult,
  type WorkerGroup,
} from '@bangfu/shared';
import { itemKey, semesterOf } from '../../shared/src/subsidies/rules/personFacts.js';
import { addMonths } from '../../shared/src/subsidies/rules/publicWelfarePost.js';
import { ASSISTED_GROUPS } from '../../shared/src/subsidies/rules/socialInsurance.js';
import { STARTUP_GROUPS, wholeMonthsBetween } from '../../shared/src/subsidies/rules/startupOnce.js';
import { TRAINEE_GROUPS, trainingKey } from '../../shared/src/subsidies/rules/training.js';
import { DEMO_LOCAL_DOCUMENTS, demoStandards } from '../../functions/src/local/seed/demoStandards.js';
import { prng } from '../support/prng.js';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const SAMPLE = Math.min(TOTAL, Number(process.argv[3] ?? 20_000));
const CHUNK = 10_000;
const GOAL_RATIO = 20;
const GOAL_SECONDS = 30;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

// ---------------------------------------------------------------------------------------
// Synthetic worker-periods

interface WorkerPeriod {
  facts: SubsidyFacts;
  period: string;
  regionCode: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
const FIRST = monthIndex('2021-01');
const LAST = monthIndex('2026-12');
const PARAMS_FROM = monthIndex('2023-11'); // most local standards ship from 2023-10-26

const VILLAGES = Array.from({ length: 60 }, (_, i) => `150222${100 + (i % 9)}${200 + i}`); // villages of 固阳县's townships
const ELSEWHERE_IM = ['150102001001', '150203101201', '150602102203', '150121100210']; // Hohhot, Baotou city, Ordos
const OUTSIDE = ['430981100201', '360121100203']; // 沅江 (Hunan), 南昌县 (Jiangxi): no standards set there
const COURSES = ['电工', '焊工', '家政服务员', '养老护理员', '中式烹调师', '挖掘机驾驶员', '育婴员', '农机修理工'];
const CERTS = ['电工四级', '焊工五级', '保育师', '中式面点', '手工编织', '羊毛衫手工'];
const POSTS = ['保洁环卫', '护林员', '村级协管', '养老服务'];
const SUBSIDY_CLAIMABLE = [
  'transport_once',
  'job_seeking_once',
  'social_insurance',
  'public_welfare_post',
  'startup_once',
  'startup_loan_interest',
  'yulu_education',
  'temporary_relief',
] as const;

function* workerPeriods(seed: number, count: number): Generator<WorkerPeriod> {
  const r = prng(seed);
  const day = () => pad(r.int(1, 28));
  const dateIn = (index: number) => `${monthOf(index)}-${day()}`;
  for (let n = 0; n < count; n++) {
    const kind = r.weighted([
      ['worker', 80],
      ['employer', 14],
      ['agency', 6],
    ] as const);
    // Most months after the local standards began (2023-10-26); employers' often in 2021, the last year of 以工代训.
    const p =
      kind === 'employer' && r.chance(0.3)
        ? r.int(FIRST, FIRST + 11)
        : r.chance(0.75)
          ? r.int(PARAMS_FROM, LAST)
          : r.int(FIRST, LAST);
    const period = monthOf(p);
    const year = Number(period.slice(0, 4));
    const regionCode = r.weighted([
      [r.pick(VILLAGES), 90],
      [r.pick(ELSEWHERE_IM), 7],
      [r.pick(OUTSIDE), 3],
    ] as const);
    const facts: SubsidyFacts = { employment: [], trainings: [], certificates: [], pastClaims: [] };

    if (kind === 'worker') {
      const age = r.weighted([
        [r.int(16, 25), 20],
        [r.int(26, 45), 35],
        [r.int(46, 60), 30],
        [r.int(61, 75), 15],
      ] as const);
      const groups = new Set<WorkerGroup>();
      const main = r.weighted([
        ['povertyAlleviated', 50],
        ['monitored', 15],
        ['ruralLowIncome', 15],
        ['none', 20],
      ] as const);
      if (main !== 'none') groups.add(main);
      for (const [group, p] of [
        ['monitored', 0.05],
        ['relocated', 0.05],
        ['disabled', 0.05],
        ['veteran', 0.03],
        ['collegeGraduate', 0.04],
        ['registeredUnemployed', 0.03],
        ['employmentDifficulty', 0.05],
        ['zeroEmploymentHousehold', 0.01],
      ] as const) {
        if (r.chance(p)) groups.add(group);
      }
      const entry = `${r.int(2016, 2021)}-${pad(r.int(1, 12))}-${day()}`;
      facts.person = {
        birthDate: `${year - age - (r.chance(0.5) ? 1 : 0)}-${pad(r.int(1, 12))}-${day()}`,
        sex: r.chance(0.5) ? 'male' : 'female',
        groups: [...groups],
        labourClass: r.weighted([
          ['full', 60],
          ['half', 20],
          ['weak', 12],
          ['none', 8],
        ] as const),
        homeRegionCode: regionCode,
        registryEntryDate: entry,
        ...(r.chance(0.08) ? { registryExitDate: dateIn(p + r.int(-6, 3)) } : {}),
        ...(r.chance(0.85) ? { insured: r.chance(0.45) } : {}),
        ...(r.chance(0.9) ? { onMinimumLiving: r.chance(0.15) } : {}),
        ...(r.chance(0.7) ? { graduatingThisYear: r.chance(0.15) } : {}),
      };
      // Monthly employment records: the months up to the period (some without this month's yet).
      if (r.chance(0.9)) {
        const first = p - r.int(0, 11);
        const last = r.chance(0.85) ? p : p - 1;
        const usual = r.weighted([
          ['withinCounty', 40],
          ['acrossCounty', 15],
          ['acrossCity', 15],
          ['acrossProvince', 25],
        ] as const);
        const form = r.weighted([
          ['enterprise', 40],
          ['assistanceWorkshop', 10],
          ['publicWelfarePost', 8],
          ['workForRelief', 5],
          ['selfEmployed', 15],
          ['flexible', 22],
        ] as const);
        for (let m = first; m <= last; m++) {
          const employed = r.chance(0.72);
          facts.employment.push({
            month: monthOf(m),
            status: employed ? 'employed' : 'notEmployed',
            ...(employed && !r.chance(0.03)
              ? { place: r.chance(0.85) ? usual : r.pick(['withinCounty', 'acrossProvince'] as const) }
              : {}),
            ...(employed ? { form } : {}),
            monthlyIncomeFen: employed ? r.int(150_000, 800_000) : 0,
          });
        }
      }
      if (r.chance(0.35)) {
        for (let i = r.int(1, 3); i > 0; i--) {
          const end = p + r.int(-8, 2);
          const days = r.int(3, 45);
          facts.trainings.push({
            name: r.pick(COURSES),
            startedOn: `${monthOf(end - 1)}-${day()}`,
            endedOn: dateIn(end),
            completed: r.chance(0.85),
            labourBrandTrade: r.chance(0.3),
            ...(r.chance(0.88) ? { days: r.chance(0.03) ? 0 : days } : {}),
          });
        }
      }
      if (r.chance(0.22)) {
        for (let i = r.int(1, 2); i > 0; i--) {
          facts.certificates.push({
            name: r.pick(CERTS),
            kind: r.chance(0.6) ? 'skill' : 'specialAbility',
            obtainedOn: dateIn(p + r.int(-12, 2)),
          });
        }
      }
      if (r.chance(0.1)) {
        const registered = p - r.int(-1, 30);
        const loanStart = registered + r.int(0, 3);
        facts.startup = {
          registeredOn: dateIn(registered),
          operating: r.chance(0.85),
          ...(r.chance(0.65)
            ? {
                loan: {
                  principalFen: r.int(5, 30) * 1_000_000,
                  startedOn: dateIn(loanStart),
                  endsOn: dateIn(loanStart + r.pick([24, 36])),
                  partnership: r.chance(0.3),
                  repaidOnSchedule: r.chance(0.88),
                },
              }
            : {}),
        };
      }
      if (r.chance(0.14)) {
        const start = p - r.int(0, 14);
        const attendance = [];
        for (let m = p - 2; m <= p; m++) {
          if (m === p && r.chance(0.12)) continue;
          const required = r.pick([20, 21, 22, 23]);
          const worked = r.weighted([
            [required, 75],
            [r.int(1, required - 1), 20],
            [0, 5],
          ] as const);
          attendance.push({ month: monthOf(m), daysWorked: worked, daysRequired: r.chance(0.01) ? 0 : required });
        }
        facts.publicWelfarePost = {
          category: r.pick(POSTS),
          fullTime: r.chance(0.55),
          attendance,
          contractStartedOn: dateIn(start),
          contractEndsOn: dateIn(start + r.pick([11, 12, 12, 18])),
        };
      }
      if (r.chance(0.08)) {
        const current = semesterOf(`${period}-01`);
        const shift = r.weighted([
          [0, 70],
          [-1, 15],
          [1, 10],
          [-3, 5],
        ] as const);
        const rank = Number(current.slice(0, 4)) * 2 + (current.endsWith('autumn') ? 1 : 0) + shift;
        facts.vocationalStudent = {
          schoolKind: r.pick(['secondaryVocational', 'higherVocational', 'technicalSchool'] as const),
          enrolledOn: dateIn(p - r.int(0, 30)),
          semester: `${Math.floor(rank / 2)}-${rank % 2 ? 'autumn' : 'spring'}`,
          ...(r.chance(0.3) ? { riskClearedOn: dateIn(p - r.int(0, 12)) } : {}),
        };
      }
      if (r.chance(0.2)) {
        for (let i = r.int(1, 3); i > 0; i--) {
          const subsidy = r.pick(SUBSIDY_CLAIMABLE);
          const periodKey = r.weighted([
            [String(year), 30],
            ['once', 20],
            [period, 20],
            [monthOf(p - 1), 10],
            [semesterOf(`${period}-01`), 10],
            [String(year - 1), 10],
          ] as const);
          facts.pastClaims.push({ subsidy, periodKey, amountFen: r.int(1, 100) * 10_000 });
        }
        if (facts.trainings.length > 0 && r.chance(0.5)) {
          const course = r.pick(facts.trainings);
          facts.pastClaims.push({
            subsidy: r.pick(['training', 'training_living'] as const),
            periodKey: trainingKey(course),
            amountFen: 60_000,
          });
        }
      }
    } else if (kind === 'employer') {
      const employerKind = r.weighted([
        ['enterprise', 25],
        ['assistanceWorkshop', 25],
        ['assistanceBase', 15],
        ['cooperative', 10],
        ['workForRelief', 10],
        ['publicWelfare', 10],
        ['hrAgency', 5],
      ] as const);
      facts.employer = {
        kind: employerKind,
        ...(employerKind === 'assistanceWorkshop' && !r.chance(0.1)
          ? { workshopRecognition: r.chance(0.88) ? 'recognised' : 'exited' }
          : {}),
        ...(r.chance(0.95)
          ? {
              assistedEmployees: r.weighted([
                [r.int(0, 9), 40],
                [r.int(10, 29), 35],
                [r.int(30, 80), 25],
              ] as const),
            }
          : {}),
        ...(r.chance(0.5)
          ? {
              workBasedTrainees: Array.from({ length: r.int(0, 5) }, (_, i) => ({
                workerId: `w${n}-${i}`,
                startedOn: dateIn(p - r.int(0, 10)),
                monthsTrained: r.int(0, 10),
                hadBefore: r.chance(0.15),
              })),
            }
          : {}),
        ...(r.chance(0.9) ? { insuredAssistedEmployees: r.int(0, 40) } : {}),
      };
      if (r.chance(0.2)) {
        facts.pastClaims.push({
          subsidy: r.pick(['social_insurance', 'workshop_reward', 'base_reward', 'work_based_training'] as const),
          periodKey: r.pick([period, String(year), 'once', `w${n}-0`]),
          amountFen: 100_000,
        });
      }
      // Employer facts are often held with the registry's contact person.
      if (r.chance(0.3))
        facts.person = { birthDate: '1975-03-01', sex: 'male', groups: [], labourClass: 'full', homeRegionCode: regionCode };
    } else {
      facts.agency = {
        transfers: Array.from({ length: r.int(0, 8) }, (_, i) => ({
          workerId: `t${n}-${i}`,
          place: r.pick(['acrossCounty', 'acrossCity', 'acrossProvince'] as const),
          monthsEmployedThisYear: r.int(0, 12),
          firstTransfer: r.chance(0.7),
        })),
      };
      if (r.chance(0.2))
        facts.pastClaims.push({ subsidy: 'agency_transfer_service', periodKey: `${year}:t${n}-0`, amountFen: 30_000 });
    }
    yield { facts, period, regionCode };
  }
}

// ---------------------------------------------------------------------------------------
// Ours

// The product's parameters as seeded: the shipped ones under the demo regions' own documents.
const PARAMETERS: ParameterSource = parameterSource(RULES, demoStandards());
/** What holds for a region on a day, as the product reads it (with the demo regions' documents). */
const authorities = (regionCode: string, date: string) => authoritiesFor(regionCode, date, DEMO_LOCAL_DOCUMENTS);
const RULE_KEYS = RULES.map((rule) => `${rule.id}/${rule.beneficiary}`);

interface Tally {
  results: number;
  eligible: number;
  amountFen: number;
  unavailable: number;
  /** Per rule, in RULES order. */
  byRule: { results: number; eligible: number; unavailable: number }[];
}
const newTally = (): Tally => ({
  results: 0,
  eligible: 0,
  amountFen: 0,
  unavailable: 0,
  byRule: RULE_KEYS.map(() => ({ results: 0, eligible: 0, unavailable: 0 })),
});

/** Every rule for one worker-period; `undefined` for a rule whose standard is missing. */
function evaluateOurs(wp: WorkerPeriod): (SubsidyResult[] | undefined)[] {
  const input = {
    facts: wp.facts,
    period: wp.period,
    regionCode: wp.regionCode,
    parameters: PARAMETERS,
    authorities: authorities(wp.regionCode, `${wp.period}-01`),
  };
  const out: (SubsidyResult[] | undefined)[] = [];
  for (const rule of RULES) {
    try {
      out.push(evaluateRule(rule, input));
    } catch (error) {
      if (!(error instanceof MissingParameterError)) throw error;
      out.push(undefined);
    }
  }
  return out;
}

function count(tally: Tally, perRule: (SubsidyResult[] | undefined)[]): void {
  perRule.forEach((results, i) => {
    const byRule = tally.byRule[i]!;
    if (!results) {
      tally.unavailable++;
      byRule.unavailable++;
      return;
    }
    for (const result of results) {
      tally.results++;
      byRule.results++;
      if (result.eligible) {
        tally.eligible++;
        byRule.eligible++;
        tally.amountFen += result.amountFen;
      }
    }
  });
}

/** What both engines must agree on, per rule: unavailable, or each result's key, eligibility and amount. */
type Signature = string[];
const signatureOf = (perRule: (SubsidyResult[] | undefined)[]): Signature =>
  perRule.map((results) =>
    results ? results.map((r) => `${r.periodKey}:${r.eligible ? 'yes' : 'no'}:${r.amountFen}`).join(' | ') : 'unavailable',
  );

// ---------------------------------------------------------------------------------------
// The same rules for json-rules-engine

type Condition = Record<string, unknown>;
const fact = (name: string, operator: string, value: unknown, extra: Record<string, unknown> = {}): Condition => ({
  fact: name,
  operator,
  value,
  ...extra,
});
const path = (name: string, at: string, operator: string, value: unknown): Condition => fact(name, operator, value, { path: at });
const all = (...conditions: Condition[]): Condition => ({ all: conditions });
const any = (...conditions: Condition[]): Condition => ({ any: conditions });
const ref = (name: string): Condition => ({ condition: name });
const status = (key: string, value: 'value' | 'ended' | 'missing'): Condition =>
  fact('paramStatus', 'equal', value, { params: { key } });
const param = (key: string) => ({ fact: 'paramValue', params: { key } });
const inGroups = (groups: readonly WorkerGroup[]) => fact('groups', 'intersects', groups);
const notExited = fact('exited', 'equal', false);
const notClaimed = (subsidy: string) => fact('pastClaimKeys', 'doesNotContain', { fact: 'claimKey', params: { subsidy } });

function rule(
  name: string,
  type: 'eligible' | 'unavailable' | 'itemised',
  conditions: Condition,
  amountFen?: unknown,
): RuleProperties {
  return {
    name: `${name}:${type}`,
    conditions: conditions as TopLevelCondition,
    event: { type, params: { rule: name, ...(amountFen !== undefined ? { amountFen } : {}) } },
  };
}

/** A rule paying one parameter's amount once its conditions hold; unavailable when the parameter has no value. */
function paysParameter(name: string, subsidy: string, reached: Condition, key: string, worker = true): RuleProperties[] {
  return [
    rule(name, 'unavailable', all(reached, status(key, 'missing'))),
    rule(name, 'eligible', all(reached, status(key, 'value'), ...(worker ? [notExited] : []), notClaimed(subsidy)), param(key)),
  ];
}

type ParamState = { status: 'value'; value: number } | { status: 'ended' | 'missing'; value: null };
function paramState(regionCode: string, date: string, key: string): ParamState {
  try {
    const reading = readParameter(
      PARAMETERS.definitions,
      PARAMETERS.table,
      key,
      regionCode,
      date,
      authorities(regionCode, date).holds,
    );
    return reading.status === 'value' ? { status: 'value', value: reading.value } : { status: 'ended', value: null };
  } catch (error) {
    if (error instanceof MissingParameterError) return { status: 'missing', value: null };
    throw error;
  }
}

const PRODUCER_KINDS = ['enterprise', 'assistanceWorkshop', 'assistanceBase', 'cooperative', 'workForRelief', 'hrAgency'];
const semesterRank = (semester: string) => Number(semester.slice(0, 4)) * 2 + (semester.endsWith('autumn') ? 1 : 0);

/** Facts and operators every engine shares: the worker-period, parameters by region and date, derived values. */
function baseEngine(): Engine {
  const engine = new Engine([], { replaceFactsInEventParams: true, allowUndefinedFacts: true });
  engine.addOperator<unknown[], unknown[]>('intersects', (a, b) => Array.isArray(a) && a.some((x) => b.includes(x)));
  engine.addOperator<string, string>('strLt', (a, b) => typeof a === 'string' && a < b);
  engine.addOperator<string, string>('strLte', (a, b) => typeof a === 'string' && a <= b);
  engine.addOperator<string, string>('strGt', (a, b) => typeof a === 'string' && a > b);
  engine.addOperator<string, string>('strGte', (a, b) => typeof a === 'string' && a >= b);
  engine.addOperator<string, string>('monthOnOrBefore', (a, b) => typeof a === 'string' && a.slice(0, 7) <= b);

  const facts = (almanac: Almanac) => almanac.factValue<SubsidyFacts>('facts');
  const reading = async (key: string, almanac: Almanac) =>
    paramState(await almanac.factValue<string>('regionCode'), await almanac.factValue<string>('date'), key);
  engine.addFact('paramStatus', async (params, almanac) => (await reading(params.key, almanac)).status);
  engine.addFact('paramValue', async (params, almanac) => (await reading(params.key, almanac)).value);

  const person = async (almanac: Almanac) => (await facts(almanac)).person;
  engine.addFact('hasPerson', async (_p, almanac) => (await person(almanac)) !== undefined);
  engine.addFact('groups', async (_p, almanac) => (await person(almanac))?.groups ?? []);
  engine.addFact('sex', async (_p, almanac) => (await person(almanac))?.sex ?? null);
  engine.addFact('labourClass', async (_p, almanac) => (await person(almanac))?.labourClass ?? null);
  engine.addFact('age', async (_p, almanac) => {
    const p = await person(almanac);
    return p ? ageOn(p.birthDate, await almanac.factValue<string>('date')) : null;
  });
  engine.addFact('graduatingThisYear', async (_p, almanac) => (await person(almanac))?.graduatingThisYear ?? null);
  engine.addFact('insured', async (_p, almanac) => (await person(almanac))?.insured ?? null);
  engine.addFact('onMinimumLiving', async (_p, almanac) => (await person(almanac))?.onMinimumLiving ?? null);
  engine.addFact('exited', async (_p, almanac) => {
    const exit = (await person(almanac))?.registryExitDate;
    return exit !== undefined && (await almanac.factValue<string>('period')) > exit.slice(0, 7);
  });
  engine.addFact('pastClaimKeys', async (_p, almanac) =>
    (await facts(almanac)).pastClaims.map((c) => `${c.subsidy}|${c.periodKey}`),
  );
  engine.addFact('claimKey', async (params, almanac) => `${params.subsidy}|${await almanac.factValue('periodKey', params)}`);
  engine.addFact('employer', async (_p, almanac) => (await facts(almanac)).employer ?? null);
  return engine;
}

/** The subsidies decided once per worker-period, and which ones pay per item. */
function periodEngine(): Engine {
  const engine = baseEngine();
  const f = (almanac: Almanac) => almanac.factValue<SubsidyFacts>('facts');
  const str = (almanac: Almanac, name: string) => almanac.factValue<string>(name);

  engine.addFact('periodKey', async (params, almanac) => {
    const period = await str(almanac, 'period');
    switch (params.subsidy as string) {
      case 'transport_once':
      case 'agency_transfer_service':
      case 'workshop_reward':
      case 'temporary_relief':
        return period.slice(0, 4);
      case 'job_seeking_once':
      case 'startup_once':
      case 'base_reward':
        return 'once';
      case 'training':
      case 'training_living':
        return 'training:none';
      case 'skill_certificate':
        return 'certificate:none';
      case 'yulu_education':
        return (await f(almanac)).vocationalStudent?.semester ?? semesterOf(`${period}-01`);
      default:
        return period;
    }
  });
  engine.addFact('monthsAcrossProvinceThisYear', async (_p, almanac) => {
    const period = await str(almanac, 'period');
    const year = `${period.slice(0, 4)}-`;
    return (await f(almanac)).employment.filter(
      (m) => m.month.startsWith(year) && m.month <= period && m.status === 'employed' && m.place === 'acrossProvince',
    ).length;
  });
  engine.addFact('recentEmploymentStatus', async (_p, almanac) => {
    const period = await str(almanac, 'period');
    const previous = monthOf(monthIndex(period) - 1);
    const records = (await f(almanac)).employment.filter((m) => m.month === period || m.month === previous);
    return records.sort((a, b) => b.month.localeCompare(a.month))[0]?.status ?? null;
  });
  engine.addFact('periodEmployment', async (_p, almanac) => {
    const period = await str(almanac, 'period');
    return (await f(almanac)).employment.find((m) => m.month === period) ?? null;
  });
  engine.addFact('trainingCount', async (_p, almanac) => (await f(almanac)).trainings.length);
  engine.addFact('certificateCount', async (_p, almanac) => (await f(almanac)).certificates.length);
  engine.addFact('agencyTransferCount', async (_p, almanac) => (await f(almanac)).agency?.transfers.length ?? null);
  engine.addFact('workBasedTraineeCount', async (_p, almanac) => (await f(almanac)).employer?.workBasedTrainees?.length ?? null);
  engine.addFact('post', async (_p, almanac) => (await f(almanac)).publicWelfarePost ?? null);
  engine.addFact('nextMonthStart', async (_p, almanac) => `${monthOf(monthIndex(await str(almanac, 'period')) + 1)}-01`);
  engine.addFact('contractCoveredUntil', async (_p, almanac) => {
    const post = (await f(almanac)).publicWelfarePost;
    const max = await almanac.factValue<number | null>('paramValue', { key: 'publicWelfarePostMaxContractMonths' });
    return post && max !== null ? addMonths(post.contractStartedOn, max) : null;
  });
  engine.addFact('attendance', async (_p, almanac) => {
    const period = await str(almanac, 'period');
    return (await f(almanac)).publicWelfarePost?.attendance.find((a) => a.month === period) ?? null;
  });
  engine.addFact('postAmountFen', async (params, almanac) => {
    const monthly = await almanac.factValue<number>('paramValue', { key: params.key });
    const a = await almanac.factValue<{ daysWorked: number; daysRequired: number } | null>('attendance');
    if (!a || a.daysRequired === 0) return null;
    return Math.floor((monthly * Math.min(a.daysWorked, a.daysRequired)) / a.daysRequired);
  });
  engine.addFact('startup', async (_p, almanac) => (await f(almanac)).startup ?? null);
  engine.addFact('loan', async (_p, almanac) => (await f(almanac)).startup?.loan ?? null);
  engine.addFact('operatingMonths', async (_p, almanac) => {
    const startup = (await f(almanac)).startup;
    return startup ? wholeMonthsBetween(startup.registeredOn, await str(almanac, 'date')) : null;
  });
  engine.addFact('loanInterestFen', async (_p, almanac) => {
    const loan = (await f(almanac)).startup?.loan;
    if (!loan) return null;
    const cap = await almanac.factValue<number>('paramValue', { key: 'startupLoanCapFen' });
    const rate = await almanac.factValue<number>('paramValue', { key: 'startupLoanInterestRate' });
    let capFen = cap;
    if (loan.partnership) {
      const uplift = await almanac.factValue<number | null>('paramValue', { key: 'startupLoanPartnershipUplift' });
      if (uplift !== null && uplift > 0) capFen = Math.floor((cap * (10_000 + Math.round(uplift * 10_000))) / 10_000);
    }
    return Math.floor((Math.min(loan.principalFen, capFen) * Math.round(rate * 10_000)) / (10_000 * 12));
  });
  engine.addFact('employerKind', async (_p, almanac) => (await f(almanac)).employer?.kind ?? null);
  engine.addFact('assistedEmployees', async (_p, almanac) => (await f(almanac)).employer?.assistedEmployees ?? null);
  engine.addFact(
    'insuredAssistedEmployees',
    async (_p, almanac) => (await f(almanac)).employer?.insuredAssistedEmployees ?? null,
  );
  engine.addFact('employerInsuranceFen', async (_p, almanac) => {
    const insured = await almanac.factValue<number>('insuredAssistedEmployees');
    return insured * (await almanac.factValue<number>('paramValue', { key: 'socialInsuranceEmployerMonthlyFen' }));
  });
  engine.addFact('student', async (_p, almanac) => (await f(almanac)).vocationalStudent ?? null);
  engine.addFact('claimedSemesterRank', async (_p, almanac) =>
    semesterRank(await almanac.factValue<string>('periodKey', { subsidy: 'yulu_education' })),
  );
  engine.addFact('currentSemesterRank', async (_p, almanac) => semesterRank(semesterOf(await str(almanac, 'date'))));
  engine.addFact('enrolledSemesterRank', async (_p, almanac) => {
    const student = (await f(almanac)).vocationalStudent;
    return student ? semesterRank(semesterOf(student.enrolledOn)) : null;
  });
  engine.addFact('riskClearedSemesterRank', async (_p, almanac) => {
    const cleared = (await f(almanac)).vocationalStudent?.riskClearedOn;
    return cleared ? semesterRank(semesterOf(cleared)) : null;
  });

  const rules: RuleProperties[] = [];
  const worker = fact('hasPerson', 'equal', true);
  const poor = inGroups(['povertyAlleviated', 'monitored']);

  // 一次性交通补助: 脱贫人口 / 监测对象 who worked in another province this year, by the period.
  rules.push(
    ...paysParameter(
      'transport_once/worker',
      'transport_once',
      all(worker, poor, fact('monthsAcrossProvinceThisYear', 'greaterThan', 0)),
      'transportOnceFen',
    ),
  );
  // 一次性求职创业补贴: 脱贫 / monitored, in the graduating year.
  rules.push(
    ...paysParameter(
      'job_seeking_once/worker',
      'job_seeking_once',
      all(worker, poor, fact('graduatingThisYear', 'equal', true)),
      'jobSeekingOnceFen',
    ),
  );
  // Training, its living allowance and certificates pay per course / certificate (item engines).
  rules.push(rule('training/worker', 'itemised', all(fact('trainingCount', 'greaterThan', 0))));
  rules.push(rule('training_living/worker', 'itemised', all(fact('trainingCount', 'greaterThan', 0))));
  rules.push(rule('skill_certificate/worker', 'itemised', all(fact('certificateCount', 'greaterThan', 0))));
  // 就业创业服务补助: the agency's list; every standard read before looking at anyone.
  const transferParams = [
    'agencyTransferMinMonths',
    'agencyTransferAcrossCountyFen',
    'agencyTransferAcrossCityFen',
    'agencyTransferAcrossProvinceFen',
  ];
  rules.push(
    rule(
      'agency_transfer_service/agency',
      'unavailable',
      all(fact('agencyTransferCount', 'greaterThanInclusive', 0), any(...transferParams.map((key) => status(key, 'missing')))),
    ),
    rule('agency_transfer_service/agency', 'itemised', all(fact('agencyTransferCount', 'greaterThan', 0))),
  );
  // 以工代训: producers with trainees; ended from 2022.
  engine.setCondition(
    'wbt:reached',
    all(
      fact('employer', 'notEqual', null),
      fact('workBasedTraineeCount', 'greaterThan', 0),
      fact('employerKind', 'in', PRODUCER_KINDS),
    ) as TopLevelCondition,
  );
  rules.push(
    rule(
      'work_based_training/employer',
      'unavailable',
      all(
        ref('wbt:reached'),
        any(
          status('workBasedTrainingMaxMonths', 'missing'),
          all(status('workBasedTrainingMaxMonths', 'value'), status('workBasedTrainingMonthlyFen', 'missing')),
        ),
      ),
    ),
    rule('work_based_training/employer', 'itemised', all(ref('wbt:reached'))),
  );
  // 社会保险补贴 to employers for insured 帮扶对象.
  const employerInsurance = all(
    fact('employer', 'notEqual', null),
    fact('employerKind', 'notEqual', 'publicWelfare'),
    fact('insuredAssistedEmployees', 'greaterThan', 0),
  );
  rules.push(
    rule(
      'social_insurance/employer',
      'unavailable',
      all(employerInsurance, status('socialInsuranceEmployerMonthlyFen', 'missing')),
    ),
    rule(
      'social_insurance/employer',
      'eligible',
      all(employerInsurance, status('socialInsuranceEmployerMonthlyFen', 'value'), notClaimed('social_insurance')),
      { fact: 'employerInsuranceFen' },
    ),
  );
  // 社会保险补贴 to 帮扶对象 in flexible work who insure themselves.
  rules.push(
    ...paysParameter(
      'social_insurance/worker',
      'social_insurance',
      all(
        worker,
        inGroups(ASSISTED_GROUPS),
        path('periodEmployment', '$.status', 'equal', 'employed'),
        path('periodEmployment', '$.form', 'in', ['flexible', 'selfEmployed']),
        fact('insured', 'equal', true),
      ),
      'socialInsuranceFlexibleMonthlyFen',
    ),
  );
  // 公益性岗位补贴: in the contract, within 12 months of its start, days on post.
  engine.setCondition(
    'post:inContract',
    all(
      fact('post', 'notEqual', null),
      path('post', '$.contractStartedOn', 'strLt', { fact: 'nextMonthStart' }),
      path('post', '$.contractEndsOn', 'strGte', { fact: 'date' }),
    ) as TopLevelCondition,
  );
  engine.setCondition(
    'post:onPost',
    all(
      ref('post:inContract'),
      // Jiangxi's one-year term, where it holds; no length elsewhere.
      any(
        status('publicWelfarePostMaxContractMonths', 'missing'),
        all(status('publicWelfarePostMaxContractMonths', 'value'), fact('date', 'strLt', { fact: 'contractCoveredUntil' })),
      ),
      fact('attendance', 'notEqual', null),
      path('attendance', '$.daysRequired', 'greaterThan', 0),
      path('attendance', '$.daysWorked', 'greaterThan', 0),
    ) as TopLevelCondition,
  );
  const FT = 'publicWelfarePostFullTimeMonthlyFen';
  const PT = 'publicWelfarePostPartTimeMonthlyFen';
  rules.push(
    rule(
      'public_welfare_post/worker',
      'unavailable',
      any(
        all(ref('post:onPost'), path('post', '$.fullTime', 'equal', true), status(FT, 'missing')),
        all(ref('post:onPost'), path('post', '$.fullTime', 'equal', false), status(PT, 'missing')),
      ),
    ),
    ...[
      [true, FT],
      [false, PT],
    ].map(([fullTime, key]) =>
      rule(
        'public_welfare_post/worker',
        'eligible',
        all(
          ref('post:onPost'),
          path('post', '$.fullTime', 'equal', fullTime),
          status(key as string, 'value'),
          notExited,
          notClaimed('public_welfare_post'),
        ),
        { fact: 'postAmountFen', params: { key } },
      ),
    ),
  );
  // 一次性创业补贴: the groups, registered before the month, operating long enough.
  engine.setCondition(
    'startup:reached',
    all(
      worker,
      fact('startup', 'notEqual', null),
      inGroups(STARTUP_GROUPS),
      path('startup', '$.registeredOn', 'strLt', { fact: 'date' }),
      path('startup', '$.operating', 'equal', true),
    ) as TopLevelCondition,
  );
  const longEnough = all(
    status('startupOnceMinOperatingMonths', 'value'),
    fact('operatingMonths', 'greaterThanInclusive', param('startupOnceMinOperatingMonths')),
  );
  rules.push(
    rule(
      'startup_once/worker',
      'unavailable',
      all(
        ref('startup:reached'),
        any(status('startupOnceMinOperatingMonths', 'missing'), all(longEnough, status('startupOnceFen', 'missing'))),
      ),
    ),
    rule(
      'startup_once/worker',
      'eligible',
      all(ref('startup:reached'), longEnough, status('startupOnceFen', 'value'), notExited, notClaimed('startup_once')),
      param('startupOnceFen'),
    ),
  );
  // 创业担保贷款贴息: a loan outstanding on the month's first day, repaid on schedule.
  engine.setCondition(
    'loan:reached',
    all(
      worker,
      fact('loan', 'notEqual', null),
      inGroups(STARTUP_GROUPS),
      path('loan', '$.startedOn', 'strLte', { fact: 'date' }),
      path('loan', '$.endsOn', 'strGt', { fact: 'date' }),
      path('loan', '$.repaidOnSchedule', 'equal', true),
    ) as TopLevelCondition,
  );
  const loanStandards = all(status('startupLoanCapFen', 'value'), status('startupLoanInterestRate', 'value'));
  rules.push(
    rule(
      'startup_loan_interest/worker',
      'unavailable',
      all(
        ref('loan:reached'),
        any(
          status('startupLoanCapFen', 'missing'),
          status('startupLoanInterestRate', 'missing'),
          all(loanStandards, path('loan', '$.partnership', 'equal', true), status('startupLoanPartnershipUplift', 'missing')),
        ),
      ),
    ),
    rule(
      'startup_loan_interest/worker',
      'eligible',
      all(
        ref('loan:reached'),
        loanStandards,
        any(path('loan', '$.partnership', 'equal', false), { not: status('startupLoanPartnershipUplift', 'missing') }),
        fact('loanInterestFen', 'greaterThan', 0),
        notExited,
        notClaimed('startup_loan_interest'),
      ),
      { fact: 'loanInterestFen' },
    ),
  );
  // 帮扶车间奖补: a recognised workshop, the highest tier it reaches (a tier ended is skipped).
  const workshop = all(
    fact('employerKind', 'equal', 'assistanceWorkshop'),
    path('employer', '$.workshopRecognition', 'equal', 'recognised'),
    fact('assistedEmployees', 'greaterThanInclusive', 0),
  );
  const min = (tier: number) => `workshopRewardTier${tier}MinEmployees`;
  const amount = (tier: number) => `workshopRewardTier${tier}Fen`;
  const reaches = (tier: number) =>
    all(status(min(tier), 'value'), fact('assistedEmployees', 'greaterThanInclusive', param(min(tier))));
  const taken = (tier: number) => all(reaches(tier), status(amount(tier), 'value'));
  const skipped = (tier: number) =>
    any(
      status(min(tier), 'ended'),
      all(status(min(tier), 'value'), fact('assistedEmployees', 'lessThan', param(min(tier)))),
      all(reaches(tier), status(amount(tier), 'ended')),
    );
  const missing = (tier: number) => any(status(min(tier), 'missing'), all(reaches(tier), status(amount(tier), 'missing')));
  rules.push(
    rule(
      'workshop_reward/employer',
      'unavailable',
      all(workshop, any(missing(3), all(skipped(3), missing(2)), all(skipped(3), skipped(2), missing(1)))),
    ),
    rule('workshop_reward/employer', 'eligible', all(workshop, taken(3), notClaimed('workshop_reward')), param(amount(3))),
    rule(
      'workshop_reward/employer',
      'eligible',
      all(workshop, skipped(3), taken(2), notClaimed('workshop_reward')),
      param(amount(2)),
    ),
    rule(
      'workshop_reward/employer',
      'eligible',
      all(workshop, skipped(3), skipped(2), taken(1), notClaimed('workshop_reward')),
      param(amount(1)),
    ),
  );
  // 就业帮扶基地一次性奖补.
  const base = all(fact('employerKind', 'equal', 'assistanceBase'), fact('assistedEmployees', 'greaterThanInclusive', 0));
  const enough = all(
    status('baseRewardMinEmployees', 'value'),
    fact('assistedEmployees', 'greaterThanInclusive', param('baseRewardMinEmployees')),
  );
  rules.push(
    rule(
      'base_reward/employer',
      'unavailable',
      all(base, any(status('baseRewardMinEmployees', 'missing'), all(enough, status('baseRewardFen', 'missing')))),
    ),
    rule(
      'base_reward/employer',
      'eligible',
      all(base, enough, status('baseRewardFen', 'value'), notClaimed('base_reward')),
      param('baseRewardFen'),
    ),
  );
  // 雨露计划: a semester begun, not before enrolment; a monitored-only household's aid stops after its risk is cleared.
  rules.push(
    ...paysParameter(
      'yulu_education/worker',
      'yulu_education',
      all(
        worker,
        poor,
        fact('student', 'notEqual', null),
        fact('claimedSemesterRank', 'lessThanInclusive', { fact: 'currentSemesterRank' }),
        fact('claimedSemesterRank', 'greaterThanInclusive', { fact: 'enrolledSemesterRank' }),
        any(
          fact('groups', 'doesNotContain', 'monitored'),
          fact('groups', 'contains', 'povertyAlleviated'),
          fact('riskClearedSemesterRank', 'equal', null),
          fact('claimedSemesterRank', 'lessThanInclusive', { fact: 'riskClearedSemesterRank' }),
        ),
      ),
      'yuluPerSemesterFen',
    ),
  );
  // 一次性临时救助金: out of work, not insured, not on 低保.
  rules.push(
    ...paysParameter(
      'temporary_relief/worker',
      'temporary_relief',
      all(
        worker,
        fact('recentEmploymentStatus', 'equal', 'notEmployed'),
        fact('insured', 'equal', false),
        fact('onMinimumLiving', 'equal', false),
      ),
      'temporaryReliefFen',
    ),
  );
  for (const r of rules) engine.addRule(r);
  return engine;
}

/** 职业培训补贴 and 培训期间生活费补贴, one run per course (the course is the fact `item`). */
function courseEngine(): Engine {
  const engine = baseEngine();
  type Course = SubsidyFacts['trainings'][number];
  const course = (almanac: Almanac) => almanac.factValue<Course>('item');
  engine.addFact('periodKey', async (_p, almanac) => trainingKey(await course(almanac)));
  engine.addFact('courseBaseFen', async (_p, almanac) => {
    const days = (await course(almanac)).days!;
    const perDay = await almanac.factValue<number>('paramValue', { key: 'trainingPerDayFen' });
    return Math.min(days * perDay, await almanac.factValue<number>('paramValue', { key: 'trainingMaxPerCourseFen' }));
  });
  engine.addFact('courseUpliftedFen', async (_p, almanac) => {
    const base = await almanac.factValue<number>('courseBaseFen');
    const ratio = await almanac.factValue<number>('paramValue', { key: 'trainingLabourBrandUplift' });
    return base + Math.floor((base * Math.round(ratio * 10_000)) / 10_000);
  });
  engine.addFact('livingFen', async (_p, almanac) => {
    const days = (await course(almanac)).days!;
    return days * (await almanac.factValue<number>('paramValue', { key: 'trainingLivingPerDayFen' }));
  });
  const female = fact('sex', 'equal', 'female');
  const male = fact('sex', 'equal', 'male');
  engine.setCondition(
    'trainee:reached',
    all(fact('hasPerson', 'equal', true), inGroups(TRAINEE_GROUPS), fact('labourClass', 'notEqual', 'none')) as TopLevelCondition,
  );
  engine.setCondition(
    'trainee:ageMissing',
    any(
      status('trainingMinAge', 'missing'),
      all(female, status('trainingWomenMaxAge', 'missing')),
      all(male, status('trainingMenMaxAge', 'missing')),
    ) as TopLevelCondition,
  );
  engine.setCondition(
    'trainee',
    all(
      ref('trainee:reached'),
      status('trainingMinAge', 'value'),
      fact('age', 'greaterThanInclusive', param('trainingMinAge')),
      any(
        all(female, status('trainingWomenMaxAge', 'value'), fact('age', 'lessThanInclusive', param('trainingWomenMaxAge'))),
        all(male, status('trainingMenMaxAge', 'value'), fact('age', 'lessThanInclusive', param('trainingMenMaxAge'))),
      ),
    ) as TopLevelCondition,
  );
  engine.setCondition(
    'course:finished',
    all(
      path('item', '$.completed', 'equal', true),
      path('item', '$.endedOn', 'monthOnOrBefore', { fact: 'period' }),
      path('item', '$.days', 'greaterThan', 0),
    ) as TopLevelCondition,
  );
  const trainingInForce = all(ref('trainee'), status('trainingPerDayFen', 'value'), status('trainingMaxPerCourseFen', 'value'));
  const brand = (yes: boolean) => path('item', '$.labourBrandTrade', 'equal', yes);
  const rules = [
    rule(
      'training/worker',
      'unavailable',
      any(
        all(ref('trainee:reached'), ref('trainee:ageMissing')),
        all(ref('trainee'), any(status('trainingPerDayFen', 'missing'), status('trainingMaxPerCourseFen', 'missing'))),
      ),
    ),
    rule(
      'training/worker',
      'eligible',
      all(
        trainingInForce,
        ref('course:finished'),
        // No uplift where no document in force raises it (004's term), or where it ended.
        any(brand(false), status('trainingLabourBrandUplift', 'ended'), status('trainingLabourBrandUplift', 'missing')),
        notExited,
        notClaimed('training'),
      ),
      { fact: 'courseBaseFen' },
    ),
    rule(
      'training/worker',
      'eligible',
      all(
        trainingInForce,
        ref('course:finished'),
        brand(true),
        status('trainingLabourBrandUplift', 'value'),
        notExited,
        notClaimed('training'),
      ),
      { fact: 'courseUpliftedFen' },
    ),
    rule(
      'training_living/worker',
      'unavailable',
      any(
        all(ref('trainee:reached'), ref('trainee:ageMissing')),
        all(ref('trainee'), status('trainingLivingPerDayFen', 'missing')),
      ),
    ),
    rule(
      'training_living/worker',
      'eligible',
      all(
        ref('trainee'),
        status('trainingLivingPerDayFen', 'value'),
        ref('course:finished'),
        notExited,
        notClaimed('training_living'),
      ),
      { fact: 'livingFen' },
    ),
  ];
  for (const r of rules) engine.addRule(r);
  return engine;
}

/** 职业技能鉴定补贴, one run per certificate. */
function certificateEngine(): Engine {
  const engine = baseEngine();
  engine.addFact('periodKey', async (_p, almanac) => {
    const c = await almanac.factValue<SubsidyFacts['certificates'][number]>('item');
    return itemKey('certificate', c.obtainedOn, c.name);
  });
  const reached = all(
    fact('hasPerson', 'equal', true),
    inGroups(['povertyAlleviated', 'monitored']),
    path('item', '$.obtainedOn', 'monthOnOrBefore', { fact: 'period' }),
  );
  const rules: RuleProperties[] = [];
  for (const [kind, key] of [
    ['skill', 'skillCertificateSkillFen'],
    ['specialAbility', 'skillCertificateSpecialAbilityFen'],
  ] as const) {
    rules.push(
      ...paysParameter('skill_certificate/worker', 'skill_certificate', all(reached, path('item', '$.kind', 'equal', kind)), key),
    );
  }
  for (const r of rules) engine.addRule(r);
  return engine;
}

/** 就业创业服务补助, one run per transferred worker. */
function transferEngine(): Engine {
  const engine = baseEngine();
  engine.addFact('periodKey', async (_p, almanac) => {
    const t = await almanac.factValue<{ workerId: string }>('item');
    return `${(await almanac.factValue<string>('period')).slice(0, 4)}:${t.workerId}`;
  });
  const qualifies = all(
    path('item', '$.firstTransfer', 'equal', true),
    status('agencyTransferMinMonths', 'value'),
    path('item', '$.monthsEmployedThisYear', 'greaterThanInclusive', param('agencyTransferMinMonths')),
  );
  for (const [place, key] of [
    ['acrossCounty', 'agencyTransferAcrossCountyFen'],
    ['acrossCity', 'agencyTransferAcrossCityFen'],
    ['acrossProvince', 'agencyTransferAcrossProvinceFen'],
  ] as const) {
    engine.addRule(
      rule(
        'agency_transfer_service/agency',
        'eligible',
        all(qualifies, path('item', '$.place', 'equal', place), status(key, 'value'), notClaimed('agency_transfer_service')),
        param(key),
      ),
    );
  }
  return engine;
}

/** 以工代训补贴, one run per trainee. */
function traineeEngine(): Engine {
  const engine = baseEngine();
  engine.addFact('periodKey', async (_p, almanac) => (await almanac.factValue<{ workerId: string }>('item')).workerId);
  engine.addFact('traineeFen', async (_p, almanac) => {
    const t = await almanac.factValue<{ monthsTrained: number }>('item');
    const max = await almanac.factValue<number>('paramValue', { key: 'workBasedTrainingMaxMonths' });
    return (
      Math.min(t.monthsTrained, max) * (await almanac.factValue<number>('paramValue', { key: 'workBasedTrainingMonthlyFen' }))
    );
  });
  engine.addRule(
    rule(
      'work_based_training/employer',
      'eligible',
      all(
        status('workBasedTrainingMaxMonths', 'value'),
        status('workBasedTrainingMonthlyFen', 'value'),
        path('item', '$.hadBefore', 'equal', false),
        path('item', '$.monthsTrained', 'greaterThan', 0),
        notClaimed('work_based_training'),
      ),
      { fact: 'traineeFen' },
    ),
  );
  return engine;
}

const ITEMS: Record<string, { engine: Engine; items: (facts: SubsidyFacts) => readonly unknown[] }> = {};
function jreSetup() {
  const course = { engine: courseEngine(), items: (facts: SubsidyFacts) => facts.trainings };
  ITEMS['training/worker'] = course;
  ITEMS['training_living/worker'] = course;
  ITEMS['skill_certificate/worker'] = { engine: certificateEngine(), items: (facts) => facts.certificates };
  ITEMS['agency_transfer_service/agency'] = { engine: transferEngine(), items: (facts) => facts.agency?.transfers ?? [] };
  ITEMS['work_based_training/employer'] = { engine: traineeEngine(), items: (facts) => facts.employer?.workBasedTrainees ?? [] };
  return periodEngine();
}

interface JreOutcome {
  unavailable: boolean;
  results: { periodKey: string; eligible: boolean; amountFen: number }[];
}

interface JreEvent {
  type: string;
  params?: Record<string, any>;
}

async function evaluateJre(engine: Engine, wp: WorkerPeriod): Promise<JreOutcome[]> {
  const base = { facts: wp.facts, period: wp.period, date: `${wp.period}-01`, regionCode: wp.regionCode };
  const { events, almanac } = await engine.run(base);
  const unavailable = new Set<string>();
  const itemised = new Set<string>();
  const single = new Map<string, number>();
  for (const e of events as JreEvent[]) {
    const name = e.params!.rule as string;
    if (e.type === 'unavailable') unavailable.add(name);
    else if (e.type === 'itemised') itemised.add(name);
    else single.set(name, e.params!.amountFen as number);
  }
  // Each kind of item once, for every subsidy that pays per item of that kind.
  const itemResults = new Map<string, { periodKey: string; eligible: boolean; amountFen: number }[]>();
  const ran = new Set<Engine>();
  for (const name of RULE_KEYS) {
    const kind = ITEMS[name];
    if (!kind || !itemised.has(name) || unavailable.has(name) || ran.has(kind.engine)) continue;
    ran.add(kind.engine);
    const sharing = RULE_KEYS.filter((other) => ITEMS[other]?.engine === kind.engine && itemised.has(other));
    for (const other of sharing) itemResults.set(other, []);
    for (const item of kind.items(wp.facts)) {
      const run = await kind.engine.run({ ...base, item });
      const fired = new Map<string, JreEvent>();
      for (const e of run.events as JreEvent[]) {
        const ruleName = e.params!.rule as string;
        if (e.type === 'unavailable') unavailable.add(ruleName);
        else fired.set(ruleName, e);
      }
      for (const other of sharing) {
        const subsidy = other.split('/')[0]!;
        const e = fired.get(other);
        itemResults.get(other)!.push({
          periodKey: await run.almanac.factValue<string>('periodKey', { subsidy }),
          eligible: e !== undefined,
          amountFen: (e?.params?.amountFen as number | undefined) ?? 0,
        });
      }
    }
  }
  const out: JreOutcome[] = [];
  // The catalogue of the region and month is decided before either engine runs: a rule no document
  // grants there is nothing for both (json-rules-engine has no notion of where a rule holds).
  const here = authorities(wp.regionCode, base.date);
  for (const [i, name] of RULE_KEYS.entries()) {
    if (!grantedBy(RULES[i]!, here)) {
      out.push({ unavailable: false, results: [] });
      continue;
    }
    if (unavailable.has(name)) {
      out.push({ unavailable: true, results: [] });
      continue;
    }
    const items = itemResults.get(name);
    if (items) {
      out.push({ unavailable: false, results: items });
      continue;
    }
    const amountFen = single.get(name);
    const subsidy = name.split('/')[0]!;
    out.push({
      unavailable: false,
      results: [
        {
          periodKey: await almanac.factValue<string>('periodKey', { subsidy }),
          eligible: amountFen !== undefined,
          amountFen: amountFen ?? 0,
        },
      ],
    });
  }
  return out;
}

const jreSignature = (outcomes: JreOutcome[]): Signature =>
  outcomes.map((o) =>
    o.unavailable
      ? 'unavailable'
      : o.results.map((r) => `${r.periodKey}:${r.eligible ? 'yes' : 'no'}:${r.amountFen}`).join(' | '),
  );

// ---------------------------------------------------------------------------------------

function memorySampler() {
  global.gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { baseRss: base.rss, baseHeap: base.heapUsed, ...peak };
    },
  };
}

const SEED = 20_261_122;

async function main() {
  console.log(
    `Subsidy catalogue: ${RULES.length} rules (${new Set(RULES.map((r) => r.id)).size} subsidies), ${TOTAL} worker-periods, json-rules-engine sample ${SAMPLE}`,
  );

  // The generator's facts are valid facts: checked on the sample, outside the timings.
  let invalid = 0;
  for (const wp of workerPeriods(SEED, SAMPLE)) if (!subsidyFactsSchema.safeParse(wp.facts).success) invalid++;
  if (invalid > 0) throw new Error(`${invalid} generated worker-periods are not valid facts`);

  // --- Ours, the whole stream, generated a chunk at a time (generation not timed).
  const ours = newTally();
  const oursMemory = memorySampler();
  let oursNs = 0n;
  let generateNs = 0n;
  const stream = workerPeriods(SEED, TOTAL);
  for (let done = 0; done < TOTAL;) {
    const g = process.hrtime.bigint();
    const chunk: WorkerPeriod[] = [];
    for (let i = 0; i < CHUNK && done + i < TOTAL; i++) chunk.push(stream.next().value as WorkerPeriod);
    const started = process.hrtime.bigint();
    generateNs += started - g;
    for (const wp of chunk) count(ours, evaluateOurs(wp));
    oursNs += process.hrtime.bigint() - started;
    oursMemory.sample();
    done += chunk.length;
    if (process.stdout.isTTY && done % 100_000 === 0) process.stdout.write(`\r  ours: ${done} worker-periods`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const oursMem = oursMemory.stop();
  const oursSeconds = Number(oursNs) / 1e9;
  console.log(
    `\r  ours: ${TOTAL} worker-periods in ${oursSeconds.toFixed(1)} s (generating them took ${(Number(generateNs) / 1e9).toFixed(1)} s more)`,
  );

  // --- json-rules-engine, the sample (the same first worker-periods of the stream).
  const expected: Signature[] = [];
  for (const wp of workerPeriods(SEED, SAMPLE)) expected.push(signatureOf(evaluateOurs(wp)));
  const engine = jreSetup();
  const jre = newTally();
  const jreMemory = memorySampler();
  let jreNs = 0n;
  let mismatches = 0;
  const examples: string[] = [];
  let index = 0;
  for (const wp of workerPeriods(SEED, SAMPLE)) {
    const started = process.hrtime.bigint();
    const outcomes = await evaluateJre(engine, wp);
    jreNs += process.hrtime.bigint() - started;
    outcomes.forEach((o, i) => {
      const byRule = jre.byRule[i]!;
      if (o.unavailable) {
        jre.unavailable++;
        byRule.unavailable++;
      }
      for (const r of o.results) {
        jre.results++;
        byRule.results++;
        if (r.eligible) {
          jre.eligible++;
          byRule.eligible++;
          jre.amountFen += r.amountFen;
        }
      }
    });
    const got = jreSignature(outcomes);
    const want = expected[index]!;
    const differing = RULE_KEYS.filter((_, i) => got[i] !== want[i]);
    if (differing.length > 0) {
      mismatches++;
      if (examples.length < 5) {
        examples.push(
          `#${index} ${wp.period} ${wp.regionCode}: ${differing.map((k) => `${k}: ours [${want[RULE_KEYS.indexOf(k)]}] json-rules-engine [${got[RULE_KEYS.indexOf(k)]}]`).join('; ')}\n    ${JSON.stringify(wp.facts)}`,
        );
      }
    }
    index++;
    if (process.stdout.isTTY && index % 2_000 === 0) process.stdout.write(`\r  json-rules-engine: ${index} worker-periods`);
  }
  const jreMem = jreMemory.stop();
  const jreSeconds = Number(jreNs) / 1e9;
  console.log(`\r  json-rules-engine: ${SAMPLE} worker-periods in ${jreSeconds.toFixed(1)} s`);

  // Ours on the same sample, for the per-subsidy share of eligible results.
  const oursSample = newTally();
  for (const wp of workerPeriods(SEED, SAMPLE)) count(oursSample, evaluateOurs(wp));

  const oursRate = TOTAL / oursSeconds;
  const jreRate = SAMPLE / jreSeconds;
  const ratio = oursRate / jreRate;
  const yuan = (fen: number) => `${(fen / 100 / 1e6).toFixed(1)} M元`;

  console.log(
    '\nPer rule (ours, all worker-periods): results, eligible, unavailable (standard not set for the region and month)',
  );
  for (const [i, t] of ours.byRule.entries()) {
    const key = RULE_KEYS[i]!;
    console.log(
      `  ${key.padEnd(32)} ${String(t.results).padStart(9)} ${String(t.eligible).padStart(9)} (${((100 * t.eligible) / Math.max(1, t.results)).toFixed(1).padStart(4)}%) ${String(t.unavailable).padStart(9)}`,
    );
  }

  console.log(`\nSubsidy catalogue evaluation: ${RULES.length} rules per worker-period`);
  console.log(
    'engine               worker-periods   results  eligible  unavailable  amount        time      worker-periods/s  peak RSS (+start)   peak heap',
  );
  const row = (name: string, n: number, t: Tally, seconds: number, m: { rss: number; heap: number; baseRss: number }) =>
    console.log(
      [
        name.padEnd(20),
        String(n).padStart(14),
        String(t.results).padStart(9),
        String(t.eligible).padStart(9),
        String(t.unavailable).padStart(12),
        yuan(t.amountFen).padStart(12),
        `${seconds.toFixed(2)} s`.padStart(10),
        (n / seconds).toFixed(0).padStart(17),
        `${mb(m.rss)} MB (+${mb(m.rss - m.baseRss)})`.padStart(19),
        `${mb(m.heap)} MB`.padStart(11),
      ].join(' '),
    );
  row('ours (all)', TOTAL, ours, oursSeconds, oursMem);
  console.log(
    `${'ours (sample)'.padEnd(20)} ${String(SAMPLE).padStart(14)} ${String(oursSample.results).padStart(9)} ${String(oursSample.eligible).padStart(9)} ${String(oursSample.unavailable).padStart(12)} ${yuan(oursSample.amountFen).padStart(12)}`,
  );
  row('json-rules-engine', SAMPLE, jre, jreSeconds, jreMem);
  console.log(
    `\njson-rules-engine evaluated the first ${SAMPLE} worker-periods (a sample); its throughput is extrapolated: ${TOTAL} would take about ${(TOTAL / jreRate).toFixed(0)} s.`,
  );
  console.log(
    `Speed: ours ${oursRate.toFixed(0)} worker-periods/s vs json-rules-engine ${jreRate.toFixed(0)} worker-periods/s: ${ratio.toFixed(1)}× faster.`,
  );
  console.log(
    `Mismatches on the sample (eligibility, amount, period key, unavailable; per rule and item): ${mismatches} of ${SAMPLE} worker-periods.`,
  );
  for (const example of examples) console.log(`  ${example}`);
  console.log(
    `\nGoals: ≥ ${GOAL_RATIO}× faster than json-rules-engine (${ratio.toFixed(1)}×: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}); ${TOTAL} worker-periods in under ${GOAL_SECONDS} s (${oursSeconds.toFixed(1)} s: ${oursSeconds < GOAL_SECONDS ? 'met' : 'NOT met'}); 0 mismatches (${mismatches === 0 ? 'met' : 'NOT met'}).`,
  );
  if (mismatches > 0) process.exitCode = 1;
}

/** The stream of worker-periods, for other checks to reuse. */
export { workerPeriods, SEED };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
