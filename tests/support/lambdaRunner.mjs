// A Lambda function's bundle in a fresh process, as Lambda's init loads it: imports the handler
// (timing the import, wall and CPU), then answers the events its parent sends over IPC.
import { pathToFileURL } from 'node:url';

const cpuBefore = process.cpuUsage();
const before = performance.now();
const { handler } = await import(pathToFileURL(process.argv[2]).href);
const ms = performance.now() - before;
const cpu = process.cpuUsage(cpuBefore);
process.send({ init: { ms, cpuMs: (cpu.user + cpu.system) / 1000 } });

process.on('message', async ({ id, event }) => {
  try {
    process.send({ id, response: await handler(event, {}) });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
