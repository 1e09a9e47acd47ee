/** What the app's logger (Powertools, one JSON line a call) writes to stdout while a test runs, still written through. */
export function captureStdout() {
  const written: string[] = [];
  const realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    written.push(String(chunk));
    return realWrite(chunk, ...rest);
  }) as typeof process.stdout.write;
  return {
    /** Everything written so far, as one string. */
    text: () => written.join(''),
    restore() {
      process.stdout.write = realWrite;
    },
  };
}
