/**
 * ID numbers at rest: AES-256-GCM under a data key (envelope encryption). On
 * AWS the data key comes from KMS (GenerateDataKey / Decrypt on the stack's
 * key); locally it is wrapped by a master key kept in .data/. A data key is
 * reused for a bounded number of records and time, as the AWS Encryption SDK's
 * caching does, so an import of 100,000 rows does not call KMS 100,000 times.
 * Lookup and uniqueness use a keyed hash (HMAC-SHA256), never the number itself.
 * Every data key is bound to an encryption context (加密上下文: what it is for and which
 * table), so it opens only for that use, and KMS's key grant can require it (infra/).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

export interface DataKeyProvider {
  generate(): Promise<{ plaintext: Buffer; encrypted: Buffer }>;
  decrypt(encrypted: Buffer): Promise<Buffer>;
}

/** The purpose named in the ID vault's encryption context; the stack's key grant asks for it. */
export const ID_VAULT_PURPOSE = 'id-vault';

/** KMS encryption context: non-secret names bound to a wrapped data key and logged with each use. */
export type EncryptionContext = Record<string, string>;

/** The context of the ID vault's data keys: their purpose and the table holding what they seal. */
export function idVaultEncryptionContext(tableName: string): EncryptionContext {
  return { purpose: ID_VAULT_PURPOSE, table: tableName };
}

export function kmsDataKeyProvider(keyArn: string, region: string, context: EncryptionContext = {}): DataKeyProvider {
  const kms = new KMSClient({ region });
  return {
    async generate() {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: context }));
      return { plaintext: Buffer.from(out.Plaintext!), encrypted: Buffer.from(out.CiphertextBlob!) };
    },
    async decrypt(encrypted) {
      const out = await kms.send(new DecryptCommand({ KeyId: keyArn, CiphertextBlob: encrypted, EncryptionContext: context }));
      return Buffer.from(out.Plaintext!);
    },
  };
}

function seal(key: Buffer, plaintext: Buffer, aad?: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad?: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** A local wrapped key made with a context starts with this byte; one made before contexts is 60 bytes (iv, tag, key). */
const LOCAL_CONTEXT_V1 = 0x01;
const LOCAL_LEGACY_LENGTH = 12 + 16 + 32;

/** The context as the authenticated data of a local wrap: the same names and values in any order give the same bytes. */
const contextBytes = (context: EncryptionContext) =>
  Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), 'utf8');

/**
 * Locally (and in tests, standing in for KMS): data keys wrapped by a 32-byte master key, the
 * context authenticated as KMS does, so a key opens only with the context it was made with.
 * Keys wrapped before contexts existed still open (the local database keeps them).
 */
export function localDataKeyProvider(masterKey: Buffer, context: EncryptionContext = {}): DataKeyProvider {
  if (masterKey.length !== 32) throw new Error('the local ID master key must be 32 bytes');
  const aad = contextBytes(context);
  return {
    async generate() {
      const plaintext = randomBytes(32);
      return { plaintext, encrypted: Buffer.concat([Buffer.of(LOCAL_CONTEXT_V1), seal(masterKey, plaintext, aad)]) };
    },
    async decrypt(encrypted) {
      if (encrypted.length === LOCAL_LEGACY_LENGTH) return open(masterKey, encrypted);
      if (encrypted[0] !== LOCAL_CONTEXT_V1) throw new Error('unknown local data key format');
      return open(masterKey, encrypted.subarray(1), aad);
    },
  };
}

/** What is stored for an ID number: the wrapped data key and the sealed number, base64. */
export interface SealedId {
  edk: string;
  box: string;
}

export interface IdVault {
  seal(idNumber: string): Promise<SealedId>;
  open(sealed: SealedId): Promise<string>;
  /** HMAC-SHA256 of the normalised number, hex: the unique lookup key. */
  hash(idNumber: string): string;
}

export function createIdVault(provider: DataKeyProvider, hashKey: string, limits = { uses: 10_000, ageMs: 3_600_000 }): IdVault {
  let current: { plaintext: Buffer; edk: string; uses: number; since: number } | undefined;
  let pending: Promise<{ plaintext: Buffer; encrypted: Buffer }> | undefined;
  const opened = new Map<string, Buffer>();

  async function dataKey() {
    if (current && current.uses < limits.uses && Date.now() - current.since < limits.ageMs) {
      current.uses++;
      return current;
    }
    // Many rows sealed at once share one new key rather than each asking KMS.
    pending ??= provider.generate().finally(() => (pending = undefined));
    const key = await pending;
    const edk = key.encrypted.toString('base64');
    if (current?.edk !== edk) current = { plaintext: key.plaintext, edk, uses: 0, since: Date.now() };
    current.uses++;
    return current;
  }

  return {
    async seal(idNumber) {
      const key = await dataKey();
      return { edk: key.edk, box: seal(key.plaintext, Buffer.from(idNumber, 'utf8')).toString('base64') };
    },
    async open(sealed) {
      let key = opened.get(sealed.edk);
      if (!key) {
        key = await provider.decrypt(Buffer.from(sealed.edk, 'base64'));
        if (opened.size >= 256) opened.delete(opened.keys().next().value!);
        opened.set(sealed.edk, key);
      }
      return open(key, Buffer.from(sealed.box, 'base64')).toString('utf8');
    },
    hash(idNumber) {
      // A function not given the hash key (infra/) must fail, never hash with an empty key.
      if (!hashKey) throw new Error('no ID hash key in this function');
      return createHmac('sha256', hashKey).update(idNumber.toUpperCase()).digest('hex');
    },
  };
}
