/**
 * What the Lambda bundle puts in place of @aws-sdk/credential-provider-node (infra/lib/lambdaBundling.ts
 * aliases it). Every AWS client's default configuration imports that chain: environment, then SSO,
 * profiles, web identity, the container and instance metadata — 130 KB with the STS and SSO clients
 * it brings, a tenth of the API's bundle. On Lambda the function's role is always in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), the chain's first link, so that link
 * is all the bundle keeps. Locally the clients take the local endpoint's credentials explicitly.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
