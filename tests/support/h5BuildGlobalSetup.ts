/**
 * Starts the H5 build when the run starts, without waiting for it: it runs while the api and unit
 * files do, and the first e2e suite finds it made, or waits on its lock (functions/src/local/miniappBuild.ts).
 * A failed build is not reported here: the suites' own ensureMiniappBuild tries again and fails with Taro's output.
 */
import { ensureMiniappBuild, LOCAL_H5_ENV } from '../../functions/src/local/miniappBuild.js';

export default function setup() {
  const building = ensureMiniappBuild('h5', { env: LOCAL_H5_ENV, log: (line) => console.log(line) }).catch((error: unknown) =>
    console.log(`The H5 build started at setup failed; the e2e suites will retry it.\n${String(error)}`),
  );
  // Teardown waits, so the run never ends with Taro still writing.
  return async () => {
    await building;
  };
}
