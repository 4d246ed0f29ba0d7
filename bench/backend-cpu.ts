import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;
const POLL_MS = 500;

/**
 * CPU ticks (user + system) of each PostgreSQL backend of this machine connected to `database`, by pid. `others`
 * keeps the pids found to be something else, so each process's command line is read once (reading every process's
 * every poll cost this process more CPU than what it measured).
 */
function backendTicks(database: string, others: Set<string>): Map<string, number> {
  const ticks = new Map<string, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name) && !others.has(name));
  } catch {
    return ticks;
  }
  for (const pid of entries) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!title.startsWith("postgres:") || !title.split(/\s+/).includes(database)) {
        others.add(pid);
        continue;
      }
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while it was read.
    }
  }
  return ticks;
}

/**
 * Starts counting the CPU milliseconds that this machine's PostgreSQL backends connected to `database` use (from
 * /proc, polled so that backends the pool closes meanwhile still count up to their last reading; 0 when the server
 * is elsewhere): the database's share of a run's CPU, which wall time on a loaded machine hides.
 */
export function countBackendCpu(database: string): { stop(): number } {
  const others = new Set<string>();
  const first = backendTicks(database, others);
  const last = new Map(first);
  const poll = () => {
    for (const [pid, ticks] of backendTicks(database, others)) last.set(pid, ticks);
  };
  const timer = setInterval(poll, POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      poll();
      let used = 0;
      for (const [pid, ticks] of last) used += ticks - (first.get(pid) ?? 0);
      return (used * 1000) / TICKS_PER_SECOND;
    },
  };
}
