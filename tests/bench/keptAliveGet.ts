/**
 * A GET with node's own http over kept-alive sockets, the answer read whole and parsed: how the
 * AWS SDK sends the raw GetItem a benchmark weighs a route against, so both sides of the ratio
 * pay the same client. fetch adds undici's WHATWG layer on top of that (README: the ratios with
 * each).
 */
import { Agent, request } from 'node:http';

export function keptAliveGet(inFlight: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  return (url: string, headers: Record<string, string> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const sent = request(url, { headers, agent }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
          if (answer.statusCode !== 200) reject(new Error(`${url}: ${answer.statusCode}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
      });
      sent.on('error', reject);
      sent.end();
    });
}
