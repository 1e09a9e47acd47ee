/** Synthetic registry files in the monitoring system's format, for import tests and the benchmark. */
import { IMPORT_COLUMNS } from '@bangfu/shared';
import { idNumber } from './people.js';

export const HEADER = Object.values(IMPORT_COLUMNS);

/** Villages of the demo county (固阳县) that exist in the seed. */
export const DEMO_VILLAGES = ['150222102212', '150222102213', '150222102226', '150222103200', '150222103218', '150222103220'];

const SURNAMES = '王李张刘赵杨郭高武白乔贾孙韩田任云郝';
const GIVEN = ['秀兰', '桂英', '建军', '志强', '海军', '玉梅', '金山', '春花', '文斌', '利平', '凤英', '永胜'];

/** The `i`-th synthetic person: a distinct valid ID number, plausible values in Chinese. */
export function personRow(i: number): string[] {
  const birth = new Date(Date.UTC(1962, 0, 1) + (i % 12_000) * 86_400_000 * 1.5);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return [
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    idNumber('150222', ymd, Math.floor(i / 12_000) * 7 + (i % 7), i % 2 ? 'male' : 'female'),
    `139${String(10_000_000 + i).slice(-8)}`,
    `H${i}`,
    DEMO_VILLAGES[i % DEMO_VILLAGES.length]!,
    i % 3 ? '脱贫人口' : '脱贫人口、防止返贫监测对象',
    ['全劳动力', '半劳动力', '弱劳动力', '技能劳动力'][i % 4]!,
    i % 5 === 0 ? '在家闲置' : '',
    ['电焊工', '瓦工、钢筋工', '保洁', ''][i % 4]!,
    ['本县（旗）内', '去哪里都行', '本市（盟）内'][i % 3]!,
    String(3000 + (i % 40) * 100),
    '2021/3/1',
  ];
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
export const csvLine = (cells: string[]) => `${cells.map(quote).join(',')}\n`;
