/**
 * Whose rule it is (DOMAIN.md): the same person, with the same facts, asked about every subsidy in a
 * village of 固阳县 (Inner Mongolia), of 于都县 (Jiangxi) and of 沅江市 (Hunan). Each place's catalogue
 * holds what its own documents grant on the period's first day — the shipped documents by their own
 * dates, and the demo regions' continuations (延续执行) from 2026 — and every amount comes from that
 * county's own (demo) standards. No passage of another jurisdiction's document is cited anywhere.
 */
import { describe, expect, it } from 'vitest';
import { RULES, type SubsidyFactsInput, type SubsidyId, type SubsidyResult } from '@bangfu/shared';
import { evaluateCase, person } from '../../support/subsidies.js';
import { BEIJING_VILLAGE, GUYANG_VILLAGE, YUANJIANG_VILLAGE, YUDU_VILLAGE } from './fixtures.js';

/**
 * A 脱贫人口 of the village, not a graduating student, uninsured and not on 低保, who worked in another
 * province in March, finished a 10-day course in May and obtained a skill certificate after it.
 */
const sameFacts = (village: string, year: string): SubsidyFactsInput => ({
  person: person({ homeRegionCode: village, insured: false, onMinimumLiving: false, graduatingThisYear: false }),
  employment: [
    { month: `${year}-03`, status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 450_000 },
  ],
  trainings: [{ name: '电工', startedOn: `${year}-05-06`, endedOn: `${year}-05-15`, completed: true, days: 10 }],
  certificates: [{ name: '电工四级', kind: 'skill', obtainedOn: `${year}-05-20` }],
});

/** Every rule's results for the person in June of `year`. */
const everything = (village: string, year: string): SubsidyResult[] =>
  RULES.flatMap((rule) => evaluateCase(rule, { period: `${year}-06`, regionCode: village, facts: sameFacts(village, year) }));

const SHIPPED = ['000', '001', '002', '003', '004'] as const;

interface Jurisdiction {
  name: string;
  village: string;
  county: string;
  /** The policies that may be cited there: its shipped documents and the demo documents of it and above it. */
  holds: readonly string[];
  /** The subsidies in its catalogue, by year. */
  catalogue: Readonly<Record<string, readonly SubsidyId[]>>;
  /** What the person is paid there, by subsidy: the county's demo standards. */
  paid: Readonly<Partial<Record<SubsidyId, number>>>;
}

const INNER_MONGOLIA_2026: readonly SubsidyId[] = [
  'transport_once',
  'training',
  'skill_certificate',
  'agency_transfer_service', // Baotou's demo continuation of file 004
  'social_insurance',
  'public_welfare_post',
  'workshop_reward',
  'yulu_education',
];
const JIANGXI: readonly SubsidyId[] = [
  'transport_once',
  'training',
  'training_living',
  'social_insurance',
  'public_welfare_post',
  'startup_once',
  'startup_loan_interest',
  'base_reward',
  'yulu_education',
];
const YUANJIANG: readonly SubsidyId[] = [
  'transport_once',
  'job_seeking_once',
  'training',
  'training_living',
  'work_based_training',
  'social_insurance',
  'public_welfare_post',
  'startup_once',
  'startup_loan_interest',
];

