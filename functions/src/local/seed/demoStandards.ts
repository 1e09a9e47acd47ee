/**
 * The demo regions' own documents (地方文件), recorded as their admins would: the local
 * standards for amounts the documents leave to local governments, and the continuations
 * (延续执行) that keep an expired document's subsidies for the demo year. None of them is a
 * real government's decision: each is marked demo, and the worker reads 演示数据 beside
 * every amount that comes from one. Outside these regions no amount exists until someone
 * sets it (当地标准还没有公布).
 */
import { standardStep, type LocalDocument, type ParameterStep } from '@bangfu/shared';
import { recordedDocumentItems } from '../../subsidies/parameterRepository.js';

export interface DemoDocument {
  document: LocalDocument;
  /** The standards it sets, by parameter key, from the day it comes into force. */
  sets: Readonly<Record<string, number>>;
}

const standards = (
  documentId: string,
  regionCode: string,
  title: string,
  issuer: string,
  date: string,
  sets: Record<string, number>,
): DemoDocument => ({
  document: { documentId, regionCode, title, issuer, date, inForce: { from: date }, continues: [], demo: true },
  sets,
});

/** A document continuing the region's own from 2026, with no end written (so the demo does not lapse). */
const continuation = (
  documentId: string,
  regionCode: string,
  title: string,
  issuer: string,
  continues: LocalDocument['continues'],
): DemoDocument => ({
  document: {
    documentId,
    regionCode,
    title,
    issuer,
    date: '2026-01-01',
    inForce: { from: '2026-01-01' },
    continues,
    demo: true,
  },
  sets: {},
});

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  // 固阳县: the standards for what files 000 and 002 grant in Inner Mongolia.
  standards('ld-demo-150222-standards', '150222', '固阳县就业帮扶补贴标准', '固阳县人力资源和社会保障局', '2021-01-01', {
    transportOnceFen: 50_000,
    trainingMenMaxAge: 60,
    trainingPerDayFen: 6_000,
    trainingMaxPerCourseFen: 200_000,
    skillCertificateSkillFen: 30_000,
    skillCertificateSpecialAbilityFen: 15_000,
    socialInsuranceEmployerMonthlyFen: 80_000,
    socialInsuranceFlexibleMonthlyFen: 30_000,
    publicWelfarePostFullTimeMonthlyFen: 80_000,
    publicWelfarePostPartTimeMonthlyFen: 40_000,
    startupOnceFen: 500_000,
    startupOnceMinOperatingMonths: 6,
    startupLoanCapFen: 20_000_000,
    startupLoanInterestRate: 0.035,
    workshopRewardTier1MinEmployees: 5,
    workshopRewardTier1Fen: 1_000_000,
    workshopRewardTier2MinEmployees: 10,
    workshopRewardTier2Fen: 2_000_000,
    workshopRewardTier3MinEmployees: 20,
    workshopRewardTier3Fen: 3_000_000,
    yuluPerSemesterFen: 150_000,
    temporaryReliefFen: 100_000,
  }),
  // Baotou's ten-point plan was 2023's; the demo continues it from 2026.
  continuation(
    'ld-demo-1502-continued',
    '1502',
    '关于继续实施促进农村牧区劳动力转移就业增收十项计划的通知',
    '包头市人民政府办公室',
    ['004'],
  ),
  // 于都县: the standards for what file 003 grants in Jiangxi (all but one), and the province continuing it past 2025.
  standards('ld-demo-360731-standards', '360731', '于都县就业帮扶补贴标准', '于都县人力资源和社会保障局', '2021-08-15', {
    transportOnceFen: 80_000,
    trainingMenMaxAge: 60,
    trainingWomenMaxAge: 55,
    trainingPerDayFen: 5_000,
    trainingMaxPerCourseFen: 150_000,
    trainingLivingPerDayFen: 2_000,
    socialInsuranceEmployerMonthlyFen: 70_000,
    socialInsuranceFlexibleMonthlyFen: 25_000,
    publicWelfarePostFullTimeMonthlyFen: 60_000,
    publicWelfarePostPartTimeMonthlyFen: 30_000,
    startupOnceFen: 500_000,
    startupOnceMinOperatingMonths: 6,
    startupLoanCapFen: 20_000_000,
    startupLoanInterestRate: 0.035,
    baseRewardMinEmployees: 30,
    baseRewardFen: 5_000_000,
    workBasedTrainingMonthlyFen: 50_000,
    // No 雨露计划 amount: the demo county still owes it, so 当地标准还没有公布 can be seen.
  }),
  continuation('ld-demo-36-continued', '36', '关于延续实施就业帮扶政策的通知', '江西省人力资源和社会保障厅', ['003']),
  // 沅江市: the standards for its 2020 work plan (file 001), and its continuation from 2026.
  standards('ld-demo-430981-standards', '430981', '沅江市就业扶贫补贴标准', '沅江市人力资源和社会保障局', '2020-05-14', {
    transportOnceFen: 30_000,
    jobSeekingOnceFen: 100_000,
    trainingMenMaxAge: 60,
    trainingWomenMaxAge: 55,
    trainingPerDayFen: 5_000,
    trainingMaxPerCourseFen: 150_000,
    trainingLivingPerDayFen: 3_000,
    socialInsuranceEmployerMonthlyFen: 60_000,
    publicWelfarePostFullTimeMonthlyFen: 50_000,
    publicWelfarePostPartTimeMonthlyFen: 25_000,
    startupOnceFen: 500_000,
    startupOnceMinOperatingMonths: 6,
    startupLoanCapFen: 15_000_000,
    startupLoanInterestRate: 0.035,
    workBasedTrainingMonthlyFen: 50_000,
  }),
  continuation('ld-demo-430981-continued', '430981', '关于继续做好就业帮扶工作的通知', '沅江市人力资源和社会保障局', ['001']),
];

export const DEMO_LOCAL_DOCUMENTS: readonly LocalDocument[] = DEMO_DOCUMENTS.map(({ document }) => document);

/** The demo documents' standards as regions' own steps: by parameter key, then region. */
export function demoStandards(): Record<string, Record<string, ParameterStep[]>> {
  const overrides: Record<string, Record<string, ParameterStep[]>> = {};
  for (const { document, sets } of DEMO_DOCUMENTS) {
    for (const [key, value] of Object.entries(sets)) {
      ((overrides[key] ??= {})[document.regionCode] ??= []).push(standardStep(document, value));
    }
  }
  return overrides;
}

/** The demo documents and the regions' steps they set, as the table holds them once recorded. */
export function demoStandardItems(): Record<string, unknown>[] {
  const recordedAt = '2026-01-01T00:00:00.000Z';
  const recordedBy = 'demo-admin';
  const rows = Object.entries(demoStandards()).flatMap(([key, byRegion]) =>
    Object.entries(byRegion).map(([regionCode, steps]) => ({
      regionCode,
      key,
      steps,
      updatedBy: recordedBy,
      updatedAt: recordedAt,
      version: 1,
    })),
  );
  return DEMO_DOCUMENTS.flatMap(({ document, sets }, i) =>
    recordedDocumentItems(
      { document, sets: Object.entries(sets).map(([key, value]) => ({ key, value })), recordedBy, recordedAt },
      // Each steps row once, with the first document of its region.
      i === DEMO_DOCUMENTS.findIndex((d) => d.document.regionCode === document.regionCode)
        ? rows.filter((row) => row.regionCode === document.regionCode)
        : [],
    ),
  );
}
