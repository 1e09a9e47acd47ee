import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root, wherever the process was started from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = join(REPO_ROOT, '.data');
export const CACHE_DIR = join(REPO_ROOT, '.cache');
export const miniappDist = (target: 'h5' | 'weapp') => join(REPO_ROOT, 'miniapp', 'dist', target);
