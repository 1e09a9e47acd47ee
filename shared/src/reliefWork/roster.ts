/**
 * The real-name roster of a 以工代赈 project (file 000 §二(三): "依托人力资源信息库建立以工代赈劳务需求
 * 人员实名制台账"): people come from the worker registry, never typed in, so every name on a wage
 * sheet is a registry record. Who is offered work first follows the documents' count of the labour
 * available ("包括返乡农民工、脱贫人口、防止返贫监测对象"), and a relocation-site project short of its 10%
 * (file 000 §二(七)) puts relocated people before everyone; taking on someone else then needs the
 * contractor's reason, kept with the entry.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { WORKER_GROUPS, WORKER_GROUP_ZH, type AtHomeReason, type LabourClass, type WorkerGroup } from '../registry/labels.js';
import { workerIdSchema } from '../registry/worker.js';
import type { RelocationShare } from './project.js';

export const ROSTER_STATUSES = ['onRoster', 'left'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];
export const ROSTER_STATUS_ZH: Record<RosterStatus, string> = { onRoster: '在册', left: '已离开' };

/** One person on a project's roster (用工名册). */
export const rosterEntrySchema = z.object({
  projectId: z.string(),
  workerId: z.string(),
  name: z.string(),
  villageCode: z.string(),
  groups: z.array(z.enum(WORKER_GROUPS)),
  /** 易地扶贫搬迁群众 when taken on: what counts toward the 10%. */
  relocated: z.boolean(),
  trade: z.string(),
  status: z.enum(ROSTER_STATUSES),
  addedBy: z.string(),
  addedAt: z.iso.datetime(),
  /** The contractor's reason for taking on someone not relocated while the project was short of its 10%. */
  relocationAnswer: z.string().optional(),
  /** Who recorded the person leaving the project, and when. */
  leftRoster: z.object({ by: z.string(), at: z.iso.datetime() }).optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** What the contractor enters to put a registry record on the roster. */
export const rosterAddInputSchema = z.strictObject({
  workerId: workerIdSchema,
  trade: nameSchema(1, 20, '请填工种'),
  relocationAnswer: z.string().trim().min(4, '请说明原因（至少 4 个字）').max(200, '最多 200 字').optional(),
});
export type RosterAddInput = z.infer<typeof rosterAddInputSchema>;

export interface RosterCandidateFacts {
  workerId: string;
  villageCode: string;
  groups: readonly WorkerGroup[];
  labourClass: LabourClass;
  atHomeReason?: AtHomeReason;
}

export interface RankedRosterCandidate<C extends RosterCandidateFacts> {
  candidate: C;
  /**
   * 1: relocated, when the project is short of its 10%; 2: 返乡农民工, 脱贫人口 or 防止返贫监测对象;
   * 3: everyone else able to work.
   */
  tier: 1 | 2 | 3;
  reasons: string[];
}

const HELPED = ['povertyAlleviated', 'monitored'] as const;

/** 0: the site's village; 1: the rest of its township (first 9 digits); 2: elsewhere. */
const nearness = (site: string, village: string) => (village === site ? 0 : village.slice(0, 9) === site.slice(0, 9) ? 1 : 2);

/**
 * Candidates for a project at `siteVillageCode`, people with no labour left out: tier, then the
 * site's village, then its township, then the record's id (a stable order).
 */
export function rankRosterCandidates<C extends RosterCandidateFacts>(
  siteVillageCode: string,
  candidates: readonly C[],
  options: { preferRelocated: boolean },
): RankedRosterCandidate<C>[] {
  return candidates
    .filter((candidate) => candidate.labourClass !== 'none')
    .map((candidate): RankedRosterCandidate<C> => {
      const relocated = options.preferRelocated && candidate.groups.includes('relocated');
      const returned = candidate.atHomeReason === 'returnedFromWork';
      const helped = HELPED.filter((group) => candidate.groups.includes(group));
      const near = nearness(siteVillageCode, candidate.villageCode);
      const reasons = [
        ...(relocated ? [`${WORKER_GROUP_ZH.relocated}（本项目搬迁群众还不够 10%）`] : []),
        ...(returned ? ['返乡农民工'] : []),
        ...helped.map((group) => WORKER_GROUP_ZH[group]),
        ...(near === 0 ? ['本村'] : near === 1 ? ['本乡镇'] : []),
      ];
      return { candidate, tier: relocated ? 1 : returned || helped.length > 0 ? 2 : 3, reasons };
    })
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        nearness(siteVillageCode, a.candidate.villageCode) - nearness(siteVillageCode, b.candidate.villageCode) ||
        a.candidate.workerId.localeCompare(b.candidate.workerId),
    );
}

/**
 * What the contractor is asked to answer before taking on someone not relocated while a
 * relocation-site project is short of its 10%; undefined when nothing needs answering.
 */
export function relocationWarning(share: RelocationShare, candidateRelocated: boolean): string | undefined {
  if (!share.applies || share.short === 0 || candidateRelocated) return undefined;
  return `本项目是易地搬迁安置区的项目，至少 ${share.required} 个岗位应安排搬迁群众，目前只有 ${share.onRoster} 人。这次录用的不是搬迁群众，请说明原因`;
}
