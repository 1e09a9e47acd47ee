/**
 * HTTP clients for a benchmark, in a process of their own, so the app's process does only the
 * app's work (as on Lambda, where the phone is elsewhere). The parent forks this file with a
 * job; it answers with the latencies (ms) and the CPU ms a request of this process.
 */
import { measureInFlight } from './inFlight.js';
import { keptAliveGet } from './keptAliveGet.js';

export interface ClientJob {
  url: string;
  headers?: Record<string, string>;
  inFlight: number;
  requests: number;
  /** Requests sent first and not measured: connections, JIT, caches. */
  warm: number;
}

export interface ClientResult {
  latencies: number[];
  clientCpuMs: number;
}

async function run({ url, headers = {}, inFlight, requests, warm }: ClientJob): Promise<ClientResult> {
  const get = keptAliveGet(inFlight);
  const once = async () => {
    await get(url, headers);
  };
  const { latencies, cpuMs } = await measureInFlight(once, inFlight, requests, warm);
  return { latencies, clientCpuMs: cpuMs };
}

process.once('message', (job: ClientJob) => {
  run(job).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
