/**
 * This month or last: attendance is recorded and looked into for the month just ended as often
 * as for the month under way, and rarely further back.
 */
import { previousMonth } from '@bangfu/shared';
import { Choices } from './Choices';
import { chinaMonth, monthText } from '../time';

export const thisMonth = () => chinaMonth(new Date());

export function MonthChoice({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const now = thisMonth();
  const options = [
    { value: now, label: `本月（${monthText(now)}）` },
    { value: previousMonth(now), label: `上月（${monthText(previousMonth(now))}）` },
  ];
  return <Choices options={options} value={month} onChange={onChange} label="月份" testIdPrefix="month-" />;
}
