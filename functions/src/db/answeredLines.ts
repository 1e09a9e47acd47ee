/**
 * Lines one side writes and the person they are about answers (考勤 and 工资发放表 alike): a sheet
 * is put all or none, each line on the version read and only while still open to change; the
 * person's answer moves a line on the version they read while it awaits them. So a line once
 * confirmed is never written over, and two answers at once cannot both land.
 */
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainError } from '../errors.js';
import { cancellationReasons, isConditionFailed } from './errors.js';
import type { TableRef } from './versioned.js';

type Key = { pk: string; sk: string };

/** Puts every line or none: new where none was read, else on the version read while its status is one of `open`. */
export async function putLines(
  { db, tableName }: TableRef,
  lines: readonly { item: Key & Record<string, unknown>; versionRead: number | undefined }[],
  open: readonly string[],
  conflict: () => DomainError,
): Promise<void> {
  const statuses = Object.fromEntries(open.map((status, i) => [`:open${i}`, status]));
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: lines.map(({ item, versionRead }) => ({
          Put: {
            TableName: tableName,
            Item: item,
            ...(versionRead === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: `#version = :version AND #status IN (${Object.keys(statuses).join(', ')})`,
                  ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
                  ExpressionAttributeValues: { ':version': versionRead, ...statuses },
                }),
          },
        })),
      }),
    );
  } catch (error) {
    if (!cancellationReasons(error)) throw error;
    throw conflict();
  }
}

/** The person's answer: `status` and its record (confirmation or dispute), on the version read while the line awaits them. */
export async function answerLine(
  { db, tableName }: TableRef,
  key: Key,
  versionRead: number,
  awaiting: string,
  answer: { status: string; field: 'confirmation' | 'dispute' | 'receipt'; record: unknown },
  conflict: () => DomainError,
): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #status = :status, #answer = :answer, #version = :next',
        ConditionExpression: '#version = :version AND #status = :awaiting',
        ExpressionAttributeNames: { '#status': 'status', '#answer': answer.field, '#version': 'version' },
        ExpressionAttributeValues: {
          ':status': answer.status,
          ':answer': answer.record,
          ':next': versionRead + 1,
          ':version': versionRead,
          ':awaiting': awaiting,
        },
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw conflict();
    throw error;
  }
}
