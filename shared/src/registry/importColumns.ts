/**
 * The registry spreadsheet as exported from the monitoring system (one row a
 * person, Chinese headers) and how each row becomes a worker record. The same
 * headers are used for our export, so staff see one format.
 */
import { AT_HOME_REASON_ZH, LABOUR_CLASS_ZH, TRAVEL_SCOPE_ZH, WORKER_GROUP_ZH } from './labels.js';
import * as z from 'zod';
import { workerInputSchema, type WorkerInput } from './worker.js';

/** The media type of an XLSX file: the export sends it, an import may. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const IMPORT_COLUMNS = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '联系电话',
  householdId: '户编号',
  villageCode: '村代码',
  groups: '人员类别',
  labourClass: '劳动力类型',
  atHomeReason: '在家原因',
  skills: '技能',
  travelScope: '外出意愿',
  expectedMonthlyWage: '期望月薪（元）',
  registryEntryDate: '纳入台账日期',
  // Circumstances the monitoring system holds (是 / 否 / blank), recorded as imported (source 'import').
  minimumLiving: '纳入低保',
  insured: '参加社会保险',
  returnedOn: '返乡日期',
} as const;
export type ImportField = keyof typeof IMPORT_COLUMNS;

export const REQUIRED_COLUMNS: readonly ImportField[] = [
  'name',
  'idNumber',
  'householdId',
  'villageCode',
  'labourClass',
  'registryEntryDate',
];

/** Header spellings seen in real exports, mapped to our fields. */
const HEADER_ALIASES: Record<string, ImportField> = {
  ...Object.fromEntries(Object.entries(IMPORT_COLUMNS).map(([field, header]) => [header, field as ImportField])),
  证件号码: 'idNumber',
  身份证号码: 'idNumber',
  手机号: 'phone',
  手机号码: 'phone',
  户码: 'householdId',
  村级代码: 'villageCode',
  行政区划代码: 'villageCode',
  劳动力状况: 'labourClass',
  '期望月薪(元)': 'expectedMonthlyWage',
  期望月薪: 'expectedMonthlyWage',
  纳入时间: 'registryEntryDate',
  是否纳入低保: 'minimumLiving',
  是否参保: 'insured',
  是否参加社会保险: 'insured',
  返乡时间: 'returnedOn',
};

/** Which column of the file holds which field; a missing required column fails the whole file. */
export function mapHeaders(headers: readonly string[]): { columns: Map<number, ImportField>; missing: ImportField[] } {
  const columns = new Map<number, ImportField>();
  headers.forEach((header, index) => {
    const field = HEADER_ALIASES[header.replace(/\s+/g, '')];
    if (field) columns.set(index, field);
  });
  const present = new Set(columns.values());
  return { columns, missing: REQUIRED_COLUMNS.filter((field) => !present.has(field)) };
}

const invert = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [label as string, key as K]));
const GROUP_BY_LABEL = invert(WORKER_GROUP_ZH);
const LABOUR_BY_LABEL = new Map<string, string>([
  ...invert(LABOUR_CLASS_ZH),
  // 003 §(十七) names three kinds of full labour.
  ['普通劳动力', 'full'],
  ['技能劳动力', 'full'],
  ['易地搬迁劳动力', 'full'],
]);
const AT_HOME_BY_LABEL = invert(AT_HOME_REASON_ZH);
const TRAVEL_BY_LABEL = new Map<string, string>([
  ...invert(TRAVEL_SCOPE_ZH),
  ['本乡镇', 'local'],
  ['县内', 'county'],
  ['市内', 'city'],
  ['省内', 'province'],
  ['不限', 'any'],
]);

const list = (cell: string) => cell.split(/[、,，;；/\s]+/).filter(Boolean);

/** Excel dates arrive as 2021/3/1, 2021-03-01 or 2021年3月1日. */
function isoDate(cell: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : cell;
}

