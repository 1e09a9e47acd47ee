/**
 * The Bangfu stack: one DynamoDB table (key schema from functions/src/db/tableSchema.ts),
 * one API Lambda behind an HTTP API, the scheduled jobs, a KMS key and the app secrets.
 * Each function may do only what its code does (table actions, secrets, data-key use);
 * what cdk-nag's AwsSolutions checks flag and we keep is suppressed here with the reason.
 *
 * The stack does no lookups (its region comes from context or the environment), so `cdk synth` runs offline.
 */
import * as path from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as eventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../../functions/src/db/tableSchema.js';
import { FIGURE_ITEM_TYPES } from '../../functions/src/monitoring/streamChanges.js';
import { TEXTED_ITEM_TYPES } from '../../functions/src/notices/textNotices.js';
import { ID_VAULT_PURPOSE } from '../../functions/src/registry/idVault.js';
import { ON_DEMAND_MODULES, BUNDLE_ALIASES, BUNDLE_OPTIONS, FUNCTION_ENTRIES } from './lambdaBundling.js';

/** The repository root (npm workspaces root holding package-lock.json). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BangfuStackProps extends StackProps {
  /** Deployment stage, e.g. `prod` or `test`; empty for the default stack. Used in resource descriptions/aliases. */
  readonly stage?: string;
  /** The mini-program's AppID (env WECHAT_APPID). @default '' */
  readonly wechatAppId?: string;
  /**
   * The subscribe-message template of saved searches (岗位订阅), chosen in the mini-program's
   * console (env WECHAT_ALERT_TEMPLATE_ID). @default '' (matches go to the inbox only)
   */
  readonly wechatAlertTemplateId?: string;
  /**
   * The subscribe-message template of a card entered for a worker (收款卡变更提醒), chosen in the
   * mini-program's console (env WECHAT_CARD_TEMPLATE_ID). @default '' (shown in the app only)
   */
  readonly wechatCardTemplateId?: string;
  /**
   * 短信提醒 through Tencent Cloud SMS (env SMS_*): the SMS application, its approved signature
   * (签名), and the templates of a card entered for a worker, of a phone changed on a record and of
   * a subsidy paid (their wording: shared/src/notices/textMessages.ts). The API key goes into the secret
   * `SmsSecretArn` after the first deploy. @default none set: no texts
   */
  readonly sms?: {
    sdkAppId: string;
    signName: string;
    cardTemplateId?: string;
    phoneTemplateId?: string;
    paidTemplateId?: string;
  };
  /** Origins allowed by CORS (the H5 build on its own domain); the mini-program does not need CORS. @default [] (no CORS) */
  readonly allowedOrigins?: string[];
  /** Log retention of the function and access logs. @default SIX_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /** Override of the API handler entry (bundling checks only). @default FUNCTION_ENTRIES.api */
  readonly apiEntry?: string;
  /** Override of the bundling project root; must contain apiEntry and package-lock.json. @default the repo root */
  readonly projectRoot?: string;
  /** Regions (a province, city or county code) whose workers the monthly 免申即享 evaluates, one execution each. @default [] */
  readonly autoClaimRegions?: string[];
  /** Township shards running at once in 免申即享's Distributed Map. @default 40 */
  readonly autoClaimsMaxConcurrency?: number;
  /**
   * Regions (a province, city or county code) the monthly job push runs over, and the nightly
   * recommendation lists, one execution each. @default []
   */
  readonly pushRegions?: string[];
  /** The push's k (workers per open place) and N (positions per worker). @default { k: 5, n: 3 } */
  readonly pushConfig?: { k: number; n: number };
  /**
   * Regions (a province, city or county code) watched for warnings daily and whose monthly figures
   * are reconciled on the 1st, one invocation each of at most 15 minutes: name a large province by
   * its cities. @default []
   */
  readonly monitoringRegions?: string[];
  /** Township shards running at once in the push's Distributed Map. @default 40 */
  readonly pushMaxConcurrency?: number;
  /**
   * The product's HTTPS address in 帮扶码 URLs (env CODE_BASE_URL; WeChat's 扫普通链接二维码 rule is
   * `<codeBaseUrl>/c/`). @default none: the address each request came to
   */
  readonly codeBaseUrl?: string;
  /** The CJK font copied into the API bundle for posters (Debian: fonts-noto-cjk). @default Noto Sans CJK on Debian */
  readonly posterFontPath?: string;
}

/** Where the poster font sits inside the API function's bundle. */
const POSTER_FONT_FILE = 'poster-font.ttc';

/** The DynamoDB item actions a function's code runs (a transaction's items need PutItem/UpdateItem). */
type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'BatchWriteItem' | 'ConditionCheckItem';

/** Makes one of the stack's functions: its bundle, role, logs and table grants (in the constructor). */
type BangfuFunctionFactory = (id: string, options: BangfuFunctionOptions) => nodejs.NodejsFunction;

/** An alarm on anything at all within five minutes. */
const ON_ANY = {
  threshold: 0,
  comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  evaluationPeriods: 1,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
};

interface BangfuFunctionOptions {
  description: string;
  entry: string;
  handler?: string;
  timeout: Duration;
  memorySize: number;
  environment: Record<string, string>;
  /** What it does on the table, and whether it queries the indexes. */
  table: { actions: TableAction[]; indexes: boolean };
  /** The secrets it reads. */
  secrets: secretsmanager.Secret[];
  /** Install the packages some requests load on demand (ON_DEMAND_MODULES) beside the bundle. */
  onDemandModules?: boolean;
  /** A step after bundling. */
  commandHooks?: nodejs.ICommandHooks;
}