const GUYANG: Jurisdiction = {
  name: '固阳县',
  village: GUYANG_VILLAGE,
  county: '150222',
  holds: ['000', '002', '004', 'ld-demo-150222-standards', 'ld-demo-1502-continued'],
  catalogue: {
    // File 002 (2022—2025) instead of Baotou's continuation of file 004 (from 2026).
    '2024': [
      ...INNER_MONGOLIA_2026.filter((id) => id !== 'agency_transfer_service'),
      'startup_once',
      'startup_loan_interest',
      'temporary_relief',
    ],
    '2026': INNER_MONGOLIA_2026,
  },
  paid: { transport_once: 50_000, training: 60_000, skill_certificate: 30_000 },
};
const YUDU: Jurisdiction = {
  name: '于都县',
  village: YUDU_VILLAGE,
  county: '360731',
  holds: ['003', 'ld-demo-360731-standards', 'ld-demo-36-continued'],
  catalogue: { '2024': JIANGXI, '2026': JIANGXI },
  paid: { transport_once: 80_000, training: 50_000, training_living: 20_000 },
};
const YUANJIANG_CITY: Jurisdiction = {
  name: '沅江市',
  village: YUANJIANG_VILLAGE,
  county: '430981',
  holds: ['001', 'ld-demo-430981-standards', 'ld-demo-430981-continued'],
  // 以工代训 was a measure of 2020–2021: the 2026 continuation of file 001 does not bring it back.
  catalogue: { '2020': YUANJIANG, '2026': YUANJIANG.filter((id) => id !== 'work_based_training') },
  paid: { transport_once: 30_000, training: 50_000, training_living: 30_000 },
};

/** The golden checks of one jurisdiction in one year. */
function expectJurisdiction(j: Jurisdiction, year: string): void {
  const results = everything(j.village, year);
  expect([...new Set(results.map((r) => r.subsidy))].sort()).toEqual([...j.catalogue[year]!].sort());

  // Every result is granted by a passage of a document that holds there.
  for (const r of results) expect(j.holds, `${r.subsidy} granted by ${r.reference.document}`).toContain(r.reference.policy);
  // No trace line anywhere cites another jurisdiction's document, by its id or by its name.
  const foreign = SHIPPED.filter((id) => !j.holds.includes(id));
  for (const r of results) {
    for (const line of r.trace.filter((t) => t.reference)) {
      expect(j.holds, `${r.subsidy}: ${line.text}`).toContain(line.reference!.policy);
      for (const id of foreign) expect(`${line.reference!.document} ${line.reference!.section}`).not.toContain(`文件 ${id}`);
    }
  }

  // What is paid, and from the county's own demo standards.
  const paid = Object.fromEntries(results.filter((r) => r.eligible).map((r) => [r.subsidy, r.amountFen]));
  expect(paid).toEqual(j.paid);
  const transport = results.find((r) => r.subsidy === 'transport_once')!;
  expect(transport.trace.find((t) => t.key === 'transportOnceFen')).toMatchObject({ setIn: j.county, example: true });
}

describe('the same person in three jurisdictions', () => {
  it.each([
    [GUYANG, '2024'],
    [GUYANG, '2026'],
    [YUDU, '2024'],
    [YUDU, '2026'],
    [YUANJIANG_CITY, '2026'],
  ])('$name in $1: its own catalogue, its own documents, its own amounts', (j, year) => {
    expectJurisdiction(j, year);
  });

  // The trainees' age window holds before file 000 too: 16 is the legal working age everywhere, and
  // 沅江市 sets its own window for women (60 is Inner Mongolia's, by file 000).
  it('沅江市 in 2020, under file 001 itself: its own catalogue, its own documents, its own amounts', () => {
    expectJurisdiction(YUANJIANG_CITY, '2020');
  });

  it('pays the one-off transport subsidy by each county’s own standard', () => {
    const transport = (village: string, year: string) =>
      everything(village, year).find((r) => r.subsidy === 'transport_once')!.amountFen;
    expect([transport(GUYANG_VILLAGE, '2026'), transport(YUDU_VILLAGE, '2026'), transport(YUANJIANG_VILLAGE, '2026')]).toEqual([
      50_000, 80_000, 30_000,
    ]);
    expect([transport(GUYANG_VILLAGE, '2024'), transport(YUDU_VILLAGE, '2024')]).toEqual([50_000, 80_000]);
  });

  it('grants nothing where none of the documents holds (Beijing)', () => {
    expect(everything(BEIJING_VILLAGE, '2026')).toEqual([]);
  });
});
