/**
 * The Bangfu stack: one DynamoDB table (key schema from functions/src/db/tableSchema.ts),
 * one API Lambda behind an HTTP API, a KMS key and the app secret.
 *
 * The stack does no lookups (its region comes from context or the environment), so `cdk synth` runs offline.
 */
import * as path from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../../functions/src/db/tableSchema.js';

/** The repository root (npm workspaces root holding package-lock.json). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BangfuStackProps extends StackProps {
  /** Deployment stage, e.g. `prod` or `test`; empty for the default stack. Used in resource descriptions/aliases. */
  readonly stage?: string;
  /** The mini-program's AppID (env WECHAT_APPID). @default '' */
  readonly wechatAppId?: string;
  /** Origins allowed by CORS (the H5 build); the mini-program itself does not need CORS. @default ['*'] */
  readonly allowedOrigins?: string[];
  /** Log retention of the function and access logs. @default SIX_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /** Override of the API handler entry (bundling checks only). @default functions/src/lambda.ts */
  readonly apiEntry?: string;
  /** Override of the bundling project root; must contain apiEntry and package-lock.json. @default the repo root */
  readonly projectRoot?: string;
  /** County codes whose workers the monthly 免申即享 run evaluates (env AUTO_CLAIM_REGIONS). @default [] */
  readonly autoClaimRegions?: string[];
}

export class BangfuStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly dataKey: kms.Key;
  readonly appSecret: secretsmanager.Secret;
  readonly idHashSecret: secretsmanager.Secret;
  readonly apiFunction: nodejs.NodejsFunction;
  readonly autoClaimsFunction: nodejs.NodejsFunction;
  readonly httpApi: apigwv2.HttpApi;

  constructor(scope: Construct, id: string, props: BangfuStackProps = {}) {
    super(scope, id, props);
    const stage = props.stage ?? '';
    const retention = props.logRetention ?? logs.RetentionDays.SIX_MONTHS;
    const projectRoot = props.projectRoot ?? REPO_ROOT;

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

    // The key of the HMAC that makes ID numbers unique without keeping them in the clear.
    // Its own secret, so rotating the token key never changes every worker's lookup hash.
    this.idHashSecret = new secretsmanager.Secret(this, 'IdHashSecret', {
      description: 'Bangfu API: key of the keyed hash of ID numbers (never rotate without re-hashing)',
      encryptionKey: this.dataKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Both functions are the same code base, bundled alike, with the same configuration and rights.
    const environment = {
      TABLE_NAME: this.table.tableName,
      APP_SECRET_ARN: this.appSecret.secretArn,
      ID_HASH_SECRET_ARN: this.idHashSecret.secretArn,
      DATA_KEY_ARN: this.dataKey.keyArn,
      WECHAT_APPID: props.wechatAppId ?? '',
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: 'INFO',
      // Never DEV_LOGIN or TOKEN_SECRET here: the signing key comes from APP_SECRET_ARN.
    };
    const bangfuFunction = (
      id: string,
      options: { description: string; entry: string; timeout: Duration; memorySize: number; environment: Record<string, string> },
    ) => {
      const fn = new nodejs.NodejsFunction(this, id, {
        description: options.description,
        entry: options.entry,
        handler: 'handler',
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: options.memorySize,
        timeout: options.timeout,
        projectRoot,
        depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
        logGroup: new logs.LogGroup(this, `${id}Logs`, { retention, removalPolicy: RemovalPolicy.RETAIN }),
        bundling: {
          format: nodejs.OutputFormat.ESM,
          target: 'node22',
          mainFields: ['module', 'main'],
          banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
          minify: true,
          sourceMap: true,
          sourcesContent: false,
          charset: nodejs.Charset.UTF8,
          // The runtime ships an AWS SDK v3, but bundling ours pins the version we test against.
          externalModules: [],
          forceDockerBundling: false,
        },
        environment: { ...environment, ...options.environment },
      });
      this.table.grantReadWriteData(fn);
      this.appSecret.grantRead(fn);
      this.idHashSecret.grantRead(fn);
      this.dataKey.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
      return fn;
    };

    this.apiFunction = bangfuFunction('ApiFunction', {
      description: 'Bangfu HTTP API',
      entry: props.apiEntry ?? path.join(projectRoot, 'functions', 'src', 'lambda.ts'),
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: { POWERTOOLS_SERVICE_NAME: 'bangfu-api' },
    });

    // 免申即享: on the 26th of each month at 02:00 China time (18:00 UTC on the 25th), after
    // townships have entered the month by the 25th (file 003 §(十九)), every worker of the
    // configured counties is evaluated and what is due becomes a claim awaiting review.
    this.autoClaimsFunction = bangfuFunction('AutoClaimsFunction', {
      description: 'Bangfu monthly 免申即享: claims made for every worker what is due, awaiting staff review',
      entry: path.join(projectRoot, 'functions', 'src', 'jobs', 'autoClaims.ts'),
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'bangfu-auto-claims',
        AUTO_CLAIM_REGIONS: (props.autoClaimRegions ?? []).join(','),
      },
    });
    new events.Rule(this, 'AutoClaimsSchedule', {
      description: 'Monthly 免申即享 run, after the 25th',
      schedule: events.Schedule.cron({ minute: '0', hour: '18', day: '25' }),
      targets: [new targets.LambdaFunction(this.autoClaimsFunction, { retryAttempts: 2 })],
    });

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: stage ? `bangfu-${stage}` : 'bangfu',
      description: 'Bangfu API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins ?? ['*'],
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
  }
}
