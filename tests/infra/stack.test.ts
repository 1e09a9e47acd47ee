/**
 * The CDK stack, synthesized in-process without bundling: the table matches the one
 * key-schema module, secrets stay out of the Lambda environment, each function can reach
 * exactly what its code uses, and cdk-nag's AwsSolutions checks find nothing unexplained.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_INDEXES, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../../functions/src/db/tableSchema.js';
import { BangfuStack } from '../../infra/lib/bangfu-stack.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

const infraDir = path.resolve(import.meta.dirname, '..', '..', 'infra');

let template: Template;
let resources: Record<string, Resource>;
/** What cdk-nag reported (and synth's error, if it failed on them). */
let nagViolations: unknown[];
let synthError: string | undefined;

/** The context of `cdk synth` (infra/cdk.json's feature flags), and no esbuild run. */
function testApp(outdir?: string) {
  const cdkJson = JSON.parse(readFileSync(path.join(infraDir, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] }, ...(outdir ? { outdir } : {}) });
}

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

function only(type: string): [string, Resource] {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** A secret by the start of its logical id (CDK appends a hash). */
function secretNamed(prefix: string): [string, Resource] {
  const found = ofType('AWS::SecretsManager::Secret').filter(([id]) => id.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

/** A function by the start of its logical id. */
function functionNamed(prefix: string): [string, Resource] {
  const found = ofType('AWS::Lambda::Function').filter(([id]) => id.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

/** The one stream mapping that feeds the function `fnId`. */
function mappingOf(fnId: string): [string, Resource] {
  const found = ofType('AWS::Lambda::EventSourceMapping').filter(
    ([, m]) => (m.Properties.FunctionName as { Ref?: string }).Ref === fnId,
  );
  expect(found, fnId).toHaveLength(1);
  return found[0]!;
}

/**
 * The function `name` reads the table's stream through its own mapping with these filter patterns,
 * 100 records at a time, a failing batch split and retried, after a day queued in `<id>Failed`
 * (encrypted) with an alarm; it may read the stream and nothing else of it, and send to its queue.
 */
function expectStreamConsumer(name: string, queue: string, patterns: unknown[]): Resource {
  const [fnId, fn] = functionNamed(name);
  const [, mapping] = mappingOf(fnId);
  const failed = ofType('AWS::SQS::Queue').find(([id]) => id.startsWith(queue))!;
  const streamArn = { 'Fn::GetAtt': [only('AWS::DynamoDB::GlobalTable')[0], 'StreamArn'] };
  expect(mapping.Properties).toMatchObject({
    FunctionName: { Ref: fnId },
    EventSourceArn: streamArn,
    StartingPosition: 'TRIM_HORIZON',
    BatchSize: 100,
    BisectBatchOnFunctionError: true,
    MaximumRecordAgeInSeconds: 86_400,
    DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failed[0], 'Arn'] } } },
    FilterCriteria: { Filters: patterns.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) },
  });
  expect(failed[1].Properties).toMatchObject({ SqsManagedSseEnabled: true });
  expect(allowedOn(name, streamArn, 'dynamodb')).toEqual([
    'dynamodb:DescribeStream',
    'dynamodb:GetRecords',
    'dynamodb:GetShardIterator',
    'dynamodb:ListStreams',
  ]);
  expect(allowedOn(name, { 'Fn::GetAtt': [failed[0], 'Arn'] }, 'sqs')).toContain('sqs:SendMessage');
  const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  expect(alarms).toContainEqual(
    expect.objectContaining({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [failed[0], 'QueueName'] } }],
    }),
  );
  return fn;
}

/** The schedules whose target is the resource `id`. */
function rulesTargeting(id: string): [string, Resource][] {
  return ofType('AWS::Events::Rule').filter(([, rule]) =>
    (rule.Properties.Targets as { Arn: { 'Fn::GetAtt'?: string[]; Ref?: string } }[]).some(
      (t) => t.Arn['Fn::GetAtt']?.[0] === id || t.Arn.Ref === id,
    ),
  );
}

