/** The credential chain the Lambda bundle keeps: the function's role, from the environment Lambda sets. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '../../functions/src/lambdaBundle/credentialsFromEnvironment.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('credentialsFromEnvironment', () => {
  it("reads the role's session credentials Lambda puts in the environment", async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'session',
    });
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });

  it('fails plainly, rather than trying profiles or instance metadata, when the environment has none', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(defaultProvider()()).rejects.toThrow(/credentials/i);
  });
});
