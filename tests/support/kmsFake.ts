/**
 * A fake of KMS on loopback for envelope encryption: GenerateDataKey and Decrypt (AWS JSON 1.1),
 * each wrapped key bound to its encryption context as KMS binds it, so a Decrypt with another
 * context fails with InvalidCiphertextException. The product keeps its real SDK client; only
 * its endpoint (AWS_ENDPOINT_URL_KMS) points here.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

export interface KmsCall {
  operation: 'GenerateDataKey' | 'Decrypt';
  keyId: string | undefined;
  encryptionContext: Record<string, string> | undefined;
}

export interface KmsFake {
  url: string;
  calls: KmsCall[];
  close(): Promise<void>;
}

const contextBytes = (context: Record<string, string> = {}) =>
  Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : 1))));

export async function startKmsFake(): Promise<KmsFake> {
  const masterKey = randomBytes(32);
  const calls: KmsCall[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      KeyId?: string;
      CiphertextBlob?: string;
      EncryptionContext?: Record<string, string>;
    };
    const operation = String(req.headers['x-amz-target']).replace('TrentService.', '') as KmsCall['operation'];
    calls.push({ operation, keyId: body.KeyId, encryptionContext: body.EncryptionContext });
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (operation === 'GenerateDataKey') {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv).setAAD(contextBytes(body.EncryptionContext));
      const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      res.end(
        JSON.stringify({
          KeyId: body.KeyId,
          Plaintext: plaintext.toString('base64'),
          CiphertextBlob: wrapped.toString('base64'),
        }),
      );
      return;
    }
    if (operation === 'Decrypt') {
      const wrapped = Buffer.from(body.CiphertextBlob ?? '', 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12)).setAAD(
          contextBytes(body.EncryptionContext),
        );
        decipher.setAuthTag(wrapped.subarray(-16));
        const plaintext = Buffer.concat([decipher.update(wrapped.subarray(12, -16)), decipher.final()]);
        res.end(JSON.stringify({ KeyId: body.KeyId, Plaintext: plaintext.toString('base64') }));
      } catch {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'InvalidCiphertextException', message: 'wrong encryption context' }));
      }
      return;
    }
    res.statusCode = 400;
    res.end(JSON.stringify({ __type: 'UnsupportedOperationException', message: operation }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
