/**
 * The policy parameters regions set for themselves (their admins' own dated steps, each change
 * proposed by one admin and put in force by another), laid over the shipped ones, and the
 * documents regions recorded (地方文件) that set them or continue a document of their own, each
 * also in force only once a second admin confirms it. All live in one partition, are read together in
 * one Query, and are kept for a minute: they change a few times a year, and every
 * evaluation reads them.
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalDocument, ParameterStep } from '@bangfu/shared';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { versionCondition, type TableRef } from '../db/versioned.js';
import { Forbidden, NotFound, VersionConflict } from '../errors.js';

export interface RegionSteps {
  regionCode: string;
  key: string;
  steps: ParameterStep[];
  updatedBy: string;
  updatedAt: string;
  version: number;
  /** The second admin who put these steps in force (四眼): absent on rows written before, and on a document's. */
  confirmedBy?: string;
}

/** A change of a region's steps one admin proposed, on the version they read, until another confirms it. */
export interface StepsProposal {
  regionCode: string;
  key: string;
  steps: ParameterStep[];
  /** The version of the steps read (undefined: the region had none). */
  basedOn: number | undefined;
  proposedBy: string;
  proposedAt: string;
}

/**
 * A recorded document with what it set, who recorded it and when, and the second admin who put
 * it in force (四眼). `waiting` until then: nothing it sets or continues holds. Documents
 * recorded before 2026-12-07, and the demo's, hold without a confirmation.
 */
export interface RecordedDocument {
  document: LocalDocument;
  sets: { key: string; value: number | null }[];
  recordedBy: string;
  recordedAt: string;
  waiting?: true;
  confirmedBy?: string;
  confirmedAt?: string;
}

export type Overrides = Record<string, Record<string, ParameterStep[]>>;

const CACHE_MS = 60_000;

interface Partition {
  at: number;
  rows: RegionSteps[];
  proposals: StepsProposal[];
  /** The documents in force (recorded and, since four eyes, confirmed). */
  documents: RecordedDocument[];
  waitingDocuments: RecordedDocument[];
  /** The documents alone, the same array while kept: what evaluations are cached by. */
  localDocuments: LocalDocument[];
}

const documentItem = (recorded: RecordedDocument) => ({
  ...keys.localDocument(recorded.document.regionCode, recorded.document.documentId),
  type: 'localDocument',
  ...recorded,
});

const recordedOf = (item: Record<string, unknown>): RecordedDocument => ({
  document: item.document as LocalDocument,
  sets: item.sets as RecordedDocument['sets'],
  recordedBy: String(item.recordedBy),
  recordedAt: String(item.recordedAt),
  ...(item.waiting ? { waiting: true as const } : {}),
  ...(item.confirmedBy ? { confirmedBy: String(item.confirmedBy), confirmedAt: String(item.confirmedAt) } : {}),
});

const stepsItem = (row: RegionSteps) => ({ ...keys.parameterSteps(row.regionCode, row.key), type: 'parameterSteps', ...row });

const changedMeanwhile = () =>
  new VersionConflict(
    '这个标准刚被别人改过，请刷新后再看',
    'The steps or the proposal changed since they were read.',
    'body.version',
  );

