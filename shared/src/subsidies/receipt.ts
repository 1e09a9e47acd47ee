/**
 * 收到了 / 没收到: once a subsidy is paid (its bank file built), the person says whether the money
 * reached their card. "Paid" is the county's word; the person whose money it is is the one who
 * knows it came. 没收到 is the county's task at once, with the card it went to and its batch: the
 * bank's return file says whether it arrived, and if it went to a card that is not the person's,
 * someone entered that card.
 */
import * as z from 'zod';
import { formatYuan } from '../money.js';
import type { Warning } from '../monitoring/warnings.js';
import { chinaDate } from '../registry/employment.js';

export const receiptAnswerSchema = z.strictObject({
  answer: z.enum(['received', 'notReceived']),
});
export type ReceiptAnswer = z.infer<typeof receiptAnswerSchema>['answer'];

/** The figure naming the batch that paid it, which the task's page opens. */
export const PAID_BY_BATCH_FIGURE = '发放批次';

export interface SubsidyNotReceived {
  claimId: string;
  workerId: string;
  name: string;
  /** The claim's region (the person's village). */
  regionCode: string;
  subsidyName: string;
  amountFen: number;
  batchId: string;
  paidAt: string;
  /** The last four digits of the card the batch's row paid to. */
  cardLastFour: string;
  at: Date;
}

export function subsidyNotReceivedWarning(said: SubsidyNotReceived): Warning {
  const paidOn = chinaDate(new Date(said.paidAt));
  const amount = formatYuan(said.amountFen);
  return {
    cause: 'subsidyNotReceived',
    month: chinaDate(said.at).slice(0, 7),
    // One task a claim: said twice (a retry) it is the same task.
    subject: said.claimId,
    workerIds: [said.workerId],
    regionCode: said.regionCode,
    level: 'county',
    text: `${said.name} 说没有收到 ${paidOn} 发放的${said.subsidyName} ${amount}（发往尾号 ${said.cardLastFour} 的卡）。请看这一批的银行回盘文件，向银行核对这笔钱到了哪张卡上；卡不是本人的，查清是谁登记、谁确认的`,
    figures: [
      { label: '补贴', value: said.subsidyName },
      { label: '金额', value: amount },
      { label: '发放日期', value: paidOn },
      { label: '发往的卡', value: `尾号 ${said.cardLastFour}` },
      { label: PAID_BY_BATCH_FIGURE, value: said.batchId },
    ],
  };
}
