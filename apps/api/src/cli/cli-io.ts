/** Where a command writes: `out` is the command's result (stdout), `err` everything else (stderr). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

/**
 * Keeps stdout for the command's own output: anything else that writes to it (library banners, console.log in
 * dependencies) is rerouted to stderr, so `setup --json | jq` always sees exactly one JSON document.
 */
export function claimStdout(): CliIo {
  const writeStdout = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return {
    out: (text) => void writeStdout(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    env: process.env,
  };
}
