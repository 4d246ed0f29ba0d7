import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** A V8 CPU profile (the `.cpuprofile` format Chrome DevTools opens). */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Samples this process's main thread (not its worker threads: the embedding model's, the text index builder's) until
 * `stop`, which returns the profile. For benches that ask where a request's CPU goes on the main thread.
 */
export async function startCpuProfile(intervalMicros = 200): Promise<{ stop(): Promise<CpuProfile> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: intervalMicros });
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      return profile as unknown as CpuProfile;
    },
  };
}

/** Where a URL's code comes from: a package under node_modules, one of ours, or node's own. */
function origin(url: string): string {
  if (url === "") return "(native / V8)";
  const dependency = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  const ours = url.match(/\/(packages|apps|bench)\/([^/]+)\//);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url.startsWith("node:") ? "node:" : url.replace(/^.*\//, "");
}

/**
 * Self time (ms) of the profile's samples, by origin (package) and by function, highest first, divided by `per`
 * (e.g. the number of requests profiled).
 */
export function summarizeCpuProfile(profile: CpuProfile, per: number, top = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  for (const [index, id] of profile.samples.entries()) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)!.callFrame;
    // The profiler's own start (a native "dispatch" frame under startCpuProfile collects the samples taken while
    // the thread waits) is not the requests' work.
    if (frame.functionName === "(idle)" || frame.functionName === "(program)" || (frame.functionName === "dispatch" && frame.url === "")) continue;
    const from = origin(frame.url);
    byOrigin.set(from, (byOrigin.get(from) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"}  ${frame.url.replace(/^.*\/(node_modules|packages|apps|bench)\//, "$1/")}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const format = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `${(micros / 1000 / per).toFixed(2).padStart(8)}  ${name}`);
  const busy = [...byOrigin.values()].reduce((sum, micros) => sum + micros, 0);
  return [`main-thread CPU per request (sampled, idle excluded): ${(busy / 1000 / per).toFixed(1)} ms; by origin:`, ...format(byOrigin), "by function (self time):", ...format(byFunction)];
}

/** Writes the profile where DevTools can open it. */
export function saveCpuProfile(profile: CpuProfile, file: string): void {
  writeFileSync(file, JSON.stringify(profile));
}
