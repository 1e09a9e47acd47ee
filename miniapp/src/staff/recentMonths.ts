/** The months a staff page offers to look at: this one and the five before it, in plain words. */
import type { Option } from '../components/Choices';
import { chinaMonth } from '../time';

const MONTHS_SHOWN = 6;

export function recentMonths(now: Date): Option<string>[] {
  const current = chinaMonth(now);
  const [year, month] = current.split('-').map(Number) as [number, number];
  const options: Option<string>[] = [];
  for (let i = 0; i < MONTHS_SHOWN; i++) {
    const total = year * 12 + (month - 1) - i;
    const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
    const value = `${y}-${String(m).padStart(2, '0')}`;
    options.push({ value, label: y === year ? (i === 0 ? `本月（${m}月）` : `${m}月`) : `${y}年${m}月` });
  }
  return options;
}
