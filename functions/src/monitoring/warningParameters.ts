/**
 * A region's warning thresholds on a date, from the parameters each region sets (补贴标准):
 * the employed share whose fall is warned of, and the days a task has. A region that has
 * stopped the drop warning gets none; one with no deadline set, a week.
 */
import { parameterValueOn, type WARNING_PARAMETERS } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { createSubsidyService } from '../subsidies/service.js';

const DEFAULT_TASK_DAYS = 7;

export type WarningParameterContext = Pick<
  AppContext,
  'employment' | 'claims' | 'parameterSteps' | 'positions' | 'applications' | 'workers'
>;

export async function warningParameters(ctx: WarningParameterContext) {
  const parameters = await createSubsidyService(ctx).currentParameters();
  const valueOf = (key: keyof typeof WARNING_PARAMETERS, regionCode: string, today: string) =>
    parameterValueOn(parameters.definitions, parameters.table, key, regionCode, today);
  return (regionCode: string, today: string) => ({
    /** Above 1 when stopped: no fall is more than everyone. */
    dropRatio: valueOf('warningEmployedDropRatio', regionCode, today) ?? 2,
    taskDays: valueOf('warningTaskDays', regionCode, today) ?? DEFAULT_TASK_DAYS,
  });
}