export class BangfuStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly dataKey: kms.Key;
  readonly appSecret: secretsmanager.Secret;
  readonly idHashSecret: secretsmanager.Secret;
  /** The SMS provider's API key, read only by the function that texts. */
  readonly smsSecret: secretsmanager.Secret;
  readonly apiFunction: nodejs.NodejsFunction;
  readonly autoClaimsStateMachine: sfn.StateMachine;
  readonly mapExpiryFunction: nodejs.NodejsFunction;
  /** The table's stream consumer: month records move the regions' monthly figures. */
  readonly monthFiguresFunction: nodejs.NodejsFunction;
  /** The table's other stream consumer: published positions reach the inboxes of the saved searches they match. */
  readonly jobAlertsFunction: nodejs.NodejsFunction;
  /** The third: a card entered for a worker and a phone changed on a record are texted (短信提醒). */
  readonly textMessagesFunction: nodejs.NodejsFunction;
  /** The monthly reconciliation of those figures from the month records. */
  readonly reconcileFiguresFunction: nodejs.NodejsFunction;
  /** The daily warnings: new warnings become tasks, overdue tasks go up a level. */
  readonly warningsFunction: nodejs.NodejsFunction;
  readonly pushStateMachine: sfn.StateMachine;
  /** Each night every willing worker's recommendation list, ranked on the push's engine. */
  readonly listsStateMachine: sfn.StateMachine;
  /** Where a scheduled run that could not be started or failed every retry is kept. */
  readonly scheduleDeadLetters: sqs.Queue;
  readonly httpApi: apigwv2.HttpApi;

  constructor(scope: Construct, id: string, props: BangfuStackProps = {}) {
    super(scope, id, props);
    const stage = props.stage ?? '';
    const retention = props.logRetention ?? logs.RetentionDays.SIX_MONTHS;
    const projectRoot = props.projectRoot ?? REPO_ROOT;
    const allowedOrigins = props.allowedOrigins ?? [];
    for (const origin of allowedOrigins) {
      // A wildcard would let any web page call the API with a user's token in hand.
      if (!/^https?:\/\/[^/*\s]+$/.test(origin)) throw new Error(`allowedOrigins: not an origin: ${JSON.stringify(origin)}`);
    }

    // One customer-managed key: table encryption, the app secret and (later) envelope
    // encryption of ID numbers by the API.
    this.dataKey = new kms.Key(this, 'DataKey', {
      description: `Bangfu${stage ? ` ${stage}` : ''}: DynamoDB table, app secret and field envelope encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.dataKey),
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });

    // {"wechatAppSecret": "", "tokenSigningKey": "<64 random chars>"}; the operator fills in
    // wechatAppSecret after the first deploy (see infra/README.md).
    this.appSecret = new secretsmanager.Secret(this, 'AppSecret', {
      description: 'Bangfu API: WeChat AppSecret and the session token signing key',
      encryptionKey: this.dataKey,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ wechatAppSecret: '' }),
        generateStringKey: 'tokenSigningKey',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.appSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A new tokenSigningKey signs every user out, and the WeChat AppSecret is reset in WeChat, then put here by hand',
    });

    // The key of the HMAC that makes ID numbers unique without keeping them in the clear.
    // Its own secret, so rotating the token key never changes every worker's lookup hash.
    this.idHashSecret = new secretsmanager.Secret(this, 'IdHashSecret', {
      description: 'Bangfu API: key of the keyed hash of ID numbers (never rotate without re-hashing)',
      encryptionKey: this.dataKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.idHashSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Every worker record is found by its hash under this key: a rotation without re-hashing loses them all',
    });

    // {"secretId": "", "secretKey": ""}: the operator puts the SMS API key (a Tencent Cloud
    // sub-account's, allowed SendSms only) here after the first deploy.
    this.smsSecret = new secretsmanager.Secret(this, 'SmsSecret', {
      description: 'Bangfu texts: the SMS provider’s API key (secretId, secretKey)',
      encryptionKey: this.dataKey,
      secretObjectValue: { secretId: SecretValue.unsafePlainText(''), secretKey: SecretValue.unsafePlainText('') },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.smsSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The key is made in the SMS provider’s console, not by AWS: it is rotated there, then put here by hand',
    });

    // A scheduled run EventBridge could not start waits here (two weeks) to be looked at and
    // started again by hand; one that started and failed raises its state machine's alarm.
    this.scheduleDeadLetters = new sqs.Queue(this, 'ScheduleDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.scheduleDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'It is itself the dead-letter queue of the scheduled runs',
    });
    this.scheduleDeadLetters
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) })
      .createAlarm(this, 'ScheduleDeadLettersAlarm', {
        alarmDescription: 'A monthly run (免申即享 or job push) was not started or failed: see the dead-letter queue',
        ...ON_ANY,
      });

    // Every function is the same code base, bundled alike, with the same configuration apart
    // from the secrets: each is told (and may read) only the secrets it uses.
    const environment = {
      TABLE_NAME: this.table.tableName,
      DATA_KEY_ARN: this.dataKey.keyArn,
      WECHAT_APPID: props.wechatAppId ?? '',
      WECHAT_ALERT_TEMPLATE_ID: props.wechatAlertTemplateId ?? '',
      WECHAT_CARD_TEMPLATE_ID: props.wechatCardTemplateId ?? '',
      // The API says where a card's text goes; the function on the stream sends it.
      SMS_SDK_APP_ID: props.sms?.sdkAppId ?? '',
      SMS_SIGN_NAME: props.sms?.signName ?? '',
      SMS_CARD_TEMPLATE_ID: props.sms?.cardTemplateId ?? '',
      SMS_PHONE_TEMPLATE_ID: props.sms?.phoneTemplateId ?? '',
      SMS_PAID_TEMPLATE_ID: props.sms?.paidTemplateId ?? '',
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: 'INFO',
      // Never DEV_LOGIN or TOKEN_SECRET here: the signing key comes from APP_SECRET_ARN.
    };
    const secretVariables = new Map([
      [this.appSecret, 'APP_SECRET_ARN'],
      [this.idHashSecret, 'ID_HASH_SECRET_ARN'],
      [this.smsSecret, 'SMS_SECRET_ARN'],
    ]);
    const tableArn = this.table.tableArn;
    const bangfuFunction = (id: string, options: BangfuFunctionOptions) => {
      const logGroup = new logs.LogGroup(this, `${id}Logs`, { retention, removalPolicy: RemovalPolicy.RETAIN });
      // Its own role with only its log group, rather than the managed policy's logs on every group.
      const role = new iam.Role(this, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      logGroup.grantWrite(role);
      const fn = new nodejs.NodejsFunction(this, id, {
        description: options.description,
        entry: options.entry,
        handler: options.handler ?? 'handler',
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: options.memorySize,
        timeout: options.timeout,
        role,
        projectRoot,
        depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
        logGroup,
        bundling: {
          format: nodejs.OutputFormat.ESM,
          target: BUNDLE_OPTIONS.target,
          mainFields: [...BUNDLE_OPTIONS.mainFields],
          banner: BUNDLE_OPTIONS.banner,
          minify: BUNDLE_OPTIONS.minify,
          sourceMap: true,
          sourcesContent: false,
          esbuildArgs: {
            ...Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([pkg, file]) => [`--alias:${pkg}`, file])),
            // Chinese text as UTF-8, not \uXXXX (a quarter smaller): this CDK's local bundling drops its own `charset`.
            '--charset': BUNDLE_OPTIONS.charset,
          },
          forceDockerBundling: false,
          // Outside the bundle: only what some requests load on demand (lambdaBundling.ts). The runtime
          // ships an AWS SDK v3, but bundling ours pins the version we test against.
          externalModules: ON_DEMAND_MODULES,
          ...(options.onDemandModules ? { nodeModules: ON_DEMAND_MODULES } : {}),
          ...(options.commandHooks ? { commandHooks: options.commandHooks } : {}),
        },
        environment: {
          ...environment,
          ...Object.fromEntries(options.secrets.map((secret) => [secretVariables.get(secret)!, secret.secretArn])),
          ...options.environment,
        },
      });
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason: 'The bundle targets Node.js 22, the runtime it is tested for; a newer runtime is a change of its own',
      });
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: options.table.actions.map((action) => `dynamodb:${action}`),
          resources: [tableArn],
        }),
      );
      if (options.table.indexes) {
        role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${tableArn}/index/*`] }));
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnGlobalTable)}.Arn>/index/*]`,
          reason: "Query on the table's own GSIs (GLOBAL_INDEXES of tableSchema.ts); no other action on the indexes",
        });
      }
      // The table is encrypted with the data key: DynamoDB uses it on the caller's behalf, and only through DynamoDB.
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [this.dataKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.region}.amazonaws.com` } },
        }),
      );
      for (const secret of options.secrets) secret.grantRead(fn);
      return fn;
    };

    this.apiFunction = bangfuFunction('ApiFunction', {
      description: 'Bangfu HTTP API',
      entry: props.apiEntry ?? path.join(projectRoot, FUNCTION_ENTRIES.api),
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'bangfu-api',
        POSTER_FONT_PATH: `/var/task/${POSTER_FONT_FILE}`,
        ...(props.codeBaseUrl ? { CODE_BASE_URL: props.codeBaseUrl } : {}),
      },
      onDemandModules: true,
      // The CJK font of posters is copied in.
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [
          `cp "${props.posterFontPath ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'}" "${outputDir}/${POSTER_FONT_FILE}"`,
        ],
      },
      // Every route's reads and writes (what functions/src sends, checked by tests/infra); never Scan, Delete or the table itself.
      table: {
        actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'BatchWriteItem', 'ConditionCheckItem'],
        indexes: true,
      },
      secrets: [this.appSecret, this.idHashSecret],
    });
    // Only the API seals and opens ID numbers: data keys of the ID vault, of this table only.
    this.apiFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.dataKey.keyArn],
        conditions: {
          StringEquals: {
            'kms:EncryptionContext:purpose': ID_VAULT_PURPOSE,
            'kms:EncryptionContext:table': this.table.tableName,
          },
        },
      }),
    );

    this.autoClaimsStateMachine = this.monthlyAutoClaims(bangfuFunction, projectRoot, props, retention);

    // The job map's daily sweep: positions past their last day leave its index and counts. At
    // 00:30 China time (16:30 UTC), a week of last days each run, so a failed night is caught up.
    this.mapExpiryFunction = bangfuFunction('MapExpiryFunction', {
      description: 'Bangfu daily: positions past their last day leave the job map (index and counts)',
      entry: path.join(projectRoot, FUNCTION_ENTRIES.mapExpiry),
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-map-expiry' },
      // The positions by last day (an index), each taken off the map; the map's counts and epochs,
      // and the epochs' log of which position raised them.
      table: { actions: ['Query', 'UpdateItem', 'PutItem'], indexes: true },
      secrets: [],
    });
    new events.Rule(this, 'MapExpirySchedule', {
      description: 'Daily job-map sweep of positions past their last day',
      schedule: events.Schedule.cron({ minute: '30', hour: '16' }),
      targets: [
        new targets.LambdaFunction(this.mapExpiryFunction, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: this.scheduleDeadLetters,
        }),
      ],
    });
    // Lambda retries a failed run twice on its own; after that, the alarm says so.
    this.mapExpiryFunction.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, 'MapExpiryFailedAlarm', {
      alarmDescription: 'The daily job-map sweep failed: the next night catches up a week, but see its log',
      ...ON_ANY,
    });
    this.pushStateMachine = this.monthlyPush(bangfuFunction, projectRoot, props, retention);
    this.listsStateMachine = this.dailyLists(bangfuFunction, projectRoot, props, retention);
    this.monthFiguresFunction = this.monthFiguresConsumer(bangfuFunction, projectRoot);
    this.jobAlertsFunction = this.jobAlertsConsumer(bangfuFunction, projectRoot);
    this.textMessagesFunction = this.textMessagesConsumer(bangfuFunction, projectRoot);
    // The figures put right from the month records on the 1st at 03:00 China time (19:00 UTC on
    // the month's last day), for the two months before.
    this.reconcileFiguresFunction = this.regionJob(bangfuFunction, 'ReconcileFigures', {
      description: 'Bangfu monthly: the regions’ monthly figures put right from the month records',
      entry: path.join(projectRoot, FUNCTION_ENTRIES.reconcileFigures),
      service: 'bangfu-reconcile-figures',
      // The counties (regions' children), a county's month records (an index), the kept figures, and the ADDs.
      table: { actions: ['Query', 'BatchGetItem', 'UpdateItem'], indexes: true },
      schedule: events.Schedule.cron({ minute: '0', hour: '19', day: 'L' }),
      describe: (regionCode) => `Monthly figures of ${regionCode} reconciled from the month records`,
      failedAlarm: 'The monthly reconciliation of the figures failed: see its log, run it again',
      regions: props.monitoringRegions ?? [],
    });
    // 及早预警 daily at 02:00 China time (18:00 UTC): this month's warnings open their tasks once;
    // tasks past their deadline go up a level.
    this.warningsFunction = this.regionJob(bangfuFunction, 'Warnings', {
      description: 'Bangfu daily: warnings become tasks for the officers who must act; overdue tasks go up a level',
      entry: path.join(projectRoot, FUNCTION_ENTRIES.warnings),
      service: 'bangfu-warnings',
      // Regions' children, month records, open tasks and a county's payment batches (indexes),
      // reports and parameters (Query); the villages' figures; a task put once; an escalation.
      table: { actions: ['Query', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: true },
      schedule: events.Schedule.cron({ minute: '0', hour: '18' }),
      describe: (regionCode) => `Daily warnings over ${regionCode}`,
      failedAlarm: 'The daily warnings run failed: see its log; the next day finds the same warnings',
      regions: props.monitoringRegions ?? [],
    });

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: stage ? `bangfu-${stage}` : 'bangfu',
      description: 'Bangfu API',
      createDefaultStage: false,
      // Only configured origins (an H5 build on its own domain); none by default. The mini-program
      // calls through wx.request, which is not a browser and needs no CORS.
      ...(allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: allowedOrigins,
              allowMethods: [
                apigwv2.CorsHttpMethod.GET,
                apigwv2.CorsHttpMethod.POST,
                apigwv2.CorsHttpMethod.PATCH,
                apigwv2.CorsHttpMethod.PUT,
                apigwv2.CorsHttpMethod.DELETE,
              ],
              allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
              exposeHeaders: ['X-Request-Id'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogGroup = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const apiStage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogGroup),
        // No headers (Authorization) and no query strings in the access log.
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Public routes (job map, login) need none; every other route checks the bearer token and role in the app',
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    for (const routePath of ['/api', '/api/{proxy+}']) {
      this.httpApi.addRoutes({ path: routePath, methods: [apigwv2.HttpMethod.ANY], integration });
    }

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the HTTP API (routes under /api)',
      value: apiStage.url,
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AppSecretArn', {
      description: 'Secret {wechatAppSecret, tokenSigningKey}: set wechatAppSecret after the first deploy',
      value: this.appSecret.secretArn,
    });
    new CfnOutput(this, 'SmsSecretArn', {
      description: 'Secret {secretId, secretKey}: the SMS API key, set after the first deploy when texts are configured',
      value: this.smsSecret.secretArn,
    });
  }

  /**
   * 务工规模 and 务工收入 kept live: a Lambda on the table's stream, given only changed month
   * records (a filter on the item type), 100 at a time. Streams, not counters in each write's
   * transaction: a county's and a province's figures would be in every record write of the
   * province and make those writes conflict; here a batch's changes are summed into one ADD per
   * region-month, off the writer's path. A failing batch is split and retried (each change is
   * applied once by its id), and after a day a change that still fails goes to a queue and an
   * alarm: the monthly reconciliation puts its figures right.
   */
  private monthFiguresConsumer(bangfuFunction: BangfuFunctionFactory, projectRoot: string): nodejs.NodejsFunction {
    const consumer = bangfuFunction('MonthFiguresFunction', {
      description: 'Bangfu: month records move the monthly figures of their regions (the table stream)',
      entry: path.join(projectRoot, FUNCTION_ENTRIES.monthFigures),
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-month-figures' },
      // A change's id put once, the figures ADDed, in one transaction.
      table: { actions: ['PutItem', 'UpdateItem'], indexes: false },
      secrets: [],
    });
    const type = (image: 'NewImage' | 'OldImage') =>
      lambda.FilterCriteria.filter({ dynamodb: { [image]: { type: { S: lambda.FilterRule.or(...FIGURE_ITEM_TYPES) } } } });
    this.streamConsumer(consumer, 'MonthFigures', {
      filters: [type('NewImage'), type('OldImage')],
      failedAlarm: 'Month records the figures could not take in: run the reconciliation of their counties and months',
    });
    return consumer;
  }

  /**
   * 岗位订阅: a Lambda on the table's stream, given only position items (a filter on the new
   * image's type; the code picks those that joined the map), 100 at a time: each goes to the
   * inboxes of the saved searches it matches, with a WeChat message while a consent is left. Its
   * own consumer, not the figures': WeChat's slowness or a failing batch here never holds the
   * figures back. A failing batch is split and retried (each account gets a position once ever),
   * and after a day it goes to a queue and an alarm.
   */
  private jobAlertsConsumer(bangfuFunction: BangfuFunctionFactory, projectRoot: string): nodejs.NodejsFunction {
    const consumer = bangfuFunction('JobAlertsFunction', {
      description: 'Bangfu: published positions reach the inboxes of the saved searches they match (the table stream)',
      entry: path.join(projectRoot, FUNCTION_ENTRIES.jobAlerts),
      memorySize: 512,
      timeout: Duration.minutes(2),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-job-alerts' },
      // The searches filed under a cell (an index), an account's openid; the inbox item with its mark and
      // the search's consent (a transaction of puts, an update or a condition check), how the message went.
      table: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'], indexes: true },
      // The WeChat AppSecret, for the subscribe message.
      secrets: [this.appSecret],
    });
    this.streamConsumer(consumer, 'JobAlerts', {
      filters: [lambda.FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual('position') } } } })],
      failedAlarm: 'Published positions the job alerts could not deliver: their saved searches missed them (see the queue)',
    });
    return consumer;
  }

  /**
   * 短信提醒: a Lambda on the table's stream, given only worker records, card entries and claims (a
   * filter on the new image's type; the code picks a new card entry, a changed phone or a claim
   * paid), 100 at a time.
   * Its own consumer: the provider's slowness or a number it refuses never holds the figures or
   * the job alerts back. A failing batch is split and retried (each record's text is marked once
   * answered), and after a day it goes to a queue and an alarm.
   */
  private textMessagesConsumer(bangfuFunction: BangfuFunctionFactory, projectRoot: string): nodejs.NodejsFunction {
    const consumer = bangfuFunction('TextMessagesFunction', {
      description:
        'Bangfu: a card entered for a worker, a phone changed on a record or a subsidy paid is texted (the table stream)',
      entry: path.join(projectRoot, FUNCTION_ENTRIES.textMessages),
      memorySize: 256,
      timeout: Duration.minutes(1),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-text-messages' },
      // The marks of texts answered before and the records' phones (one BatchGetItem each), a mark per
      // text, and what became of a card's text on its entry.
      table: { actions: ['BatchGetItem', 'PutItem', 'UpdateItem'], indexes: false },
      // The SMS API key, and nothing else.
      secrets: [this.smsSecret],
    });
    this.streamConsumer(consumer, 'TextMessages', {
      filters: [
        lambda.FilterCriteria.filter({
          dynamodb: { NewImage: { type: { S: lambda.FilterRule.or(...TEXTED_ITEM_TYPES) } } },
        }),
      ],
      failedAlarm: 'Texts to workers about their card or phone that could not be sent (see the queue and the function log)',
    });
    return consumer;
  }

  /**
   * Feeds the table's stream to `consumer` through its filters, 100 records at a time: a failing
   * batch is split and retried, and after a day what still fails goes to a queue `<id>Failed`
   * (its stream positions, to look at) with an alarm.
   */
  private streamConsumer(
    consumer: nodejs.NodejsFunction,
    id: string,
    options: { filters: Record<string, unknown>[]; failedAlarm: string },
  ): void {
    const failed = new sqs.Queue(this, `${id}Failed`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(failed).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself where failed stream batches go (their stream positions, to look at)',
    });
    // A mapping of our own rather than DynamoEventSource, whose grant would let the role use the
    // data key directly; the role's key statement (through DynamoDB only) is what reading needs.
    const streamArn = this.table.tableStreamArn!;
    new lambda.EventSourceMapping(this, `${id}Stream`, {
      target: consumer,
      eventSourceArn: streamArn,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(5),
      bisectBatchOnError: true,
      retryAttempts: 20,
      maxRecordAge: Duration.days(1),
      onFailure: new eventSources.SqsDlq(failed),
      filters: options.filters,
    });
    consumer.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [streamArn],
      }),
    );
    failed.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }).createAlarm(this, `${id}FailedAlarm`, {
      alarmDescription: options.failedAlarm,
      ...ON_ANY,
    });
  }

  /**
   * A job a schedule runs over each configured region (one invocation each, 15 minutes at most),
   * with an alarm on its errors: the figures' reconciliation, the daily warnings.
   */
  private regionJob(
    bangfuFunction: BangfuFunctionFactory,
    id: string,
    options: Pick<BangfuFunctionOptions, 'description' | 'entry' | 'table'> & {
      service: string;
      schedule: events.Schedule;
      describe: (regionCode: string) => string;
      failedAlarm: string;
      regions: string[];
    },
  ): nodejs.NodejsFunction {
    const fn = bangfuFunction(`${id}Function`, {
      description: options.description,
      entry: options.entry,
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: { POWERTOOLS_SERVICE_NAME: options.service },
      table: options.table,
      secrets: [],
    });
    this.regionSchedule(fn, `${id}Schedule`, {
      describe: options.describe,
      schedule: options.schedule,
      inputs: options.regions.map((regionCode) => ({ regionCode })),
    });
    fn.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, `${id}FailedAlarm`, {
      alarmDescription: options.failedAlarm,
      ...ON_ANY,
    });
    return fn;
  }

  /**
   * 每月岗位推送: plan (freeze the positions, list the township shards) → every shard's
   * priority phase (监测对象, 零就业家庭, 易地搬迁) → every shard's others phase → finish, the
   * shards fanned out over Lambda by Distributed Maps. On the 1st of each month at 09:00
   * China time (01:00 UTC), one execution per configured region.
   */
  private monthlyPush(
    bangfuFunction: BangfuFunctionFactory,
    projectRoot: string,
    props: BangfuStackProps,
    retention: logs.RetentionDays,
  ): sfn.StateMachine {
    const machine = this.frozenRunMachine(bangfuFunction, retention, {
      id: 'Push',
      machineId: 'MonthlyPush',
      service: 'push',
      describe: 'monthly push',
      entries: {
        plan: path.join(projectRoot, FUNCTION_ENTRIES.pushPlan),
        shard: path.join(projectRoot, FUNCTION_ENTRIES.pushShard),
      },
      planDoes: 'check k and N, freeze the open positions, list the township shards',
      // The region tree and the province's positions (by region), the snapshot's chunks, the run's record.
      planActions: ['GetItem', 'Query', 'BatchWriteItem', 'PutItem'],
      shardDoes: 'one township shard of one phase',
      // The snapshot, the township's workers (by region) with their pushes and applications (by owner), the
      // openid of an account; a push with its capacity and service count, the notice, the run's figures.
      shardActions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'],
      // The WeChat AppSecret, for the subscribe message of a push.
      shardSecrets: [this.appSecret],
      phases: (['priority', 'others'] as const).map((phase) => ({
        mapId: `PushShards-${phase}`,
        taskId: `PushShard-${phase}`,
        comment: `Every township shard, ${phase === 'priority' ? 'priority groups' : 'everyone else'}`,
        itemSelector: { 'month.$': '$.plan.month', 'config.$': '$.plan.config', phase },
      })),
      maxConcurrency: props.pushMaxConcurrency ?? 40,
      comment: 'Bangfu monthly job push: plan, priority shards, other shards, finish',
      failedAlarm: 'A monthly job push failed: see the execution in Step Functions',
    });
    const config = props.pushConfig ?? { k: 5, n: 3 };
    this.regionSchedule(machine, 'PushSchedule', {
      describe: (regionCode) => `Monthly job push over ${regionCode}, on the 1st`,
      schedule: events.Schedule.cron({ minute: '0', hour: '1', day: '1' }),
      inputs: (props.pushRegions ?? []).map((regionCode) => ({ regionCode, config })),
    });
    return machine;
  }

  /**
   * 每日推荐: plan (read the position epochs, freeze the open positions, list the township shards)
   * → every township's workers ranked in a Distributed Map → finish. Every night at 00:45 China
   * time (16:45 UTC), over the push's regions: a list is up to date only on the China day it was
   * ranked for, so until it runs a worker's first open searches near home; just after midnight
   * (and the map's sweep at 00:30) few are awake, where at 05:00 villagers already are.
   */
  private dailyLists(
    bangfuFunction: BangfuFunctionFactory,
    projectRoot: string,
    props: BangfuStackProps,
    retention: logs.RetentionDays,
  ): sfn.StateMachine {
    const machine = this.frozenRunMachine(bangfuFunction, retention, {
      id: 'Lists',
      machineId: 'DailyLists',
      service: 'lists',
      describe: 'daily lists',
      entries: {
        plan: path.join(projectRoot, FUNCTION_ENTRIES.listsPlan),
        shard: path.join(projectRoot, FUNCTION_ENTRIES.listsShard),
      },
      planDoes: 'read the position epochs, freeze the open positions, list the township shards',
      // The region tree and the province's positions (by region), the epochs, the snapshot's chunks, the run's record.
      planActions: ['GetItem', 'Query', 'BatchGetItem', 'BatchWriteItem', 'PutItem'],
      shardDoes: 'one township’s willing workers ranked',
      // The snapshot, the township's workers (by region) with their pushes, dismissals and applications,
      // the village centres; each worker's list, the run's figures.
      shardActions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'],
      shardSecrets: [],
      phases: [
        {
          mapId: 'ListsShards',
          taskId: 'ListsShard',
          comment: 'Every township shard: its willing workers’ lists',
          itemSelector: { 'day.$': '$.plan.day', 'epochs.$': '$.plan.epochs' },
        },
      ],
      maxConcurrency: props.pushMaxConcurrency ?? 40,
      comment: 'Bangfu daily recommendation lists: plan, township shards, finish',
      failedAlarm:
        'A night’s recommendation lists failed: each worker’s first open today searches near home; see the execution in Step Functions',
    });
    this.regionSchedule(machine, 'ListsSchedule', {
      describe: (regionCode) => `Daily recommendation lists over ${regionCode}`,
      schedule: events.Schedule.cron({ minute: '45', hour: '16' }),
      inputs: (props.pushRegions ?? []).map((regionCode) => ({ regionCode })),
    });
    return machine;
  }

  /**
   * A run over frozen positions (the push, the nightly lists): `Plan<id>` (its plan function's
   * result at $.plan) → each phase's Distributed Map of township shards → `Finish<id>` (the run
   * stamped done by the plan module's `finish`).
   */
  private frozenRunMachine(
    bangfuFunction: BangfuFunctionFactory,
    retention: logs.RetentionDays,
    o: {
      id: string;
      machineId: string;
      service: string;
      describe: string;
      entries: { plan: string; shard: string };
      planDoes: string;
      planActions: TableAction[];
      shardDoes: string;
      shardActions: TableAction[];
      shardSecrets: secretsmanager.Secret[];
      phases: { mapId: string; taskId: string; comment: string; itemSelector: Record<string, string> }[];
      maxConcurrency: number;
      comment: string;
      failedAlarm: string;
    },
  ): sfn.StateMachine {
    const planFunction = bangfuFunction(`${o.id}PlanFunction`, {
      description: `Bangfu ${o.describe}: ${o.planDoes}`,
      entry: o.entries.plan,
      memorySize: 2048,
      timeout: Duration.minutes(15),
      environment: { POWERTOOLS_SERVICE_NAME: `bangfu-${o.service}-plan` },
      table: { actions: o.planActions, indexes: true },
      secrets: [],
    });
    const finishFunction = bangfuFunction(`${o.id}FinishFunction`, {
      description: `Bangfu ${o.describe}: mark the run done`,
      entry: o.entries.plan,
      handler: 'finish',
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: { POWERTOOLS_SERVICE_NAME: `bangfu-${o.service}-finish` },
      // Stamps the run's record done.
      table: { actions: ['UpdateItem'], indexes: false },
      secrets: [],
    });
    const shardFunction = bangfuFunction(`${o.id}ShardFunction`, {
      description: `Bangfu ${o.describe}: ${o.shardDoes}`,
      entry: o.entries.shard,
      memorySize: 2048,
      timeout: Duration.minutes(15),
      environment: { POWERTOOLS_SERVICE_NAME: `bangfu-${o.service}-shard` },
      table: { actions: o.shardActions, indexes: true },
      secrets: o.shardSecrets,
    });
    const plan = new tasks.LambdaInvoke(this, `Plan${o.id}`, {
      lambdaFunction: planFunction,
      payloadResponseOnly: true,
      resultPath: '$.plan',
    });
    const [first, ...rest] = o.phases.map((phase) =>
      this.shardMap(phase.mapId, phase.taskId, {
        comment: phase.comment,
        itemSelector: { 'runId.$': '$.plan.runId', 'regionCode.$': '$$.Map.Item.Value', ...phase.itemSelector },
        shardFunction,
        maxConcurrency: o.maxConcurrency,
      }),
    );
    const finish = new tasks.LambdaInvoke(this, `Finish${o.id}`, {
      lambdaFunction: finishFunction,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject({ 'plan.$': '$.plan' }),
    });
    let chain = plan.next(first!);
    for (const map of rest) chain = chain.next(map);
    return this.monthlyStateMachine(o.machineId, {
      comment: o.comment,
      definition: chain.next(finish),
      functions: [planFunction, shardFunction, finishFunction],
      failedAlarm: o.failedAlarm,
      retention,
    });
  }

  /**
   * 免申即享: plan (fix the month, list the township shards) → every shard in a Distributed
   * Map → finish (the run's record with the shards' figures). On the 26th of each month at
   * 02:00 China time (18:00 UTC on the 25th), after townships have entered the month by the
   * 25th (file 003 §(十九)), one execution per configured region.
   */
  private monthlyAutoClaims(
    bangfuFunction: BangfuFunctionFactory,
    projectRoot: string,
    props: BangfuStackProps,
    retention: logs.RetentionDays,
  ): sfn.StateMachine {
    const entry = path.join(projectRoot, FUNCTION_ENTRIES.autoClaims);
    const planFunction = bangfuFunction('AutoClaimsPlanFunction', {
      description: 'Bangfu monthly 免申即享: fix the month, list the township shards',
      entry,
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-auto-claims-plan' },
      // The region tree (children by index), the run's record.
      table: { actions: ['GetItem', 'Query', 'PutItem'], indexes: true },
      secrets: [],
    });
    const shardFunction = bangfuFunction('AutoClaimsShardFunction', {
      description: 'Bangfu monthly 免申即享: one township, the claims due made for every worker, awaiting review',
      entry,
      handler: 'shard',
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-auto-claims-shard' },
      // Workers (by region), their months and claims (by owner), the parameters; a claim made once (conditional put,
      // read back if there); the shard's figures with the run's sum (one transaction).
      table: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: true },
      secrets: [],
    });
    const finishFunction = bangfuFunction('AutoClaimsFinishFunction', {
      description: 'Bangfu monthly 免申即享: mark the run done',
      entry,
      handler: 'finish',
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-auto-claims-finish' },
      table: { actions: ['UpdateItem'], indexes: false },
      secrets: [],
    });
    const plan = new tasks.LambdaInvoke(this, 'PlanAutoClaims', {
      lambdaFunction: planFunction,
      payloadResponseOnly: true,
      resultPath: '$.plan',
    });
    const shards = this.shardMap('AutoClaimsShards', 'AutoClaimsShard', {
      comment: 'Every township shard',
      itemSelector: {
        'runId.$': '$.plan.runId',
        'regionCode.$': '$$.Map.Item.Value',
        'period.$': '$.plan.period',
        'startedAt.$': '$.plan.startedAt',
      },
      shardFunction,
      maxConcurrency: props.autoClaimsMaxConcurrency ?? 40,
    });
    const finish = new tasks.LambdaInvoke(this, 'FinishAutoClaims', {
      lambdaFunction: finishFunction,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject({ 'plan.$': '$.plan' }),
    });
    const machine = this.monthlyStateMachine('MonthlyAutoClaims', {
      comment: 'Bangfu monthly 免申即享: plan, township shards, finish',
      definition: plan.next(shards).next(finish),
      functions: [planFunction, shardFunction, finishFunction],
      failedAlarm: 'A monthly 免申即享 run failed: see the execution in Step Functions',
      retention,
    });
    this.regionSchedule(machine, 'AutoClaimsSchedule', {
      describe: (regionCode) => `Monthly 免申即享 over ${regionCode}, after the 25th`,
      schedule: events.Schedule.cron({ minute: '0', hour: '18', day: '25' }),
      inputs: (props.autoClaimRegions ?? []).map((regionCode) => ({ regionCode })),
    });
    return machine;
  }

  /**
   * A Distributed Map over the plan's townships, each shard a Lambda retried twice. A shard's
   * input is built here from the township's code and the plan (`$.plan`), so the plan lists
   * codes alone; each shard adds its figures to the run's record, so the map's own results
   * are not needed.
   */
  private shardMap(
    id: string,
    taskId: string,
    options: {
      comment: string;
      itemSelector: Record<string, string>;
      shardFunction: lambda.IFunction;
      maxConcurrency: number;
    },
  ): sfn.DistributedMap {
    const map = new sfn.DistributedMap(this, id, {
      comment: options.comment,
      itemsPath: '$.plan.townships',
      itemSelector: options.itemSelector,
      maxConcurrency: options.maxConcurrency,
      resultPath: sfn.JsonPath.DISCARD,
    });
    map.itemProcessor(
      new tasks.LambdaInvoke(this, taskId, {
        lambdaFunction: options.shardFunction,
        payloadResponseOnly: true,
        retryOnServiceExceptions: true,
      }).addRetry({ errors: ['States.TaskFailed'], maxAttempts: 2, interval: Duration.seconds(30), backoffRate: 2 }),
    );
    return map;
  }

  /**
   * A monthly run's state machine: every state's events logged without their payloads (they
   * name workers), traced, and an alarm when an execution fails (a run that started and then
   * failed never reaches the dead-letter queue).
   */
  private monthlyStateMachine(
    id: string,
    options: {
      comment: string;
      definition: sfn.IChainable;
      functions: lambda.IFunction[];
      failedAlarm: string;
      retention: logs.RetentionDays;
    },
  ): sfn.StateMachine {
    const machine = new sfn.StateMachine(this, id, {
      comment: options.comment,
      definitionBody: sfn.DefinitionBody.fromChainable(options.definition),
      timeout: Duration.hours(6),
      logs: {
        destination: new logs.LogGroup(this, `${id}Logs`, {
          retention: options.retention,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
      tracingEnabled: true,
    });
    const functionArn = (fn: lambda.IFunction) => `<${this.getLogicalId(fn.node.defaultChild as lambda.CfnFunction)}.Arn>`;
    const executions = `arn:${this.partition}:states:${this.region}:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${this.getLogicalId(machine.node.defaultChild as sfn.CfnStateMachine)}"}]}]}`;
    for (const [finding, reason] of [
      ...options.functions.map(
        (fn) => [`Resource::${functionArn(fn)}:*`, 'Invoking its functions, any version (what LambdaInvoke grants)'] as const,
      ),
      ['Resource::*', 'Log delivery and X-Ray trace actions have no resource-level permissions'] as const,
      [
        `Resource::${executions}:*`,
        "Describe and stop the Distributed Maps' child executions of this state machine only",
      ] as const,
      [`Resource::${executions}/*:*`, "Redrive the Distributed Maps' child executions of this state machine only"] as const,
    ]) {
      Validations.of(machine).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    machine.metricFailed({ period: Duration.minutes(5) }).createAlarm(this, `${id}FailedAlarm`, {
      alarmDescription: options.failedAlarm,
      ...ON_ANY,
    });
    return machine;
  }

  /** One schedule per input (a region each), retried twice within 6 hours, then left in the dead-letter queue. */
  private regionSchedule(
    target: sfn.StateMachine | lambda.IFunction,
    idPrefix: string,
    options: { describe: (regionCode: string) => string; schedule: events.Schedule; inputs: { regionCode: string }[] },
  ) {
    for (const input of options.inputs) {
      const delivery = {
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.scheduleDeadLetters,
      };
      const event = events.RuleTargetInput.fromObject(input);
      new events.Rule(this, `${idPrefix}${input.regionCode}`, {
        description: options.describe(input.regionCode),
        schedule: options.schedule,
        targets: [
          target instanceof sfn.StateMachine
            ? new targets.SfnStateMachine(target, { ...delivery, input: event })
            : new targets.LambdaFunction(target, { ...delivery, event }),
        ],
      });
    }
  }
}
