/**
 * A region's warning thresholds on a date, from the parameters each region sets (补贴标准): the
 * employed share whose fall is warned of, the days a task has, how long a 以工代赈 wage may stay
 * unpaid, how long money ordered back may stay out, and how long a paid batch may wait for its
 * bank's return file to be read. A region that has stopped the drop warning gets none; one with no
 * deadline set, a week.
 */
import { parameterValueOn, type WARNING_PARAMETERS } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { createSubsidyService } from '../subsidies/service.js';

const DEFAULT_TASK_DAYS = 7;
/** Wages confirmed and unpaid this long are warned of where the region has set no number. */
const DEFAULT_UNPAID_DAYS = 15;
/** A recovery not received this long goes to the county where the region has set no number. */
const DEFAULT_RECOVERY_DAYS = 60;
/** A batch whose bank's return file is unread this long goes to the county where the region has set no number. */
const DEFAULT_RETURN_FILE_DAYS = 10;

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
    /** 以工代赈: days a confirmed wage may stay unpaid before the county is warned. */
    unpaidDays: valueOf('reliefWageUnpaidDays', regionCode, today) ?? DEFAULT_UNPAID_DAYS,
    /** 追回: days a recovery may stay not received before the county follows it up, each month. */
    recoveryDays: valueOf('recoveryDueDays', regionCode, today) ?? DEFAULT_RECOVERY_DAYS,
    /** 银行回盘: days a paid batch may wait for its bank's return file to be read, each month. */
    returnFileDays: valueOf('returnFileDueDays', regionCode, today) ?? DEFAULT_RETURN_FILE_DAYS,
  });
}
