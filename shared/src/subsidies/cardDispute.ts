/**
 * 不是我的卡: a worker says a card entered for them is not theirs. Changing the card is how a
 * worker's subsidies would be diverted, and two officers (who entered it, who confirmed it) may
 * agree; the person whose money it is is the one who knows. The county, which pays, is told
 * at once, with who entered and who confirmed the card.
 */
import type { Warning } from '../monitoring/warnings.js';
import { chinaDate } from '../registry/employment.js';
import { PAYOUT_KIND_ZH, type WORKER_PAYOUT_KINDS } from './payment.js';

export interface CardDispute {
  workerId: string;
  name: string;
  villageCode: string;
  card: { kind: (typeof WORKER_PAYOUT_KINDS)[number]; numberMasked: string; setBy: string; setAt: string };
  /** Who put it in force; absent when it was still waiting for a second officer. */
  confirmedBy?: string | undefined;
  at: Date;
}

export function cardDisputeWarning({ workerId, name, villageCode, card, confirmedBy, at }: CardDispute): Warning {
  const what = `${PAYOUT_KIND_ZH[card.kind]}（尾号 ${card.numberMasked.slice(-4)}）`;
  const done = confirmedBy ? '这张卡已停用，补贴先不发到这张卡' : '这次登记已作废';
  return {
    cause: 'payoutCardDisputed',
    month: chinaDate(at).slice(0, 7),
    subject: `${workerId}#${card.setAt}`,
    workerIds: [workerId],
    regionCode: villageCode,
    level: 'county',
    text: `${name} 说登记的${what}不是本人的卡。${done}。请当面核实本人的卡，查清是谁、为什么登记了这张卡`,
    figures: [
      { label: '登记的卡', value: what },
      { label: '登记时间', value: chinaDate(new Date(card.setAt)) },
      { label: '登记人账号', value: card.setBy },
      { label: '确认人账号', value: confirmedBy ?? '还没有人确认' },
    ],
  };
}
