/**
 * 以工代赈 代发结果: the bank's answer to the contractor's 代发 read against a month's wage sheet
 * (shared/src/reliefWork/wageBankFile.ts says how), each row's card checked against the card in
 * force on the person's record; then, when the contractor has seen the reading and asks for it by
 * the file's digest, every payment it lists recorded, with the bank's date and reference and the
 * file's digest. Nothing is recorded while anything in the file does not match.
 *
 * Cost: the sheet (one Query) and the people's cards (one BatchGetItem); recording adds a
 * transaction per hundred lines and an audit line.
 */
import type { Readable } from 'node:stream';
import {
  chinaDate,
  inSheetOrder,
  readWageBankFile,
  WAGE_FILE_MAX_BYTES,
  type Principal,
  type ReliefProject,
  type WageFileLine,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict } from '../errors.js';
import { notTheFileRead, readUploadedSheet } from '../sheets/uploadedSheet.js';

/** Problems shown at most: the count says how many in all. */
const PROBLEMS_SHOWN = 100;

export function createWageFileService(ctx: Pick<AppContext, 'reliefProjects' | 'payments' | 'audit'>) {
  async function read(
    principal: Principal,
    project: ReliefProject,
    month: string,
    file: { body: Readable; contentType: string | undefined },
    record: string | undefined,
  ) {
    const [{ digest, rows }, sheet] = await Promise.all([
      readUploadedSheet(file, {
        maxBytes: WAGE_FILE_MAX_BYTES,
        tooLarge: '代发结果文件太大（超过 1 MB），请确认选的是这个月的代发结果',
      }),
      ctx.reliefProjects.sheet(project.projectId, month),
    ]);
    if (record !== undefined && record !== digest) throw notTheFileRead();
    const ordered = inSheetOrder(sheet);
    const cards = await ctx.payments.cardsInForce(ordered.map((line) => line.workerId));
    const lines = ordered.map((line, i): WageFileLine => ({
      row: i + 1,
      workerId: line.workerId,
      name: line.name,
      payFen: line.payFen,
      status: line.status,
      payment: line.payment,
      cardLastFour: cards.get(line.workerId)?.numberMasked.slice(-4),
    }));
    const now = new Date();
    const reading = readWageBankFile(rows, lines, chinaDate(now));
    let after = ordered;
    let recorded: number | undefined;
    if (record !== undefined) {
      if (reading.problems.length > 0) {
        throw new Conflict(
          `代发结果有 ${reading.problems.length} 处和工资表对不上，一笔也没有登记；请和银行核对`,
          'The file does not match the sheet.',
          'body',
        );
      }
      const byWorker = new Map(ordered.map((line) => [line.workerId, line]));
      const fresh = reading.paid.filter((payment) => !payment.recorded);
      const paid = await ctx.reliefProjects.pay(
        fresh.map(({ workerId, paidOn, reference }) => ({
          line: byWorker.get(workerId)!,
          payment: {
            by: principal.userId,
            at: now.toISOString(),
            paidOn: paidOn ?? chinaDate(now),
            ...(reference ? { reference } : {}),
            bankFile: digest,
          },
        })),
      );
      if (paid.length > 0) {
        await ctx.audit.record(
          principal,
          paid.map((line) => line.workerId),
          'reliefWagesPaid',
          `以工代赈项目「${project.name}」${month} 劳务报酬按银行代发结果登记发放（${paid.length} 人）`,
        );
      }
      const done = new Map(paid.map((line) => [line.workerId, line]));
      after = ordered.map((line) => done.get(line.workerId) ?? line);
      recorded = paid.length;
      for (const payment of fresh) payment.recorded = true;
    }
    return {
      digest,
      paid: reading.paid,
      toRecord: reading.paid.filter((payment) => !payment.recorded).length,
      returned: reading.returned,
      unlisted: reading.unlisted,
      unchecked: reading.unchecked,
      problems: { count: reading.problems.length, shown: reading.problems.slice(0, PROBLEMS_SHOWN) },
      ...(recorded !== undefined ? { recorded } : {}),
      lines: after,
    };
  }

  return { read };
}
