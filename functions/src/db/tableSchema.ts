/**
 * The one DynamoDB key schema of Bangfu: a single table with overloaded keys.
 *
 * The CDK stack, the local runner and the tests all build the table from this
 * module, so the three can never drift apart. Every GSI is created with the
 * table (adding one later means a backfill). The access patterns each key and
 * index serves are listed in functions/README.md.
 *
 * This module imports nothing at run time so that infra/ can read it cheaply.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const DEFAULT_TABLE_NAME = 'bangfu';

export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
/** Epoch seconds; DynamoDB deletes the item some time after (rate-limit counters, the push's position snapshots). */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface GlobalIndex<Name extends string = string> {
  readonly name: Name;
  readonly partitionKey: `${Name}pk`;
  readonly sortKey: `${Name}sk`;
  readonly purpose: string;
}

const globalIndex = <const Name extends string>(name: Name, purpose: string): GlobalIndex<Name> => ({
  name,
  partitionKey: `${name}pk`,
  sortKey: `${name}sk`,
  purpose,
});

/** Overloaded secondary indexes, by what they serve; entities.ts declares what each entity writes into them. */
export const INDEX = {
  byRegion: globalIndex(
    'gsi1',
    'by region: the accounts, registry records, employers and positions of a county, sorted so a region code prefix selects a township or village, for staff in scope; the child divisions of a region',
  ),
  byOwner: globalIndex(
    'gsi2',
    'by owner or lookup: an employer’s positions, a worker’s applications, someone’s claims, a person by the last 4 ID characters, an account’s audit trail',
  ),
  byGeoCell: globalIndex(
    'gsi3',
    'by geohash cell: public positions near a point or in a map box (one Query per range of the shape’s covering); the saved searches whose circle touches a cell; service points in a map box (one Query per coarse cell)',
  ),
  byStatusQueue: globalIndex(
    'gsi4',
    'by status queue: a county’s claims in one status awaiting its staff, oldest first; the positions on the map whose last day is a date; a county’s warning tasks, open or closed',
  ),
} as const;

export const GLOBAL_INDEXES: readonly GlobalIndex[] = Object.values(INDEX);

/** The input of CreateTable, used by the local runner and the test harness. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [PARTITION_KEY, SORT_KEY, ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

/**
 * The primary keys of every item (and the prefixes of its sort keys). Repositories build
 * keys only through these and entities.ts, which adds what the entities on a GSI write
 * into it and how they are read back, so the shape of the table is readable in two files.
 */
/** The sharded runs, each under its own partition prefix. */
const RUN_PREFIX = { push: 'PUSHRUN', autoClaims: 'AUTOCLAIMRUN', lists: 'LISTSRUN' } as const;
export type RunKind = keyof typeof RUN_PREFIX;

