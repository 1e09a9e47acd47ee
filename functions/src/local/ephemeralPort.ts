/**
 * DynamoDB Local on a port inside the OS's ephemeral range can find it taken when it restarts:
 * the app's own outgoing connections are given ports from that range (once, a restarted DynamoDB
 * Local could not bind because the app was connecting to itself there). The runner warns.
 */
import { readFileSync } from 'node:fs';

const RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range';

/** The warning for `port`, or undefined when it is outside the range (or the range is unknown). */
export function ephemeralPortWarning(port: number, rangeText: string = readRange()): string | undefined {
  const [low, high] = rangeText.trim().split(/\s+/).map(Number);
  if (low === undefined || high === undefined || !Number.isInteger(low) || !Number.isInteger(high)) return undefined;
  if (port < low || port > high) return undefined;
  return (
    `DYNAMODB_PORT=${port} is inside this machine's ephemeral port range (${low}–${high}): after a restart ` +
    `DynamoDB Local may find it taken by an outgoing connection. Choose a port below ${low}, e.g. 8000.`
  );
}

function readRange(): string {
  try {
    return readFileSync(RANGE_FILE, 'utf8');
  } catch {
    return ''; // not Linux: nothing to say
  }
}
