/**
 * What the Lambda bundle puts in place of `@smithy/core/event-streams` (infra/lib/lambdaBundling.ts
 * aliases it).
 *
 * Why: the SDK's HTTP protocol imports event streams on demand, for operations that stream events
 * (Bedrock, Transcribe, S3 Select). DynamoDB, KMS and Secrets Manager, all our functions call, have
 * none; yet esbuild inlines the import, 15 KB in every function. Should an operation ever stream
 * events, it says so rather than fail some other way.
 */
function notInThisBundle(): never {
  throw new Error('Event streams are not in the Lambda bundle: no operation our functions call streams events');
}

export class EventStreamSerde {
  constructor() {
    notInThisBundle();
  }
}

export const eventStreamSerdeProvider = notInThisBundle;
