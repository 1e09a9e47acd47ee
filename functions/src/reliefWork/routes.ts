/**
 * 以工代赈: projects set up by township or county staff with their contractor; the roster from the
 * registry with the relocation share answered for; the contractor's monthly wage sheet, its XLSX
 * and its payments; each person's own line to confirm or dispute; arrears warned to the county.
 */
import {
  arrearsFindings,
  chinaDate,
  chinaMonth,
  isWithinRegion,
  inSheetOrder,
  isReceiptAnswer,
  monthsBefore,
  rankRosterCandidates,
  relocationShare,
  relocationShareText,
  relocationWarning,
  reliefWorkContracts,
  sheetTotals,
  wageLineProblem,
  wageSheetRows,
  XLSX_MEDIA_TYPE,
  type ReliefProject,
  type ReliefWageLine,
  type RosterEntry,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { batchGet } from '../db/batchGet.js';
import { keys } from '../db/tableSchema.js';
import { Conflict, Forbidden, Invalid, notFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { warningParameters } from '../monitoring/warningParameters.js';
import { ownEmployer } from '../positions/access.js';
import { boundWorker } from '../registry/access.js';
import { workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { addNewFindings, arrearsTaskId, arrearsWarning, warnOfArrears } from './arrearsWarning.js';
import { wageLineChanged } from './projectRepository.js';
import { createWageFileService } from './wageFileService.js';

/** How many of a township's people one candidates read looks at (a page of the registry). */
const CANDIDATE_READ = 500;

const withShare = (project: ReliefProject) => {
  const share = relocationShare(project, project.relocatedOnRoster);
  const text = relocationShareText(share);
  return { ...project, relocation: { ...share, ...(text ? { text } : {}) } };
};

/** A line for the contractor and staff: who answered when, the phones left in the table. */
const forSheet = ({ confirmation, dispute, receipt, ...line }: ReliefWageLine) => ({
  ...line,
  ...(confirmation ? { confirmation: { at: confirmation.at } } : {}),
  ...(dispute ? { dispute: { at: dispute.at, note: dispute.note } } : {}),
  ...(receipt
    ? { receipt: { at: receipt.at, received: receipt.received, ...(receipt.note ? { note: receipt.note } : {}) } }
    : {}),
});

/** A line for its person. */
const forPerson = (line: ReliefWageLine, project: Pick<ReliefProject, 'name' | 'contractorName'>, warned: boolean) => ({
  projectId: line.projectId,
  projectName: project.name,
  contractorName: project.contractorName,
  month: line.month,
  days: line.days,
  payFen: line.payFen,
  status: line.status,
  enteredAt: line.entered.at,
  ...((line.confirmation ?? line.dispute) ? { answeredAt: (line.confirmation ?? line.dispute)!.at } : {}),
  ...(line.dispute ? { disputeNote: line.dispute.note } : {}),
  ...(line.payment ? { paidOn: line.payment.paidOn } : {}),
  ...(line.receipt ? { received: line.receipt.received } : {}),
  warned,
  version: line.version,
});

/** Staff of the project's region or its contractor reach a project: the routes' scope decides, before any handler runs. */
export function reliefWorkRoutes(ctx: AppContext): AnyRoute[] {
  /** A month's sheet with its totals, its arrears as of today and whether the county was warned. */
  const wageFiles = createWageFileService(ctx);
  const sheetOf = async (project: ReliefProject, month: string, lines?: ReliefWageLine[]) => {
    const today = chinaDate(new Date());
    const [read, thresholds, task] = await Promise.all([
      lines ?? ctx.reliefProjects.sheet(project.projectId, month),
      warningParameters(ctx),
      ctx.tasks.get(arrearsTaskId(project.projectId, month)),
    ]);
    const ordered = inSheetOrder(read);
    const arrears = arrearsFindings({
      lines: ordered,
      today,
      unpaidAfterDays: thresholds(project.villageCode, today).unpaidDays,
    });
    return { lines: ordered.map(forSheet), totals: sheetTotals(ordered), arrears, warned: task !== undefined };
  };

  return [
    implement(reliefWorkContracts.create, async ({ principal, body }) => {
      if (!principal.regionCode || principal.regionCode.length > 9) {
        throw new Forbidden('以工代赈项目由乡镇或旗县登记，村里请联系乡镇', 'Projects are recorded by a township or county.');
      }
      const contractor = await ctx.employers.get(body.contractorEmployerId);
      if (!contractor || contractor.kind !== 'workForRelief' || contractor.verification.status !== 'verified') {
        throw new Invalid(
          '请选一个登记为「以工代赈项目」、已通过审核的施工单位',
          'The contractor must be a verified work-for-relief employer.',
          'body.contractorEmployerId',
        );
      }
      const project = await ctx.reliefProjects.create(body, contractor.name, principal.userId);
      return { project: withShare(project) };
    }),

    implement(reliefWorkContracts.list, async ({ query }) => {
      const page = await ctx.reliefProjects.inRegion(query.regionCode, query);
      return { projects: page.projects.map(withShare), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    implement(reliefWorkContracts.mine, async ({ principal, query }) => {
      const employer = await ownEmployer(ctx, principal);
      const page = await ctx.reliefProjects.ofContractor(employer.employerId, query);
      return { projects: page.projects.map(withShare), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    implement(reliefWorkContracts.get, async ({ object: project }) => {
      return { project: withShare(project), roster: await ctx.reliefProjects.roster(project.projectId) };
    }),

    implement(reliefWorkContracts.candidates, async ({ principal, object: project, query }) => {
      const [page, roster] = await Promise.all([
        ctx.workers.page({ regionCode: project.villageCode.slice(0, 9), employed: false, limit: CANDIDATE_READ }),
        ctx.reliefProjects.roster(project.projectId),
      ]);
      const onRoster = new Set(roster.filter((entry) => entry.status === 'onRoster').map((entry) => entry.workerId));
      const free = (page.items as unknown as WorkerItem[]).filter((w) => !onRoster.has(w.workerId));
      const share = relocationShare(project, project.relocatedOnRoster);
      const ranked = rankRosterCandidates(project.villageCode, free, { preferRelocated: share.short > 0 }).slice(0, query.limit);
      const candidates = ranked.map(({ candidate: w, tier, reasons }) => ({
        workerId: w.workerId,
        name: w.name,
        villageCode: w.villageCode,
        labourClass: w.labourClass,
        groups: w.groups,
        relocated: w.groups.includes('relocated'),
        tier,
        reasons,
      }));
      // A contractor seeing registry people is on each one's trail (个人信息使用记录).
      if (principal.role === 'employer' && candidates.length) {
        await ctx.audit.record(
          principal,
          candidates.map((c) => c.workerId),
          'list',
          `以工代赈项目「${project.name}」招工`,
        );
      }
      return { candidates, partial: page.nextCursor !== undefined };
    }),

    implement(reliefWorkContracts.addToRoster, async ({ principal, object: project, body }) => {
      const worker = await ctx.workers.getItem(body.workerId, true);
      // The roster comes from the county's registry; a person elsewhere is as absent as one not on it.
      if (!worker || !isWithinRegion(worker.villageCode, project.villageCode.slice(0, 6))) throw workerNotFound();
      if (worker.registryExitDate) {
        throw new Invalid('这个人已经退出帮扶台账', 'The person has left the registry.', 'body.workerId');
      }
      const relocated = worker.groups.includes('relocated');
      const warning = relocationWarning(relocationShare(project, project.relocatedOnRoster), relocated);
      if (warning && !body.relocationAnswer)
        throw new Conflict(warning, 'The relocation share needs an answer.', 'body.relocationAnswer');
      const entry: RosterEntry = {
        projectId: project.projectId,
        workerId: worker.workerId,
        name: worker.name,
        villageCode: worker.villageCode,
        groups: worker.groups,
        relocated,
        trade: body.trade,
        status: 'onRoster',
        addedBy: principal.userId,
        addedAt: new Date().toISOString(),
        ...(warning && body.relocationAnswer ? { relocationAnswer: body.relocationAnswer } : {}),
      };
      await ctx.reliefProjects.addToRoster(project, entry);
      await ctx.audit.record(principal, [worker.workerId], 'reliefRoster', `以工代赈项目「${project.name}」：${body.trade}`);
      const counted = {
        ...project,
        rosterCount: project.rosterCount + 1,
        relocatedOnRoster: project.relocatedOnRoster + (relocated ? 1 : 0),
        version: project.version + 1,
      };
      return { project: withShare(counted), entry };
    }),

    implement(reliefWorkContracts.leaveRoster, async ({ principal, object: project, params }) => {
      const entry = (await ctx.reliefProjects.roster(project.projectId)).find((e) => e.workerId === params.workerId);
      if (entry?.status !== 'onRoster') {
        throw new Conflict('这个人已经不在用工名册上了', 'Not on the roster.', 'params.workerId');
      }
      const left = await ctx.reliefProjects.leaveRoster(entry, principal.userId);
      await ctx.audit.record(principal, [entry.workerId], 'reliefRoster', `离开以工代赈项目「${project.name}」`);
      const counted = {
        ...project,
        rosterCount: project.rosterCount - 1,
        relocatedOnRoster: project.relocatedOnRoster - (entry.relocated ? 1 : 0),
        version: project.version + 1,
      };
      return { project: withShare(counted), entry: left };
    }),

    implement(reliefWorkContracts.sheet, async ({ object: project, params }) => {
      return sheetOf(project, params.month);
    }),

    implement(reliefWorkContracts.enterWages, async ({ principal, object: project, params, body }) => {
      const now = new Date();
      const [roster, existing] = await Promise.all([
        ctx.reliefProjects.roster(project.projectId),
        ctx.reliefProjects.sheet(project.projectId, params.month),
      ]);
      // Anyone on the roster, now or before: who left is still paid for the days they worked.
      const entryOf = new Map(roster.map((entry) => [entry.workerId, entry]));
      const read = new Map(existing.map((line) => [line.workerId, line]));
      const next = body.lines.map((input, i): ReliefWageLine => {
        const entry = entryOf.get(input.workerId);
        if (!entry) throw new Invalid('这个人不在本项目的用工名册上', 'Not on the roster.', `body.lines.${i}.workerId`);
        const problem = wageLineProblem(params.month, chinaMonth(now), project.wageStandard, input.days, input.payFen);
        if (problem) {
          throw new Invalid(problem, 'The line does not fit the month or the standard.', `body.lines.${i}.payFen`);
        }
        const before = read.get(input.workerId);
        if (before && before.status !== 'entered' && before.status !== 'disputed') {
          throw new Conflict(
            `${entry.name} 已经确认了这个月的工资，不能再改`,
            'The line is confirmed already.',
            `body.lines.${i}.workerId`,
          );
        }
        return {
          projectId: project.projectId,
          month: params.month,
          workerId: entry.workerId,
          name: entry.name,
          days: input.days,
          payFen: input.payFen,
          status: 'entered',
          entered: { by: principal.userId, at: now.toISOString() },
          version: (before?.version ?? 0) + 1,
        };
      });
      await ctx.reliefProjects.enter(next, read, new Map(roster.map((entry) => [entry.workerId, entry.villageCode])));
      await ctx.audit.record(
        principal,
        next.map((l) => l.workerId),
        'reliefWages',
        `以工代赈项目「${project.name}」${params.month} 工资发放表`,
      );
      const entered = new Set(next.map((l) => l.workerId));
      return sheetOf(project, params.month, [...existing.filter((l) => !entered.has(l.workerId)), ...next]);
    }),

    implement(reliefWorkContracts.payWages, async ({ principal, object: project, params, body }) => {
      const lines = await ctx.reliefProjects.sheet(project.projectId, params.month);
      const byWorker = new Map(lines.map((l) => [l.workerId, l]));
      const chosen = body.workerIds.map((workerId, i) => {
        const line = byWorker.get(workerId);
        if (!line || line.status !== 'confirmed') {
          throw new Conflict(
            line?.status === 'paid' ? `${line.name} 已经发放过了` : '只有本人确认过的才能登记发放',
            'Only confirmed lines can be paid.',
            `body.workerIds.${i}`,
          );
        }
        return line;
      });
      const payment = {
        by: principal.userId,
        at: new Date().toISOString(),
        paidOn: body.paidOn,
        ...(body.reference ? { reference: body.reference } : {}),
      };
      const paid = await ctx.reliefProjects.pay(chosen.map((line) => ({ line, payment })));
      await ctx.audit.record(
        principal,
        paid.map((l) => l.workerId),
        'reliefWagesPaid',
        `以工代赈项目「${project.name}」${params.month} 劳务报酬 ${body.paidOn} 发放`,
      );
      const done = new Map(paid.map((l) => [l.workerId, l]));
      return sheetOf(
        project,
        params.month,
        lines.map((l) => done.get(l.workerId) ?? l),
      );
    }),

    implement(reliefWorkContracts.readWageFile, async ({ principal, object: project, params, query, req }) => {
      const file = { body: req, contentType: req.get('content-type') };
      const { lines, ...reading } = await wageFiles.read(principal, project, params.month, file, query.record);
      return { ...reading, sheet: await sheetOf(project, params.month, lines) };
    }),

    implement(reliefWorkContracts.sheetFile, async ({ principal, object: project, params, res }) => {
      const rows = wageSheetRows(
        project,
        params.month,
        inSheetOrder(await ctx.reliefProjects.sheet(project.projectId, params.month)),
      );
      await ctx.audit.exported(principal, project.villageCode, `reliefWages ${project.projectId} ${params.month}`);
      res.status(200);
      res.setHeader('content-type', XLSX_MEDIA_TYPE);
      res.setHeader('content-disposition', `attachment; filename="wages-${params.month}.xlsx"`);
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet('工资发放表');
      for (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
      return undefined;
    }),

    implement(reliefWorkContracts.myWages, async ({ principal }) => {
      const worker = await boundWorker(ctx, principal);
      const rosters = await ctx.reliefProjects.rostersOf(worker.workerId);
      if (rosters.length === 0) return { lines: [] };
      const month = chinaMonth(new Date());
      const months = [month, ...monthsBefore(month, 2)];
      const projectIds = [...new Set(rosters.map((r) => r.projectId))];
      const [lines, projectItems] = await Promise.all([
        ctx.reliefProjects.lines(
          projectIds.flatMap((projectId) => months.map((m) => ({ projectId, month: m, workerId: worker.workerId }))),
        ),
        batchGet(
          ctx.table,
          projectIds.map((projectId) => keys.reliefProject(projectId)),
        ),
      ]);
      const projects = new Map(
        projectItems.map((item) => [
          item.projectId as string,
          { name: item.name as string, contractorName: item.contractorName as string },
        ]),
      );
      const tasks = new Set(
        (
          await batchGet(
            ctx.table,
            lines.map((l) => keys.task(arrearsTaskId(l.projectId, l.month))),
          )
        ).map((t) => t.taskId as string),
      );
      return {
        lines: lines
          .filter((l) => projects.has(l.projectId))
          .sort((a, b) => (a.month === b.month ? a.projectId.localeCompare(b.projectId) : a.month < b.month ? 1 : -1))
          .map((l) => forPerson(l, projects.get(l.projectId)!, tasks.has(arrearsTaskId(l.projectId, l.month)))),
      };
    }),

    implement(reliefWorkContracts.answerWages, async ({ principal, params, body }) => {
      const worker = await boundWorker(ctx, principal);
      const [project, line] = await Promise.all([
        ctx.reliefProjects.get(params.projectId),
        ctx.reliefProjects.line(params.projectId, params.month, worker.workerId),
      ]);
      if (!project || !line) throw notFound(`${params.month} 的工资表上没有您`, 'No wage line of yours for that month.');
      const answered = { by: principal.userId, at: new Date().toISOString(), device: body.device };
      const receipt = isReceiptAnswer(body.answer);
      if (receipt && line.status !== 'paid') {
        throw new Conflict('施工单位还没有登记发放，登记以后再说收没收到', 'The payment is not recorded yet.', 'body.answer');
      }
      const next = await ctx.reliefProjects
        .answer(
          line,
          body.version,
          receipt
            ? {
                status: 'paid',
                receipt: { ...answered, received: body.answer === 'received', ...(body.note ? { note: body.note } : {}) },
              }
            : body.answer === 'confirm'
              ? { status: 'confirmed', confirmation: answered }
              : { status: 'disputed', dispute: { ...answered, note: body.note ?? '' } },
        )
        .catch(async (error: unknown) => {
          // A second tap of the same answer finds the first one's and says so.
          const now = await ctx.reliefProjects.line(params.projectId, params.month, worker.workerId);
          const same = receipt ? now?.receipt : body.answer === 'confirm' ? now?.confirmation : now?.dispute;
          if (same?.by === principal.userId && (!receipt || now?.receipt?.received === (body.answer === 'received'))) return now!;
          throw error instanceof Conflict ? wageLineChanged() : error;
        });
      const task = await ctx.tasks.get(arrearsTaskId(project.projectId, params.month));
      const raised = next.status === 'disputed' || next.receipt?.received === false;
      if (!raised) return { line: forPerson(next, project, task !== undefined) };
      // A dispute or a 没收到 warns the county at once: a new task, or a line on the month's open one.
      const [finding] = arrearsFindings({
        lines: [next],
        today: chinaDate(new Date()),
        unpaidAfterDays: Number.MAX_SAFE_INTEGER,
      });
      if (!task) await warnOfArrears(ctx, project, params.month, [finding!]);
      else await addNewFindings(ctx, arrearsWarning(project, params.month, [finding!]));
      return { line: forPerson(next, project, true) };
    }),
  ];
}
