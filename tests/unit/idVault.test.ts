/**
 * The local stand-in for KMS (localDataKeyProvider) binds a data key to its encryption context
 * as KMS does, and still opens the keys a local database holds from before contexts.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdVault, idVaultEncryptionContext, localDataKeyProvider } from '../../functions/src/registry/idVault.js';

const masterKey = Buffer.alloc(32, 9);
const ID = '150222196706120012';

describe('local data keys', () => {
  it('open with the context they were made with, and not with another', async () => {
    const here = localDataKeyProvider(masterKey, idVaultEncryptionContext('bangfu'));
    const { plaintext, encrypted } = await here.generate();
    expect(await here.decrypt(encrypted)).toEqual(plaintext);
    // The same names in another order are the same context.
    expect(await localDataKeyProvider(masterKey, { table: 'bangfu', purpose: 'id-vault' }).decrypt(encrypted)).toEqual(plaintext);
    await expect(localDataKeyProvider(masterKey, idVaultEncryptionContext('other')).decrypt(encrypted)).rejects.toThrow();
    await expect(localDataKeyProvider(masterKey, { purpose: 'bank-card', table: 'bangfu' }).decrypt(encrypted)).rejects.toThrow();
    await expect(localDataKeyProvider(masterKey).decrypt(encrypted)).rejects.toThrow();
  });

  it('still open a number sealed before contexts, under a key wrapped without one', async () => {
    // What the vault stored before: iv, tag, then the data key sealed by the master key, no context.
    const dataKey = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    const legacyEdk = Buffer.concat([iv, cipher.getAuthTag(), body]);
    const boxIv = randomBytes(12);
    const boxCipher = createCipheriv('aes-256-gcm', dataKey, boxIv);
    const boxBody = Buffer.concat([boxCipher.update(ID, 'utf8'), boxCipher.final()]);
    const box = Buffer.concat([boxIv, boxCipher.getAuthTag(), boxBody]);

    const vault = createIdVault(localDataKeyProvider(masterKey, idVaultEncryptionContext('bangfu')), 'k'.repeat(40));
    expect(await vault.open({ edk: legacyEdk.toString('base64'), box: box.toString('base64') })).toBe(ID);
  });

  it('seal and open through the vault under the context', async () => {
    const vault = createIdVault(localDataKeyProvider(masterKey, idVaultEncryptionContext('bangfu')), 'k'.repeat(40));
    expect(await vault.open(await vault.seal(ID))).toBe(ID);
  });
});

it('a vault given no hash key refuses to hash rather than hash with an empty key', () => {
  const vault = createIdVault(localDataKeyProvider(masterKey), '');
  expect(() => vault.hash(ID)).toThrow(/hash key/);
});