export const keys = {
  /** An account (worker, employer, staff or admin). */
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** One WeChat openid binds to at most one account: this item is written under attribute_not_exists. */
  wechatOpenid: (appId: string, openid: string) => ({ pk: `OPENID#${appId}#${openid}`, sk: 'OPENID' }),
  /** An administrative division (省/市/县/乡镇/村) with its name. */
  region: (code: string) => ({ pk: `REGION#${code}`, sk: 'REGION' }),
  /** The demo logins shown on the local dev-login page, in display order. */
  demoLogin: (order: number, userId: string) => ({ pk: 'DEMO_LOGINS', sk: `${String(order).padStart(4, '0')}#${userId}` }),
  demoLogins: () => 'DEMO_LOGINS',
  /** A registry record (实名制台账) of one person. */
  worker: (workerId: string) => ({ pk: `WORKER#${workerId}`, sk: 'PROFILE' }),
  /** One person, one record: the keyed hash of the ID number, written under attribute_not_exists. */
  idHash: (hash: string) => ({ pk: `IDHASH#${hash}`, sk: 'IDHASH' }),
  /** The current employment record of a worker's month; its revisions sit beside it. */
  employment: (workerId: string, month: string) => ({ pk: `WORKER#${workerId}`, sk: `EMP#${month}` }),
  employmentPrefix: () => 'EMP#',
  employmentRevision: (workerId: string, month: string, revision: number) => ({
    pk: `WORKER#${workerId}`,
    sk: `EMPREV#${month}#${String(revision).padStart(4, '0')}`,
  }),
  employmentRevisionPrefix: (month: string) => `EMPREV#${month}#`,
  /** An upload of the registry file: its progress and its report of bad rows. */
  registryImport: (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  /** That a village or township has reported a month (file 003 §(十九)). */
  monthlyReport: (month: string, regionCode: string) => ({ pk: `REPORT#${month}`, sk: regionCode }),
  monthlyReports: (month: string) => `REPORT#${month}`,
  /** Who read or changed a worker's personal data, newest last. */
  auditOfWorker: (workerId: string) => `AUDIT#WORKER#${workerId}`,
  auditEntry: (at: string, id: string) => `${at}#${id}`,
  /** Exports of a region's registry (who downloaded the spreadsheet of whom, and when). */
  auditOfExport: (regionCode: string) => `AUDIT#EXPORT#${regionCode}`,
  /** Failed bindings with an ID number not in the registry, by its keyed hash (with a record they go on its trail). */
  bindFailuresOfIdHash: (hash: string) => `AUDIT#IDHASH#${hash}`,
  /** An employer (用人单位) profile. */
  employer: (employerId: string) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PROFILE' }),
  /** A position (岗位); its applications sit beside it. */
  position: (positionId: string) => ({ pk: `POSITION#${positionId}`, sk: 'PROFILE' }),
  /** One application per worker and position: written under attribute_not_exists. */
  application: (positionId: string, workerId: string) => ({ pk: `POSITION#${positionId}`, sk: `APP#${workerId}` }),
  applicationPrefix: () => 'APP#',
  /**
   * A claim: one per beneficiary, subsidy and period key, written under
   * attribute_not_exists, so nothing is ever claimed twice.
   */
  claim: (beneficiaryKey: string, subsidy: string, periodKey: string) => ({
    pk: `CLAIMS#${beneficiaryKey}`,
    sk: `CLAIM#${subsidy}#${periodKey}`,
  }),
  claimsOf: (beneficiaryKey: string) => `CLAIMS#${beneficiaryKey}`,
  /**
   * The claim that took a person's first transfer (首次输出): the service is paid once per
   * person, whichever agency placed them, so the claim is written with this item under
   * attribute_not_exists; a rejected claim's place may be taken by another.
   */
  firstTransferTaken: (workerId: string) => ({ pk: `WORKER#${workerId}`, sk: 'FIRSTOUT' }),
  claimPrefix: () => 'CLAIM#',
  /** The account a worker's subsidies are paid to (bank card or social security card). */
  payoutAccount: (workerId: string) => ({ pk: `WORKER#${workerId}`, sk: 'PAYOUT' }),
  /** Whose card an account item (above) is: the worker's id; none for an employer's. */
  payoutAccountWorker: ({ pk, sk }: { pk: unknown; sk: unknown }) =>
    sk === 'PAYOUT' && typeof pk === 'string' && pk.startsWith('WORKER#') ? pk.slice('WORKER#'.length) : undefined,
  /** An employer's or agency's corporate account (对公账户), beside its profile. */
  employerPayoutAccount: (employerId: string) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PAYOUT' }),
  /** A payment batch: the claims it paid, claimed under attribute_not_exists by its idempotency key. */
  paymentBatch: (batchId: string) => ({ pk: `PAYBATCH#${batchId}`, sk: 'BATCH' }),
  /** A claim reserved into a payment batch, with what its row of the bank's file says (the account sealed). */
  paymentBatchClaim: (batchId: string, claimId: string) => ({ pk: `PAYBATCH#${batchId}`, sk: `CLAIM#${claimId}` }),
  paymentBatchClaimPrefix: () => 'CLAIM#',
  /** The household a staff member declared (members' ID-number hashes, registry households), beside their account. */
  staffHousehold: (userId: string) => ({ pk: `USER#${userId}`, sk: 'HOUSEHOLD' }),
  /** A region's own steps of a policy parameter, set by its admins (all are read together: a small set). */
  parameterSteps: (regionCode: string, key: string) => ({ pk: 'PARAMS', sk: `${regionCode}#${key}` }),
  parameterStepsAll: () => 'PARAMS',
  /** A region's recorded document (地方文件), beside its standards: read with them in the one Query. */
  localDocument: (regionCode: string, documentId: string) => ({ pk: 'PARAMS', sk: `DOC#${regionCode}#${documentId}` }),
  localDocumentPrefix: () => 'DOC#',
  /** A change of a region's steps one admin proposed, waiting for another to confirm it, and the last one confirmed (beside the steps, in their partition). */
  parameterProposal: (regionCode: string, key: string) => ({ pk: 'PARAMS', sk: `PROPOSAL#${regionCode}#${key}` }),
  parameterProposalPrefix: () => 'PROPOSAL#',
  /**
   * A position pushed to a worker (为你推荐): at most once per worker and position, ever;
   * the month, score and reason travel on it, and later whether they applied and were hired.
   */
  push: (workerId: string, positionId: string) => ({ pk: `WORKER#${workerId}`, sk: `PUSH#${positionId}` }),
  pushPrefix: () => 'PUSH#',
  /** How many workers a position was pushed to in a month, held under k × open headcount. */
  pushCapacity: (positionId: string, month: string) => ({ pk: `POSITION#${positionId}`, sk: `PUSHCAP#${month}` }),
  /** A position the worker said is not for them (不感兴趣): never recommended to them again. */
  dismissal: (workerId: string, positionId: string) => ({ pk: `WORKER#${workerId}`, sk: `NOTFOR#${positionId}` }),
  dismissalPrefix: () => 'NOTFOR#',
  /** One "311" service given to a worker: a job recommendation, career guidance or a training offer. */
  service: (workerId: string, year: string, at: string, serviceId: string) => ({
    pk: `WORKER#${workerId}`,
    sk: `SERVICE#${year}#${at}#${serviceId}`,
  }),
  servicePrefix: (year: string) => `SERVICE#${year}#`,
  /** A worker's "311" counts for a year, kept with each service in one transaction. */
  serviceSummary: (workerId: string, year: string) => ({ pk: `WORKER#${workerId}`, sk: `SERVICES#${year}` }),
  /**
   * The positions a push run scores, frozen when the run starts, in gzip'd chunks under
   * 400 KB: every shard of the run reads the same list, whatever is posted meanwhile.
   */
  pushSnapshot: (runId: string, chunk: number) => ({ pk: `PUSHSNAP#${runId}`, sk: String(chunk).padStart(5, '0') }),
  pushSnapshotOf: (runId: string) => `PUSHSNAP#${runId}`,
  /**
   * A sharded run (the monthly job push, 免申即享, the daily recommendation lists) over a region:
   * its plan and the figures its shards have added. A push run keeps the key it always had.
   */
  monthlyRun: (kind: RunKind, regionCode: string, runId: string) => ({
    pk: `${RUN_PREFIX[kind]}#${regionCode}`,
    sk: runId,
  }),
  /** One shard's figures, written once with the run's sum: a retried shard finds it there and adds nothing. */
  monthlyRunShard: (kind: RunKind, runId: string, shard: string) => ({
    pk: `RUNSHARD#${kind}#${runId}`,
    sk: shard,
  }),
  /**
   * Attempts counted against one budget (http/rateLimit.ts) in one fixed window: the counter
   * names the route or lockout and whom it counts (an account, a client address, a hashed ID
   * number); the item expires (TTL) after its window, and the next window is a new item.
   */
  rateCounter: (counter: string, windowStartMs: number) => ({ pk: `RATE#${counter}`, sk: String(windowStartMs) }),
  /** A worker's 帮扶码 state: the code version (换码 raises it and ends every earlier code). */
  workerCode: (workerId: string) => ({ pk: `WORKER#${workerId}`, sk: 'CODE' }),
  /** One scan of a worker's code: who scanned, what they may do with it, until when (TTL). */
  scan: (scanId: string) => ({ pk: `SCAN#${scanId}`, sk: 'SCAN' }),
  /** An employer's request to see a worker's record, awaiting the worker's answer (TTL). */
  consentRequest: (workerId: string, requestId: string) => ({ pk: `WORKER#${workerId}`, sk: `CONSENTREQ#${requestId}` }),
  consentRequestPrefix: () => 'CONSENTREQ#',
  /** The worker's consent to one employer (the latest; a new one replaces it), until it ends or is withdrawn. */
  share: (workerId: string, employerId: string) => ({ pk: `WORKER#${workerId}`, sk: `SHARE#${employerId}` }),
  sharePrefix: () => 'SHARE#',
  /** A recruitment event (招聘会); those who checked in sit beside it, one item each. */
  event: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  attendance: (eventId: string, workerId: string) => ({ pk: `EVENT#${eventId}`, sk: `ATTEND#${workerId}` }),
  attendancePrefix: () => 'ATTEND#',
  /** A worker's ranked live recommendations, kept while still good (matching/recommendationCache.ts). */
  recommendationCache: (workerId: string) => ({ pk: `WORKER#${workerId}`, sk: 'RECOMMENDED' }),
  /** Raised by every position write in a geohash cell (positions/positionsEpoch.ts). */
  positionsEpoch: (cell: string) => ({ pk: `POSEPOCH#${cell}`, sk: 'EPOCH' }),
  /** Which position the raise of a cell's epoch to `epoch` was for, beside the epoch (TTL). */
  positionChange: (cell: string, epoch: number) => ({ pk: `POSEPOCH#${cell}`, sk: `CHANGE#${String(epoch).padStart(12, '0')}` }),
  /** Counts of the positions on the job map in the cells of one geohash tile (positions/mapCounts.ts). */
  mapCounts: (tile: string) => ({ pk: `MAPCOUNT#${tile}`, sk: 'COUNTS' }),
  /** A region's figures of one month (务工规模, 务工收入: monitoring/monthFigures.ts); its months sit together. */
  monthFigures: (regionCode: string, month: string) => ({ pk: `FIGURES#${regionCode}`, sk: `MONTH#${month}` }),
  /** That one change of a month record (a stream record) has moved the figures: a redelivery finds it (TTL). */
  figureChange: (changeId: string) => ({ pk: `FIGCHANGE#${changeId}`, sk: 'APPLIED' }),
  /** That the text one stream record called for (短信提醒) was sent or refused: a redelivery finds it (TTL). */
  textSent: (eventId: string) => ({ pk: `TEXTSENT#${eventId}`, sk: 'SENT' }),
  /** A warning's task for the officers who must act (预警任务); its id is made from its cause, month and subject. */
  task: (taskId: string) => ({ pk: `TASK#${taskId}`, sk: 'TASK' }),
  /** 零就业家庭 of a county's month, by its village, township and county codes, as the daily run counted them. */
  householdCounts: (countyCode: string, month: string) => ({ pk: `HOUSEHOLDS#${countyCode}`, sk: `MONTH#${month}` }),
  /** A 乡村公益性岗位 (welfarePosts/); the people on it sit beside it. */
  welfarePost: (postId: string) => ({ pk: `WPOST#${postId}`, sk: 'POST' }),
  /** One person's agreement on a post: put once per post and person. */
  welfarePostHolder: (postId: string, workerId: string) => ({ pk: `WPOST#${postId}`, sk: `HOLDER#${workerId}` }),
  welfarePostHolderPrefix: () => 'HOLDER#',
  /** A township's month of 在岗领补 (welfarePosts/attendanceRepository.ts): one line per post and holder, by village. */
  attendanceMonth: (townshipCode: string, month: string) => `WPATT#${townshipCode}#${month}`,
  attendanceLine: (townshipCode: string, month: string, villageCode: string, postId: string, workerId: string) => ({
    pk: `WPATT#${townshipCode}#${month}`,
    sk: `LINE#${villageCode}#${postId}#${workerId}`,
  }),
  /** The lines of a village, of one post in it, or (neither) of the whole township. */
  attendanceLinePrefix: (villageCode?: string, postId?: string) =>
    `LINE#${villageCode ? `${villageCode}#` : ''}${villageCode && postId ? `${postId}#` : ''}`,
  /** An officer's clearing of an integrity flag of the month, beside its lines. */
  flagClearing: (townshipCode: string, month: string, flagId: string) => ({
    pk: `WPATT#${townshipCode}#${month}`,
    sk: `CLEAR#${flagId}`,
  }),
  flagClearingPrefix: () => 'CLEAR#',
  /** A 以工代赈 project (reliefWork/); its roster sits beside it, one item a person. */
  reliefProject: (projectId: string) => ({ pk: `RPROJ#${projectId}`, sk: 'PROJECT' }),
  rosterEntry: (projectId: string, workerId: string) => ({ pk: `RPROJ#${projectId}`, sk: `ROSTER#${workerId}` }),
  rosterPrefix: () => 'ROSTER#',
  /** A project's wage sheet of one month (工资发放表): one line a person, one Query. */
  wageSheet: (projectId: string, month: string) => `RWAGE#${projectId}#${month}`,
  wageLine: (projectId: string, month: string, workerId: string) => ({
    pk: `RWAGE#${projectId}#${month}`,
    sk: `LINE#${workerId}`,
  }),
  /** A 就业服务网点 (servicePoints/): listed by region for its staff and by geohash cell for the map (entities.ts). */
  servicePoint: (pointId: string) => ({ pk: `SPOINT#${pointId}`, sk: 'POINT' }),
  /** A county's task targets of one year (the township task table of file 001), set by its admin. */
  taskTargets: (countyCode: string, year: number) => ({ pk: `TARGETS#${countyCode}`, sk: `YEAR#${year}` }),
  /** A worker's saved search (岗位订阅), in their account's partition; a deleted one stays, marked, until its TTL. */
  jobAlert: (userId: string, alertId: string) => ({ pk: `USER#${userId}`, sk: `JOBALERT#${alertId}` }),
  jobAlertPrefix: () => 'JOBALERT#',
  /** How many saved searches an account keeps, held under MAX_ALERTS in each create's transaction. */
  jobAlertCount: (userId: string) => ({ pk: `USER#${userId}`, sk: 'JOBALERTS' }),
  /** A saved search's copy under one geohash cell its circle touches (on gsi3 while current: entities.ts). */
  jobAlertCell: (userId: string, alertId: string, cell: string) => ({
    pk: `USER#${userId}`,
    sk: `JOBALERTCELL#${alertId}#${cell}`,
  }),
  /** That a position came to the account's inbox: put once, so it never comes (nor is messaged) twice. */
  jobAlertSeen: (userId: string, positionId: string) => ({ pk: `USER#${userId}`, sk: `JOBALERTSEEN#${positionId}` }),
  /** An item of the account's inbox of matched positions, by when it came; until its TTL. */
  alertInboxItem: (userId: string, at: string, positionId: string) => ({
    pk: `USER#${userId}`,
    sk: `ALERTINBOX#${at}#${positionId}`,
  }),
  alertInboxPrefix: () => 'ALERTINBOX#',
  /** Up to when the account has read its inbox. */
  alertInboxRead: (userId: string) => ({ pk: `USER#${userId}`, sk: 'ALERTINBOXREAD' }),
  /**
   * 亲情服务: a link between a worker's account and a family member's, beside the worker's
   * account (its id names that account: one read finds it, as every acting request does).
   */
  familyLink: (workerUserId: string, linkId: string) => ({ pk: `USER#${workerUserId}`, sk: `FAMILY#${linkId}` }),
  familyLinkPrefix: () => 'FAMILY#',
  /**
   * Whom an account's active links join it to: the family members who act for it and the people
   * it acts for, as string sets, so a link's 同意 is refused in the same write once a limit is reached.
   */
  familyCircle: (userId: string) => ({ pk: `USER#${userId}`, sk: 'FAMCIRCLE' }),
  /** An invitation code, used once, until its half hour is up (TTL). */
  familyInvitation: (code: string) => ({ pk: `FAMINVITE#${code}`, sk: 'INVITE' }),
  /** One thing a family member did in the worker's name, beside the worker's account, by time. */
  familyAct: (workerUserId: string, at: string, id: string) => ({ pk: `USER#${workerUserId}`, sk: `FAMACT#${at}#${id}` }),
  familyActPrefix: () => 'FAMACT#',
  /** A key that never exists: the health check reads it to prove the table answers. */
  healthProbe: () => ({ pk: 'HEALTH', sk: 'PROBE' }),
} as const;
