/** The WeChat build succeeds and stays inside WeChat's package limits (main package < 2 MB). */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureMiniappBuild } from '../../functions/src/local/miniappBuild.js';
import { REPO_ROOT } from '../../functions/src/local/paths.js';

const run = promisify(execFile);

describe('weapp build', () => {
  it('builds with a sub-package per domain and a main package under 2 MB', async () => {
    const dist = await ensureMiniappBuild('weapp', { env: { TARO_APP_API_BASE: 'https://api.example.com/api' } });
    const app = JSON.parse(await readFile(join(dist, 'app.json'), 'utf8'));
    expect(app.subPackages.map((p: { root: string }) => p.root).sort()).toEqual(['codes', 'employer', 'staff', 'worker']);

    const { stdout } = await run('node', [join(REPO_ROOT, 'miniapp', 'scripts', 'weapp-size.mjs'), dist]); // exits 1 at ≥ 2 MB
    const main = /main package\s+([\d.]+) KB/.exec(stdout);
    expect(main, stdout).not.toBeNull();
    expect(Number(main![1])).toBeLessThan(2048);
    console.log(stdout.trim());
  }, 300_000);
});
