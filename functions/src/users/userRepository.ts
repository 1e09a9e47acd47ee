import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { regionCodeSchema, roleSchema, userSchema, type Principal, type Role, type User } from '@bangfu/shared';
import * as z from 'zod';
import { userEntity } from '../db/entities.js';
import { keys } from '../db/tableSchema.js';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { queryPage } from '../db/paging.js';
import { putNew, updateVersioned, type TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';

const userNotFound = () => notFound('找不到这个账号', 'No such account.');

export function userItem(user: User) {
  return {
    ...keys.user(user.userId),
    type: 'user',
    ...user,
    ...userEntity.indexes(user),
  };
}

const fromItem = (item: Record<string, unknown>): User => userSchema.parse(item);

const sessionSchema = z.object({
  role: roleSchema,
  regionCode: regionCodeSchema.optional(),
  sessionVersion: z.number().int().min(0).default(0),
});

export function createUserRepository(table: TableRef) {
  const { db, tableName } = table;

  async function get(userId: string): Promise<User | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.user(userId) }));
    return Item ? fromItem(Item) : undefined;
  }

  /** The account each authenticated request was checked against, for the rest of that request. */
  const accountOfRequest = new WeakMap<Principal, User>();

  return {
    get,

    /**
     * The whole account behind a session, read consistently on every authenticated request; the
     * authenticator keeps it for the request (remember), so routes that need the account — a
     * worker's binding, an employer's profile — do not read it again.
     */
    async sessionAccount(userId: string): Promise<{ user: User; sessionVersion: number } | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.user(userId), ConsistentRead: true }));
      if (!Item) return undefined;
      return { user: fromItem(Item), sessionVersion: sessionSchema.shape.sessionVersion.parse(Item.sessionVersion) };
    },
    remember(principal: Principal, user: User): void {
      accountOfRequest.set(principal, user);
    },
    /** The caller's account: as read when the request was authenticated, else read now. */
    async ofPrincipal(principal: Principal): Promise<User | undefined> {
      return accountOfRequest.get(principal) ?? get(principal.userId);
    },

    /**
     * What a session is checked against on every request: the role, the region and
     * the session version (absent until the account's sessions are first ended).
     * Read consistently, so a logout holds from the next request on.
     */
    async sessionOf(userId: string) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.user(userId),
          ConsistentRead: true,
          ProjectionExpression: '#role, regionCode, sessionVersion',
          ExpressionAttributeNames: { '#role': 'role' },
        }),
      );
      if (!Item) return undefined;
      return sessionSchema.parse(Item);
    },

    /** Ends every session of the account (logout, a lost phone): tokens issued before no longer pass. */
    async endSessions(userId: string): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.user(userId),
            UpdateExpression: 'ADD sessionVersion :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        );
      } catch (error) {
        if (isConditionFailed(error)) throw userNotFound();
        throw error;
      }
    },

    /** The WeChat openid the account logged in with, if it ever did (demo accounts never). */
    async openidOf(userId: string): Promise<string | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.user(userId), ProjectionExpression: 'wechatOpenid' }),
      );
      return typeof Item?.wechatOpenid === 'string' ? Item.wechatOpenid : undefined;
    },

    async create(user: User): Promise<void> {
      await putNew(table, userItem(user), new Conflict('账号已存在', 'The account already exists.', 'userId'));
    },

    async update(userId: string, version: number, changes: Partial<Pick<User, 'displayName' | 'careMode'>>): Promise<User> {
      return fromItem(await updateVersioned(table, keys.user(userId), version, changes, userNotFound()));
    },

    /** Accounts in a county-or-finer region, by region code then id, a page at a time. */
    async listInRegion(regionCode: string, options: { role?: Role; cursor?: string; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        {
          TableName: tableName,
          ...userEntity.inRegion(
            regionCode,
            options.role
              ? {
                  FilterExpression: '#role = :role',
                  ExpressionAttributeNames: { '#role': 'role' },
                  ExpressionAttributeValues: { ':role': options.role },
                }
              : undefined,
          ),
        },
        options,
      );
      return { users: items.map(fromItem), nextCursor };
    },

    /**
     * The account bound to a WeChat openid, created on first login. The account
     * and the openid item are written in one transaction, both conditional, so
     * two first logins at once still make exactly one account.
     */
    async findOrCreateByOpenid(appId: string, openid: string): Promise<User> {
      const openidKey = keys.wechatOpenid(appId, openid);
      const existing = await db.send(new GetCommand({ TableName: tableName, Key: openidKey, ConsistentRead: true }));
      if (existing.Item) return (await get(String(existing.Item.userId))) ?? Promise.reject(userNotFound());
      const user: User = {
        userId: `u_${randomUUID()}`,
        role: 'worker',
        displayName: '微信用户',
        careMode: false,
        createdAt: new Date().toISOString(),
        version: 1,
      };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  // The openid stays on the account: subscribe messages (job pushes) are sent to it.
                  Item: { ...userItem(user), wechatOpenid: openid },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...openidKey, type: 'wechatOpenid', userId: user.userId, createdAt: user.createdAt },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return user;
      } catch (error) {
        // Lost the race to a concurrent first login: use the account that won.
        if (cancellationReasons(error)?.[1] === 'ConditionalCheckFailed') return this.findOrCreateByOpenid(appId, openid);
        throw error;
      }
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
