/**
 * The CDK stack, synthesized in-process without bundling: the table matches the one
 * key-schema module, secrets stay out of the Lambda environment, and the API function
 * can reach exactly what it needs.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_INDEXES, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../../functions/src/db/tableSchema.js';
import { BangfuStack } from '../../infra/lib/bangfu-stack.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

const infraDir = path.resolve(import.meta.dirname, '..', '..', 'infra');

let template: Template;
let resources: Record<string, Resource>;

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

/** The one schedule whose target is the resource `id`. */
function ruleTargeting(id: string): [string, Resource] {
  const found = ofType('AWS::Events::Rule').filter(([, rule]) =>
    (rule.Properties.Targets as { Arn: { 'Fn::GetAtt'?: string[]; Ref?: string } }[]).some(
      (t) => t.Arn['Fn::GetAtt']?.[0] === id || t.Arn.Ref === id,
    ),
  );
  expect(found, id).toHaveLength(1);
  return found[0]!;
}

const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

beforeAll(() => {
  // The same feature flags as `cdk synth` (infra/cdk.json), and no esbuild run.
  const cdkJson = JSON.parse(readFileSync(path.join(infraDir, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new BangfuStack(app, 'Bangfu-test', {
    env: { region: 'cn-north-1' },
    stage: 'test',
    wechatAppId: 'wx0123456789abcdef',
    autoClaimRegions: ['150222', '150221'],
    pushRegions: ['15'],
    pushConfig: { k: 4, n: 3 },
  });
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
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
    expect(ofType('AWS::SecretsManager::Secret')).toHaveLength(2);
    const [, secret] = secretNamed('IdHashSecret');
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true });
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

  it('may read the secrets, read/write the table and its indexes, and use the data key', () => {
    const [secretId] = secretNamed('AppSecret');
    const [idHashSecretId] = secretNamed('IdHashSecret');
    const [tableId] = only('AWS::DynamoDB::GlobalTable');
    const [keyId] = only('AWS::KMS::Key');
    const [, fn] = functionNamed('ApiFunction');
    const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => s.Effect === 'Allow');
    const allowed = (action: string, resource: unknown) =>
      statements.some(
        (s) =>
          actions(s).includes(action) &&
          (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).some((r) => JSON.stringify(r) === JSON.stringify(resource)),
      );

    expect(allowed('secretsmanager:GetSecretValue', { Ref: secretId })).toBe(true);
    expect(allowed('secretsmanager:GetSecretValue', { Ref: idHashSecretId })).toBe(true);
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const indexArns = { 'Fn::Join': ['', [tableArn, '/index/*']] };
    for (const action of ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem', 'ConditionCheckItem']) {
      expect(allowed(`dynamodb:${action}`, tableArn), action).toBe(true);
    }
    expect(allowed('dynamodb:Query', indexArns)).toBe(true);
    const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
    expect(allowed('kms:GenerateDataKey', keyArn)).toBe(true);
    expect(allowed('kms:Decrypt', keyArn)).toBe(true);
    // Nothing beyond the stack's own resources (apart from the managed logging policy).
    expect(statements.flatMap(actions).filter((a) => a.endsWith(':*') || a === '*')).toEqual([]);
  });
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

  it('allows CORS for the app methods and headers', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
        AllowHeaders: Match.arrayWith(['Authorization', 'Content-Type']),
      }),
    });
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
  it('runs the auto-claims handler on Node.js 22 with time for a county, for the configured regions', () => {
    const [, fn] = functionNamed('AutoClaimsFunction');
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 900 });
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.AUTO_CLAIM_REGIONS).toBe('150222,150221');
    expect(Object.keys(variables)).not.toContain('TOKEN_SECRET');
    expect(Object.keys(variables)).not.toContain('DEV_LOGIN');
  });

  it('is scheduled on the 26th of each month, 02:00 China time, after townships enter the month', () => {
    const [fnId] = functionNamed('AutoClaimsFunction');
    const [, rule] = ruleTargeting(fnId);
    expect(rule.Properties.ScheduleExpression).toBe('cron(0 18 25 * ? *)');
    expect(rule.Properties.State).toBe('ENABLED');
    const [target] = rule.Properties.Targets as {
      Arn: { 'Fn::GetAtt': string[] };
      RetryPolicy?: { MaximumRetryAttempts: number };
    }[];
    expect(target!.Arn['Fn::GetAtt'][0]).toBe(fnId);
    expect(target!.RetryPolicy?.MaximumRetryAttempts).toBe(2);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });

  it('may read and write the table like the API', () => {
    const [fnId] = functionNamed('AutoClaimsFunction');
    const role = (resources[fnId]!.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => (policy.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    expect(statements.flatMap(actions)).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']),
    );
  });
});

describe('monthly job push', () => {
  /** The state machine's definition as JSON, with the functions' ARNs replaced by their logical ids. */
  function definition(): { StartAt: string; States: Record<string, Record<string, unknown>> } {
    const [, machine] = only('AWS::StepFunctions::StateMachine');
    const parts = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const text = parts
      .map((p) => (typeof p === 'string' ? p : `<${(p as { 'Fn::GetAtt': string[] })['Fn::GetAtt']?.[0]}>`))
      .join('');
    return JSON.parse(text);
  }

  it('plans, fans the township shards out in a Distributed Map for the priority groups, then for everyone else, then finishes', () => {
    const { StartAt, States } = definition();
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
        ItemsPath: '$.plan.shards',
        MaxConcurrency: 40,
        ItemSelector: { phase, 'runId.$': '$$.Map.Item.Value.runId', 'regionCode.$': '$$.Map.Item.Value.regionCode' },
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
    const [machineId] = only('AWS::StepFunctions::StateMachine');
    const [, rule] = ruleTargeting(machineId);
    expect(rule.Properties.ScheduleExpression).toBe('cron(0 1 1 * ? *)');
    const [target] = rule.Properties.Targets as { Input: string; RoleArn: unknown }[];
    expect(JSON.parse(target!.Input)).toEqual({ regionCode: '15', config: { k: 4, n: 3 } });
    expect(target!.RoleArn).toBeDefined();
  });
});

it('gives every log group a retention', () => {
  const logGroups = ofType('AWS::Logs::LogGroup');
  expect(logGroups).toHaveLength(6); // the API's, auto-claims', the push's plan, shard and finish functions', the API access log

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
});