/** A state machine by the start of its logical id. */
function machineNamed(prefix: string): [string, Resource] {
  const found = ofType('AWS::StepFunctions::StateMachine').filter(([id]) => id.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

/** A state machine's definition as JSON, with the functions' ARNs replaced by their logical ids. */
function definitionOf(prefix: string): { StartAt: string; States: Record<string, Record<string, unknown>> } {
  const [, machine] = machineNamed(prefix);
  const parts = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = parts
    .map((p) => (typeof p === 'string' ? p : `<${(p as { 'Fn::GetAtt': string[] })['Fn::GetAtt']?.[0]}>`))
    .join('');
  return JSON.parse(text);
}

const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** The Allow statements of a function's role (by the start of the function's logical id). */
function statementsOf(prefix: string): (Statement & { Condition?: Record<string, Record<string, unknown>> })[] {
  const [, fn] = functionNamed(prefix);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => s.Effect === 'Allow');
}

/** The actions a function may run on a resource. */
function allowedOn(prefix: string, resource: unknown, service: string): string[] {
  return statementsOf(prefix)
    .filter((s) => resourcesOf(s).some((r) => JSON.stringify(r) === JSON.stringify(resource)))
    .flatMap(actions)
    .filter((a) => a.startsWith(`${service}:`))
    .sort();
}

beforeAll(() => {
  // One synth, with the AwsSolutions checks as `cdk synth` runs them (infra/bin/app.ts); a
  // failed validation still writes the template and the report.
  const outdir = mkdtempSync(path.join(tmpdir(), 'bangfu-synth-'));
  const app = testApp(outdir);
  new BangfuStack(app, 'Bangfu-test', {
    env: { region: 'cn-north-1' },
    stage: 'test',
    wechatAppId: 'wx0123456789abcdef',
    wechatAlertTemplateId: 'alert-template-id',
    wechatCardTemplateId: 'card-template-id',
    sms: {
      sdkAppId: '1400000001',
      signName: '帮扶就业',
      cardTemplateId: '2301001',
      phoneTemplateId: '2301002',
      paidTemplateId: '2301003',
    },
    allowedOrigins: ['https://h5.example.cn', 'https://staff.example.cn'],
    autoClaimRegions: ['150222', '150221'],
    pushRegions: ['15'],
    pushConfig: { k: 4, n: 3 },
    monitoringRegions: ['15'],
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch (error) {
    synthError = (error as Error).message;
  }
  const reportFile = path.join(outdir, 'validation-report.json');
  const report = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations: unknown[] }[] })
    : { pluginReports: [] };
  nagViolations = report.pluginReports.flatMap((r) => r.violations);
  template = Template.fromJSON(JSON.parse(readFileSync(path.join(outdir, 'Bangfu-test.template.json'), 'utf8')));
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 120_000);

it('passes cdk-nag AwsSolutions: no error or warning that the stack has not acknowledged with its reason', () => {
  expect(nagViolations).toEqual([]);
  expect(synthError).toBeUndefined();
  // The same checks do fail a stack with a finding (a queue that allows plain HTTP), so the pass above means something.
  const control = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'bangfu-nag-control-')) });
  new sqs.Queue(new Stack(control, 'Control'), 'Plain', { encryption: sqs.QueueEncryption.SQS_MANAGED });
  Validations.of(control).addPlugins(new AwsSolutionsChecks(control));
  expect(() => control.synth()).toThrow(/AwsSolutions-SQS4/);
});

