/**
 * 欠薪防控预警 (file 004 §二(七)): a 以工代赈 month with wages confirmed and unpaid too long, a line
 * its person disputes, or a payment its person says never came, becomes a task for the county —
 * naming the project, the contractor and the amounts — once per project and month, like every
 * warning. A dispute or a 没收到 raises it at once; the daily run raises the unpaid ones
 * (monitoring/warningsJob.ts).
 */
import {
  addDays,
  arrearsFindings,
  arrearsSummary,
  monthsBefore,
  chinaDate,
  formatYuan,
  type ArrearsFinding,
  type ReliefProject,
  type Warning,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { taskIdOf } from '../monitoring/taskRepository.js';
import { warningParameters, type WarningParameterContext } from '../monitoring/warningParameters.js';

export function arrearsWarning(project: ReliefProject, month: string, findings: readonly ArrearsFinding[]): Warning {
  const summary = arrearsSummary(findings);
  return {
    cause: 'wageArrears',
    month,
    subject: project.projectId,
    workerIds: [...new Set(findings.map((f) => f.workerId))],
    regionCode: project.villageCode,
    level: 'county',
    text: `以工代赈项目「${project.name}」${month} 有 ${summary.workers} 人的劳务报酬共 ${formatYuan(summary.amountFen)} 有欠薪风险，施工单位：${project.contractorName}`,
    figures: [
      { label: '施工单位', value: project.contractorName },
      { label: '业主单位', value: project.ownerUnit },
      { label: '涉及人数', value: summary.workers },
      { label: '金额（元）', value: summary.amountFen / 100 },
      { label: '有异议', value: summary.disputed },
      ...findings.map(findingLine),
    ],
  };
}

const FINDING_KIND_ZH: Record<ArrearsFinding['kind'], string> = {
  confirmedUnpaid: '确认后未发放',
  disputed: '有异议',
  notReceived: '登记已发放，本人说没收到',
};

/** A finding as a line of the task: one label per person and kind, so a finding already told is not told again. */
const findingLine = (f: ArrearsFinding) => ({ label: `${f.name}（${FINDING_KIND_ZH[f.kind]}）`, value: f.text });

/**
 * The daily run's arrears of a county: each project's sheets of this month and the two before,
 * one Query each, found against the county's number of days.
 */
export async function countyArrearsWarnings(
  ctx: Pick<AppContext, 'reliefProjects'>,
  countyCode: string,
  today: string,
  unpaidAfterDays: number,
): Promise<Warning[]> {
  const month = today.slice(0, 7);
  const months = [month, ...monthsBefore(month, 2)];
  const projects = await ctx.reliefProjects.allInRegion(countyCode);
  const sheets = await Promise.all(
    projects.flatMap((project) =>
      months.map(async (m) => ({ project, month: m, lines: await ctx.reliefProjects.sheet(project.projectId, m) })),
    ),
  );
  return sheets.flatMap(({ project, month: m, lines }) => {
    const findings = arrearsFindings({ lines, today, unpaidAfterDays });
    return findings.length ? [arrearsWarning(project, m, findings)] : [];
  });
}

/** Adds to the month's open task the findings it does not name yet (a dispute opened it; wages went unpaid since). */
export async function addNewFindings(ctx: Pick<AppContext, 'tasks'>, warning: Warning): Promise<void> {
  let task = await ctx.tasks.get(taskIdOf(warning));
  if (!task || task.status !== 'open') return;
  for (const line of warning.figures) {
    if (task.figures.some((f) => f.label === line.label)) continue;
    task = await ctx.tasks.amend(task, { label: line.label, value: String(line.value) });
  }
}

/** Opens the county's task for the month's findings (once); true when it was opened now. */
export async function warnOfArrears(
  ctx: Pick<AppContext, 'tasks'> & WarningParameterContext,
  project: ReliefProject,
  month: string,
  findings: readonly ArrearsFinding[],
  now = new Date(),
): Promise<boolean> {
  if (findings.length === 0) return false;
  const today = chinaDate(now);
  const { taskDays } = (await warningParameters(ctx))(project.villageCode, today);
  return ctx.tasks.open(arrearsWarning(project, month, findings), addDays(today, taskDays), now);
}

/** The id of a project month's arrears task, to say whether the county was warned. */
export const arrearsTaskId = (projectId: string, month: string) => taskIdOf({ cause: 'wageArrears', month, subject: projectId });
