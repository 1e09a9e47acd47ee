/**
 * 我有困难: a bound worker tells their village what is wrong; it becomes their village officer's
 * task (told again the same day, it adds to it), and the worker follows what is done about it:
 * what kind of help, by which office, when — not the officers' notes.
 */
import { addDays, chinaDate, difficultyWarning, monitoringContracts, TASK_ACTION_ZH, type Task } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from '../registry/access.js';
import { taskIdOf } from './taskRepository.js';
import { warningParameters } from './warningParameters.js';

/** A task as the worker who reported it sees it. */
const viewOf = (task: Task) => ({
  taskId: task.taskId,
  kind: task.reportKind!,
  month: task.month,
  reportedAt: task.createdAt,
  status: task.status,
  steps: task.actions.map((action) => ({ what: TASK_ACTION_ZH[action.kind], office: action.byOffice, at: action.at })),
});

export function difficultyRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(monitoringContracts.reportDifficulty, async ({ principal, body }) => {
      const worker = await boundWorker(ctx, principal);
      const now = new Date();
      const today = chinaDate(now);
      const warning = difficultyWarning(worker, body, today);
      const { taskDays } = (await warningParameters(ctx))(worker.villageCode, today);
      const created = await ctx.tasks.open(warning, addDays(today, taskDays), now);
      let task = (await ctx.tasks.get(taskIdOf(warning)))!;
      if (!created && task.status === 'open') task = await ctx.tasks.amend(task, { label: '又说', value: body.detail });
      return { difficulty: viewOf(task), created };
    }),

    implement(monitoringContracts.myDifficulties, async ({ principal, query }) => {
      const worker = await boundWorker(ctx, principal);
      const { tasks, nextCursor } = await ctx.tasks.reportedBy(worker.workerId, query);
      return { difficulties: tasks.map(viewOf), ...(nextCursor ? { nextCursor } : {}) };
    }),
  ];
}
