/**
 * Month records written before the figures were kept carry no subject (so no region counts them)
 * and no run of months employed (so none is stable). Once, when a county starts using the
 * figures, each of its people's current month records without them gets them: the subject from
 * the person's record as it is now (the best the county knows of then), the run counted over
 * their months in order. Each record is changed only on the revision read and only where it
 * lacks what is added, so a month written meanwhile is left as its writer made it; its revisions
 * (the history) are left as they were written. The table's stream then moves the figures, as
 * for any write. One Query of months per person: a one-off job, not a request's path.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { employedRunAfter, previousMonth, type EmploymentRecord } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { employmentEntity, setIndexAttributes } from '../db/entities.js';
import { isConditionFailed } from '../db/errors.js';
import { keys } from '../db/tableSchema.js';
import type { WorkerItem } from '../registry/workerRepository.js';

export interface BackfillReport {
  people: number;
  /** Records given a subject (and a run). */
  subjects: number;
  /** Records that had a subject and were given a run. */
  runs: number;
  /** Records changed meanwhile by someone else: left as they are. */
  skipped: number;
}

type BackfillContext = Pick<AppContext, 'table' | 'workers' | 'employment'>;

/** What a person's month record lacks, oldest month first: a subject, a run. */
function missingOf(worker: WorkerItem, timeline: readonly EmploymentRecord[]) {
  const changes: { record: EmploymentRecord; employedRun: number; subject?: EmploymentRecord['subject'] }[] = [];
  let monthBefore: EmploymentRecord | undefined;
  for (const record of [...timeline].reverse()) {
    const adjoining = monthBefore && monthBefore.month === previousMonth(record.month) ? monthBefore : undefined;
    const employedRun = record.employedRun ?? employedRunAfter(record.status, adjoining);
    if (!record.subject || record.employedRun === undefined) {
      changes.push({
        record,
        employedRun,
        ...(record.subject
          ? {}
          : {
              subject: {
                villageCode: worker.villageCode,
                labourClass: worker.labourClass,
                groups: worker.groups,
                householdId: worker.householdId,
              },
            }),
      });
    }
    monthBefore = { ...record, employedRun };
  }
  return changes;
}

export async function backfillMonthRecords(ctx: BackfillContext, countyCode: string): Promise<BackfillReport> {
  const report: BackfillReport = { people: 0, subjects: 0, runs: 0, skipped: 0 };
  const { db, tableName } = ctx.table;
  let cursor: string | undefined;
  do {
    const page = await ctx.workers.page({ regionCode: countyCode, limit: 200, cursor });
    for (const worker of page.items as unknown as WorkerItem[]) {
      report.people++;
      for (const { record, employedRun, subject } of missingOf(worker, await ctx.employment.timeline(worker.workerId))) {
        const index = subject ? setIndexAttributes(employmentEntity.indexes({ ...record, subject })) : undefined;
        try {
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keys.employment(record.workerId, record.month),
              UpdateExpression: `SET employedRun = if_not_exists(employedRun, :run)${subject ? `, subject = :subject, ${index!.expression}` : ''}`,
              ConditionExpression: `revision = :revision${subject ? ' AND attribute_not_exists(subject)' : ''}`,
              ExpressionAttributeValues: {
                ':run': employedRun,
                ':revision': record.revision,
                ...(subject ? { ':subject': subject, ...index!.values } : {}),
              },
            }),
          );
          if (subject) report.subjects++;
          else report.runs++;
        } catch (error) {
          if (!isConditionFailed(error)) throw error;
          report.skipped++;
        }
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}
