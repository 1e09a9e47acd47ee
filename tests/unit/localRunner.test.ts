/** The local runner's refusals: one clear sentence when Java is missing. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkJava, JavaMissingError } from '../../functions/src/local/dynamodbLocal.js';

const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
});

describe('checkJava', () => {
  it('says what to install when no java is on the PATH', async () => {
    process.env.PATH = '/nonexistent';
    const error = await checkJava().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JavaMissingError);
    expect((error as Error).message).toMatch(/Java 17/);
    expect((error as Error).message).toContain('apt-get install -y openjdk-17-jre-headless');
  });

  it('passes when java is there', async () => {
    await expect(checkJava()).resolves.toBeUndefined();
  });
});