describe('DynamoDB table', () => {
  it('is built from functions/src/db/tableSchema.ts: keys, every GSI, string attributes, TTL', () => {
    const [, table] = only('AWS::DynamoDB::GlobalTable');
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ]);
    expect(GLOBAL_INDEXES.length).toBeGreaterThan(0);
    expect(p.GlobalSecondaryIndexes).toEqual(
      GLOBAL_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyAttributes = [PARTITION_KEY, SORT_KEY, ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(p.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(p.AttributeDefinitions).toHaveLength(new Set(keyAttributes).size);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
  });

  it('is on-demand, streams new and old images, and is retained', () => {
    const [, table] = only('AWS::DynamoDB::GlobalTable');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has PITR, deletion protection and encryption with the stack KMS key', () => {
    const [keyId] = only('AWS::KMS::Key');
    const [, table] = only('AWS::DynamoDB::GlobalTable');
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    const replicas = table.Properties.Replicas as Record<string, unknown>[];
    expect(replicas).toHaveLength(1);
    expect(replicas[0]).toMatchObject({
      Region: 'cn-north-1',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
  });
});

describe('KMS key and app secret', () => {
  it('rotates the key and retains it', () => {
    const [, key] = only('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('generates the secret {wechatAppSecret, tokenSigningKey} encrypted with the key', () => {
    const [keyId] = only('AWS::KMS::Key');
    const [, secret] = secretNamed('AppSecret');
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(secret.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: JSON.stringify({ wechatAppSecret: '' }),
      GenerateStringKey: 'tokenSigningKey',
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
  });

  it('keeps the ID-number hash key in a secret of its own, encrypted with the key', () => {
    const [keyId] = only('AWS::KMS::Key');
    expect(ofType('AWS::SecretsManager::Secret')).toHaveLength(3);
    const [, secret] = secretNamed('IdHashSecret');
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true });
  });

  it('keeps the SMS API key in a secret of its own, encrypted with the key, empty until the operator fills it in', () => {
    const [keyId] = only('AWS::KMS::Key');
    const [, secret] = secretNamed('SmsSecret');
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(JSON.parse(String(secret.Properties.SecretString))).toEqual({ secretId: '', secretKey: '' });
    expect(secret.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('API function', () => {
  it('runs Node.js 22 on arm64 with the configured size and logs', () => {
    const [, fn] = functionNamed('ApiFunction');
    const logGroupIds = ofType('AWS::Logs::LogGroup').map(([id]) => id);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 10,
    });
    const logGroup = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(logGroupIds).toContain(logGroup);
  });

  it('reads its configuration from the environment, never a dev login or signing key', () => {
    const [secretId] = secretNamed('AppSecret');
    const [idHashSecretId] = secretNamed('IdHashSecret');
    const [tableId] = only('AWS::DynamoDB::GlobalTable');
    const [keyId] = only('AWS::KMS::Key');
    const [, fn] = functionNamed('ApiFunction');
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({
      TABLE_NAME: { Ref: tableId },
      APP_SECRET_ARN: { Ref: secretId },
      ID_HASH_SECRET_ARN: { Ref: idHashSecretId },
      DATA_KEY_ARN: { 'Fn::GetAtt': [keyId, 'Arn'] },
      WECHAT_APPID: 'wx0123456789abcdef',
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: 'INFO',
      POWERTOOLS_SERVICE_NAME: 'bangfu-api',
    });
    for (const forbidden of [
      'DEV_LOGIN',
      'TOKEN_SECRET',
      'WECHAT_APP_SECRET',
      'DYNAMODB_ENDPOINT',
      'ID_HASH_KEY',
      'ID_MASTER_KEY',
    ]) {
      expect(env, forbidden).not.toHaveProperty(forbidden);
    }
  });

  it("may read both secrets and use the ID vault's data keys of this table only", () => {
    const [secretId] = secretNamed('AppSecret');
    const [idHashSecretId] = secretNamed('IdHashSecret');
    const [tableId] = only('AWS::DynamoDB::GlobalTable');
    const [keyId] = only('AWS::KMS::Key');
    expect(allowedOn('ApiFunction', { Ref: secretId }, 'secretsmanager')).toContain('secretsmanager:GetSecretValue');
    expect(allowedOn('ApiFunction', { Ref: idHashSecretId }, 'secretsmanager')).toContain('secretsmanager:GetSecretValue');
    // Direct use of the key (envelope encryption) only with the ID vault's encryption context.
    const direct = statementsOf('ApiFunction').filter(
      (s) =>
        resourcesOf(s).some((r) => JSON.stringify(r) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] })) &&
        !s.Condition?.StringEquals?.['kms:ViaService'],
    );
    expect(direct).toHaveLength(1);
    expect(actions(direct[0]!).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(direct[0]!.Condition).toEqual({
      StringEquals: { 'kms:EncryptionContext:purpose': 'id-vault', 'kms:EncryptionContext:table': { Ref: tableId } },
    });
  });
});

describe('least privilege of each function', () => {
  const tableArn = () => ({ 'Fn::GetAtt': [only('AWS::DynamoDB::GlobalTable')[0], 'Arn'] });
  const indexArns = () => ({ 'Fn::Join': ['', [tableArn(), '/index/*']] });
  const functions: Record<string, { table: string[]; indexes: boolean; secrets: string[] }> = {
    ApiFunction: {
      table: ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
      indexes: true,
      secrets: ['AppSecret', 'IdHashSecret'],
    },
    AutoClaimsPlanFunction: { table: ['GetItem', 'PutItem', 'Query'], indexes: true, secrets: [] },
    AutoClaimsShardFunction: { table: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], indexes: true, secrets: [] },
    AutoClaimsFinishFunction: { table: ['UpdateItem'], indexes: false, secrets: [] },
    MapExpiryFunction: { table: ['PutItem', 'Query', 'UpdateItem'], indexes: true, secrets: [] },
    PushPlanFunction: { table: ['BatchWriteItem', 'GetItem', 'PutItem', 'Query'], indexes: true, secrets: [] },
    PushShardFunction: { table: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], indexes: true, secrets: ['AppSecret'] },
    PushFinishFunction: { table: ['UpdateItem'], indexes: false, secrets: [] },
    ListsPlanFunction: { table: ['BatchGetItem', 'BatchWriteItem', 'GetItem', 'PutItem', 'Query'], indexes: true, secrets: [] },
    ListsShardFunction: { table: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], indexes: true, secrets: [] },
    ListsFinishFunction: { table: ['UpdateItem'], indexes: false, secrets: [] },
    MonthFiguresFunction: { table: ['PutItem', 'UpdateItem'], indexes: false, secrets: [] },
    JobAlertsFunction: {
      table: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
      indexes: true,
      secrets: ['AppSecret'],
    },
    ReconcileFiguresFunction: { table: ['BatchGetItem', 'Query', 'UpdateItem'], indexes: true, secrets: [] },
    WarningsFunction: { table: ['BatchGetItem', 'PutItem', 'Query', 'UpdateItem'], indexes: true, secrets: [] },
    TextMessagesFunction: { table: ['BatchGetItem', 'PutItem', 'UpdateItem'], indexes: false, secrets: ['SmsSecret'] },
  };

  it.each(Object.entries(functions))(
    '%s runs on the table only the actions its code uses, and Query alone on the indexes',
    (prefix, want) => {
      expect(allowedOn(prefix, tableArn(), 'dynamodb')).toEqual(want.table.map((a) => `dynamodb:${a}`));
      expect(allowedOn(prefix, indexArns(), 'dynamodb')).toEqual(want.indexes ? ['dynamodb:Query'] : []);
      const everything = statementsOf(prefix).flatMap(actions);
      for (const never of [
        'dynamodb:*',
        'dynamodb:Scan',
        'dynamodb:DeleteItem',
        'dynamodb:DeleteTable',
        'dynamodb:DescribeTable',
        '*',
      ]) {
        expect(everything, never).not.toContain(never);
      }
      expect(everything.filter((a) => a.endsWith(':*'))).toEqual([]);
    },
  );

  it("the API's actions are exactly the DynamoDB operations the product code sends (outside the local runner)", () => {
    const sources = readdirSync(path.join(infraDir, '..', 'functions', 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.startsWith(`local${path.sep}`))
      .map((file) => readFileSync(path.join(infraDir, '..', 'functions', 'src', file), 'utf8'))
      .join('\n');
    const commands: Record<string, string> = {
      Get: 'GetItem',
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      Query: 'Query',
      Scan: 'Scan',
      BatchGet: 'BatchGetItem',
      BatchWrite: 'BatchWriteItem',
      TransactGet: 'GetItem',
    };
    const sent = new Set<string>();
    for (const [, name] of sources.matchAll(/new (\w+?)(?:Item)?Command\(/g)) if (commands[name!]) sent.add(commands[name!]!);
    // A transaction's items: each needs the action of its kind.
    for (const [, kind] of sources.matchAll(/\b(Put|Update|Delete|ConditionCheck): \{/g))
      sent.add(kind === 'ConditionCheck' ? 'ConditionCheckItem' : `${kind}Item`);
    expect([...sent].sort()).toEqual(functions.ApiFunction!.table);
  });

  it.each(Object.entries(functions))('%s reads only the secrets it uses, and is told only their ARNs', (prefix, want) => {
    const [, fn] = functionNamed(prefix);
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    for (const [name, variable] of [
      ['AppSecret', 'APP_SECRET_ARN'],
      ['IdHashSecret', 'ID_HASH_SECRET_ARN'],
      ['SmsSecret', 'SMS_SECRET_ARN'],
    ] as const) {
      const [secretId] = secretNamed(name);
      const granted = allowedOn(prefix, { Ref: secretId }, 'secretsmanager').includes('secretsmanager:GetSecretValue');
      expect(granted, name).toBe(want.secrets.includes(name));
      expect(env[variable], variable).toEqual(want.secrets.includes(name) ? { Ref: secretId } : undefined);
    }
  });

  it.each(Object.keys(functions).filter((f) => f !== 'ApiFunction'))(
    '%s may use the key only through DynamoDB and Secrets Manager, never open an ID number',
    (prefix) => {
      const [keyId] = only('AWS::KMS::Key');
      const onKey = statementsOf(prefix).filter((s) =>
        resourcesOf(s).some((r) => JSON.stringify(r) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] })),
      );
      expect(onKey.length).toBeGreaterThan(0);
      for (const statement of onKey) {
        expect(statement.Condition?.StringEquals?.['kms:ViaService']).toBe('dynamodb.cn-north-1.amazonaws.com');
      }
    },
  );
});

describe('HTTP API', () => {
  it('routes ANY /api and ANY /api/{proxy+} to the function', () => {
    const [fnId] = functionNamed('ApiFunction');
    const [integrationId, integration] = only('AWS::ApiGatewayV2::Integration');
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['ANY /api', 'ANY /api/{proxy+}']);
    for (const route of routes) {
      expect(route.Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] });
    }
    // One permission per route for API Gateway (the schedule has its own, below).
    const apiPermissions = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(apiPermissions).toHaveLength(routes.length);
  });

  it('allows CORS from the configured origins only, for the app methods and headers', () => {
    const [, api] = only('AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration).toMatchObject({
      AllowOrigins: ['https://h5.example.cn', 'https://staff.example.cn'],
      AllowMethods: expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
      AllowHeaders: expect.arrayContaining(['Authorization', 'Content-Type']),
    });
  });

  it('has no CORS when no origin is configured, and refuses a wildcard origin', () => {
    const bare = Template.fromStack(new BangfuStack(testApp(), 'Bangfu-bare', { env: { region: 'cn-north-1' } }));
    const apis = Object.values(bare.toJSON().Resources as Record<string, Resource>).filter(
      (r) => r.Type === 'AWS::ApiGatewayV2::Api',
    );
    expect(apis).toHaveLength(1);
    expect(apis[0]!.Properties.CorsConfiguration).toBeUndefined();
    for (const origin of ['*', 'https://*.example.cn', 'h5.example.cn']) {
      expect(
        () => new BangfuStack(testApp(), 'Bangfu-star', { env: { region: 'cn-north-1' }, allowedOrigins: [origin] }),
      ).toThrow(/allowedOrigins/);
    }
  });

  it('throttles the auto-deployed default stage and writes access logs', () => {
    const [, stage] = only('AWS::ApiGatewayV2::Stage');
    const logGroupIds = ofType('AWS::Logs::LogGroup').map(([id]) => id);
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
    const access = stage.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    expect(logGroupIds).toContain(access.DestinationArn['Fn::GetAtt'][0]);
    expect(JSON.parse(access.Format)).toHaveProperty('requestId', '$context.requestId');
  });
});

