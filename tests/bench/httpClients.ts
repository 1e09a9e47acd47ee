/**
 * HTTP clients for a benchmark, in a process of their own, so the app's process does only the
 * app's work (as on Lambda, where the phone is elsewhere). The parent forks this file with a
 * job; it answers with the latencies (ms) and the CPU ms a request of this process.
 */
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
  const once = async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < warm; i++) await once();
  const latencies: number[] = [];
  let sent = 0;
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (sent < requests) {
        sent += 1;
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, clientCpuMs: (cpu.user + cpu.system) / 1000 / requests };
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
