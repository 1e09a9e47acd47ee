/**
 * The policy parameters regions set for themselves (their admins' own dated steps),
 * laid over the shipped ones, and the documents regions recorded (地方文件) that set them
 * or continue a document of their own. All live in one partition, are read together in
 * one Query, and are kept for a minute: they change a few times a year, and every
 * evaluation reads them.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalDocument, ParameterStep } from '@bangfu/shared';
import { cancellationReasons } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { putOnVersion, versionCondition, type TableRef } from '../db/versioned.js';
import { VersionConflict } from '../errors.js';

export interface RegionSteps {
  regionCode: string;
  key: string;
  steps: ParameterStep[];
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** A recorded document with what it set, who recorded it and when. */
export interface RecordedDocument {
  document: LocalDocument;
  sets: { key: string; value: number | null }[];
  recordedBy: string;
  recordedAt: string;
}

export type Overrides = Record<string, Record<string, ParameterStep[]>>;

const CACHE_MS = 60_000;

interface Partition {
  at: number;
  rows: RegionSteps[];
  documents: RecordedDocument[];
  /** The documents alone, the same array while kept: what evaluations are cached by. */
  localDocuments: LocalDocument[];
}

const documentItem = (recorded: RecordedDocument) => ({
  ...keys.localDocument(recorded.document.regionCode, recorded.document.documentId),
  type: 'localDocument',
  ...recorded,
});

const stepsItem = (row: RegionSteps) => ({ ...keys.parameterSteps(row.regionCode, row.key), type: 'parameterSteps', ...row });

export function createParameterRepository({ db, tableName }: TableRef) {
  let cached: Partition | undefined;
  let overridesOf: { rows: RegionSteps[]; overrides: Overrides } | undefined;

  async function partition(): Promise<Partition> {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached;
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.parameterStepsAll() },
    });
    const rows: RegionSteps[] = [];
    const documents: RecordedDocument[] = [];
    for (const item of items) {
      if (String(item.sk).startsWith(keys.localDocumentPrefix())) {
        documents.push({
          document: item.document as LocalDocument,
          sets: item.sets as RecordedDocument['sets'],
          recordedBy: String(item.recordedBy),
          recordedAt: String(item.recordedAt),
        });
      } else {
        rows.push({
          regionCode: String(item.regionCode),
          key: String(item.key),
          steps: item.steps as ParameterStep[],
          updatedBy: String(item.updatedBy),
          updatedAt: String(item.updatedAt),
          version: Number(item.version),
        });
      }
    }
    cached = { at: Date.now(), rows, documents, localDocuments: documents.map((d) => d.document) };
    return cached;
  }

  const all = async (): Promise<RegionSteps[]> => (await partition()).rows;

  return {
    all,

    /** The documents regions recorded, with what each set. */
    async documents(): Promise<RecordedDocument[]> {
      return (await partition()).documents;
    },

    /** The recorded documents alone: the same array while they are kept, so what is built from it can be kept with it. */
    async localDocuments(): Promise<LocalDocument[]> {
      return (await partition()).localDocuments;
    },

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
        stepsItem(row),
        version,
        new VersionConflict('这个标准刚被别人改过，请刷新后再改', 'The steps changed since they were read.', 'body.version'),
      );
      cached = undefined;
      return row;
    },

    /**
     * Records a document and the region's steps it changes, all or nothing: each steps row on
     * the version it was read at (undefined for a new row).
     */
    async record(recorded: RecordedDocument, steps: { row: RegionSteps; versionRead: number | undefined }[]): Promise<void> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: documentItem(recorded),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...steps.map(({ row, versionRead }) => ({
                Put: {
                  TableName: tableName,
                  Item: stepsItem(row),
                  ...versionCondition(versionRead),
                },
              })),
            ],
          }),
        );
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons?.[0] === 'ConditionalCheckFailed') {
          throw new VersionConflict('这份文件已经记录过了', 'A document with that id is recorded.', 'body.title');
        }
        if (reasons?.includes('ConditionalCheckFailed')) {
          throw new VersionConflict(
            '这个地区的标准刚被别人改过，请刷新后再记录',
            'The standards changed since they were read.',
            'body.sets',
          );
        }
        throw error;
      }
      cached = undefined;
    },
  };
}

/** What the seed writes: a recorded document and its steps rows, as `record` would. */
export const recordedDocumentItems = (recorded: RecordedDocument, rows: RegionSteps[]) => [
  documentItem(recorded),
  ...rows.map(stepsItem),
];

export type ParameterRepository = ReturnType<typeof createParameterRepository>;
