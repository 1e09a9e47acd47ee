/** A task's deadline and level in words: how many days are left or how late it is, who must act. */
import type { RegionLevel } from '@bangfu/shared';
import { chinaDate } from '../../time';

const DAY_MS = 86_400_000;

/** "还有 3 天（12月12日前）", "今天到期", "已经晚了 2 天": never colour alone. */
export function deadlineText(deadline: string, today = chinaDate(new Date())): { text: string; late: boolean } {
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS);
  if (days > 0)
    return { text: `还有 ${days} 天（${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8))}日前）`, late: false };
  if (days === 0) return { text: '今天到期', late: false };
  return { text: `已经晚了 ${-days} 天`, late: true };
}

export const LEVEL_ZH: Record<RegionLevel, string> = {
  province: '省（区）',
  city: '市',
  county: '旗县',
  township: '乡镇',
  village: '村',
};
