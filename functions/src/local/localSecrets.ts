/** The local product's keys, made once and kept in .data/ so sessions and sealed ID numbers survive a restart. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from './paths.js';

export async function localSecrets(): Promise<{ TOKEN_SECRET: string; ID_HASH_KEY: string; ID_MASTER_KEY: string }> {
  const file = join(DATA_DIR, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  await mkdir(DATA_DIR, { recursive: true });
  const secrets = {
    TOKEN_SECRET: randomBytes(48).toString('base64url'),
    ID_HASH_KEY: randomBytes(48).toString('base64url'),
    ID_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
