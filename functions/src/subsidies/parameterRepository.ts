/**
 * The policy parameters regions set for themselves (their admins' own dated steps),
 * laid over the shipped ones. All are read together, and kept for a minute: they
 * change a few times a year, and every evaluation reads them.
 */
import type { ParameterStep } from '@bangfu/shared';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { putOnVersion, type TableRef } from '../db/versioned.js';
import { VersionConflict } from '../errors.js';

export interface RegionSteps {
  regionCode: string;
  key: string;
  steps: ParameterStep[];
  updatedBy: string;
  updatedAt: string;
  version: number;
}

export type Overrides = Record<string, Record<string, ParameterStep[]>>;

const CACHE_MS = 60_000;

export function createParameterRepository({ db, tableName }: TableRef) {
  let cached: { at: number; rows: RegionSteps[] } | undefined;
  let overridesOf: { rows: RegionSteps[]; overrides: Overrides } | undefined;

  async function all(): Promise<RegionSteps[]> {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.rows;
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.parameterStepsAll() },
    });
    const rows = items.map((item) => ({
      regionCode: String(item.regionCode),
      key: String(item.key),
      steps: item.steps as ParameterStep[],
      updatedBy: String(item.updatedBy),
      updatedAt: String(item.updatedAt),
      version: Number(item.version),
    }));
    cached = { at: Date.now(), rows };
    return rows;
  }

  return {
    all,

    /**
     * Every region's own steps, by parameter and region, as `parameterSource` takes them: the same
     * object while the rows are kept, so what is built from it can be kept with it.
     */
    async overrides(): Promise<Overrides> {
      const rows = await all();
      if (overridesOf?.rows === rows) return overridesOf.overrides;
      const overrides: Overrides = {};
      for (const row of rows) (overrides[row.key] ??= {})[row.regionCode] = row.steps;
      overridesOf = { rows, overrides };
      return overrides;
    },

    /** Writes a region's steps of one parameter: new (no version) or on the version read. */
    async put(
      regionCode: string,
      key: string,
      steps: ParameterStep[],
      by: string,
      version: number | undefined,
    ): Promise<RegionSteps> {
      const row: RegionSteps = {
        regionCode,
        key,
        steps,
        updatedBy: by,
        updatedAt: new Date().toISOString(),
        version: (version ?? 0) + 1,
      };
      await putOnVersion(
        { db, tableName },
        { ...keys.parameterSteps(regionCode, key), type: 'parameterSteps', ...row },
        version,
        new VersionConflict('这个标准刚被别人改过，请刷新后再改', 'The steps changed since they were read.', 'body.version'),
      );
      cached = undefined;
      return row;
    },
  };
}

export type ParameterRepository = ReturnType<typeof createParameterRepository>;
