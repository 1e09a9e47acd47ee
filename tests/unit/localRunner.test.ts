/** The local runner's refusals and warnings: one clear sentence when Java is missing, when dev login would be on the network, or when DynamoDB Local's port could be taken. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkDevLoginHost, DevLoginExposedError } from '../../functions/src/local/devLoginGuard.js';
import { checkJava, JavaMissingError } from '../../functions/src/local/dynamodbLocal.js';
import { ephemeralPortWarning } from '../../functions/src/local/ephemeralPort.js';

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

describe('checkDevLoginHost', () => {
  it('serves dev login on loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(() => checkDevLoginHost(host, {})).not.toThrow();
    }
  });

  it('refuses any other interface and says why and what to do', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'bangfu.example.cn', '127.example.cn']) {
      const error = (() => {
        try {
          checkDevLoginHost(host, {});
        } catch (e) {
          return e;
        }
      })();
      expect(error, host).toBeInstanceOf(DevLoginExposedError);
      expect((error as Error).message).toContain(`HOST=${host}`);
      expect((error as Error).message).toMatch(/log in as any account/);
      expect((error as Error).message).toContain('ALLOW_DEV_LOGIN_ON_NETWORK=1');
    }
  });

  it('starts on the network only with the explicit flag', () => {
    expect(() => checkDevLoginHost('0.0.0.0', { ALLOW_DEV_LOGIN_ON_NETWORK: '1' })).not.toThrow();
    expect(() => checkDevLoginHost('0.0.0.0', { ALLOW_DEV_LOGIN_ON_NETWORK: 'true' })).toThrow(DevLoginExposedError);
  });
});

describe('ephemeralPortWarning', () => {
  it('warns about a DynamoDB Local port inside the ephemeral range, and not about one below it', () => {
    expect(ephemeralPortWarning(40000, '32768\t60999\n')).toMatch(/DYNAMODB_PORT=40000 .*32768–60999/);
    expect(ephemeralPortWarning(8000, '32768\t60999\n')).toBeUndefined();
    expect(ephemeralPortWarning(40000, '')).toBeUndefined(); // range unknown (not Linux)
  });
});
