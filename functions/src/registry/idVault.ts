/**
 * ID numbers at rest: AES-256-GCM under a data key (envelope encryption). On
 * AWS the data key comes from KMS (GenerateDataKey / Decrypt on the stack's
 * key); locally it is wrapped by a master key kept in .data/. A data key is
 * reused for a bounded number of records and time, as the AWS Encryption SDK's
 * caching does, so an import of 100,000 rows does not call KMS 100,000 times.
 * Lookup and uniqueness use a keyed hash (HMAC-SHA256), never the number itself.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

export interface DataKeyProvider {
  generate(): Promise<{ plaintext: Buffer; encrypted: Buffer }>;
  decrypt(encrypted: Buffer): Promise<Buffer>;
}

export function kmsDataKeyProvider(keyArn: string, region: string): DataKeyProvider {
  const kms = new KMSClient({ region });
  return {
    async generate() {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256' }));
      return { plaintext: Buffer.from(out.Plaintext!), encrypted: Buffer.from(out.CiphertextBlob!) };
    },
    async decrypt(encrypted) {
      const out = await kms.send(new DecryptCommand({ KeyId: keyArn, CiphertextBlob: encrypted }));
      return Buffer.from(out.Plaintext!);
    },
  };
}

function seal(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** Locally (and in tests, standing in for KMS): data keys wrapped by a 32-byte master key. */
export function localDataKeyProvider(masterKey: Buffer): DataKeyProvider {
  if (masterKey.length !== 32) throw new Error('the local ID master key must be 32 bytes');
  return {
    async generate() {
      const plaintext = randomBytes(32);
      return { plaintext, encrypted: seal(masterKey, plaintext) };
    },
    async decrypt(encrypted) {
      return open(masterKey, encrypted);
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
      return createHmac('sha256', hashKey).update(idNumber.toUpperCase()).digest('hex');
    },
  };
}
