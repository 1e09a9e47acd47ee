/** Builds the H5 app once per run, only when its sources changed (the same stamp `npm start` uses). */
import { ensureMiniappBuild, LOCAL_H5_ENV } from '../../functions/src/local/miniappBuild.js';

export default async function setup() {
  await ensureMiniappBuild('h5', { env: LOCAL_H5_ENV, log: (line) => console.log(line) });
}