describe('monthly 免申即享 run', () => {
  it('plans, fans the township shards out in a Distributed Map, then finishes', () => {
    const { StartAt, States } = definitionOf('MonthlyAutoClaims');
    expect(StartAt).toBe('PlanAutoClaims');
    expect(States.PlanAutoClaims).toMatchObject({ Type: 'Task', Next: 'AutoClaimsShards', ResultPath: '$.plan' });
    const map = States.AutoClaimsShards!;
    expect(map).toMatchObject({
      Type: 'Map',
      Next: 'FinishAutoClaims',
      // The plan lists township codes; each shard's input is its code with the plan's run, month and start,
      // so a retry claims the same month and knows its own claims.
      ItemsPath: '$.plan.townships',
      MaxConcurrency: 40,
      ItemSelector: {
        'runId.$': '$.plan.runId',
        'regionCode.$': '$$.Map.Item.Value',
        'period.$': '$.plan.period',
        'startedAt.$': '$.plan.startedAt',
      },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    });
    const shard = (map.ItemProcessor as { States: Record<string, { Resource: string; Retry: unknown[] }> }).States
      .AutoClaimsShard!;
    expect(shard.Resource).toBe(`<${functionNamed('AutoClaimsShardFunction')[0]}>`);
    expect(shard.Retry).toContainEqual(expect.objectContaining({ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }));
    expect(States.FinishAutoClaims).toMatchObject({ Type: 'Task', End: true });
  });

  it('runs the plan, shard and finish handlers of one entry, the shard with time for a township', () => {
    for (const [name, handler] of [
      ['AutoClaimsPlanFunction', 'index.handler'],
      ['AutoClaimsShardFunction', 'index.shard'],
      ['AutoClaimsFinishFunction', 'index.finish'],
    ] as const) {
      const [, fn] = functionNamed(name);
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Handler: handler });
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables)).not.toContain('TOKEN_SECRET');
      expect(Object.keys(variables)).not.toContain('DEV_LOGIN');
    }
    expect(functionNamed('AutoClaimsShardFunction')[1].Properties).toMatchObject({ Timeout: 900 });
  });

  it('starts on the 26th of each month, 02:00 China time, after townships enter the month, one execution per region', () => {
    const [machineId] = machineNamed('MonthlyAutoClaims');
    const rules = rulesTargeting(machineId);
    expect(rules).toHaveLength(2);
    const inputs = rules.map(([, rule]) => {
      expect(rule.Properties.ScheduleExpression).toBe('cron(0 18 25 * ? *)');
      expect(rule.Properties.State).toBe('ENABLED');
      const [target] = rule.Properties.Targets as {
        Input: string;
        RoleArn: unknown;
        RetryPolicy?: { MaximumRetryAttempts: number };
      }[];
      expect(target!.RoleArn).toBeDefined();
      expect(target!.RetryPolicy?.MaximumRetryAttempts).toBe(2);
      return JSON.parse(target!.Input) as unknown;
    });
    expect(inputs).toEqual(expect.arrayContaining([{ regionCode: '150222' }, { regionCode: '150221' }]));
  });
});

