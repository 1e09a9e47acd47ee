/**
 * Optimistic versioning: every item carries `version`; an update names the
 * version it read and fails with 409 when someone else changed it first.
 */
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type DomainError, VersionConflict } from '../errors.js';
import { isConditionFailed } from './errors.js';

export interface TableRef {
  db: DynamoDBDocumentClient;
  tableName: string;
}

type Key = { pk: string; sk: string };

/** Writes a new item; fails with 409 when one with the same key exists. */
export async function putNew(table: TableRef, item: Key & Record<string, unknown>, conflict: DomainError): Promise<void> {
  try {
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...item, version: 1 },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw conflict;
    throw error;
  }
}

/** The condition of a write on the version read: the item is new when none was read. */
export const versionCondition = (versionRead: number | undefined) =>
  versionRead === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': versionRead },
      };

/**
 * Puts an item whole, with `version` one more than the version read: new when none was read
 * (`version` undefined), else only while the stored one is still that version.
 */
export async function putOnVersion(
  table: TableRef,
  item: Key & Record<string, unknown>,
  versionRead: number | undefined,
  conflict: DomainError,
): Promise<void> {
  try {
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...item, version: (versionRead ?? 0) + 1 },
        ...versionCondition(versionRead),
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw conflict;
    throw error;
  }
}

export async function updateVersioned(
  table: TableRef,
  key: Key,
  expectedVersion: number,
  changes: Record<string, unknown>,
  notFound: DomainError,
): Promise<Record<string, unknown>> {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':one': 1 };
  const sets = ['#version = #version + :one'];
  const removes: string[] = [];
  for (const [i, [name, value]] of Object.entries(changes).entries()) {
    if (value === undefined) continue; // not part of the change
    names[`#f${i}`] = name;
    if (value === null) {
      removes.push(`#f${i}`); // null clears the attribute
    } else {
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    }
  }
  try {
    const result = await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return result.Attributes ?? {};
  } catch (error) {
    if (isConditionFailed(error)) {
      if (!error.Item) throw notFound;
      throw new VersionConflict(
        '内容已被别人修改，请刷新后再试',
        'The item was changed by someone else; reload and try again.',
        'body.version',
      );
    }
    throw error;
  }
}