/** An unknown label is kept as written, so validation names it in the report. */
const lookup = (labels: Map<string, string>, cell: string) => labels.get(cell.trim()) ?? cell.trim();

/**
 * What the file says of a person's circumstances: 是 for 纳入低保 and 参加社会保险 means so at the time
 * of the export (from the import's month); 否 or blank records nothing, and the rules ask.
 */
export interface ImportedCircumstances {
  minimumLiving?: true;
  insured?: true;
  returnedOn?: string;
}

export type RowResult =
  { ok: true; worker: WorkerInput; circumstances: ImportedCircumstances } | { ok: false; column: string; reason: string };

const YES_NO: Record<string, boolean> = { 是: true, 否: false, Y: true, N: false };

/** The circumstances of a row, or the column that holds something else than 是 / 否 / a date. */
function circumstancesOf(
  text: (field: ImportField) => string | undefined,
): { ok: true; circumstances: ImportedCircumstances } | { ok: false; column: string; reason: string } {
  const circumstances: ImportedCircumstances = {};
  for (const field of ['minimumLiving', 'insured'] as const) {
    const cell = text(field);
    if (cell === undefined) continue;
    const yes = YES_NO[cell];
    if (yes === undefined) return { ok: false, column: IMPORT_COLUMNS[field], reason: `「${cell}」请填“是”或“否”` };
    if (yes) circumstances[field] = true;
  }
  const returned = text('returnedOn');
  if (returned !== undefined) {
    const date = isoDate(returned);
    if (!z.iso.date().safeParse(date).success)
      return { ok: false, column: IMPORT_COLUMNS.returnedOn, reason: `「${returned}」不是日期` };
    circumstances.returnedOn = date;
  }
  return { ok: true, circumstances };
}

/** One spreadsheet row → a validated worker with what it says of their circumstances, or the column and reason it fails. */
export function rowToWorker(cells: Partial<Record<ImportField, string>>): RowResult {
  const text = (field: ImportField) => cells[field]?.trim() || undefined;
  const wage = text('expectedMonthlyWage');
  const travel = text('travelScope');
  const candidate = {
    name: text('name'),
    idNumber: text('idNumber'),
    phone: text('phone'),
    householdId: text('householdId'),
    villageCode: text('villageCode'),
    groups: list(cells.groups ?? '').map((g) => lookup(GROUP_BY_LABEL, g)),
    labourClass: text('labourClass') && lookup(LABOUR_BY_LABEL, text('labourClass')!),
    atHomeReason: text('atHomeReason') && lookup(AT_HOME_BY_LABEL, text('atHomeReason')!),
    skills: list(cells.skills ?? ''),
    ...(travel || wage
      ? {
          preferences: {
            travelScope: travel ? lookup(TRAVEL_BY_LABEL, travel) : 'county',
            ...(wage ? { expectedMonthlyWageFen: /^\d{1,7}$/.test(wage) ? Number(wage) * 100 : wage } : {}),
          },
        }
      : {}),
    registryEntryDate: text('registryEntryDate') && isoDate(text('registryEntryDate')!),
  };
  const parsed = workerInputSchema.safeParse(candidate);
  if (parsed.success) {
    const found = circumstancesOf(text);
    return found.ok ? { ok: true, worker: parsed.data, circumstances: found.circumstances } : found;
  }
  const issue = parsed.error.issues[0]!;
  const top = String(issue.path[0]);
  const field: ImportField =
    top === 'preferences' ? (issue.path[1] === 'travelScope' ? 'travelScope' : 'expectedMonthlyWage') : (top as ImportField);
  const column = IMPORT_COLUMNS[field] ?? top;
  const reason = /[\u4e00-\u9fff]/.test(issue.message)
    ? issue.message
    : issue.code === 'invalid_type' && issue.input === undefined
      ? '必须填写'
      : `「${String(cells[field] ?? '')}」不是有效的取值`;
  return { ok: false, column, reason };
}