describe("the job map's daily sweep", () => {
  it('runs every night at 00:30 China time, retried, and alarms when it fails', () => {
    const [fnId, fn] = functionNamed('MapExpiryFunction');
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 300 });
    const [[, rule]] = rulesTargeting(fnId) as [[string, Resource]];
    expect(rule.Properties.ScheduleExpression).toBe('cron(30 16 * * ? *)');
    const [target] = rule.Properties.Targets as { RetryPolicy?: { MaximumRetryAttempts: number } }[];
    expect(target!.RetryPolicy?.MaximumRetryAttempts).toBe(2);
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
        Threshold: 0,
      }),
    );
  });
});

/** The queue where scheduled runs that could not start are left. */
const scheduleDeadLetters = () => ofType('AWS::SQS::Queue').find(([id]) => id.startsWith('ScheduleDeadLetters'))!;

describe('dead letters of the scheduled runs', () => {
  it('every schedule target retries, then leaves its event in one encrypted queue kept two weeks', () => {
    const [queueId, queue] = scheduleDeadLetters();
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const rules = ofType('AWS::Events::Rule');
    // 免申即享 over two counties, the push and the nightly lists over region 15, the map's daily sweep, the
    // figures' reconciliation and the daily warnings of 15
    expect(rules.length).toBe(7);
    for (const [id, rule] of rules) {
      for (const target of rule.Properties.Targets as {
        DeadLetterConfig?: unknown;
        RetryPolicy?: { MaximumRetryAttempts: number };
      }[]) {
        expect(target.DeadLetterConfig, id).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
        expect(target.RetryPolicy?.MaximumRetryAttempts, id).toBe(2);
      }
    }
    // EventBridge may send to it; only over TLS.
    const [, queuePolicy] = ofType('AWS::SQS::QueuePolicy').find(([, policy]) =>
      JSON.stringify(policy.Properties.Queues).includes(queueId),
    )!;
    const statements = (queuePolicy.Properties.PolicyDocument as { Statement: (Statement & { Principal?: unknown })[] })
      .Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('alarms when a run is in the queue, and when an execution of either monthly run fails', () => {
    const [queueId] = scheduleDeadLetters();
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    for (const [machineId] of ofType('AWS::StepFunctions::StateMachine')) {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          MetricName: 'ExecutionsFailed',
          Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: machineId } }],
          Threshold: 0,
        }),
      );
    }
  });
});

