/**
 * A county's task targets for a year (the township task table of file 001's attachment), as its
 * admin sets them: one item, written new or on the version read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { taskTargetsSchema, type TaskTargets } from '@bangfu/shared';
import { keys } from '../db/tableSchema.js';
import { putOnVersion, type TableRef } from '../db/versioned.js';
import { VersionConflict } from '../errors.js';

export interface CountyTargets {
  targets: TaskTargets;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export function createTargetRepository({ db, tableName }: TableRef) {
  return {
    /** The county's own targets for the year, if its admin set any. */
    async get(countyCode: string, year: number): Promise<CountyTargets | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.taskTargets(countyCode, year) }));
      if (!Item) return undefined;
      return {
        targets: taskTargetsSchema.parse(Item.targets),
        version: Number(Item.version),
        updatedBy: String(Item.updatedBy),
        updatedAt: String(Item.updatedAt),
      };
    },

    /** Sets them: new when `version` is absent, else on the version read (409 when changed since). */
    async put(
      countyCode: string,
      year: number,
      targets: TaskTargets,
      by: string,
      version: number | undefined,
    ): Promise<CountyTargets> {
      const row: CountyTargets = { targets, version: (version ?? 0) + 1, updatedBy: by, updatedAt: new Date().toISOString() };
      await putOnVersion(
        { db, tableName },
        { ...keys.taskTargets(countyCode, year), type: 'taskTargets', countyCode, year, ...row },
        version,
        new VersionConflict('任务目标刚被别人改过，请刷新后再改', 'The targets changed since they were read.', 'body.version'),
      );
      return row;
    },
  };
}

export type TargetRepository = ReturnType<typeof createTargetRepository>;
