/**
 * 务工规模 and 务工收入 for staff in scope: a region's months (one Query, and one for its 零就业家庭), and its townships' or
 * villages' month beside the month before and last year's (their list, then one BatchGetItem);
 * the warnings' tasks, the people each is about, what was done, and closing them.
 */
import {
  monitoringContracts,
  nextMonth,
  previousMonth,
  sameMonthLastYear,
  SERVICE_KINDS,
  WARNING_CAUSE_ZH,
  XLSX_MEDIA_TYPE,
  type ServiceKind,
  type TaskActionKind,
} from '@bangfu/shared';
import { officeOf } from '../codes/codeService.js';
import { Invalid } from '../errors.js';
import { quarterlyReport, writeQuarterlyWorkbook } from './quarterlyReport.js';
import type { AppContext } from '../appContext.js';
import { implement, type AnyRoute } from '../http/route.js';
import { NO_FIGURES } from './figureRepository.js';

export function monitoringRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(monitoringContracts.figures, async ({ query }) => {
      const [months, households] = await Promise.all([
        ctx.figures.months(query.regionCode, query.from, query.to),
        query.regionCode.length >= 6 ? ctx.figures.households(query.regionCode, query.from, query.to) : new Map(),
      ]);
      const kept = new Map(months.map((m) => [m.month, m.figures]));
      const all = [];
      for (let month = query.from; month <= query.to; month = nextMonth(month)) {
        const counted = households.get(month);
        all.push({ month, figures: kept.get(month) ?? NO_FIGURES, ...(counted ? { zeroEmploymentHouseholds: counted } : {}) });
      }
      return { regionCode: query.regionCode, months: all };
    }),

    implement(monitoringContracts.children, async ({ query }) => {
      const { month } = query;
      const beside = { previousMonth: previousMonth(month), lastYear: sameMonthLastYear(month) };
      const children = await ctx.regions.children(query.regionCode);
      const kept = await ctx.figures.many(
        children.flatMap((child) =>
          [month, beside.previousMonth, beside.lastYear].map((m) => ({ regionCode: child.code, month: m })),
        ),
      );
      const of = (code: string, m: string) => kept.get(`${code}#${m}`) ?? NO_FIGURES;
      return {
        month,
        children: children.map((child) => ({
          regionCode: child.code,
          name: child.name,
          figures: of(child.code, month),
          previousMonth: of(child.code, beside.previousMonth),
          lastYear: of(child.code, beside.lastYear),
        })),
      };
    }),

    implement(monitoringContracts.quarterlyReport, async ({ principal, query, res }) => {
      const report = await quarterlyReport(ctx, query.regionCode, query.quarter);
      await ctx.audit.exported(principal, query.regionCode, `quarterlyReport ${query.quarter}`);
      res.status(200);
      res.setHeader('content-type', XLSX_MEDIA_TYPE);
      res.setHeader('content-disposition', `attachment; filename="report-${query.regionCode}-${query.quarter}.xlsx"`);
      await writeQuarterlyWorkbook(report, res);
      return undefined;
    }),

    implement(monitoringContracts.tasks, async ({ query }) => ctx.tasks.inRegion(query.regionCode, query.status, query)),

    implement(monitoringContracts.task, async ({ object: task, principal }) => {
      const people = task.workerIds?.length ? await ctx.workers.getItems(task.workerIds) : [];
      if (people.length) {
        await ctx.audit.record(
          principal,
          people.map((p) => p.workerId),
          'read',
          `办理预警任务：${WARNING_CAUSE_ZH[task.cause]}`,
        );
      }
      return {
        task,
        people: people.map((p) => ({
          workerId: p.workerId,
          name: p.name,
          villageCode: p.villageCode,
          ...(p.phone ? { phone: p.phone } : {}),
        })),
      };
    }),

    implement(monitoringContracts.act, async ({ object: task, principal, body }) => {
      const byOffice = await officeOf(ctx, principal);
      const acted = await ctx.tasks.act(task, { ...body, by: principal.userId, byOffice });
      // A service done for the people it is about counts for them too ("311", 政策讲解, 诉求办理).
      const kind = body.kind;
      if (isServiceKind(kind)) {
        for (const workerId of task.workerIds ?? []) {
          await ctx.matches.recordService(workerId, { kind, note: body.note, by: principal.userId, byOffice });
        }
      }
      return { task: acted };
    }),

    implement(monitoringContracts.close, async ({ object: task, principal }) => {
      if (!task.actions.length) {
        throw new Invalid('先登记做了什么，再关闭任务', 'Record what was done before closing the task.', 'params.taskId');
      }
      return { task: await ctx.tasks.close(task, principal.userId) };
    }),
  ];
}

const isServiceKind = (kind: TaskActionKind): kind is ServiceKind => (SERVICE_KINDS as readonly string[]).includes(kind);