describe('the monthly figures (务工规模, 务工收入)', () => {
  it('are kept by a Lambda on the table stream, given only month records, 100 at a time, split and retried, then queued', () => {
    // It reads the stream and may leave a failed batch's place in the queue; the key only through DynamoDB (above).
    expectStreamConsumer('MonthFiguresFunction', 'MonthFiguresFailed', [
      { dynamodb: { NewImage: { type: { S: ['employment', 'worker'] } } } },
      { dynamodb: { OldImage: { type: { S: ['employment', 'worker'] } } } },
    ]);
  });

  it('are reconciled from the month records on the 1st at 03:00 China time, for each configured region', () => {
    const [fnId] = functionNamed('ReconcileFiguresFunction');
    const rules = ofType('AWS::Events::Rule').filter(([id]) => id.startsWith('ReconcileFiguresSchedule'));
    expect(rules).toHaveLength(1);
    expect(rules[0]![1].Properties).toMatchObject({
      ScheduleExpression: 'cron(0 19 L * ? *)',
      Targets: [expect.objectContaining({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, Input: JSON.stringify({ regionCode: '15' }) })],
    });
  });
});

describe('岗位订阅 (job alerts)', () => {
  it('are delivered by their own Lambda on the table stream, given only position items, split and retried, then queued', () => {
    const fn = expectStreamConsumer('JobAlertsFunction', 'JobAlertsFailed', [
      { dynamodb: { NewImage: { type: { S: ['position'] } } } },
    ]);
    // The template its messages use, as the API tells the mini-program.
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.WECHAT_ALERT_TEMPLATE_ID).toBe('alert-template-id');
    const [, api] = functionNamed('ApiFunction');
    expect((api.Properties.Environment as { Variables: Record<string, unknown> }).Variables.WECHAT_ALERT_TEMPLATE_ID).toBe(
      'alert-template-id',
    );
    // The card notices' template, which the API gives 我的补贴 to ask 允许 for.
    expect((api.Properties.Environment as { Variables: Record<string, unknown> }).Variables.WECHAT_CARD_TEMPLATE_ID).toBe(
      'card-template-id',
    );
  });
});

