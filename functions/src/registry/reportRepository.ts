/** Which villages and townships have reported a month, against the 15th / 25th deadlines. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

export interface MonthlyReport {
  regionCode: string;
  month: string;
  reportedBy: string;
  reportedAt: string;
}

export function createReportRepository({ db, tableName }: TableRef) {
  return {
    /** Marks a region's month as reported; reporting twice keeps the first time. */
    async report(month: string, regionCode: string, userId: string): Promise<MonthlyReport> {
      const report: MonthlyReport = { regionCode, month, reportedBy: userId, reportedAt: new Date().toISOString() };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.monthlyReport(month, regionCode), type: 'monthlyReport', ...report },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return report;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return (await this.reportsIn(month, regionCode)).find((r) => r.regionCode === regionCode)!;
      }
    },

    /** The reports of a month for every region under `regionCode`. */
    async reportsIn(month: string, regionCode: string): Promise<MonthlyReport[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.monthlyReports(month), ':prefix': regionCode },
        ConsistentRead: true,
      });
      return items.map((item) => ({
        regionCode: String(item.regionCode),
        month: String(item.month),
        reportedBy: String(item.reportedBy),
        reportedAt: String(item.reportedAt),
      }));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
