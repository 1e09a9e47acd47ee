/**
 * 在岗领补 in the table: a township's month is one partition — a line per post and holder, keyed
 * by village so a village's or a post's lines are one Query, and the clearings of the month's
 * integrity flags beside them. A line is put on the version read and never over a confirmed one;
 * the holder's answer moves it on the version they read, so two answers at once cannot both land.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { attendanceLineSchema, flagClearingSchema, type AttendanceLine, type IntegrityFlag } from '@bangfu/shared';
import type * as z from 'zod';
import { batchGet } from '../db/batchGet.js';
import { answerLine, putLines } from '../db/answeredLines.js';
import { isConditionFailed } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict } from '../errors.js';

type Clearing = z.infer<typeof flagClearingSchema>;

const township = (villageCode: string) => villageCode.slice(0, 9);
const lineKey = (line: Pick<AttendanceLine, 'villageCode' | 'month' | 'postId' | 'workerId'>) =>
  keys.attendanceLine(township(line.villageCode), line.month, line.villageCode, line.postId, line.workerId);

export const lineChanged = () =>
  new Conflict('这条考勤刚刚有了变化，请刷新后再看', 'The attendance line changed meanwhile; read it again.', 'body.version');

export function createAttendanceRepository({ db, tableName }: TableRef) {
  const lines = async (townshipCode: string, month: string, prefix: string) =>
    (
      await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.attendanceMonth(townshipCode, month), ':prefix': prefix },
      })
    ).map((item) => attendanceLineSchema.parse(item));

  return {
    /** A post's lines of a month. */
    ofPost: (villageCode: string, postId: string, month: string) =>
      lines(township(villageCode), month, keys.attendanceLinePrefix(villageCode, postId)),

    /** A township's lines of a month, with the month's clearings: one Query. */
    async month(townshipCode: string, month: string): Promise<{ lines: AttendanceLine[]; clearings: Map<string, Clearing> }> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.attendanceMonth(townshipCode, month) },
      });
      const clearings = new Map<string, Clearing>();
      const found: AttendanceLine[] = [];
      for (const item of items) {
        const sk = item.sk as string;
        if (sk.startsWith(keys.flagClearingPrefix())) {
          clearings.set(sk.slice(keys.flagClearingPrefix().length), flagClearingSchema.parse(item));
        } else found.push(attendanceLineSchema.parse(item));
      }
      return { lines: found, clearings };
    },

    /** A township's lines of several months (the months before one), read at once. */
    async months(townshipCode: string, months: readonly string[]): Promise<AttendanceLine[]> {
      const read = await Promise.all(months.map((m) => lines(townshipCode, m, keys.attendanceLinePrefix())));
      return read.flat();
    },

    /** A person's lines on a post for the given months, in one BatchGetItem. */
    async ofHolder(villageCode: string, postId: string, workerId: string, months: readonly string[]) {
      const items = await batchGet(
        { db, tableName },
        months.map((month) => lineKey({ villageCode, month, postId, workerId })),
      );
      return items.map((item) => attendanceLineSchema.parse(item)).sort((a, b) => (a.month < b.month ? 1 : -1));
    },

    async get(key: Pick<AttendanceLine, 'villageCode' | 'month' | 'postId' | 'workerId'>) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: lineKey(key), ConsistentRead: true }));
      return Item ? attendanceLineSchema.parse(Item) : undefined;
    },

    /**
     * The supervisor's month for a post, all lines or none: each on the version read (new when none
     * was), never over a line its holder has confirmed.
     */
    async record(next: readonly AttendanceLine[], read: ReadonlyMap<string, AttendanceLine>): Promise<void> {
      await putLines(
        { db, tableName },
        next.map((line) => ({
          item: { ...lineKey(line), type: 'attendanceLine', ...line },
          versionRead: read.get(line.workerId)?.version,
        })),
        ['recorded', 'disputed'],
        () =>
          new Conflict(
            '有人刚刚改过或确认了这个月的考勤，请刷新后再填',
            'Someone changed or confirmed the month meanwhile; read it again.',
            'body.lines',
          ),
      );
    },

    /** The holder's answer, on the version they read and only while the line awaits it. */
    async answer(line: AttendanceLine, version: number, change: Pick<AttendanceLine, 'status' | 'confirmation' | 'dispute'>) {
      await answerLine(
        { db, tableName },
        lineKey(line),
        version,
        'recorded',
        change.confirmation
          ? { status: change.status, field: 'confirmation', record: change.confirmation }
          : { status: change.status, field: 'dispute', record: change.dispute },
        lineChanged,
      );
      return attendanceLineSchema.parse({ ...line, ...change, version: version + 1 });
    },

    /** An officer's clearing of a flag, once. */
    async clear(flag: IntegrityFlag, townshipCode: string, month: string, clearing: Clearing) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.flagClearing(townshipCode, month, flag.flagId), type: 'flagClearing', ...clearing },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionFailed(error))
          throw new Conflict('这条提示已经有人核实过了', 'The flag was cleared already.', 'body.flagId');
        throw error;
      }
    },
  };
}

export type AttendanceRepository = ReturnType<typeof createAttendanceRepository>;
