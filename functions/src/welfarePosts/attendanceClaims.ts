/**
 * A confirmed month on post becomes the holder's subsidy claim (在岗领补), through the same rule,
 * claims, approval and payment as every subsidy: the rule reads the days the supervisor recorded
 * and the holder confirmed, with who stands behind them, so the approver sees the attendance.
 */
import {
  attendanceSourceText,
  factsFromRegistry,
  POST_CATEGORY_ZH,
  RULES,
  subsidyFactsSchema,
  type AttendanceLine,
  type Claim,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { createSubsidyService, workerBeneficiary } from '../subsidies/service.js';

const POST_RULE = RULES.filter((rule) => rule.id === 'public_welfare_post');

export async function claimConfirmedMonth(
  ctx: Pick<AppContext, 'employment' | 'claims' | 'parameterSteps' | 'positions' | 'applications' | 'workers'>,
  worker: Worker,
  line: AttendanceLine,
  createdBy: string,
): Promise<{ claim: Claim } | { notClaimed: string }> {
  const subsidies = createSubsidyService(ctx);
  const facts = subsidyFactsSchema.parse({
    ...factsFromRegistry(worker, []),
    publicWelfarePost: {
      category: POST_CATEGORY_ZH[line.category],
      fullTime: line.fullTime,
      attendance: [
        {
          month: line.month,
          daysWorked: line.daysWorked,
          daysRequired: line.daysRequired,
          source: attendanceSourceText(line),
          vouchedBy: [line.recorded.by],
        },
      ],
      contractStartedOn: line.agreement.startsOn,
      contractEndsOn: line.agreement.endsOn,
    },
  });
  // The post's region sets its standard; the claim is reviewed where the holder lives, like every claim of theirs.
  const { results, unavailable } = await subsidies.evaluate(POST_RULE, {
    facts,
    period: line.month,
    regionCode: line.villageCode,
  });
  const due = results.filter((result) => result.eligible);
  if (due.length === 0) {
    const why = results.flatMap((result) => result.trace.filter((t) => t.kind === 'rule')).at(-1)?.text;
    return { notClaimed: unavailable[0]?.reason ?? why ?? `${line.month} 没有可发的补贴` };
  }
  const [made] = await subsidies.claimDue(workerBeneficiary(worker), worker.villageCode, line.month, due, {
    source: 'worker',
    createdBy,
    postVillageCode: line.villageCode,
  });
  return { claim: made!.claim };
}
