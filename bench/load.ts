import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";
import { summarizeLatencies } from "./latency-summary";
import { openBenchApi } from "./open-bench-api";
import { progress } from "./progress";
import { seedSyntheticChunks } from "./seed-synthetic-chunks";
import { pick, question, seededRandom, TOPICS } from "./synthetic-prose";

const CONVERSATIONS = Number(process.env.BENCH_LOAD_CONVERSATIONS ?? 200);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CHUNKS = Number(process.env.BENCH_LOAD_CHUNKS ?? 1000);
/** The per-visitor widget limit the bench runs under (the default); each conversation paces itself below it. */
const PER_VISITOR_PER_MINUTE = 20;
const MIN_INTERVAL_MS = Math.ceil(60_000 / (PER_VISITOR_PER_MINUTE - 2));
const CLIENT_TIMEOUT_MS = 60_000;

/**
 * N widget conversations at once for S seconds over real HTTP (each visitor sends its next message once the last
 * is answered, at most 18 a minute, so it stays under the per-visitor limit; the per-IP limit is lifted because
 * every visitor comes from 127.0.0.1). Counts errors other than deliberate 429s, then checks the database: every
 * accepted message and its answer must be stored. PGlite unless DATABASE_URL is set.
 */
export async function benchLoad(): Promise<SectionResult> {
  process.env.WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR = String(PER_VISITOR_PER_MINUTE);
  process.env.WIDGET_RATE_LIMIT_PER_MINUTE_IP = "0";
  const api = await openBenchApi({ listen: true });
  try {
    const { tenant } = api;
    await seedSyntheticChunks(
      api.deps.prisma,
      api.deps.rag.embeddings,
      { organizationId: tenant.organizationId, knowledgeBaseId: tenant.knowledgeBaseId },
      CHUNKS,
      progress("seeding chunks", CHUNKS),
      // Visitors ask front-desk questions, so the knowledge holds front-desk sentences.
      "sentences",
    );
    const url = `${api.server!.url}/api/widget/v1/chat`;
    const latencies: number[] = [];
    const errors = new Map<string, number>();
    let throttled = 0;
    const accepted = new Map<string, number>(); // conversationId → answered turns
    const deadline = performance.now() + SECONDS * 1000;
    const fail = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);

    const visitor = async (index: number) => {
      const random = seededRandom(1000 + index);
      const visitorId = `load-visitor-${index}`;
      let conversationId: string | undefined;
      // Spread the first requests over the first pacing interval instead of one burst.
      await sleep(random() * MIN_INTERVAL_MS);
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-frontdesk-bot-key": tenant.botPublicKey, "x-frontdesk-visitor": visitorId },
            body: JSON.stringify({ message: question(random, pick(random, TOPICS)), ...(conversationId ? { conversationId } : {}) }),
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          const text = await response.text();
          if (response.status === 429) throttled += 1;
          else if (response.status !== 200) fail(`HTTP ${response.status}`);
          else {
            latencies.push(performance.now() - started);
            const body = JSON.parse(text) as { conversationId: string };
            conversationId = body.conversationId;
            accepted.set(conversationId, (accepted.get(conversationId) ?? 0) + 1);
          }
        } catch (error) {
          fail(error instanceof Error ? error.name : "error");
        }
        await sleep(Math.max(0, MIN_INTERVAL_MS - (performance.now() - started)));
      }
    };
    const ticker = progressTicker(() => latencies.length);
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, index) => visitor(index)));
    clearInterval(ticker);

    // Every accepted turn must be in the database: the visitor's message and the answer.
    const rows = await api.deps.prisma.message.groupBy({
      by: ["conversationId", "role"],
      where: { organizationId: tenant.organizationId, conversationId: { in: [...accepted.keys()] } },
      _count: { _all: true },
    });
    const stored = (conversationId: string, role: string) =>
      rows.find((row) => row.conversationId === conversationId && row.role === role)?._count._all ?? 0;
    let lostMessages = 0;
    for (const [conversationId, turns] of accepted) {
      lostMessages += Math.max(0, turns - stored(conversationId, "user")) + Math.max(0, turns - stored(conversationId, "assistant"));
    }
    const otherErrors = [...errors.values()].reduce((sum, count) => sum + count, 0);
    const latency = summarizeLatencies(latencies.length > 0 ? latencies : [0]);
    const metrics = {
      database: api.databaseLabel,
      conversations: CONVERSATIONS,
      seconds: SECONDS,
      answered: latencies.length,
      throughputPerSecond: Math.round((latencies.length / SECONDS) * 10) / 10,
      throttled429: throttled,
      otherErrors,
      errorKinds: Object.fromEntries(errors),
      lostMessages,
      latencyMs: latency,
    };
    return {
      lines: [
        `${CONVERSATIONS} widget conversations for ${SECONDS} s on ${api.databaseLabel}, ${CHUNKS} chunks, extractive answers; ` +
          `per visitor ≤ ${PER_VISITOR_PER_MINUTE - 2}/min (limit ${PER_VISITOR_PER_MINUTE}), per-IP limit off`,
        formatTable(
          ["answered", "per s", "429s", "other errors", "lost messages", "p50 ms", "p99 ms", "max ms"],
          [[latencies.length, metrics.throughputPerSecond, throttled, otherErrors, lostMessages, latency.p50, latency.p99, latency.max]],
        ),
        ...(otherErrors > 0 ? [`errors: ${JSON.stringify(metrics.errorKinds)}`] : []),
      ],
      metrics,
    };
  } finally {
    await api.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function progressTicker(count: () => number) {
  return setInterval(() => process.stderr.write(`  load: ${count()} answers so far\n`), 10_000);
}
