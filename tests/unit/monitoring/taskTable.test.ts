import { describe, expect, it } from 'vitest';
import { builtAs, countyCountTargets, DOCUMENT_TARGETS, taskTableRow, type TaskTableInput } from '@bangfu/shared';
import { shortCount, taskLines } from '../../../miniapp/src/staff/taskTable/taskLineText';

const input = (overrides: Partial<TaskTableInput> = {}): TaskTableInput => ({
  month: { labour: 20, ableAndWilling: 19, employed: 18, employedSixMonths: 14, incomeFen: 18 * 300_000 },
  sameMonthLastYear: { employed: 10, incomeFen: 10 * 290_000 },
  counts: { trainedPeople: 3, workshops: 2, bases: 0 },
  targets: DOCUMENT_TARGETS,
  countTargets: {},
  ...overrides,
});

describe('a township’s line of the task table (file 001)', () => {
  it('sets each share against its target in whole numbers, so 94.95% does not pass for 95%', () => {
    const row = taskTableRow(input());
    expect(row.rates).toEqual([
      { measure: 'ableAndWillingEmployed', numerator: 18, denominator: 19, percent: 94.7, targetPercent: 95, met: false },
      { measure: 'employedShare', numerator: 18, denominator: 20, percent: 90, targetPercent: 60, met: true },
      { measure: 'stableShare', numerator: 14, denominator: 18, percent: 77.8, targetPercent: 75, met: true },
    ]);
    const edge = taskTableRow(input({ month: { ableAndWilling: 2000, employed: 1899 } })).rates[0]!;
    expect([edge.percent, edge.met]).toEqual([95, false]); // 94.95% shows as 95 but is short
    expect(taskTableRow(input({ month: { ableAndWilling: 20, employed: 19 } })).rates[0]!.met).toBe(true);
  });

  it('judges nothing where nobody is counted, and a count only against a target the county gave', () => {
    const row = taskTableRow(input({ month: {}, countTargets: { trainedPeople: 5 } }));
    expect(row.rates.map((r) => [r.percent, r.met])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(row.wage).toEqual({ lastYearAverageFen: 290_000 });
    expect(row.counts).toEqual([
      { measure: 'trainedPeople', count: 3, target: 5, met: false },
      { measure: 'workshops', count: 2 },
      { measure: 'bases', count: 0 },
    ]);
  });

  it('keeps the month’s average wage to at least last year’s', () => {
    expect(taskTableRow(input()).wage).toEqual({ averageFen: 300_000, lastYearAverageFen: 290_000, met: true });
    const lower = taskTableRow(input({ sameMonthLastYear: { employed: 1, incomeFen: 300_001 } }));
    expect(lower.wage.met).toBe(false);
  });

  it('adds the townships’ count targets up for the county, leaving out a count none has', () => {
    expect(
      countyCountTargets({
        ...DOCUMENT_TARGETS,
        townships: { '150222102': { trainedPeople: 50, workshops: 2 }, '150222103': { trainedPeople: 100 } },
      }),
    ).toEqual({ trainedPeople: 150, workshops: 2 });
  });

  it('counts a workshop while recognised and a base once verified', () => {
    const verified = { status: 'verified' };
    expect(builtAs({ kind: 'assistanceWorkshop', workshop: { recognition: 'recognised' }, verification: verified })).toBe(
      'workshops',
    );
    expect(builtAs({ kind: 'assistanceWorkshop', workshop: { recognition: 'exited' }, verification: verified })).toBeUndefined();
    expect(builtAs({ kind: 'assistanceWorkshop', verification: verified })).toBeUndefined();
    expect(builtAs({ kind: 'assistanceBase', verification: verified })).toBe('bases');
    expect(builtAs({ kind: 'assistanceBase', verification: { status: 'pending' } })).toBeUndefined();
    expect(builtAs({ kind: 'enterprise', verification: verified })).toBeUndefined();
  });

  it('reads as plain lines: where it stands, the target, 达标 or 未达标, and why not judged', () => {
    const lines = taskLines(taskTableRow(input({ countTargets: { trainedPeople: 5 } })));
    expect(lines.map((l) => [l.label, l.value, l.target, l.judgement])).toEqual([
      ['有劳动能力和就业意愿的人就业占比', '94.7%（19 人中 18 人）', '目标 95% 以上', '未达标'],
      ['已就业人数占劳动力比例', '90%（20 人中 18 人）', '目标 60% 以上', '达标'],
      ['稳定就业6个月以上占已就业比例', '77.8%（18 人中 14 人）', '目标 75% 以上', '达标'],
      ['月均工资不低于上年同期', '人均 3000 元', '去年同月 2900 元', '达标'],
      ['今年技能培训人数', '3 人', '目标 5 人', '未达标'],
      ['就业帮扶车间', '2 个', undefined, '未定目标'],
      ['就业帮扶基地', '0 个', undefined, '未定目标'],
    ]);
    expect(shortCount(lines)).toBe(2);
  });
});
