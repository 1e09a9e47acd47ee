/**
 * A township's month of public-welfare posts with its integrity flags: what the rules in
 * shared/src/welfarePosts/flags.ts need, read in a fixed number of calls whatever the size of the
 * township — the month's partition, the three months before (at once), then the posts, the
 * people's month records and the earlier months' claims, each one BatchGetItem per hundred, and
 * the holders' 以工代赈 lines of the month (a Query per township they live in, usually one), then
 * only if there are any, their projects' names.
 */
import {
  ancestorAt,
  beneficiaryKey,
  claimSchema,
  employmentRecordSchema,
  integrityFlags,
  LOOK_BACK_MONTHS,
  monthsBefore,
  reliefProjectSchema,
  welfarePostSchema,
  type AttendanceLine,
  type ReliefDays,
  type IntegrityFlag,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { batchGet } from '../db/batchGet.js';
import { keys } from '../db/tableSchema.js';

const POST_SUBSIDY = 'public_welfare_post';

export interface FlaggedMonth {
  lines: AttendanceLine[];
  flags: IntegrityFlag[];
}

export async function flaggedMonth(
  ctx: Pick<AppContext, 'attendance' | 'reliefProjects' | 'table'>,
  townshipCode: string,
  month: string,
  now = new Date(),
): Promise<FlaggedMonth> {
  const before = monthsBefore(month, LOOK_BACK_MONTHS);
  const [{ lines, clearings }, earlier] = await Promise.all([
    ctx.attendance.month(townshipCode, month),
    ctx.attendance.months(townshipCode, before),
  ]);
  if (lines.length === 0) return { lines, flags: [] };
  const unique = <T>(values: T[]) => [...new Set(values)];
  const confirmedBefore = earlier.filter((line) => line.status === 'confirmed');
  // Relief lines are listed where their people live, which for a holder from elsewhere is not the post's township.
  const holderTownships = unique(lines.map((l) => ancestorAt(l.holderVillageCode ?? l.villageCode, 'township')));
  const [posts, records, claims, reliefLines] = await Promise.all([
    batchGet(
      ctx.table,
      unique(lines.map((l) => l.postId)).map((postId) => keys.welfarePost(postId)),
    ),
    batchGet(
      ctx.table,
      unique(lines.map((l) => l.workerId)).map((workerId) => keys.employment(workerId, month)),
    ),
    batchGet(
      ctx.table,
      confirmedBefore.map((l) => keys.claim(beneficiaryKey({ kind: 'worker', workerId: l.workerId }), POST_SUBSIDY, l.month)),
    ),
    Promise.all(holderTownships.map((code) => ctx.reliefProjects.linesOfPeopleIn(code, month))),
  ]);
  const holders = new Set(lines.map((l) => l.workerId));
  const relief = reliefLines.flat().filter((l) => holders.has(l.workerId) && l.status !== 'disputed');
  const projectNames = new Map(
    (
      await batchGet(
        ctx.table,
        unique(relief.map((l) => l.projectId)).map((projectId) => keys.reliefProject(projectId)),
      )
    )
      .map((item) => reliefProjectSchema.parse(item))
      .map((project) => [project.projectId, project.name]),
  );
  const reliefDays = new Map<string, ReliefDays[]>();
  for (const l of relief) {
    const days = { projectName: projectNames.get(l.projectId) ?? l.projectId, days: l.days, status: l.status };
    reliefDays.set(l.workerId, [...(reliefDays.get(l.workerId) ?? []), days]);
  }
  const terms = new Map(posts.map((item) => welfarePostSchema.parse(item)).map((post) => [post.postId, post.terms]));
  const employerHires = new Map<string, string>();
  for (const item of records) {
    const record = employmentRecordSchema.parse(item);
    if (record.source === 'employerHire') employerHires.set(record.workerId, record.employerName ?? '用人单位');
  }
  const flags = integrityFlags({
    month,
    lines,
    earlier,
    terms,
    employerHires,
    reliefDays,
    claims: claims.map((item) => {
      const claim = claimSchema.parse(item);
      const approvedAt = claim.history.findLast((step) => step.to === 'approved')?.at;
      return {
        workerId: claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '',
        month: claim.periodKey,
        status: claim.status,
        amountFen: claim.amountFen,
        ...(approvedAt ? { approvedAt } : {}),
      };
    }),
    clearings,
    now,
  });
  return { lines, flags };
}
