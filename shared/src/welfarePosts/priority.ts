/**
 * 以岗聘用: who is offered a post first (file 000 §(四): 优先安置脱贫人口、监测对象中的弱劳力和半劳力;
 * 取消年龄、残疾等不合理招用限制 — so neither age nor disability lowers anyone). Tiers, then people of
 * the post's own village before the township's others; each with the reasons in plain words.
 */
import type { LabourClass, WorkerGroup } from '../registry/labels.js';

export interface PostCandidateFacts {
  workerId: string;
  villageCode: string;
  groups: readonly WorkerGroup[];
  labourClass: LabourClass;
}

export interface RankedCandidate<C extends PostCandidateFacts> {
  candidate: C;
  /** 1 first: 脱贫 or 监测 with weak or half labour; 2: other 脱贫 or 监测; 3: everyone else who can do the duties. */
  tier: 1 | 2 | 3;
  reasons: string[];
}

const HELPED = ['povertyAlleviated', 'monitored'] as const;
const GROUP_WORD = { povertyAlleviated: '脱贫人口', monitored: '监测对象' } as const;
const LIMITED_LABOUR = { weak: '弱劳力', half: '半劳力' } as const;

/** Ranked for a post in `villageCode`: tier, then its own village first, then the record's id (a stable order). */
export function rankPostCandidates<C extends PostCandidateFacts>(
  villageCode: string,
  candidates: readonly C[],
): RankedCandidate<C>[] {
  return candidates
    .map((candidate): RankedCandidate<C> => {
      const helped = HELPED.filter((group) => candidate.groups.includes(group));
      const limited = candidate.labourClass === 'weak' || candidate.labourClass === 'half';
      const reasons = [
        ...helped.map((group) => GROUP_WORD[group]),
        ...(limited ? [LIMITED_LABOUR[candidate.labourClass as 'weak' | 'half']] : []),
        ...(candidate.villageCode === villageCode ? ['本村'] : []),
      ];
      return { candidate, tier: helped.length && limited ? 1 : helped.length ? 2 : 3, reasons };
    })
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        Number(b.candidate.villageCode === villageCode) - Number(a.candidate.villageCode === villageCode) ||
        a.candidate.workerId.localeCompare(b.candidate.workerId),
    );
}