export function createParameterRepository({ db, tableName }: TableRef) {
  let cached: Partition | undefined;
  let overridesOf: { rows: RegionSteps[]; overrides: Overrides } | undefined;

  /**
   * A write refused because what it was based on changed: what this process kept may be what
   * another instance changed since, so it is forgotten and the next read (and try) is afresh.
   */
  function forgetAndRefuse() {
    cached = undefined;
    return changedMeanwhile();
  }

  async function partition(): Promise<Partition> {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached;
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.parameterStepsAll() },
    });
    const rows: RegionSteps[] = [];
    const proposals: StepsProposal[] = [];
    const documents: RecordedDocument[] = [];
    const waitingDocuments: RecordedDocument[] = [];
    for (const item of items) {
      if (String(item.sk).startsWith(keys.parameterProposalPrefix())) {
        // Confirmed already when it holds only the last confirmation.
        if (item.proposal) proposals.push(item.proposal as StepsProposal);
      } else if (String(item.sk).startsWith(keys.localDocumentPrefix())) {
        const recorded = recordedOf(item);
        (recorded.waiting ? waitingDocuments : documents).push(recorded);
      } else {
        rows.push({
          regionCode: String(item.regionCode),
          key: String(item.key),
          steps: item.steps as ParameterStep[],
          updatedBy: String(item.updatedBy),
          updatedAt: String(item.updatedAt),
          version: Number(item.version),
          ...(item.confirmedBy ? { confirmedBy: String(item.confirmedBy) } : {}),
        });
      }
    }
    cached = { at: Date.now(), rows, proposals, documents, waitingDocuments, localDocuments: documents.map((d) => d.document) };
    return cached;
  }

  const all = async (): Promise<RegionSteps[]> => (await partition()).rows;

  return {
    all,

    /** The documents regions recorded and put in force, with what each set. */
    async documents(): Promise<RecordedDocument[]> {
      return (await partition()).documents;
    },

    /** The documents recorded and waiting for a second admin. */
    async waitingDocuments(): Promise<RecordedDocument[]> {
      return (await partition()).waitingDocuments;
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

    /** The changes waiting for a second admin. */
    async proposals(): Promise<StepsProposal[]> {
      return (await partition()).proposals;
    },

    /**
     * Proposes a region's steps of one parameter, on the version of the steps read (none: the
     * region has none yet): nothing is in force until another admin confirms it. A proposal
     * replaces a waiting one only when it names it (`replaces`, its time); the confirmer confirms
     * the one they saw, by its time.
     */
    async propose(proposal: StepsProposal, replaces: string | undefined): Promise<void> {
      const condition = versionCondition(proposal.basedOn);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              // The steps are still the version the proposer read.
              {
                ConditionCheck: {
                  TableName: tableName,
                  Key: keys.parameterSteps(proposal.regionCode, proposal.key),
                  ...condition,
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.parameterProposal(proposal.regionCode, proposal.key), type: 'parameterProposal', proposal },
                  // Only the waiting proposal the admin saw is replaced, never one they did not.
                  ...(replaces === undefined
                    ? { ConditionExpression: 'attribute_not_exists(proposal)' }
                    : {
                        ConditionExpression: 'proposal.proposedAt = :replaces',
                        ExpressionAttributeValues: { ':replaces': replaces },
                      }),
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)) throw forgetAndRefuse();
        throw error;
      }
      cached = undefined;
    },

    /**
     * Puts the proposal the confirmer saw (`seenAt`) in force, by an admin other than who proposed
     * it, on the version it was based on; the proposal is done with it (its item keeps it as the
     * last confirmation), all or nothing.
     */
    async confirm(regionCode: string, key: string, seenAt: string, by: string): Promise<RegionSteps> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.parameterProposal(regionCode, key), ConsistentRead: true }),
      );
      const proposal = Item?.proposal as StepsProposal | undefined;
      if (!proposal) throw new NotFound('这个标准没有等待确认的修改', 'No change of these steps is waiting.', 'params.key');
      if (proposal.proposedAt !== seenAt) throw changedMeanwhile();
      if (proposal.proposedBy === by) {
        throw new Forbidden('标准的修改要由另一位管理员确认', 'Another admin confirms a change of standards.', 'params.key');
      }
      const row: RegionSteps = {
        regionCode,
        key,
        steps: proposal.steps,
        updatedBy: proposal.proposedBy,
        updatedAt: new Date().toISOString(),
        version: (proposal.basedOn ?? 0) + 1,
        confirmedBy: by,
      };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: stepsItem(row), ...versionCondition(proposal.basedOn) } },
              {
                // The proposal is done; its item keeps the last confirmation (who, when, what).
                Update: {
                  TableName: tableName,
                  Key: keys.parameterProposal(regionCode, key),
                  UpdateExpression: 'REMOVE proposal SET confirmed = :confirmed',
                  ConditionExpression: 'proposal.proposedAt = :at',
                  ExpressionAttributeValues: {
                    ':at': seenAt,
                    ':confirmed': { ...proposal, confirmedBy: by, confirmedAt: row.updatedAt },
                  },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)) throw forgetAndRefuse();
        throw error;
      }
      cached = undefined;
      return row;
    },

    /** Records a document, waiting for a second admin: nothing it sets is written yet. */
    async record(recorded: RecordedDocument & { waiting: true }): Promise<void> {
      try {
        await db.send(
          new PutCommand({ TableName: tableName, Item: documentItem(recorded), ConditionExpression: 'attribute_not_exists(pk)' }),
        );
      } catch (error) {
        if (isConditionFailed(error)) {
          throw new VersionConflict('这份文件已经记录过了', 'A document with that id is recorded.', 'body.title');
        }
        throw error;
      }
      cached = undefined;
    },

    /** A recorded document by its id, read consistently: what a confirmation decides on. */
    async document(regionCode: string, documentId: string): Promise<RecordedDocument | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.localDocument(regionCode, documentId), ConsistentRead: true }),
      );
      return Item ? recordedOf(Item) : undefined;
    },

    /**
     * Puts a waiting document in force with the region's steps it changes, all or nothing: by an
     * admin other than who recorded it, while it still waits, each steps row on the version it
     * was read at (undefined for a new row).
     */
    async confirmDocument(
      recorded: RecordedDocument,
      by: string,
      steps: { row: RegionSteps; versionRead: number | undefined }[],
    ): Promise<RecordedDocument> {
      const confirmedAt = new Date().toISOString();
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.localDocument(recorded.document.regionCode, recorded.document.documentId),
                  UpdateExpression: 'REMOVE waiting SET confirmedBy = :by, confirmedAt = :at',
                  ConditionExpression: 'waiting = :yes AND recordedBy <> :by',
                  ExpressionAttributeValues: { ':yes': true, ':by': by, ':at': confirmedAt },
                },
              },
              ...steps.map(({ row, versionRead }) => ({
                Put: { TableName: tableName, Item: stepsItem(row), ...versionCondition(versionRead) },
              })),
            ],
          }),
        );
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons) cached = undefined; // as forgetAndRefuse: the next try reads afresh
        if (reasons?.[0] === 'ConditionalCheckFailed') {
          throw new VersionConflict(
            '这份文件刚被别人确认过了，请刷新后再看',
            'The document is no longer waiting.',
            'params.documentId',
          );
        }
        if (reasons?.includes('ConditionalCheckFailed')) {
          throw new VersionConflict(
            '这个地区的标准刚被别人改过，请刷新后再确认',
            'The standards changed since they were read.',
            'params.documentId',
          );
        }
        throw error;
      }
      cached = undefined;
      const { waiting: _waiting, ...confirmed } = recorded;
      return { ...confirmed, confirmedBy: by, confirmedAt };
    },
  };
}

/** What the seed writes: a recorded document and its steps rows, as `record` would. */
export const recordedDocumentItems = (recorded: RecordedDocument, rows: RegionSteps[]) => [
  documentItem(recorded),
  ...rows.map(stepsItem),
];

export type ParameterRepository = ReturnType<typeof createParameterRepository>;