describe('短信提醒 (texts)', () => {
  it('are sent by their own Lambda on the table stream, given only worker records, card entries and claims, split and retried, then queued', () => {
    const fn = expectStreamConsumer('TextMessagesFunction', 'TextMessagesFailed', [
      { dynamodb: { NewImage: { type: { S: ['payoutAccount', 'worker', 'claim'] } } } },
    ]);
    // Its templates, and the API's: it tells the officer where a card's text goes.
    const sms = {
      SMS_SDK_APP_ID: '1400000001',
      SMS_SIGN_NAME: '帮扶就业',
      SMS_CARD_TEMPLATE_ID: '2301001',
      SMS_PHONE_TEMPLATE_ID: '2301002',
      SMS_PAID_TEMPLATE_ID: '2301003',
    };
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject(sms);
    const [, api] = functionNamed('ApiFunction');
    expect((api.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject(sms);
  });
});

describe('the daily warnings (及早预警)', () => {
  it('run at 02:00 China time for each configured region', () => {
    const [fnId] = functionNamed('WarningsFunction');
    const rules = ofType('AWS::Events::Rule').filter(([id]) => id.startsWith('WarningsSchedule'));
    expect(rules).toHaveLength(1);
    expect(rules[0]![1].Properties).toMatchObject({
      ScheduleExpression: 'cron(0 18 * * ? *)',
      Targets: [expect.objectContaining({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, Input: JSON.stringify({ regionCode: '15' }) })],
    });
  });
});

describe('monthly job push', () => {
  it('plans, fans the township shards out in a Distributed Map for the priority groups, then for everyone else, then finishes', () => {
    const { StartAt, States } = definitionOf('MonthlyPush');
    expect(StartAt).toBe('PlanPush');
    expect(States.PlanPush).toMatchObject({ Type: 'Task', Next: 'PushShards-priority', ResultPath: '$.plan' });
    for (const [phase, next] of [
      ['priority', 'PushShards-others'],
      ['others', 'FinishPush'],
    ] as const) {
      const map = States[`PushShards-${phase}`]!;
      expect(map).toMatchObject({
        Type: 'Map',
        Next: next,
        ItemsPath: '$.plan.townships',
        MaxConcurrency: 40,
        ItemSelector: {
          phase,
          'runId.$': '$.plan.runId',
          'regionCode.$': '$$.Map.Item.Value',
          'month.$': '$.plan.month',
          'config.$': '$.plan.config',
        },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      });
      const shard = (map.ItemProcessor as { States: Record<string, { Resource: string; Retry: unknown[] }> }).States[
        `PushShard-${phase}`
      ]!;
      expect(shard.Resource).toBe(`<${functionNamed('PushShardFunction')[0]}>`);
      expect(shard.Retry).toContainEqual(expect.objectContaining({ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }));
    }
    expect(States.FinishPush).toMatchObject({ Type: 'Task', End: true });
  });

  it('runs the plan, shard and finish handlers with time for a township, and each may use the table', () => {
    expect(functionNamed('PushPlanFunction')[1].Properties).toMatchObject({ Handler: 'index.handler', Timeout: 900 });
    expect(functionNamed('PushShardFunction')[1].Properties).toMatchObject({ Handler: 'index.handler', Timeout: 900 });
    expect(functionNamed('PushFinishFunction')[1].Properties).toMatchObject({ Handler: 'index.finish' });
  });

  it('starts on the 1st of each month at 09:00 China time for each configured region, with k and N', () => {
    const [machineId] = machineNamed('MonthlyPush');
    const [[, rule]] = rulesTargeting(machineId) as [[string, Resource]];
    expect(rule.Properties.ScheduleExpression).toBe('cron(0 1 1 * ? *)');
    const [target] = rule.Properties.Targets as { Input: string; RoleArn: unknown }[];
    expect(JSON.parse(target!.Input)).toEqual({ regionCode: '15', config: { k: 4, n: 3 } });
    expect(target!.RoleArn).toBeDefined();
  });
});

describe('nightly recommendation lists', () => {
  it('plans, ranks every township in a Distributed Map with the epochs read before the freeze, then finishes', () => {
    const { StartAt, States } = definitionOf('DailyLists');
    expect(StartAt).toBe('PlanLists');
    expect(States.PlanLists).toMatchObject({ Type: 'Task', Next: 'ListsShards', ResultPath: '$.plan' });
    const map = States.ListsShards!;
    expect(map).toMatchObject({
      Type: 'Map',
      Next: 'FinishLists',
      ItemsPath: '$.plan.townships',
      ItemSelector: {
        'runId.$': '$.plan.runId',
        'regionCode.$': '$$.Map.Item.Value',
        'day.$': '$.plan.day',
        'epochs.$': '$.plan.epochs',
      },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    });
    const shard = (map.ItemProcessor as { States: Record<string, { Resource: string }> }).States.ListsShard!;
    expect(shard.Resource).toBe(`<${functionNamed('ListsShardFunction')[0]}>`);
    expect(States.FinishLists).toMatchObject({ Type: 'Task', End: true });
    expect(functionNamed('ListsFinishFunction')[1].Properties).toMatchObject({ Handler: 'index.finish' });
  });

  it('starts every night at 00:45 China time, after the map’s sweep, over the push’s regions', () => {
    const [machineId] = machineNamed('DailyLists');
    const [[, rule]] = rulesTargeting(machineId) as [[string, Resource]];
    expect(rule.Properties.ScheduleExpression).toBe('cron(45 16 * * ? *)');
    const [target] = rule.Properties.Targets as { Input: string }[];
    expect(JSON.parse(target!.Input)).toEqual({ regionCode: '15' });
  });
});

it('gives every log group a retention', () => {
  const logGroups = ofType('AWS::Logs::LogGroup');
  // The API's; the plan, shard and finish functions' of 免申即享, of the push and of the nightly lists; the map
  // sweep's; the figures' stream consumer's and reconciliation's; the job alerts' stream consumer's; the
  // warnings'; the texts' stream consumer's; the three state machines'; the API access log.
  expect(logGroups).toHaveLength(20);

  for (const [id, group] of logGroups) {
    expect(group.Properties.RetentionInDays, id).toBeGreaterThanOrEqual(30);
  }
});

it('outputs the API URL, the table name and the secret ARN', () => {
  const [tableId] = only('AWS::DynamoDB::GlobalTable');
  const [secretId] = secretNamed('AppSecret');
  template.hasOutput('ApiUrl', {});
  template.hasOutput('TableName', { Value: { Ref: tableId } });
  template.hasOutput('AppSecretArn', { Value: { Ref: secretId } });
  template.hasOutput('SmsSecretArn', { Value: { Ref: secretNamed('SmsSecret')[0] } });
});
