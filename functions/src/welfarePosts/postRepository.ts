/**
 * 乡村公益性岗位 in the table: the post (listed in its county by village) and beside it one item per
 * person on it. Taking a person on is one transaction: a place taken while one is left, the
 * person marked as on this post while on none (one post a person), their agreement put, and —
 * when it has begun — this month recorded as work on a public-welfare post; so two officers
 * taking on people for the last place, or one person twice, cannot both succeed.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  holderSchema,
  welfarePostSchema,
  type EmploymentInput,
  type Holder,
  type HolderTerm,
  type WelfarePost,
  type WelfarePostInput,
} from '@bangfu/shared';
import { welfarePostEntity } from '../db/entities.js';
import { cancellationReasons } from '../db/errors.js';
import { queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { putNew, type TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';
import type { EmploymentRepository, EmploymentWorker } from '../registry/employmentRepository.js';

/** A post as the table stores it: listed in its county by village. */
export const welfarePostItem = (post: WelfarePost) => ({
  ...keys.welfarePost(post.postId),
  ...welfarePostEntity.indexes(post),
  type: 'welfarePost',
  ...post,
});

export const welfarePostNotFound = () => notFound('没有这个公益性岗位', 'No such public-welfare post.');
const ATTEMPTS = 8;

export function createWelfarePostRepository({ db, tableName }: TableRef, employment: EmploymentRepository) {
  const get = async (postId: string, consistent = false): Promise<WelfarePost | undefined> => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.welfarePost(postId), ConsistentRead: consistent }),
    );
    return Item ? welfarePostSchema.parse(Item) : undefined;
  };

  return {
    get,

    async create(input: WelfarePostInput, by: string, now = new Date()): Promise<WelfarePost> {
      const post: WelfarePost = {
        ...input,
        postId: `wp_${randomUUID()}`,
        filled: 0,
        terms: [],
        createdBy: by,
        createdAt: now.toISOString(),
        version: 1,
      };
      await putNew(
        { db, tableName },
        welfarePostItem(post),
        new Conflict('岗位编号重复，请再试一次', 'Post id collision; try again.'),
      );
      return post;
    },

    /** A region's posts, a page at a time, by village. */
    async inRegion(regionCode: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...welfarePostEntity.inRegion(regionCode) },
        page,
      );
      return { posts: items.map((item) => welfarePostSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** The people on a post and who were (one Query: a post has at most 200 places). */
    async holders(postId: string): Promise<Holder[]> {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.welfarePost(postId).pk, ':prefix': keys.welfarePostHolderPrefix() },
        }),
      );
      return Items.map((item) => holderSchema.parse(item));
    },

    /**
     * Takes `worker` on to `post` under the agreement; `month` (when the agreement has begun) is
     * recorded as work on the post with `monthly` as its income.
     */
    async hire(
      post: WelfarePost,
      worker: EmploymentWorker & { name: string },
      agreement: { startsOn: string; endsOn: string },
      by: string,
      month: { month: string; input: EmploymentInput } | undefined,
      now = new Date(),
    ): Promise<Holder> {
      const householdId = worker.householdId ?? worker.workerId;
      const holder: Holder = {
        postId: post.postId,
        workerId: worker.workerId,
        name: worker.name,
        villageCode: worker.villageCode,
        householdId,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
        status: 'onPost',
        hiredBy: by,
        hiredAt: now.toISOString(),
      };
      for (let attempt = 1; ; attempt++) {
        const record = month
          ? employment.nextRecord(
              worker,
              month.month,
              month.input,
              { source: 'staff', userId: by },
              await employment.standingOf(worker.workerId, month.month),
            )
          : undefined;
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.welfarePost(post.postId),
                    UpdateExpression:
                      'SET filled = filled + :one, #version = #version + :one, #terms = list_append(if_not_exists(#terms, :none), :term)',
                    ConditionExpression: 'filled < places',
                    ExpressionAttributeNames: { '#version': 'version', '#terms': 'terms' },
                    ExpressionAttributeValues: {
                      ':one': 1,
                      ':none': [],
                      ':term': [
                        {
                          workerId: holder.workerId,
                          name: holder.name,
                          householdId,
                          startsOn: holder.startsOn,
                        } satisfies HolderTerm,
                      ],
                    },
                  },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.worker(worker.workerId),
                    UpdateExpression: 'SET welfarePostId = :post',
                    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(welfarePostId)',
                    ExpressionAttributeValues: { ':post': post.postId },
                  },
                },
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...keys.welfarePostHolder(post.postId, worker.workerId), type: 'welfarePostHolder', ...holder },
                    // Anew after leaving it: the earlier agreement's item is replaced.
                    ConditionExpression: 'attribute_not_exists(pk) OR #status = :ended',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':ended': 'ended' },
                  },
                },
                ...(record ? employment.writeItems(record) : []),
              ],
            }),
          );
          if (record) await employment.noteLatest(record);
          return holder;
        } catch (error) {
          const reasons = cancellationReasons(error);
          if (!reasons) throw error;
          if (reasons[0] === 'ConditionalCheckFailed') {
            throw new Conflict('这个岗位的名额已经满了', 'The post has no place left.', 'params.postId');
          }
          if (reasons[1] === 'ConditionalCheckFailed' || reasons[2] === 'ConditionalCheckFailed') {
            throw new Conflict(
              '这个人已经在一个公益性岗位上了，一人只能上一个岗',
              'The person is on a post already.',
              'body.workerId',
            );
          }
          if (attempt >= ATTEMPTS) throw new Conflict('同时操作的人太多，请稍后再试', 'Too many changes at once; try again.');
          // The month was written by someone else meanwhile: read it again and supersede it.
        }
      }
    },

    /** One person's agreement on a post, as it stands. */
    async holder(postId: string, workerId: string): Promise<Holder | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.welfarePostHolder(postId, workerId), ConsistentRead: true }),
      );
      return Item ? holderSchema.parse(Item) : undefined;
    },

    /**
     * 有序退岗, in one transaction: the agreement ended with its last day and reason (only while
     * on the post), the place freed, the person's mark of being on a post removed.
     */
    async leave(holder: Holder, left: NonNullable<Holder['left']>): Promise<Holder> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.welfarePostHolder(holder.postId, holder.workerId),
                  UpdateExpression: 'SET #status = :ended, #left = :left',
                  ConditionExpression: '#status = :onPost',
                  ExpressionAttributeNames: { '#status': 'status', '#left': 'left' },
                  ExpressionAttributeValues: { ':ended': 'ended', ':onPost': 'onPost', ':left': left },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.welfarePost(holder.postId),
                  UpdateExpression: 'SET filled = filled - :one, #version = #version + :one',
                  ConditionExpression: 'filled > :zero',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.worker(holder.workerId),
                  // The last post stays known, so the month they left in can still be confirmed.
                  UpdateExpression: 'REMOVE welfarePostId SET lastWelfarePostId = :post',
                  ConditionExpression: 'welfarePostId = :post',
                  ExpressionAttributeValues: { ':post': holder.postId },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)) throw notOnPost();
        throw error;
      }
      return { ...holder, status: 'ended', left };
    },
  };
}

export const notOnPost = () =>
  new Conflict('这个人已经不在这个岗位上了，请刷新后再看', 'The person is not on this post.', 'params.workerId');

export type WelfarePostRepository = ReturnType<typeof createWelfarePostRepository>;
