/**
 * The monthly reporting cadence of file 003 §(十九): villages finish their
 * updates and report to the township by the 15th ("村级组织每月15日前…报送乡镇"),
 * townships enter them by the 25th ("乡镇每月25日前…录入").
 */
import { chinaDate } from './employment.js';

export const VILLAGE_DEADLINE_DAY = 15;
export const TOWNSHIP_DEADLINE_DAY = 25;

export interface Deadlines {
  village: string;
  township: string;
}

export function reportingDeadlines(month: string): Deadlines {
  return { village: `${month}-${VILLAGE_DEADLINE_DAY}`, township: `${month}-${TOWNSHIP_DEADLINE_DAY}` };
}

export const REPORT_STATES = ['reported', 'late', 'pending', 'overdue'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * reported: in by the deadline; late: in, after it; pending: not yet, still time;
 * overdue: not in and the deadline has passed (in China's time zone).
 */
export function reportState(deadline: string, reportedAt: string | undefined, now: Date): ReportState {
  if (reportedAt) return chinaDate(new Date(reportedAt)) <= deadline ? 'reported' : 'late';
  return chinaDate(now) > deadline ? 'overdue' : 'pending';
}
