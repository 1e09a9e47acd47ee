/** `requests` calls of `once`, `inFlight` at a time, after `warm` unmeasured ones: the latencies (ms) and this process's CPU ms a call. */
export async function measureInFlight(
  once: () => Promise<void>,
  inFlight: number,
  requests: number,
  warm: number,
): Promise<{ latencies: number[]; cpuMs: number }> {
  for (let i = 0; i < warm; i++) await once(); // connections, JIT, caches
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
  return { latencies, cpuMs: (cpu.user + cpu.system) / 1000 / requests };
}
