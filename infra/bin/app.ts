#!/usr/bin/env node
/**
 * CDK app of Bangfu. Context (cdk.json or `-c key=value`):
 *   stage        optional; the stack becomes `Bangfu-<stage>` instead of `Bangfu`
 *   wechatAppId  the mini-program AppID (env WECHAT_APPID of the API), default ''
 *   allowedOrigins  comma-separated CORS origins of an H5 build on its own domain, default none
 *   region       optional; overrides the region of the AWS profile/CLI
 *   autoClaimRegions  province/city/county codes (comma-separated) of the monthly 免申即享 run
 *   pushRegions  province/city/county codes (comma-separated) of the monthly job push and the nightly lists
 *   monitoringRegions  province/city/county codes (comma-separated) watched for warnings daily, figures reconciled monthly
 *
 * The account stays unresolved and nothing is looked up, so synth works offline with no
 * credentials. The region must be concrete (TableV2 with a customer-managed KMS key renders
 * per-region SSE settings): context `region`, else the CLI's region (CDK_DEFAULT_REGION, which
 * the CLI sets from the profile, us-east-1 when none), else AWS_REGION, else cn-north-1.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BangfuStack } from '../lib/bangfu-stack.js';

const app = new App();
// Synth fails on any AwsSolutions finding the stack has not acknowledged with its reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

function contextString(key: string): string {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value.trim();
}

const stage = contextString('stage');
if (stage && !/^[A-Za-z][A-Za-z0-9-]{0,31}$/.test(stage)) {
  throw new Error(`Context stage must match [A-Za-z][A-Za-z0-9-]{0,31}, got ${JSON.stringify(stage)}`);
}
const origins = contextString('allowedOrigins');
/** Province (2 digits), city (4) or county (6) codes separated by commas; '' for none. */
function regionCodes(key: string): string[] {
  const value = contextString(key);
  if (value && !/^\d{2}(\d{2}(\d{2})?)?(,\d{2}(\d{2}(\d{2})?)?)*$/.test(value)) {
    throw new Error(`Context ${key} must be province, city or county codes separated by commas, got ${JSON.stringify(value)}`);
  }
  return value ? value.split(',') : [];
}
const region = contextString('region') || process.env.CDK_DEFAULT_REGION || process.env.AWS_REGION || 'cn-north-1';

const stack = new BangfuStack(app, stage ? `Bangfu-${stage}` : 'Bangfu', {
  env: { region },
  description: `Bangfu 帮扶就业 API${stage ? ` (${stage})` : ''}: HTTP API, Lambda, DynamoDB`,
  stage,
  wechatAppId: contextString('wechatAppId'),
  wechatAlertTemplateId: contextString('wechatAlertTemplateId'),
  wechatCardTemplateId: contextString('wechatCardTemplateId'),
  sms: {
    sdkAppId: contextString('smsSdkAppId'),
    signName: contextString('smsSignName'),
    cardTemplateId: contextString('smsCardTemplateId'),
    phoneTemplateId: contextString('smsPhoneTemplateId'),
    paidTemplateId: contextString('smsPaidTemplateId'),
  },
  allowedOrigins: origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  autoClaimRegions: regionCodes('autoClaimRegions'),
  pushRegions: regionCodes('pushRegions'),
  monitoringRegions: regionCodes('monitoringRegions'),
});
Tags.of(stack).add('project', 'bangfu');
if (stage) Tags.of(stack).add('stage', stage);

app.synth();
